# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The board's internals stay internal: members read the minutes of held
meetings of their cooperative, nothing else; users read, managers act."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .board_common import BoardHttpCommon
from .common import ACCESS, MANAGERS


@tagged("post_install", "-at_install")
class TestBoardSecurity(BoardHttpCommon):
    COUNTED = BoardHttpCommon.COUNTED + (
        "coop.board.meeting",
        "coop.board.attendance",
        "coop.board.decision",
        "coop.board.mandate",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Meeting = cls.env["coop.board.meeting"]
        cls.held = Meeting.create(
            {
                "name": "June board meeting",
                "date": date(2026, 6, 15),
                "agenda": "<p>SECRET-AGENDA</p>",
            }
        )
        with freeze_time("2026-06-01"):
            cls.held.action_convene()
        for line in cls.held.attendance_ids:
            if line.partner_id.name in ("President", "Treasurer", "Dana", "Eli"):
                line.state = "present"
        with freeze_time("2026-06-15"):
            cls.held.action_open()
            cls.held.action_held()
        cls.held.minutes = "<p>PUBLISHED-MINUTES</p>"
        cls.convened = Meeting.create(
            {
                "name": "July board meeting",
                "date": date(2026, 7, 15),
                "minutes": "<p>DRAFT-MINUTES</p>",
            }
        )
        with freeze_time("2026-07-01"):
            cls.convened.action_convene()
        cls.foreign = Meeting.create(
            {
                "name": "Second Coop board meeting",
                "date": date(2026, 6, 15),
                "company_id": cls.company_2.id,
                "state": "held",
                "minutes": "<p>OTHER-COOP-MINUTES</p>",
            }
        )
        cls.portal_c = new_test_user(
            cls.env,
            "sec_portal_c",
            "base.group_portal",
            name="Cleo Customer",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _get(self, login, url):
        self.authenticate(login, login)
        return self.url_open(url)

    def test_member_reads_minutes_of_held_meetings(self):
        page = self._get("sec_portal_a", "/my/board")
        self.assertEqual(page.status_code, 200)
        self.assertIn("June board meeting", page.text)
        self.assertNotIn("July board meeting", page.text)
        self.assertNotIn("Second Coop", page.text)
        page = self._get("sec_portal_a", f"/my/board/{self.held.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("PUBLISHED-MINUTES", page.text)
        self.assertNotIn("SECRET-AGENDA", page.text)

    def test_member_reads_nothing_else(self):
        for meeting, hidden in (
            (self.convened, "DRAFT-MINUTES"),
            (self.foreign, "OTHER-COOP-MINUTES"),
        ):
            with self.subTest(meeting=meeting.name):
                self.assertPageRefused(
                    "sec_portal_a", f"/my/board/{meeting.id}", 404, hidden, "Error 404"
                )
        self.assertPageRefused(
            "sec_portal_a", "/my/board/999999", 404, "MINUTES", "Error 404"
        )
        self.assertPageRefused(
            "sec_portal_a", "/my/board/abc", 404, "MINUTES", "Error 404"
        )

    def test_member_reads_nothing_else_over_rpc(self):
        """The minutes of the held meeting, not its agenda nor attendance."""
        answer = self._rpc(
            "sec_portal_a",
            "coop.board.meeting",
            "search_read",
            [[]],
            {"fields": ["name", "minutes"]},
        )
        self.assertEqual([r["name"] for r in answer["result"]], ["June board meeting"])
        for method, args, kwargs in (
            ("read", [[self.held.id], ["agenda"]], None),
            ("read", [[self.held.id], ["attendance_ids"]], None),
            ("read", [[self.convened.id], ["minutes"]], None),
            ("action_convene", [[self.convened.id]], None),
            ("write", [[self.held.id], {"minutes": "<p>defaced</p>"}], None),
        ):
            with self.subTest(method=method, args=args):
                self.assertRpcRefused(
                    "sec_portal_a",
                    "coop.board.meeting",
                    method,
                    args,
                    ACCESS
                    + r"|not allowed to|Only cooperative managers|You do not have",
                    kwargs,
                )
        for model in (
            "coop.board.attendance",
            "coop.board.mandate",
            "coop.board.decision",
        ):
            with self.subTest(model=model):
                self.assertRpcRefused(
                    "sec_portal_a", model, "search_read", [[]], ACCESS
                )
        self.assertEqual(self.held.minutes, "<p>PUBLISHED-MINUTES</p>")

    def test_portal_user_without_membership(self):
        page = self._get("sec_portal_c", "/my/board")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("June board meeting", page.text)
        self.assertPageRefused(
            "sec_portal_c", f"/my/board/{self.held.id}", 404, "PUBLISHED", "Error 404"
        )
        self.member_a.sudo().state = "left"
        page = self._get("sec_portal_a", "/my/board")
        self.assertNotIn("June board meeting", page.text)

    def test_internal_user_reads_but_cannot_act(self):
        user = self.user_coop
        meeting = self.convened.with_user(user)
        self.assertIn("SECRET-AGENDA", self.held.with_user(user).agenda)
        self.assertEqual(len(meeting.attendance_ids), 8)
        for call in (
            meeting.action_open,
            meeting.action_cancel,
            lambda: meeting.attendance_ids[0].write({"state": "present"}),
        ):
            with self.assertRaisesRegex(AccessError, MANAGERS):
                call()
        candidate = self._member("Candidate", self.cat_elab)
        with self.assertRaises(AccessError):
            self.env["coop.board.decision"].with_user(user).create(
                {
                    "meeting_id": self.held.id,
                    "membership_id": candidate.id,
                    "decision": "accepted",
                }
            )
        with self.assertRaises(AccessError):
            self.env["coop.board.mandate"].with_user(user).create(
                {"membership_id": candidate.id}
            )
        self.assertEqual(candidate.state, "candidate")
        self.assertEqual(self.convened.state, "convened")
        self.assertRpcRefused(
            "coop_user",
            "coop.board.meeting",
            "action_convene",
            [[self.convened.id]],
            MANAGERS,
        )

    def test_other_company_manager(self):
        Meeting = self.env["coop.board.meeting"].with_user(self.manager_2)
        self.assertEqual(Meeting.search([]), self.foreign.with_user(self.manager_2))
        with self.assertRaises(AccessError):
            self.held.with_user(self.manager_2).read(["name"])
        self.assertFalse(
            self.env["coop.board.mandate"].with_user(self.manager_2).search([])
        )
