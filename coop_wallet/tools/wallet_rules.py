# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure wallet rules (no ORM): amounts are plain floats, rounded and compared
with the ``rounding`` of the wallet's currency (0.01 for euros, 1.0 for CFA
francs), never with a fixed number of decimals."""

import math
from datetime import date, timedelta

from odoo.tools.float_utils import float_compare, float_is_zero, float_round

OK = "ok"
REFUSE = "refuse"
FLAG = "flag"
REVIEW = "review"

# technical sanity bound of any amount typed or sent (not a business rule):
# beyond it an amount is a typo or an attack, and it overflows nothing
AMOUNT_LIMIT = 10**9

# an order reaching the server this long after the till created it waited in
# the till's queue: the till could not reach the server (it was offline)
OFFLINE_MARGIN = timedelta(minutes=2)


def amount_ok(amount):
    """A number, finite (no NaN/inf) and within the technical bound."""
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return False
    return math.isfinite(amount) and abs(amount) < AMOUNT_LIMIT


def was_offline(order_time, received_time, session_start, margin=OFFLINE_MARGIN):
    """Decide from the server's own records whether an order was made offline.

    A connected till sends a paid order at once; an order the server receives
    later than ``margin`` after its creation in the till (``date_order``) was
    queued while the till was offline. A creation time before the session
    opened or in the future is not evidence of anything: not offline.
    """
    if not (order_time and received_time and session_start):
        return False
    if order_time < session_start or order_time > received_time:
        return False
    return received_time - order_time > margin


def available_amount(balance, minimum, rounding):
    """Amount a member may still spend: balance minus the configured minimum."""
    return float_round(max(balance - minimum, 0.0), precision_rounding=rounding)


def parse_month(text):
    """First day of the month given as ``YYYY-MM`` or ``YYYY-MM-DD``, or None.

    Years out of 1900–9998 are refused (a statement needs the next month).
    """
    if not isinstance(text, str) or len(text) not in (7, 10):
        return None
    parts = text.split("-")
    if len(parts) not in (2, 3) or not all(part.isdigit() for part in parts):
        return None
    year, month = int(parts[0]), int(parts[1])
    day = int(parts[2]) if len(parts) == 3 else 1
    if not 1900 <= year <= 9998:
        return None
    try:
        date(year, month, day)
    except ValueError:
        return None
    return date(year, month, 1)


def spend_decision(
    balance, minimum, amount, offline=False, offline_cap=0.0, *, rounding
):
    """Decide what to do with a wallet spending of ``amount``.

    ``OK`` when the balance after spending stays at or above the minimum;
    ``REFUSE`` for an online order going below it. An order made offline must
    never be lost: ``FLAG`` (recorded, flagged) when the overdraft stays within
    ``offline_cap`` (the company's maximum offline overdraft), ``REVIEW``
    (recorded, not granted: staff decide) beyond it. Amounts are compared
    compared with the currency's ``rounding``.
    """
    overdraft = minimum - (balance - amount)
    if float_compare(overdraft, 0.0, precision_rounding=rounding) <= 0:
        return OK
    if not offline:
        return REFUSE
    beyond_cap = float_compare(overdraft, offline_cap, precision_rounding=rounding)
    return FLAG if beyond_cap <= 0 else REVIEW


def payment_sign_ok(amount, is_refund, rounding):
    """A wallet payment is positive; negative only to refund a wallet-paid order."""
    if not amount_ok(amount) or float_is_zero(amount, precision_rounding=rounding):
        return False
    return (amount < 0) == bool(is_refund)


def refundable_amount(paid, already_refunded, rounding):
    """What a refund may still give back to the wallet: what the refunded
    orders paid from it minus the wallet refunds already made for them."""
    return float_round(max(paid - already_refunded, 0.0), precision_rounding=rounding)


def running_balances(amounts, opening, rounding):
    """Running balance after each movement (credits positive)."""
    result = []
    total = opening
    for amount in amounts:
        total = float_round(total + amount, precision_rounding=rounding)
        result.append(total)
    return result
