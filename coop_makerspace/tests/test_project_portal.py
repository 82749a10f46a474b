# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member's side of labelled projects on the portal: propose a project,
see one's own projects only, file one's period report (003 §10)."""

from datetime import date, timedelta

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.coop_membership.tests.common import CoopHttpCommon

from .project_common import ProjectMixin

NEW = "/my/labelled-projects/new"


@tagged("post_install", "-at_install")
class TestProjectPortal(ProjectMixin, CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_projects()
        today = fields.Date.today()
        cls.meeting = cls.env["coop.board.meeting"].create(
            {"name": "Next steering meeting", "date": today + timedelta(days=20)}
        )
        cls.too_close = cls.env["coop.board.meeting"].create(
            {"name": "Too close", "date": today + timedelta(days=10)}
        )

    def _post(self, login, url, data):
        self.authenticate(login, login)
        data = dict(data, csrf_token=http.Request.csrf_token(self))
        return self.url_open(url, data=data, allow_redirects=False)

    def _proposal(self, **vals):
        return dict(
            {
                "name": "Alice's plotter",
                "goals": "Draw big.",
                "budget_estimate": "450",
                "meeting_id": str(self.meeting.id),
                "licence_id": str(self.licence.id),
                "publication_url": "https://wiki.example.org/plotter",
            },
            **vals,
        )

    def _a_project(self):
        """Alice's project, accepted at a held meeting, running."""
        meeting = self._steering(date(2026, 2, 3))
        project = self._propose(
            meeting,
            name="Alice's running project",
            coop_leader_id=self.portal_a.partner_id.id,
        )
        self._hold(meeting)
        self._decide(project, meeting, user=self.ms_manager)
        project.with_user(self.ms_manager).action_coop_start()
        project._coop_request_report(date(2026, 10, 1), date(2027, 1, 31))
        return project

    def test_member_proposes_on_the_portal(self):
        self.authenticate("sec_portal_a", "sec_portal_a")
        page = self.url_open("/my/labelled-projects/new")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Next steering meeting", page.text)
        self.assertNotIn("Too close", page.text)
        before = self._labelled_count()
        response = self._post(
            "sec_portal_a", "/my/labelled-projects/new", self._proposal()
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        project = self.env["project.project"].search([("name", "=", "Alice's plotter")])
        self.assertEqual(self._labelled_count(), before + 1)
        self.assertEqual(project.coop_leader_id, self.portal_a.partner_id)
        self.assertEqual(project.coop_meeting_id, self.meeting)
        self.assertEqual(project.coop_budget_estimate, 450.0)
        self.assertEqual(project.coop_state, "proposed")
        self.assertEqual(project.coop_licence_id, self.licence)
        # the member sees it; the other member does not
        self.authenticate("sec_portal_a", "sec_portal_a")
        self.assertIn(
            "Alice&#39;s plotter", self.url_open("/my/labelled-projects").text
        )
        url = f"/my/labelled-projects/{project.id}"
        self.assertEqual(self.url_open(url).status_code, 200)
        self.authenticate("sec_portal_b", "sec_portal_b")
        self.assertNotIn("Alice", self.url_open("/my/labelled-projects").text)
        self.assertEqual(self.url_open(url).status_code, 404)
        # and the ORM gives the portal user nothing either
        with self.assertRaises(AccessError):
            project.with_user(self.portal_a).read(["coop_voted_budget"])

    def test_bad_proposals_give_clear_errors_and_write_nothing(self):
        cases = [
            ({"budget_estimate": "-1"}, "Amounts are numbers from 0"),
            ({"budget_estimate": "inf"}, "Amounts are numbers from 0"),
            ({"budget_estimate": "nan"}, "Amounts are numbers from 0"),
            ({"budget_estimate": "1e300"}, "Amounts are numbers from 0"),
            ({"budget_estimate": "abc"}, "Amounts are numbers from 0"),
            ({"publication_url": "javascript:alert(1)"}, "http:// or https://"),
            ({"publication_url": "https://x.org/" + "a" * 600}, "limited to 512"),
            ({"name": "n" * 200}, "limited to 128"),
            ({"name": ""}, "is required"),
            ({"meeting_id": "abc"}, "steering meetings listed"),
            ({"meeting_id": str(self.too_close.id)}, "steering meetings listed"),
            ({"meeting_id": "99999999"}, "steering meetings listed"),
            ({"licence_id": "99999999"}, "licences listed"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals):
                before = self._labelled_count()
                response = self._post(
                    "sec_portal_a", "/my/labelled-projects/new", self._proposal(**vals)
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertEqual(self._labelled_count(), before)

    def test_no_proposal_without_csrf_or_membership(self):
        before = self._labelled_count()
        self.authenticate("sec_portal_a", "sec_portal_a")
        with mute_logger("odoo.http"):  # Odoo warns of the missing token
            response = self.url_open(NEW, data=self._proposal(), allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.member_b.state = "left"
        response = self._post(
            "sec_portal_b", "/my/labelled-projects/new", self._proposal()
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self._labelled_count(), before)

    def test_leader_files_the_period_report(self):
        project = self._a_project()
        report = project.coop_report_ids
        url = f"/my/labelled-projects/{project.id}/reports/{report.id}"
        # member B can neither see nor file Alice's report
        self.authenticate("sec_portal_b", "sec_portal_b")
        self.assertEqual(self.url_open(url).status_code, 404)
        response = self._post("sec_portal_b", url, {"progress": "Hijack"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(report.state, "draft")
        self._bad_report_requests_refused(project, report, url)
        self._leader_files(report, url)

    def _bad_report_requests_refused(self, project, report, url):
        """Bad ids answer 404, never 500; bad inputs a clear error, nothing
        written."""
        for bad in (
            f"/my/labelled-projects/{project.id}/reports/99999999",
            f"/my/labelled-projects/99999999/reports/{report.id}",
            "/my/labelled-projects/99999999",
        ):
            with self.subTest(url=bad):
                self.authenticate("sec_portal_a", "sec_portal_a")
                self.assertEqual(self.url_open(bad).status_code, 404)
        for vals, message in [
            ({"progress": ""}, "is required"),
            ({"progress": "ok", "cost_to_continue": "-5"}, "Amounts are numbers"),
            ({"progress": "p" * 10001}, "limited to 10000"),
        ]:
            with self.subTest(vals=list(vals)):
                response = self._post("sec_portal_a", url, vals)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertEqual(report.state, "draft")

    def _leader_files(self, report, url):
        """Alice files the report once; the PDF renders."""
        self.authenticate("sec_portal_a", "sec_portal_a")
        self.assertEqual(self.url_open(url).status_code, 200)
        response = self._post(
            "sec_portal_a",
            url,
            {"progress": "Laser aligned", "difficulties": "", "cost_to_continue": "80"},
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.progress, "Laser aligned")
        self.assertEqual(report.cost_to_continue, 80.0)
        self.assertEqual(report.balance, 450.0)
        self.assertEqual(report.submitted_by_id, self.portal_a.partner_id)
        # submitted: a second filing is refused
        response = self._post("sec_portal_a", url, {"progress": "again"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(report.progress, "Laser aligned")
        # the PDF renders
        # wkhtmltopdf without patched Qt warns that it ignores header switches
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, _type = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf("coop_makerspace.report_project_period", report.ids)
            )
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_leader_closes_the_project_on_the_portal(self):
        project = self._a_project()
        url = f"/my/labelled-projects/{project.id}/close"
        response = self._post("sec_portal_b", url, {"assets_note": "Mine now"})
        self.assertEqual(response.status_code, 404)
        response = self._post("sec_portal_a", url, {"assets_note": "  "})
        self.assertEqual(response.status_code, 400)
        self.assertIn("is required", response.text)
        self.assertEqual(project.coop_state, "running")
        response = self._post("sec_portal_a", url, {"assets_note": "The laser tube"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            (project.coop_state, project.coop_closed_by, project.coop_assets_note),
            ("closed", "leader", "The laser tube"),
        )
        response = self._post("sec_portal_a", url, {"assets_note": "again"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(project.coop_assets_note, "The laser tube")
