# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Applications wait for the board (003 §2): accepted or refused at a meeting."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .board_common import BoardCommon


@tagged("post_install", "-at_install")
class TestBoardAdmission(BoardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.coop_board_admission = True
        cls.ada = cls._member("Ada Applicant", cls.cat_elab)
        cls.bob = cls._member("Bob Applicant", cls.cat_elab)

    def _open_meeting(self):
        meeting = self._meeting(date(2026, 6, 15))
        with freeze_time("2026-06-01"):
            meeting.action_convene()
        lines = self._lines(meeting)
        for name in ("President", "Treasurer", "Dana", "Eli"):
            lines[name].state = "present"
        return meeting

    def _decide(self, meeting, member, decision, reason=False):
        return self.env["coop.board.decision"].create(
            {
                "meeting_id": meeting.id,
                "membership_id": member.id,
                "decision": decision,
                "reason": reason,
            }
        )

    def test_accepted_and_refused_at_a_meeting(self):
        with self.assertRaisesRegex(UserError, "The board decides on the application"):
            self.ada.action_activate()
        self.assertEqual(self.ada.state, "candidate")
        meeting = self._open_meeting()
        with self.assertRaisesRegex(UserError, "at an open meeting"):
            self._decide(meeting, self.ada, "accepted")
        with freeze_time("2026-06-15"):
            meeting.action_open()
            accepted = self._decide(meeting, self.ada, "accepted")
        self.assertEqual(self.ada.state, "active")
        self.assertIn(
            "Admitted by the board at Board meeting", self.ada.message_ids[0].body
        )
        # a refusal needs its reason; nothing is written without one
        with self.assertRaisesRegex(ValidationError, "Give the reason why the board"):
            self._decide(meeting, self.bob, "refused", reason="  ")
        self.assertEqual(self.bob.state, "candidate")
        self.assertEqual(meeting.decision_ids, accepted)
        refused = self._decide(meeting, self.bob, "refused", reason="Under 18")
        self.assertEqual(self.bob.state, "refused")
        self.assertIn("Under 18", self.bob.message_ids[0].body)
        self.assertEqual(meeting.decision_ids, accepted | refused)
        self.assertEqual(self.bob.board_decision_ids, refused)
        # a decided application is not decided again, nor changed, nor deleted
        with self.assertRaisesRegex(UserError, "not a candidate"):
            self._decide(meeting, self.bob, "accepted")
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            refused.decision = "accepted"
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            refused.unlink()
        meeting.action_held()
        carl = self._member("Carl Applicant", self.cat_elab)
        with self.assertRaisesRegex(UserError, "at an open meeting"):
            self._decide(meeting, carl, "accepted")
        self.assertEqual(carl.state, "candidate")
        self.assertEqual(self.bob.state, "refused")
        self.assertEqual(self.ada.state, "active")

    def test_accepted_candidate_still_meets_the_category(self):
        """The board's acceptance goes through the admission rules."""
        provider = self._member("Provider Applicant", self.cat_provider)
        meeting = self._open_meeting()
        with freeze_time("2026-06-15"):
            meeting.action_open()
        with self.assertRaisesRegex(UserError, "at least 5 share"):
            self._decide(meeting, provider, "accepted")
        self.assertEqual(provider.state, "candidate")
        self.assertFalse(meeting.decision_ids)

    def test_without_board_admission_the_bureau_admits(self):
        self.company.coop_board_admission = False
        self.ada.action_activate()
        self.assertEqual(self.ada.state, "active")
