# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fee period calendars and proration on joining (pure functions, no ORM).

A calendar is a sorted tuple of the months (1-12) at which a period starts:
``(1,)`` is the calendar year, ``(2, 6, 10)`` are Electrolab's four-month
periods (Feb-May, Jun-Sep, Oct-Jan of the next year).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

HUNDRED = Decimal(100)


def parse_start_months(text):
    """Return the sorted tuple of start months read from ``"2, 6, 10"``.

    Raise ValueError when the text is empty, not numeric or out of 1-12.
    """
    parts = [p.strip() for p in (text or "").replace(";", ",").split(",")]
    months = sorted({int(p) for p in parts if p})
    if not months or months[0] < 1 or months[-1] > 12:
        raise ValueError(text)
    return tuple(months)


def period_bounds(day, start_months):
    """Return ``(first_day, last_day)`` of the period containing ``day``."""
    months = sorted(start_months)
    candidates = [m for m in months if m <= day.month]
    if candidates:
        start = datetime.date(day.year, candidates[-1], 1)
    else:
        start = datetime.date(day.year - 1, months[-1], 1)
    return start, next_period_start(start, months) - relativedelta(days=1)


def next_period_start(start, start_months):
    """Return the first day of the period following the one starting ``start``."""
    months = sorted(start_months)
    later = [m for m in months if m > start.month]
    if later:
        return datetime.date(start.year, later[0], 1)
    return datetime.date(start.year + 1, months[0], 1)


def period_length_months(start, end):
    """Number of calendar months covered by a period (``end`` inclusive)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def month_of_period(day, period_start):
    """1-based index of the month of ``day`` within its period."""
    return (day.year - period_start.year) * 12 + day.month - period_start.month + 1


def tier_ratio(join_date, period_start, tiers):
    """Share (Decimal 0-1) of the fee due when joining on ``join_date``.

    ``tiers`` is a list of ``(from_month_of_period, percent)``: itopie's
    calendar-year tiers are ``[(1, 100), (8, 50), (11, 0)]`` (1 Jan-31 Jul
    100 %, 1 Aug-31 Oct 50 %, 1 Nov-31 Dec free). Joining before the period
    pays the whole fee; with no tier the whole fee is due.
    """
    if join_date is None or join_date < period_start:
        return Decimal(1)
    index = month_of_period(join_date, period_start)
    percent = HUNDRED
    for from_month, tier_percent in sorted(tiers):
        if index >= from_month:
            percent = Decimal(str(tier_percent))
    return percent / HUNDRED


def monthly_ratio(join_date, period_start, period_end):
    """Prorata of the months remaining, counting the joining month.

    Electrolab: joining in the 2nd month of a 4-month period pays 3/4 (a
    started month is due in full: the count of months is rounded up).
    """
    if join_date is None or join_date < period_start:
        return Decimal(1)
    total = period_length_months(period_start, period_end)
    remaining = total - month_of_period(join_date, period_start) + 1
    remaining = max(0, min(total, remaining))
    return Decimal(remaining) / Decimal(total)


def prorate(amount, ratio, digits=2):
    """``amount * ratio`` rounded half-up to ``digits`` decimals, as Decimal.

    The ratio is kept exact (Decimal fractions) until this single rounding.
    """
    quantum = Decimal(1).scaleb(-digits)
    return (Decimal(str(amount)) * ratio).quantize(quantum, rounding=ROUND_HALF_UP)
