# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Effective leave date from a notice (pure functions, no ORM)."""

import datetime

from dateutil.relativedelta import relativedelta

END_OF_MONTH = "month"
END_OF_YEAR = "year"
# a notice dated further ahead is a typing error
MAX_YEARS_AHEAD = 10


def effective_leave_date(notice_date, months, end=END_OF_MONTH, extension=0):
    """Return the effective leave date of a notice given on ``notice_date``.

    * ``end="month"``: ``months`` of notice, effective at the end of a month
      (notice on 10 March with 3 months -> 30 June);
    * ``end="year"``: effective at the end of the first calendar year that
      leaves at least ``months`` of notice (3 months: notice by 30 September
      leaves on 31 December of the same year, later on 31 December next year).
    ``extension`` replaces ``months`` when larger (provider whose documentation
    is missing: up to 6 months).
    """
    months = max(int(months or 0), int(extension or 0))
    try:
        reached = notice_date + relativedelta(months=months)
    except (OverflowError, ValueError):
        return None  # beyond the calendar (year 9999): refused by the caller
    if end == END_OF_YEAR:
        year_end = datetime.date(notice_date.year, 12, 31)
        if reached > year_end:
            year_end = datetime.date(reached.year, 12, 31)
        return year_end
    return reached + relativedelta(day=31)


def notice_too_far(notice_date, today, max_years=MAX_YEARS_AHEAD):
    """True when ``notice_date`` is more than ``max_years`` after ``today``."""
    return bool(notice_date) and notice_date > today + relativedelta(years=max_years)
