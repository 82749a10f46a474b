# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bad input on the board: each refused with a clear error, nothing written."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .board_common import BOARD_START, BoardCommon


@tagged("post_install", "-at_install")
class TestBoardInputs(BoardCommon):
    def _mandate(self, member, **vals):
        return self.env["coop.board.mandate"].create(
            dict({"membership_id": member.id, "date_start": BOARD_START}, **vals)
        )

    def _count(self, model="coop.board.mandate"):
        return self.env[model].search_count([])

    def test_board_size_exceeded(self):
        ninth = self._member("Ninth", self.cat_elab, "active")
        before = self._count()
        with self.assertRaisesRegex(
            ValidationError, r"Board Member seats are all taken.*has 8\."
        ):
            self._mandate(ninth, date_start=date(2026, 9, 1))
        self.assertEqual(self._count(), before)
        # once Hal's mandate ends, the seat is free
        self.mandates["Hal"].date_end = date(2026, 8, 31)
        self._mandate(ninth, date_start=date(2026, 9, 1))
        self.assertEqual(self._count(), before + 1)
        with self.assertRaisesRegex(
            ValidationError, r"Bureau Member seats are all taken.*has 3\."
        ):
            self._mandate(self.members["Dana"], role="bureau")

    def test_overlapping_mandates(self):
        before = self._count()
        with self.assertRaisesRegex(
            ValidationError,
            "Dana already holds a Board Member mandate over these dates",
        ):
            self._mandate(self.members["Dana"], date_start=date(2027, 1, 1))
        self.assertEqual(self._count(), before)
        self.mandates["Dana"].date_end = date(2026, 12, 31)
        self._mandate(self.members["Dana"], date_start=date(2027, 1, 1))
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            self.mandates["Eli"].date_end = date(2025, 12, 31)

    def test_bureau_within_board_and_members_only(self):
        self.bureau_mandates[2].date_end = date(2026, 3, 31)
        outsider = self._member("Outsider", self.cat_elab, "active")
        with self.assertRaisesRegex(ValidationError, "needs a board mandate"):
            self._mandate(outsider, role="bureau", date_start=date(2026, 4, 1))
        self._mandate(self.members["Dana"], role="bureau", date_start=date(2026, 4, 1))
        applicant = self._member("Applicant", self.cat_elab)
        self.mandates["Hal"].date_end = date(2026, 3, 31)
        with self.assertRaisesRegex(ValidationError, "Applicant is not a member"):
            self._mandate(applicant, date_start=date(2026, 4, 1))
        with self.assertRaisesRegex(ValidationError, "Only bureau members have"):
            self.mandates["Eli"].bureau_function = "treasurer"

    def test_proxies(self):
        meeting = self._meeting(date(2026, 6, 15))
        other = self._meeting(date(2026, 6, 16), name="Other meeting")
        with freeze_time("2026-06-01"):
            (meeting | other).action_convene()
        lines = self._lines(meeting)
        outside = self._lines(other)["Gus"]
        with self.assertRaisesRegex(
            ValidationError, "must go to a board member in office at this meeting"
        ):
            lines["Eli"].write({"state": "represented", "holder_id": outside.id})
        with self.assertRaisesRegex(ValidationError, "must go to a board member"):
            lines["Eli"].state = "represented"
        with self.assertRaisesRegex(ValidationError, "Hal cannot hold a proxy"):
            lines["Hal"].write({"state": "represented", "holder_id": lines["Hal"].id})
        lines["Dana"].state = "present"
        for name in ("Eli", "Fay"):
            lines[name].write({"state": "represented", "holder_id": lines["Dana"].id})
        with self.assertRaisesRegex(
            ValidationError, "Dana would hold 3 proxies: at most 2 per board member"
        ):
            lines["Gus"].write({"state": "represented", "holder_id": lines["Dana"].id})
        self.assertEqual(lines["Gus"].state, "invited")
        # no chains: a represented member holds no proxy, a holder attends
        with self.assertRaisesRegex(ValidationError, "Eli cannot hold a proxy"):
            lines["Gus"].write({"state": "represented", "holder_id": lines["Eli"].id})
        with self.assertRaisesRegex(
            ValidationError, "Dana holds proxies and must attend"
        ):
            lines["Dana"].state = "excused"
        with self.assertRaisesRegex(ValidationError, "Only a represented board member"):
            lines["Gus"].write({"state": "present", "holder_id": lines["Dana"].id})
        self.assertEqual(len(lines["Dana"].proxy_ids), 2)

    def test_numbers_in_range(self):
        with self.assertRaisesRegex(
            ValidationError, "Board Seats must be a number from 0"
        ):
            self.company.coop_board_size = -1
        with self.assertRaisesRegex(ValidationError, "Board Notice.*must be a number"):
            self.company.coop_board_notice_days = 10**10
        self.assertEqual(self.company.coop_board_size, 8)
        with self.assertRaisesRegex(ValidationError, "limited to 128 characters"):
            self._meeting(date(2026, 6, 15), name="x" * 129)
        self.assertFalse(self._count("coop.board.meeting"))
