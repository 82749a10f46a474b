# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Board rules: notice, quorum, mandates, absences (pure functions, no ORM).

Dates are ``datetime.date``; an interval is ``(start, end)`` where ``end``
is ``None`` (or ``False``) for a mandate without an end date.
"""

PRESENT = "present"
EXCUSED = "excused"
UNEXCUSED = "unexcused"
REPRESENTED = "represented"

QUORUM_MEMBERS = "members"
QUORUM_OUTSIDE = "outside_bureau"
QUORUM_BUREAU = "bureau"


def notice_days(convened_on, meeting_day):
    """Calendar days from the convocation to the meeting."""
    return (meeting_day - convened_on).days


def notice_is_enough(convened_on, meeting_day, min_days):
    """True when the meeting is at least ``min_days`` calendar days ahead."""
    return notice_days(convened_on, meeting_day) >= min_days


def quorum_shortfalls(attendees, min_members, min_outside, min_bureau):
    """What the attendance lacks for the quorum, ``{condition: missing}``.

    ``attendees`` holds one boolean per board member counted as attending:
    True for a member of the bureau. Bureau members are board members, so
    they count among ``min_members`` too. An empty dict: quorum reached.
    """
    attendees = list(attendees)
    bureau = sum(1 for is_bureau in attendees if is_bureau)
    counts = {
        QUORUM_MEMBERS: (len(attendees), min_members),
        QUORUM_OUTSIDE: (len(attendees) - bureau, min_outside),
        QUORUM_BUREAU: (bureau, min_bureau),
    }
    return {
        condition: minimum - count
        for condition, (count, minimum) in counts.items()
        if count < minimum
    }


def attends(state, proxies_count):
    """True when a member in ``state`` counts for the quorum."""
    return state == PRESENT or (proxies_count and state == REPRESENTED)


def overlaps(first, second):
    """True when two intervals share at least one day."""
    (start_a, end_a), (start_b, end_b) = first, second
    return (not end_b or start_a <= end_b) and (not end_a or start_b <= end_a)


def max_concurrent(intervals, start, end):
    """The largest number of ``intervals`` running on one day of
    ``(start, end)``."""
    days = [start] + [s for s, _e in intervals if start < s and (not end or s <= end)]
    return max(
        (
            sum(1 for interval in intervals if overlaps(interval, (day, day)))
            for day in days
        ),
        default=0,
    )


def covers(intervals, start, end):
    """True when one of ``intervals`` runs over the whole ``(start, end)``."""
    return any(s <= start and (not e or (end and end <= e)) for s, e in intervals)


def absence_limit_reached(states, limit):
    """True when the ``limit`` latest held meetings of a board member (states
    newest first) were all absences without excuse."""
    states = list(states)
    return (
        bool(limit)
        and len(states) >= limit
        and all(state == UNEXCUSED for state in states[:limit])
    )
