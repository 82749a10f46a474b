# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Openings of the premises (003 §8.1): official ones need two board members
present, unofficial ones one board member and at most five members; members
come in only once the board members are there."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .keys_common import OPENING_END, OPENING_START, KeysCommon

BOARD_PLANNED = r"needs %s board members planned, it has %s"
TOO_MANY_PLANNED = r"admits at most 5 members besides the board, 6 are planned"
BOARD_FIRST = r"cannot check in yet: members come in once %s board members"
SIXTH = r"cannot check in: an unofficial opening admits at most 5 members"


@tagged("post_install", "-at_install")
class TestOpenings(KeysCommon):
    def _lines(self, opening):
        return {line.partner_id: line for line in opening.attendance_ids}

    def _checked_in(self):
        return self.env["coop.makerspace.opening.attendance"].search_count(
            [("check_in", "!=", False)]
        )

    def _add(self, opening, partner, check_in=False):
        vals = {"opening_id": opening.id, "partner_id": partner.id}
        if check_in:
            vals["check_in"] = OPENING_START
        return (
            self.env["coop.makerspace.opening.attendance"]
            .with_user(self.maker_user)
            .create(vals)
        )

    def test_confirmation_table(self):
        members = [m.partner_id for m in self.plain_members]
        cases = [
            # kind, board members planned, members planned, refusal
            ("official", 1, 0, BOARD_PLANNED % (2, 1)),
            ("official", 0, 3, BOARD_PLANNED % (2, 0)),
            ("official", 2, 7, None),
            ("unofficial", 0, 2, BOARD_PLANNED % (1, 0)),
            ("unofficial", 1, 5, None),
            ("unofficial", 1, 6, TOO_MANY_PLANNED),
        ]
        board = self._board("Dana", "Eli")
        for kind, n_board, n_members, refusal in cases:
            with self.subTest(kind=kind, board=n_board, members=n_members):
                opening = self._opening(kind, board[:n_board] + members[:n_members])
                if refusal:
                    with self.assertRaisesRegex(UserError, refusal):
                        opening.action_confirm()
                    self.assertEqual(opening.state, "draft")
                else:
                    opening.action_confirm()
                    self.assertEqual(opening.state, "confirmed")

    def test_official_opening_with_one_board_member_refused(self):
        opening = self._opening("official", self._board("Dana"))
        with self.assertRaisesRegex(UserError, BOARD_PLANNED % (2, 1)):
            opening.action_confirm()
        self.assertEqual(opening.state, "draft")
        self._add(opening, self.members["Eli"].partner_id)
        opening.action_confirm()
        self.assertEqual(opening.state, "confirmed")

    def test_unofficial_five_members_then_the_sixth_refused(self):
        dana = self.members["Dana"].partner_id
        members = [m.partner_id for m in self.plain_members[:5]]
        opening = self._opening("unofficial", [dana, *members])
        opening.action_confirm()
        lines = self._lines(opening)
        # a member before the board member: refused
        before = self._checked_in()
        with self.assertRaisesRegex(UserError, BOARD_FIRST % 1):
            lines[members[0]].with_user(self.maker_user).action_check_in()
        self.assertEqual(self._checked_in(), before)
        lines[dana].with_user(self.maker_user).action_check_in()
        for partner in members:
            lines[partner].with_user(self.maker_user).action_check_in()
        self.assertEqual(
            (opening.board_present_count, opening.member_present_count), (1, 5)
        )
        sixth = self.plain_members[5].partner_id
        before = self._counts_keys()
        with self.assertRaisesRegex(UserError, SIXTH):
            self._add(opening, sixth, check_in=True)
        self.assertEqual(self._counts_keys(), before)
        planned = self._add(opening, sixth)  # planned: not in yet
        with self.assertRaisesRegex(UserError, SIXTH):
            planned.with_user(self.maker_user).action_check_in()
        self.assertFalse(planned.check_in)
        self.assertEqual(opening.member_present_count, 5)
        # a second board member does not raise the limit of members
        eli = self._add(opening, self.members["Eli"].partner_id, check_in=True)
        self.assertTrue(eli.is_board_member)
        with self.assertRaisesRegex(UserError, SIXTH):
            planned.with_user(self.maker_user).action_check_in()

    def test_official_members_once_two_board_members_are_in(self):
        dana, eli = self._board("Dana", "Eli")
        member = self.plain_members[0].partner_id
        opening = self._opening("official", [dana, eli, member])
        opening.action_confirm()
        lines = self._lines(opening)
        lines[dana].with_user(self.maker_user).action_check_in()
        before = self._checked_in()
        with self.assertRaisesRegex(UserError, BOARD_FIRST % 2):
            lines[member].with_user(self.maker_user).action_check_in()
        self.assertEqual(self._checked_in(), before)
        lines[eli].with_user(self.maker_user).action_check_in()
        lines[member].with_user(self.maker_user).action_check_in()
        self.assertEqual(
            (opening.board_present_count, opening.member_present_count), (2, 1)
        )
        with self.assertRaisesRegex(UserError, r"Already checked in"):
            lines[member].with_user(self.maker_user).action_check_in()
        opening.action_done()
        with self.assertRaisesRegex(UserError, r"closed opening can no longer"):
            opening.date_end = OPENING_START.replace(hour=23)
        with self.assertRaisesRegex(UserError, r"confirmed opening"):
            self._add(opening, self.plain_members[1].partner_id, check_in=True)

    def test_board_member_at_the_opening_date(self):
        """Dana's mandate ended before the opening: Dana counts as a member."""
        self.mandates["Dana"].date_end = date(2026, 3, 1)
        opening = self._opening("unofficial", self._board("Dana"))
        line = opening.attendance_ids
        self.assertFalse(line.is_board_member)
        with self.assertRaisesRegex(UserError, BOARD_PLANNED % (1, 0)):
            opening.action_confirm()
        self.mandates["Dana"].date_end = date(2026, 3, 12)  # last day in office
        line.invalidate_recordset(["is_board_member"])
        self.assertTrue(line.is_board_member)

    def test_check_in_only_at_a_confirmed_opening(self):
        dana = self.members["Dana"].partner_id
        opening = self._opening("unofficial", [dana])
        with self.assertRaisesRegex(UserError, r"confirmed opening"):
            opening.attendance_ids.with_user(self.maker_user).action_check_in()
        opening.action_confirm()
        opening.action_cancel()
        with self.assertRaisesRegex(UserError, r"confirmed opening"):
            opening.attendance_ids.with_user(self.maker_user).action_check_in()
        with self.assertRaisesRegex(UserError, r"is Cancelled"):
            opening.action_done()

    def test_rules_are_company_settings(self):
        self.company.coop_opening_unofficial_max_members = 1
        dana = self.members["Dana"].partner_id
        members = [m.partner_id for m in self.plain_members[:2]]
        opening = self._opening("unofficial", [dana, *members])
        with self.assertRaisesRegex(UserError, r"at most 1 members"):
            opening.action_confirm()

    def test_rights_and_bad_input(self):
        opening = self._opening("official", self._board("Dana", "Eli"))
        as_user = opening.with_user(self.maker_user)
        self.assertEqual(as_user.name, "Opening")
        before = self._counts_keys()
        for call in (
            as_user.action_confirm,
            lambda: as_user.write({"name": "Mine"}),
            lambda: (
                self.env["coop.makerspace.opening"]
                .with_user(self.maker_user)
                .create(
                    {
                        "name": "Mine",
                        "date_start": OPENING_START,
                        "date_end": OPENING_END,
                    }
                )
            ),
        ):
            with self.assertRaises(AccessError):
                call()
        outsider = new_test_user(self.env, "maker_outsider_o", "base.group_user")
        with self.assertRaises(AccessError):
            opening.with_user(outsider).read(["name"])
        Opening = self.env["coop.makerspace.opening"].with_user(self.maker_manager)
        cases = [
            ({"date_end": OPENING_START}, ValidationError, r"ends after it starts"),
            ({"name": "N" * 65}, ValidationError, r"limited to 64 characters"),
        ]
        for vals, error, message in cases:
            with self.assertRaisesRegex(error, message):
                Opening.create(
                    dict(
                        {
                            "name": "Opening",
                            "date_start": OPENING_START,
                            "date_end": OPENING_END,
                        },
                        **vals,
                    )
                )
        self.assertEqual(self._counts_keys(), before)
