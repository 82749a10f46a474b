# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fee amounts (pure functions, no ORM)."""

from decimal import ROUND_HALF_UP, Decimal

EXEMPT = "exempt"
FIXED = "fixed"
PAYROLL = "payroll"
CENT = Decimal("0.01")


def period_fee(mode, fixed=0, permille=0, payroll=0, cap=0):
    """Fee of one period for a category rule, as Decimal.

    ``exempt`` -> 0; ``fixed`` -> ``fixed``; ``payroll`` -> ``fixed`` plus
    ``permille`` per mille of the declared gross payroll, the total capped at
    ``cap`` when a cap is set (itopie beneficiary: 100 + 1 per mille, at most
    2,000 in total).
    """
    if mode == EXEMPT:
        return Decimal(0)
    amount = Decimal(str(fixed or 0))
    if mode == PAYROLL:
        amount += Decimal(str(payroll or 0)) * Decimal(str(permille or 0)) / 1000
        if cap and amount > Decimal(str(cap)):
            amount = Decimal(str(cap))
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def apply_discount(amount, percent):
    """``amount`` less ``percent`` %, rounded half-up to the cent (100, 10 -> 90)."""
    amount = Decimal(str(amount))
    factor = (Decimal(100) - Decimal(str(percent or 0))) / Decimal(100)
    return max(Decimal(0), (amount * factor).quantize(CENT, rounding=ROUND_HALF_UP))
