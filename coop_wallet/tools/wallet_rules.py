# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure wallet rules (no ORM): amounts are plain floats rounded to the cent."""

OK = "ok"
REFUSE = "refuse"
FLAG = "flag"


def available_amount(balance, minimum):
    """Amount a member may still spend: balance minus the configured minimum."""
    return round(max(balance - minimum, 0.0), 2)


def spend_decision(balance, minimum, amount, offline=False):
    """Decide what to do with a wallet spending of ``amount``.

    ``OK`` when the balance after spending stays at or above the minimum;
    otherwise ``FLAG`` for an order created offline (it must never be lost:
    it is recorded and flagged) and ``REFUSE`` for an online one.
    """
    if round(balance - amount, 2) >= round(minimum, 2) - 0.005:
        return OK
    return FLAG if offline else REFUSE


def offline_limit(cached_balance, minimum, spent_offline):
    """Maximum wallet payment a till may accept while offline."""
    return available_amount(cached_balance - spent_offline, minimum)


def payment_sign_ok(amount, is_refund):
    """A wallet payment is positive; negative only to refund a wallet-paid order."""
    amount = round(amount, 2)
    if not amount:
        return False
    return (amount < 0) == bool(is_refund)


def refundable_amount(paid, already_refunded):
    """What a refund may still give back to the wallet: what the refunded
    orders paid from it minus the wallet refunds already made for them."""
    return round(max(paid - already_refunded, 0.0), 2)


def running_balances(amounts, opening=0.0):
    """Running balance after each movement (credits positive)."""
    result = []
    total = opening
    for amount in amounts:
        total = round(total + amount, 2)
        result.append(total)
    return result
