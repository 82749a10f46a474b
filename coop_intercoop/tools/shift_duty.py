# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure rule of the shift duty of food cooperatives (seed 004, RULES.md S).

004: the members "ne font « que » leurs 3 heures toutes les 4 semaines" -- a
member owes a 3-hour shift every 4 weeks, and members of partner cooperatives
may do their hours in either cooperative (pooled hours, rule I).

The rule, on plain values (no ORM):

- The member's duty runs in cycles of ``cycle_days`` days from ``start`` (the
  day the member entered the category, or the day the category's duty is
  counted from when later): cycle 1 is ``start`` to ``start + cycle_days - 1``.
- Each cycle owes ``duty_hours``. The hours done in a cycle (here, or at a
  partner cooperative pooling hours with us) first pay what is still owed
  from earlier cycles, then the cycle's own duty. Hours beyond that are not
  banked for later cycles: the duty is "every 4 weeks", not a yearly total.
- A member is **late** while hours owed by a completed cycle are not done,
  **up to date** otherwise; **exempt** when there is no duty (the category has
  none, or the member is passive or individually exempted).
- "To do" is what the member still has to do by the end of the current cycle:
  the hours still owed from earlier cycles plus what is left of this cycle's
  duty.
"""

from collections import namedtuple
from datetime import timedelta

UP_TO_DATE = "up_to_date"
LATE = "late"
EXEMPT = "exempt"

DAY = "day"
WEEK = "week"
UNIT_DAYS = {DAY: 1, WEEK: 7}

# hours are recorded with two decimals
PRECISION = 2
# input bounds of a category's duty: hours per cycle, cycle length (days or weeks)
MAX_DUTY_HOURS = 1000
MAX_CYCLE_LENGTH = 366

ShiftDuty = namedtuple(
    "ShiftDuty",
    "state cycle_start cycle_end duty done overdue to_do",
    defaults=(None, None, 0.0, 0.0, 0.0, 0.0),
)
ShiftDuty.__doc__ = """Shift duty of a member on a day.

:param state: UP_TO_DATE, LATE or EXEMPT
:param cycle_start: first day of the current cycle (None when exempt)
:param cycle_end: last day of the current cycle (None when exempt)
:param duty: hours owed by each cycle
:param done: hours done in the current cycle
:param overdue: hours owed by the completed cycles and not done yet (the
    member is late while there are some)
:param to_do: hours still to do by ``cycle_end``: the overdue ones plus what
    is left of this cycle's duty
"""


def cycle_days(length, unit):
    """Length of a cycle in days (``length`` days or weeks; 0 when unset)."""
    return max(int(length or 0), 0) * UNIT_DAYS.get(unit, 0)


def hours_per_cycle(start, days, today, dated_hours):
    """Hours done in each cycle from ``start`` up to the one holding ``today``.

    :param dated_hours: iterable of ``(date, hours)``; hours before ``start``
        or after ``today`` are left out
    :return: list of hours, one per cycle, the current cycle last
    """
    current = (today - start).days // days
    done = [0.0] * (current + 1)
    for day, hours in dated_hours:
        if start <= day <= today:
            done[(day - start).days // days] += hours
    return done


def shift_duty(duty_hours, days, start, today, dated_hours, exempt=False):
    """Shift duty of a member on ``today`` (see the module's rule).

    :param duty_hours: hours owed by each cycle (0: no duty)
    :param days: length of a cycle in days (0: no duty)
    :param start: first day of the first cycle (None: no duty)
    :param dated_hours: iterable of ``(date, hours)`` counted for the member
    :param exempt: the member owes nothing (passive, exempted)
    :rtype: ShiftDuty
    """
    if exempt or duty_hours <= 0 or days <= 0 or not start:
        return ShiftDuty(EXEMPT)
    if today < start:
        # not in the category yet: the first cycle is ahead
        end = start + timedelta(days=days - 1)
        return ShiftDuty(UP_TO_DATE, start, end, duty_hours, 0.0, 0.0, duty_hours)
    *completed, done = hours_per_cycle(start, days, today, dated_hours)
    owed = 0.0
    for hours in completed:
        owed = max(round(owed + duty_hours - hours, PRECISION), 0.0)
    done = round(done, PRECISION)
    overdue = max(round(owed - done, PRECISION), 0.0)
    cycle_start = start + timedelta(days=len(completed) * days)
    return ShiftDuty(
        LATE if overdue else UP_TO_DATE,
        cycle_start,
        cycle_start + timedelta(days=days - 1),
        duty_hours,
        done,
        overdue,
        max(round(owed + duty_hours - done, PRECISION), 0.0),
    )
