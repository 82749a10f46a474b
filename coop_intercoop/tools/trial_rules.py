# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure rules of trial / visitor cards and inter-cooperation agreements.

No ORM here: plain values in, plain values out, so that every rule is tested
with a table of the documents' own cases.
"""

from datetime import timedelta

ACTIVE = "active"
EXHAUSTED = "exhausted"
EXPIRED = "expired"
CANCELLED = "cancelled"


def card_last_day(start_date, max_days):
    """Last day a card limited to ``max_days`` days can be used (None: no limit).

    The start date is day 1: a 60-day card started on 1 March is valid up to
    and including 29 April (day 60) and expires on day 61.
    """
    if not max_days or not start_date:
        return None
    return start_date + timedelta(days=max_days - 1)


def remaining_purchases(max_purchases, purchases_used):
    """Purchases left on a card (None when the formula has no purchase limit)."""
    if not max_purchases:
        return None
    return max(max_purchases - max(purchases_used, 0), 0)


def remaining_days(start_date, max_days, today):
    """Days left including today (None when the formula has no day limit)."""
    last_day = card_last_day(start_date, max_days)
    if last_day is None:
        return None
    if today < start_date:
        return max_days
    return max((last_day - today).days + 1, 0)


def card_state(
    max_purchases, max_days, start_date, purchases_used, today, cancelled=False
):
    """State of a card on ``today``: cancelled, expired, exhausted or active."""
    if cancelled:
        return CANCELLED
    days_left = remaining_days(start_date, max_days, today)
    if days_left == 0:
        return EXPIRED
    purchases_left = remaining_purchases(max_purchases, purchases_used)
    if purchases_left == 0:
        return EXHAUSTED
    return ACTIVE


def missing_registration_fields(required_fields, values):
    """Names of the required fields that are empty (or blank) in ``values``."""
    return [name for name in required_fields if not str(values.get(name) or "").strip()]


def agreement_is_valid(state, date_start, date_end, today):
    """An agreement grants its benefits when active and ``today`` is in its dates."""
    if state != "active":
        return False
    if date_start and today < date_start:
        return False
    return not (date_end and today > date_end)


def remaining_display(remaining, unlimited_label):
    """What a screen shows for a remaining count: the count, never below 0,
    or ``unlimited_label`` when the formula has no such limit (None or -1)."""
    if remaining is None or remaining < 0:
        return unlimited_label
    return str(remaining)
