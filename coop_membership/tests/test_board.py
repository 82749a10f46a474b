# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Board meetings: convocation, attendance, quorum, absences (003 §4-5)."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .board_common import BoardCommon

MEETING_DAY = date(2026, 6, 15)


@tagged("post_install", "-at_install")
class TestBoardMeeting(BoardCommon):
    def _mails(self, meeting):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "coop.board.attendance"),
                ("res_id", "in", meeting.attendance_ids.ids),
            ]
        )

    def test_meeting_with_quorum_and_absences(self):
        meeting = self._meeting(MEETING_DAY)
        with freeze_time("2026-06-08"):  # 7 calendar days ahead
            meeting.action_convene()
        self.assertEqual(meeting.state, "convened")
        self.assertEqual(meeting.convened_on, date(2026, 6, 8))
        lines = self._lines(meeting)
        self.assertEqual(len(lines), 8)
        self.assertEqual(
            sorted(
                meeting.attendance_ids.filtered("is_bureau").partner_id.mapped("name")
            ),
            ["President", "Secretary", "Treasurer"],
        )
        # one convocation with the agenda to each board member
        mails = self._mails(meeting)
        self.assertEqual(len(mails), 8)
        self.assertEqual(mails.recipient_ids, meeting.attendance_ids.partner_id)
        self.assertTrue(all("Accounts" in mail.body_html for mail in mails))
        self.assertTrue(all("06/15/2026" in mail.subject for mail in mails))
        lines["President"].state = "present"
        lines["Dana"].state = "present"
        lines["Treasurer"].state = "excused"
        lines["Fay"].state = "unexcused"
        lines["Secretary"].write(
            {"state": "represented", "holder_id": lines["Dana"].id}
        )
        with freeze_time("2026-06-15"):
            # the quorum: 3 board members (1 outside the bureau) and a bureau
            # member, 4 attending
            for count, name in ((2, "Eli"), (3, "Gus")):
                with self.assertRaisesRegex(
                    UserError, rf"Quorum not met.*\({count} attending\)"
                ):
                    meeting.action_open()
                self.assertEqual(meeting.state, "convened")
                lines[name].state = "present"
            meeting.action_open()
        self.assertEqual(meeting.state, "open")
        self.assertEqual(meeting.attending_count, 4)
        self.assertTrue(meeting.quorum_reached)
        self._hold_and_check(meeting, lines)

    def _hold_and_check(self, meeting, lines):
        """Close the meeting of ``test_meeting_with_quorum_and_absences``:
        the members not recorded are absent without excuse; only the
        minutes may change afterwards."""
        meeting.minutes = "<p>Accounts approved.</p>"
        meeting.action_held()
        self.assertEqual(meeting.state, "held")
        states = {name: line.state for name, line in lines.items()}
        self.assertEqual(
            states,
            {
                "President": "present",
                "Treasurer": "excused",
                "Secretary": "represented",
                "Dana": "present",
                "Eli": "present",
                "Fay": "unexcused",
                "Gus": "present",
                "Hal": "unexcused",  # never recorded: absent without excuse
            },
        )
        # the minutes stay editable, the rest is closed
        meeting.minutes = "<p>Accounts approved, unanimously.</p>"
        with self.assertRaisesRegex(UserError, "only its minutes can change"):
            meeting.write({"convened_on": date(2026, 6, 1)})
        with self.assertRaisesRegex(UserError, "convened or open meeting only"):
            lines["Gus"].state = "excused"
        with self.assertRaisesRegex(UserError, "Only draft or cancelled"):
            meeting.unlink()

    def test_quorum_needs_bureau_and_outside_members(self):
        meeting = self._meeting(MEETING_DAY)
        with freeze_time("2026-06-01"):
            meeting.action_convene()
        lines = self._lines(meeting)
        for name in ("President", "Treasurer", "Secretary"):
            lines[name].state = "present"
        with freeze_time("2026-06-15"):
            with self.assertRaisesRegex(
                UserError,
                r"requires 4 board member\(s\) attending, "
                r"1 of them outside the bureau\.$",
            ):
                meeting.action_open()
            for name in ("President", "Treasurer", "Secretary"):
                lines[name].state = "excused"
            for name in ("Dana", "Eli", "Fay", "Gus"):
                lines[name].state = "present"
            with self.assertRaisesRegex(
                UserError, r"\(4 attending\).*requires 1 of them on the bureau\.$"
            ):
                meeting.action_open()
            self.assertFalse(meeting.quorum_reached)
            # proxies count for the quorum when the cooperative says so
            lines["Treasurer"].write(
                {"state": "represented", "holder_id": lines["Dana"].id}
            )
            self.assertFalse(meeting.quorum_reached)
            self.company.coop_board_quorum_proxies = True
            self.assertTrue(meeting.quorum_reached)
            meeting.action_open()
        self.assertEqual(meeting.state, "open")

    def test_convening_six_days_ahead(self):
        meeting = self._meeting(MEETING_DAY)
        with (
            freeze_time("2026-06-09"),
            self.assertRaisesRegex(
                UserError, r"6 day\(s\) away.*at least 7 calendar days ahead"
            ),
        ):
            meeting.action_convene()
        self.assertEqual(meeting.state, "draft")
        self.assertFalse(meeting.attendance_ids)
        self.assertFalse(
            self.env["mail.mail"].search([("subject", "like", "06/15/2026")])
        )
        meeting.late_reason = "   "
        with freeze_time("2026-06-09"), self.assertRaises(UserError):
            meeting.action_convene()
        meeting.late_reason = "Urgent: the landlord ends the lease"
        with freeze_time("2026-06-09"):
            meeting.action_convene()
        self.assertEqual(meeting.state, "convened")
        self.assertEqual(len(self._mails(meeting)), 8)
        logged = meeting.message_ids.filtered(
            lambda m: "the landlord ends the lease" in m.body
        )
        self.assertEqual(len(logged), 1)
        self.assertIn("6 day(s) ahead instead of 7", logged.body)
        # once convened, the date and agenda are those of the convocation
        with self.assertRaisesRegex(UserError, "cannot change"):
            meeting.date = date(2026, 6, 20)
        self.assertEqual(meeting.date, MEETING_DAY)
        with (
            freeze_time("2026-06-14"),
            self.assertRaisesRegex(UserError, "cannot open before its date"),
        ):
            meeting.action_open()
        meeting.action_cancel()
        self.assertEqual(meeting.state, "cancelled")

    def test_no_board_in_office(self):
        meeting = self._meeting(date(2025, 12, 20))
        with (
            freeze_time("2025-12-01"),
            self.assertRaisesRegex(UserError, "Nobody sits on the board"),
        ):
            meeting.action_convene()
        self.assertEqual(meeting.state, "draft")

    def test_two_consecutive_unexcused_absences(self):
        Mandate = self.env["coop.board.mandate"]
        present = dict.fromkeys(("President", "Treasurer", "Dana", "Eli"), "present")
        present.update(Secretary="excused")
        self._run_meeting(
            date(2026, 2, 10), dict(present, Fay="unexcused", Gus="excused")
        )
        fay, gus, hal = (self.mandates[name] for name in ("Fay", "Gus", "Hal"))
        # one absence: not yet; Hal was not recorded (absent without excuse)
        self.assertFalse(fay.may_be_resigned)
        self.assertFalse(hal.may_be_resigned)
        second = self._run_meeting(
            date(2026, 3, 10),
            dict(present, Fay="unexcused", Gus="unexcused", Hal="present"),
        )
        self.assertTrue(fay.may_be_resigned)
        self.assertFalse(gus.may_be_resigned)  # excused, then unexcused
        self.assertFalse(hal.may_be_resigned)
        self.assertEqual(Mandate.search([("may_be_resigned", "=", True)]), fay)
        # the board is told: an activity on Fay's mandate
        self.assertEqual(len(fay.activity_ids), 1)
        self.assertIn("resigned", fay.activity_ids.summary)
        self.assertFalse(gus.activity_ids)
        self.assertEqual(second.state, "held")
        # a cancelled meeting does not count; Fay comes back: the flag goes
        cancelled = self._meeting(date(2026, 4, 1))
        with freeze_time("2026-03-20"):
            cancelled.action_convene()
        cancelled.action_cancel()
        self.assertTrue(fay.may_be_resigned)
        # the limit is the cooperative's: 3 would not have flagged her
        self.company.coop_board_absence_limit = 3
        self.assertFalse(Mandate.search([("may_be_resigned", "=", True)]))
        self.company.coop_board_absence_limit = 2
        self.assertEqual(Mandate.search([("may_be_resigned", "=", True)]), fay)
        self._run_meeting(date(2026, 4, 10), dict(present, Fay="present"))
        self.assertFalse(fay.may_be_resigned)


