# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Prepaid periods (pure functions, no ORM)."""

from decimal import Decimal


def consume(count):
    """Counter after a new period starts: minus one, never negative."""
    return max(0, int(count or 0) - 1)


def consume_joining(count, credit, price, ratio):
    """Counter and credit after a joining period is paid from prepaid
    periods (003 §2.1): the joining period is prorated first (``ratio`` of
    ``price``), one prepaid period pays it and what it did not cost stays as
    credit. 3 periods at 40, joined in the 2nd month (3/4) -> 2 periods and
    10 of credit. Without prepaid periods nothing changes."""
    count = int(count or 0)
    credit = Decimal(str(credit or 0))
    if count <= 0:
        return 0, credit
    unused = Decimal(str(price)) - Decimal(str(price)) * Decimal(ratio)
    return consume(count), credit + max(unused, Decimal(0))


def reexpress(periods, credit, old_price, new_price):
    """Re-express prepaid money at a new price: ``(whole_periods, credit)``.

    The money (``periods * old_price + credit``) is kept: it buys as many
    whole periods as possible at ``new_price`` and the rest stays as residual
    credit. 3 periods at 40 with the price moving to 50 -> 2 periods + 20.
    """
    total = Decimal(int(periods or 0)) * Decimal(str(old_price or 0))
    total += Decimal(str(credit or 0))
    new_price = Decimal(str(new_price or 0))
    if new_price <= 0:
        return 0, total
    whole = int(total // new_price)
    return whole, total - whole * new_price


def apply_credit(amount, credit):
    """Use residual credit on a fee: ``(amount_due, credit_left)``."""
    amount = Decimal(str(amount))
    credit = Decimal(str(credit or 0))
    used = min(amount, credit)
    return amount - used, credit - used
