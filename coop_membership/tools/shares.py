# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Share counts (pure functions, no ORM)."""

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from . import bounds

FIXED = "fixed"
PER_FTE = "per_fte"
CENT = Decimal("0.01")


def minimum_shares(mode, fixed=0, fte_per_share=0, fte=0):
    """Minimum number of shares of a member.

    ``fixed``: the fixed count; ``per_fte``: one share per ``fte_per_share``
    full-time equivalents started, at least one (23 FTE, 1 per 5 -> 5).
    """
    if mode == PER_FTE:
        if not fte_per_share or fte_per_share <= 0:
            return 1
        ratio = Decimal(str(fte or 0)) / Decimal(str(fte_per_share))
        return max(1, int(ratio.to_integral_value(rounding=ROUND_CEILING)))
    return int(fixed or 0)


def is_valid_share_count(quantity, maximum=bounds.MAX_COUNT):
    """A share count must be a whole number from 1 to ``maximum`` (finite)."""
    return bounds.is_count(quantity, maximum)


def reimbursement_lines(amount, quantity, step=CENT):
    """Split the reimbursement of ``quantity`` shares worth ``amount`` in all
    into ``[(quantity, unit_price)]`` whose units are multiples of ``step``
    (the currency's rounding) and whose total is exactly ``amount``.

    Shares bought at one price give one line (5 shares, 500 -> ``[(5, 100)]``);
    shares bought at different prices may not divide evenly: 3 shares worth
    200 -> ``[(1, 66.66), (2, 66.67)]``.
    """
    step = Decimal(str(step))
    steps = int((Decimal(str(amount)) / step).to_integral_value(ROUND_HALF_UP))
    quantity = int(quantity)
    base, rest = divmod(steps, quantity)
    lines = [(quantity - rest, base * step), (rest, (base + 1) * step)]
    return [(count, unit) for count, unit in lines if count]