@tagged("post_install", "-at_install")
class TestBoardCandidacy(BoardCommon):
    def test_candidacy_per_category(self):
        """itopie: a member stands for the board for their own category."""
        self.company.coop_board_size = 9
        provider = self._member("Provider", self.cat_provider, "active")
        Candidacy = self.env["coop.board.candidacy"]
        with self.assertRaisesRegex(
            ValidationError, "representative of their own category"
        ):
            Candidacy.create(
                {"membership_id": provider.id, "category_id": self.cat_employee.id}
            )
        candidacy = Candidacy.create(
            {"membership_id": provider.id, "category_id": self.cat_provider.id}
        )
        with self.assertRaisesRegex(UserError, "election date"):
            candidacy.action_elect()
        candidacy.election_date = date(2026, 6, 20)
        candidacy.action_elect()
        self.assertEqual(candidacy.state, "elected")
        mandate = candidacy.mandate_id
        self.assertEqual(mandate.membership_id, provider)
        self.assertEqual(mandate.category_id, self.cat_provider)
        self.assertEqual(mandate.date_start, date(2026, 6, 20))
        with self.assertRaisesRegex(UserError, "already closed"):
            candidacy.action_withdraw()
        candidate = self._member("Applicant", self.cat_supporter)
        with self.assertRaisesRegex(ValidationError, "not a member"):
            Candidacy.create(
                {"membership_id": candidate.id, "category_id": self.cat_supporter.id}
            )
