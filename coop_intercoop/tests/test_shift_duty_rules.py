# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shift duty rule (tools/shift_duty.py) in 004's numbers: 3 hours every
4 weeks. The member joined on Monday 5 January 2026: cycle 1 runs from 5
January to 1 February, cycle 2 from 2 February to 1 March, cycle 3 from 2 to
29 March."""

from datetime import date

from odoo.tests import BaseCase

from ..tools import shift_duty as r

START = date(2026, 1, 5)
DAYS = 28
DUTY = 3.0


JAN20, FEB3 = date(2026, 1, 20), date(2026, 2, 3)
CASES = [
    # today, (date, hours) counted, state, done, overdue, to do
    # first cycle, nothing done yet: up to date, 3 h to do
    (date(2026, 1, 10), [], r.UP_TO_DATE, 0, 0, 3),
    # 3 hours at a partner coop (pooled) in cycle 1: up to date
    (date(2026, 2, 10), [(JAN20, 3)], r.UP_TO_DATE, 0, 0, 3),
    # nothing in cycle 1: late, its 3 h plus this cycle's 3 h to do
    (date(2026, 2, 10), [], r.LATE, 0, 3, 6),
    # 2 h of 3 in cycle 1: late by 1 h
    (date(2026, 2, 10), [(JAN20, 2)], r.LATE, 0, 1, 4),
    # a make-up shift in cycle 2 pays cycle 1 back first
    (date(2026, 2, 10), [(FEB3, 3)], r.UP_TO_DATE, 3, 0, 3),
    (date(2026, 2, 10), [(FEB3, 6)], r.UP_TO_DATE, 6, 0, 0),
    # a partial make-up: still late
    (date(2026, 2, 10), [(FEB3, 2)], r.LATE, 2, 1, 4),
    # two 1.5 h shifts make the 3 h (1 February is cycle 1's last day)
    (
        date(2026, 2, 2),
        [(date(2026, 1, 6), 1.5), (date(2026, 2, 1), 1.5)],
        r.UP_TO_DATE,
        0,
        0,
        3,
    ),
    # tenths of hours add up exactly
    (
        date(2026, 2, 2),
        [(JAN20, 1.1), (JAN20, 1.1), (JAN20, 0.8)],
        r.UP_TO_DATE,
        0,
        0,
        3,
    ),
    # hours are not banked: 6 h in cycle 1 do not cover cycle 2
    (date(2026, 3, 5), [(JAN20, 6)], r.LATE, 0, 3, 6),
    # owed hours add up over missed cycles
    (date(2026, 3, 5), [], r.LATE, 0, 6, 9),
    # hours before the first cycle or after today do not count
    (date(2026, 2, 10), [(date(2026, 1, 4), 3)], r.LATE, 0, 3, 6),
    (date(2026, 2, 10), [(date(2026, 2, 20), 3)], r.LATE, 0, 3, 6),
    # not in the category yet: the first cycle is ahead
    (date(2026, 1, 1), [], r.UP_TO_DATE, 0, 0, 3),
]


class TestShiftDutyRules(BaseCase):
    def test_cycle_days(self):
        cases = [
            # length, unit, days
            (4, r.WEEK, 28),  # 004: every 4 weeks
            (28, r.DAY, 28),
            (1, r.WEEK, 7),
            (0, r.WEEK, 0),  # no cycle
            (4, None, 0),
            (-2, r.DAY, 0),
        ]
        for length, unit, expected in cases:
            with self.subTest(length=length, unit=unit):
                self.assertEqual(r.cycle_days(length, unit), expected)

    def test_shift_duty(self):
        for today, hours, state, done, overdue, to_do in CASES:
            with self.subTest(today=today, hours=hours):
                duty = r.shift_duty(DUTY, DAYS, START, today, hours)
                self.assertEqual(
                    (duty.state, duty.done, duty.overdue, duty.to_do),
                    (state, done, overdue, to_do),
                )

    def test_current_cycle(self):
        cases = [
            # today, first and last day of its cycle
            (date(2026, 1, 5), START, date(2026, 2, 1)),
            (date(2026, 2, 1), START, date(2026, 2, 1)),
            (date(2026, 2, 2), date(2026, 2, 2), date(2026, 3, 1)),
            (date(2026, 3, 29), date(2026, 3, 2), date(2026, 3, 29)),
            (date(2026, 1, 1), START, date(2026, 2, 1)),  # before joining
        ]
        for today, first, last in cases:
            with self.subTest(today=today):
                duty = r.shift_duty(DUTY, DAYS, START, today, [])
                self.assertEqual((duty.cycle_start, duty.cycle_end), (first, last))

    def test_exempt(self):
        today = date(2026, 3, 5)
        cases = [
            # duty hours, cycle days, start, member exempt
            (DUTY, DAYS, START, True),  # passive or exempted member
            (0.0, DAYS, START, False),  # category without duty
            (DUTY, 0, START, False),  # no cycle
            (DUTY, DAYS, None, False),  # no start
        ]
        for hours, days, start, exempt in cases:
            with self.subTest(hours=hours, days=days, start=start, exempt=exempt):
                duty = r.shift_duty(hours, days, start, today, [], exempt=exempt)
                self.assertEqual(duty.state, r.EXEMPT)
                self.assertEqual((duty.to_do, duty.cycle_end), (0.0, None))
