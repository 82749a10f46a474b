# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Table test of who must be present for the premises to open, with
Electrolab's numbers (003 §8.1): official 2 board members; unofficial 1 board
member and at most 5 members."""

from odoo.tests import BaseCase, tagged

from ..tools import openings as o

ELECTROLAB = o.OpeningRules(
    official_min_board=2, unofficial_min_board=1, unofficial_max_members=5
)
BOARD = o.BOARD_MISSING
MANY = o.TOO_MANY_MEMBERS


@tagged("post_install", "-at_install")
class TestOpeningRules(BaseCase):
    def test_shortfalls_table(self):
        cases = [
            # kind, board, members, scheduling, expected shortfalls
            (o.OFFICIAL, 2, 0, True, []),
            (o.OFFICIAL, 1, 0, True, [(BOARD, 2, 1)]),
            (o.OFFICIAL, 0, 0, True, [(BOARD, 2, 0)]),
            (o.OFFICIAL, 2, 40, True, []),  # no limit on an official opening
            (o.OFFICIAL, 1, 0, False, []),  # a board member alone checks in
            (o.OFFICIAL, 1, 1, False, [(BOARD, 2, 1)]),  # member before the 2nd
            (o.OFFICIAL, 2, 1, False, []),
            (o.UNOFFICIAL, 1, 0, True, []),
            (o.UNOFFICIAL, 0, 0, True, [(BOARD, 1, 0)]),
            (o.UNOFFICIAL, 1, 5, True, []),
            (o.UNOFFICIAL, 1, 6, True, [(MANY, 5, 6)]),
            (o.UNOFFICIAL, 0, 6, True, [(BOARD, 1, 0), (MANY, 5, 6)]),
            (o.UNOFFICIAL, 0, 1, False, [(BOARD, 1, 0)]),  # member before board
            (o.UNOFFICIAL, 1, 5, False, []),  # the fifth member
            (o.UNOFFICIAL, 1, 6, False, [(MANY, 5, 6)]),  # the sixth
            (o.UNOFFICIAL, 3, 6, False, [(MANY, 5, 6)]),  # more board: still 5
        ]
        for kind, board, members, scheduling, expected in cases:
            with self.subTest(kind=kind, board=board, members=members):
                found = o.shortfalls(
                    kind, board, members, ELECTROLAB, scheduling=scheduling
                )
                self.assertEqual([tuple(s) for s in found], expected)

    def test_rules_are_data(self):
        """Another cooperative's numbers: 3 board members, 2 members."""
        rules = o.OpeningRules(3, 2, 2)
        self.assertEqual(o.min_board(o.OFFICIAL, rules), 3)
        self.assertEqual(o.min_board(o.UNOFFICIAL, rules), 2)
        self.assertEqual(o.max_members(o.UNOFFICIAL, rules), 2)
        self.assertIsNone(o.max_members(o.OFFICIAL, rules))
        self.assertEqual(
            [tuple(s) for s in o.shortfalls(o.UNOFFICIAL, 2, 3, rules)],
            [(MANY, 2, 3)],
        )
