# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Table tests of the board rules with Electrolab's numbers (003 §4-5)."""

from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import board

D = date
# 003 §4: three board members (at least one outside the bureau) and a bureau
# member: 4 attending, 1 outside the bureau, 1 on the bureau
ELECTROLAB_QUORUM = (4, 1, 1)


@tagged("post_install", "-at_install")
class TestBoardRules(BaseCase):
    def test_notice_table(self):
        """Convened at least one calendar week (7 days) ahead."""
        meeting = D(2026, 6, 15)
        cases = [
            (D(2026, 6, 8), 7, True),
            (D(2026, 6, 9), 6, False),
            (D(2026, 6, 1), 14, True),
            (D(2026, 6, 15), 0, False),
            (D(2026, 5, 31), 15, True),
            (D(2026, 6, 16), -1, False),  # after the meeting
        ]
        for convened_on, days, enough in cases:
            with self.subTest(convened_on=convened_on):
                self.assertEqual(board.notice_days(convened_on, meeting), days)
                self.assertEqual(
                    board.notice_is_enough(convened_on, meeting, 7), enough
                )
        self.assertTrue(board.notice_is_enough(D(2026, 6, 15), meeting, 0))

    def test_quorum_table(self):
        """attendees: True for a bureau member; missing per condition."""
        M, O, B = board.QUORUM_MEMBERS, board.QUORUM_OUTSIDE, board.QUORUM_BUREAU
        cases = [
            ([True, False, False, False], {}),  # the smallest quorum
            ([True, True, False, False], {}),
            ([True, True, True, False, False, False], {}),
            ([True, False, False], {M: 1}),
            ([True, True, False], {M: 1}),
            ([True, False], {M: 2}),
            ([False, False, False, False], {B: 1}),
            ([True, True, True], {M: 1, O: 1}),
            ([True, True, True, True], {O: 1}),
            ([True], {M: 3, O: 1}),
            ([], {M: 4, O: 1, B: 1}),
            ([False] * 8, {B: 1}),
        ]
        for attendees, missing in cases:
            with self.subTest(attendees=attendees):
                self.assertEqual(
                    board.quorum_shortfalls(attendees, *ELECTROLAB_QUORUM), missing
                )
        self.assertEqual(board.quorum_shortfalls([], 0, 0, 0), {})

    def test_attends_table(self):
        cases = [
            (board.PRESENT, False, True),
            (board.PRESENT, True, True),
            (board.REPRESENTED, False, False),
            (board.REPRESENTED, True, True),
            (board.EXCUSED, True, False),
            (board.UNEXCUSED, True, False),
            ("invited", True, False),
        ]
        for state, proxies_count, attends in cases:
            with self.subTest(state=state, proxies_count=proxies_count):
                self.assertEqual(bool(board.attends(state, proxies_count)), attends)

    def test_consecutive_absences_table(self):
        """Newest first: two consecutive absences without excuse (limit 2)."""
        U, E, P, R = board.UNEXCUSED, board.EXCUSED, board.PRESENT, board.REPRESENTED
        cases = [
            ([U, U], 2, True),
            ([U, U, P], 2, True),
            ([U, P, U], 2, False),
            ([U, E], 2, False),
            ([U, R], 2, False),
            ([U], 2, False),
            ([], 2, False),
            ([P, U, U], 2, False),  # came back to the last meeting
            ([U, U], 3, False),
            ([U, U, U], 3, True),
            ([U, U], 0, False),  # 0: never flagged
        ]
        for states, limit, flagged in cases:
            with self.subTest(states=states, limit=limit):
                self.assertEqual(board.absence_limit_reached(states, limit), flagged)

    def test_overlaps_table(self):
        jan, jun, dec = D(2026, 1, 1), D(2026, 6, 30), D(2026, 12, 31)
        cases = [
            ((jan, jun), (D(2026, 7, 1), dec), False),
            ((jan, jun), (jun, dec), True),  # one day shared
            ((jan, None), (D(2030, 1, 1), None), True),
            ((D(2027, 1, 1), None), (jan, dec), False),
            ((jan, dec), (D(2026, 3, 1), D(2026, 3, 31)), True),
            ((jan, False), (D(2025, 1, 1), D(2025, 12, 31)), False),
        ]
        for first, second, overlap in cases:
            with self.subTest(first=first, second=second):
                self.assertEqual(board.overlaps(first, second), overlap)
                self.assertEqual(board.overlaps(second, first), overlap)

    def test_board_size_table(self):
        """The most mandates running on one day: 7 others + 1 fits 8 seats."""
        jan = D(2026, 1, 1)
        seven = [(jan, None)] * 7
        cases = [
            (seven, (jan, None), 7),
            (seven[:6] + [(jan, D(2026, 3, 31))], (D(2026, 4, 1), None), 6),
            (seven[:6] + [(D(2026, 9, 1), None)], (jan, D(2026, 8, 31)), 6),
            (seven[:6] + [(D(2026, 9, 1), None)], (jan, None), 7),
            ([(jan, D(2026, 2, 1)), (D(2026, 3, 1), None)], (jan, None), 1),
            ([], (jan, None), 0),
        ]
        for intervals, new, count in cases:
            with self.subTest(intervals=intervals, new=new):
                self.assertEqual(board.max_concurrent(intervals, *new), count)
        eight = [(jan, None)] * 8
        self.assertGreater(board.max_concurrent(eight, jan, None) + 1, 8)

    def test_covers_table(self):
        """A bureau mandate lies within a board mandate."""
        jan, dec = D(2026, 1, 1), D(2026, 12, 31)
        cases = [
            ([(jan, None)], (D(2026, 3, 1), None), True),
            ([(jan, dec)], (D(2026, 3, 1), None), False),
            ([(jan, dec)], (D(2026, 3, 1), D(2026, 6, 30)), True),
            ([(D(2026, 2, 1), None)], (jan, None), False),
            ([], (jan, None), False),
        ]
        for intervals, (start, end), covered in cases:
            with self.subTest(intervals=intervals, start=start, end=end):
                self.assertEqual(board.covers(intervals, start, end), covered)
