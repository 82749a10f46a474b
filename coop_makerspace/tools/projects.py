# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Labelled projects (Electrolab, 003 §10): pure rules on plain values.

Periods are counted in months from an anchor month: Electrolab's four-month
periods start in February (Feb-May, Jun-Sep, Oct-Jan of the next year).
"""

import datetime
from urllib.parse import urlsplit

PROPOSED = "proposed"
ACCEPTED = "accepted"
REFUSED = "refused"
RUNNING = "running"
CLOSED = "closed"
# the steps of a labelled project: from a state, the states it may reach
TRANSITIONS = {
    PROPOSED: (ACCEPTED, REFUSED),
    ACCEPTED: (RUNNING, CLOSED),
    RUNNING: (CLOSED,),
    REFUSED: (),
    CLOSED: (),
}
URL_SCHEMES = ("http", "https")


def proposal_deadline(meeting_date, notice_days):
    """Last day to propose a project to the steering meeting on ``meeting_date``."""
    return meeting_date - datetime.timedelta(days=notice_days)


def proposal_in_time(proposal_date, meeting_date, notice_days):
    """True when a project proposed on ``proposal_date`` reaches the meeting
    at least ``notice_days`` calendar days ahead."""
    return proposal_date <= proposal_deadline(meeting_date, notice_days)


def days_before(proposal_date, meeting_date):
    """Calendar days between the proposal and the meeting."""
    return (meeting_date - proposal_date).days


def may_move(from_state, to_state):
    """True when a project may go from ``from_state`` to ``to_state``."""
    return to_state in TRANSITIONS.get(from_state, ())


def valid_period_months(months):
    """A period length that divides the year (1, 2, 3, 4, 6 or 12 months)."""
    return isinstance(months, int) and 1 <= months <= 12 and 12 % months == 0


def _month_index(day):
    return day.year * 12 + day.month - 1


def _first_day(index):
    return datetime.date(index // 12, index % 12 + 1, 1)


def period_bounds(day, first_month, months):
    """``(first_day, last_day)`` of the period containing ``day``; periods of
    ``months`` months, one of them starting in ``first_month`` (1-12)."""
    offset = (_month_index(day) - (first_month - 1)) % months
    start = _month_index(day) - offset
    end = _first_day(start + months) - datetime.timedelta(days=1)
    return _first_day(start), end


def previous_period_bounds(day, first_month, months):
    """``(first_day, last_day)`` of the period before the one containing ``day``."""
    start, _end = period_bounds(day, first_month, months)
    return period_bounds(start - datetime.timedelta(days=1), first_month, months)


def is_public_url(url):
    """True for an absolute http(s) address with a host and no blank."""
    if not isinstance(url, str) or not url or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in URL_SCHEMES and bool(parts.hostname)


def split_amounts(amounts):
    """``(spent, received)`` from signed analytic amounts (expenses are
    negative, income positive); both returned as positive numbers."""
    spent = -sum(amount for amount in amounts if amount < 0)
    received = sum(amount for amount in amounts if amount > 0)
    return spent, received


def budget_balance(voted, spent, received):
    """What remains on the budget line: the voted amount, plus the income,
    minus the expenses."""
    return voted + received - spent
