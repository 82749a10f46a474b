# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Labelled projects, as Electrolab's internal rules tell them (003 §10)."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.coop_membership.tests.common import CoopCommon

from .project_common import IN_TIME, LATE, MANAGER, ProjectMixin


@tagged("post_install", "-at_install")
class TestLabelledProjects(ProjectMixin, CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_projects()

    def _accepted(self, **vals):
        meeting = self._steering()
        project = self._propose(meeting, **vals)
        self._hold(meeting)
        self._decide(project, meeting, user=self.ms_manager)
        return project, meeting

    def _vendor_bill(self, project, amount, move_type="in_invoice"):
        account = project.coop_budget_account_id
        move = self.init_invoice(
            move_type,
            partner=self.partner_a,
            invoice_date="2026-03-10",
            amounts=[amount],
            taxes=self.env["account.tax"],
        )
        move.invoice_line_ids.analytic_distribution = {str(account.id): 100}
        move.action_post()
        return move

    # ------------------------------------------------------------ §10.2

    def test_proposed_15_days_ahead_14_refused(self):
        meeting = self._steering()
        for proposed, accepted in [(IN_TIME, True), (LATE, False)]:
            with self.subTest(proposed=proposed):
                before = self._labelled_count()
                if accepted:
                    project = self._propose(meeting, proposed)
                    self.assertEqual(project.coop_state, "proposed")
                    self.assertEqual(self._labelled_count(), before + 1)
                    continue
                with self.assertRaisesRegex(
                    ValidationError, r"Proposed 14 day\(s\) before .* at least 15 days"
                ):
                    self._propose(meeting, proposed, name="Too late")
                self.assertEqual(self._labelled_count(), before)

    def test_notice_is_the_company_setting(self):
        self.company.coop_project_notice_days = 7
        meeting = self._steering()
        self._propose(meeting, date(2026, 1, 27))
        with self.assertRaises(ValidationError):
            self._propose(meeting, date(2026, 1, 28))

    def test_bad_inputs_write_nothing(self):
        meeting = self._steering()
        long_url = "https://example.org/" + "a" * 500
        cases = [
            ({"coop_budget_estimate": -1.0}, "Budget Estimate must be a number"),
            ({"coop_budget_estimate": float("inf")}, "Budget Estimate must be"),
            ({"coop_budget_estimate": float("nan")}, "Budget Estimate must be"),
            ({"coop_budget_estimate": 1e13}, "Budget Estimate must be"),
            ({"coop_publication_url": "ftp://example.org"}, "http:// or https://"),
            ({"coop_publication_url": "javascript:alert(1)"}, "http:// or https://"),
            ({"coop_publication_url": long_url}, "limited to 512 characters"),
            ({"coop_feasibility_filename": "x" * 300}, "limited to 256 characters"),
            ({"coop_meeting_id": False}, "proposed to a steering meeting"),
            ({"coop_leader_id": False}, "needs a leader"),
            ({"coop_state": "accepted"}, "starts as a proposal"),
            ({"coop_voted_budget": 10.0}, "starts as a proposal"),
        ]
        for vals, message in cases:
            with self.subTest(vals=list(vals)):
                before = self._labelled_count()
                with self.assertRaisesRegex(UserError, message):
                    self._propose(meeting, **vals)
                self.assertEqual(self._labelled_count(), before)

    # ------------------------------------------------------------ §10.3-10.4

    def test_accepted_at_meeting_books_expense_and_reports(self):
        project, meeting = self._accepted(coop_publication_url="https://example.org")
        self.assertEqual(project.coop_state, "accepted")
        self.assertEqual(project.coop_decision_meeting_id, meeting)
        self.assertEqual(project.coop_decision_date, date(2026, 2, 3))
        self.assertEqual(project.coop_sponsor_id, self.sponsor)
        self.assertEqual(project.coop_voted_budget, 450.0)
        account = project.coop_budget_account_id
        self.assertEqual(
            account.plan_id,
            self.env.ref("coop_makerspace.analytic_plan_labelled_projects"),
        )
        self.assertEqual(project.coop_balance, 450.0)
        self._books_on_its_line(project)
        self._asks_and_files_its_report(project)

    def _books_on_its_line(self, project):
        """An expense (a vendor bill) and an income (an invoice) with the
        project's analytic distribution on their lines."""
        self._vendor_bill(project, 120.0)
        project.invalidate_recordset()
        self.assertEqual(
            (project.coop_spent, project.coop_received, project.coop_balance),
            (120.0, 0.0, 330.0),
        )
        # an income: an invoice on the same line
        self._vendor_bill(project, 50.0, move_type="out_invoice")
        project.invalidate_recordset()
        self.assertEqual(
            (project.coop_spent, project.coop_received, project.coop_balance),
            (120.0, 50.0, 380.0),
        )

    def _asks_and_files_its_report(self, project):
        """Started, asked its period report once, filed by its leader with
        the balance frozen, printed."""
        with freeze_time("2026-02-04"):
            project.with_user(self.ms_manager).action_coop_start()
        self.assertEqual(project.coop_state, "running")
        # the period report: asked once per project and period
        with freeze_time("2026-05-20"):
            project.with_user(self.ms_manager).action_coop_request_report()
            project.with_user(self.ms_manager).action_coop_request_report()
        report = project.coop_report_ids
        self.assertEqual(len(report), 1)
        self.assertEqual(
            (report.period_start, report.period_end),
            (date(2026, 2, 1), date(2026, 5, 31)),
        )
        self.assertEqual(len(project.activity_ids), 1)
        self.assertEqual(project.activity_ids.user_id, self.ms_user)
        with freeze_time("2026-06-01"):
            self.env["project.project"]._cron_coop_request_reports()
        self.assertEqual(len(project.coop_report_ids), 1)
        self.assertEqual(len(project.activity_ids), 1)
        # the leader files it: the balance is frozen at submission
        report.with_user(self.ms_user)._coop_submit(
            {
                "progress": "Frame built, pen carriage printed.",
                "difficulties": "Stepper drivers overheat.",
                "cost_to_continue": 80.0,
            }
        )
        self.assertEqual(report.state, "submitted")
        self.assertEqual(
            (report.spent, report.received, report.balance), (120, 50, 380)
        )
        self.assertEqual(report.submitted_by_id, self.leader)
        self.assertFalse(project.activity_ids)
        self._vendor_bill(project, 30.0)
        project.invalidate_recordset()
        self.assertEqual(project.coop_balance, 350.0)
        self.assertEqual(report.balance, 380.0)
        with self.assertRaisesRegex(UserError, "submitted"):
            report.write({"progress": "changed"})
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "coop_makerspace.report_project_period", report.ids
        )
        html = html.decode()
        self.assertIn("Open-source plotter", html)
        self.assertIn("Frame built, pen carriage printed.", html)
        self.assertIn("o_coop_balance", html)
        self.assertIn("380.00", html)

    def test_budget_of_many_projects_in_constant_queries(self):
        projects = self.env["project.project"]
        for index in range(3):
            project, _meeting = self._accepted(name=f"Project {index}")
            self._vendor_bill(project, 10.0 * (index + 1))
            projects |= project
        projects.mapped("coop_balance")
        self.env.flush_all()
        counts = []
        for batch in (projects[:1], projects):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            balances = batch.mapped("coop_balance")
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(balances, [440.0, 430.0, 420.0])
        self.assertEqual(counts[0], counts[1])

    def test_cron_asks_each_running_project_once_per_period(self):
        project, _meeting = self._accepted()
        with freeze_time("2026-02-04"):
            project.with_user(self.ms_manager).action_coop_start()
        Project = self.env["project.project"]
        for day in ("2026-05-31", "2026-06-01", "2026-06-15", "2026-10-01"):
            with freeze_time(day):
                Project._cron_coop_request_reports()
        periods = project.coop_report_ids.sorted("period_start").mapped("period_start")
        self.assertEqual(periods, [date(2026, 2, 1), date(2026, 6, 1)])

    def test_refusal_needs_a_reason(self):
        meeting = self._steering()
        project = self._propose(meeting)
        self._hold(meeting)
        with self.assertRaisesRegex(ValidationError, "reason"):
            self._decide(project, meeting, "refused", user=self.ms_manager, reason=" ")
        self.assertEqual(project.coop_state, "proposed")
        self._decide(
            project, meeting, "refused", user=self.ms_manager, reason="Out of scope."
        )
        self.assertEqual(project.coop_state, "refused")
        self.assertEqual(project.coop_refusal_reason, "Out of scope.")
        self.assertFalse(project.coop_budget_account_id)

    def test_non_manager_cannot_accept(self):
        meeting = self._steering()
        project = self._propose(meeting)
        self._hold(meeting)
        accounts = self.env["account.analytic.account"].search_count([])
        as_user = project.with_user(self.ms_user)
        with self.assertRaises(AccessError):
            as_user._coop_decide("accepted", meeting, 450.0, self.sponsor)
        with self.assertRaises(AccessError):
            self._decide(project, meeting, user=self.ms_user)
        with self.assertRaises(AccessError):
            as_user.write({"coop_state": "accepted"})
        with self.assertRaises(AccessError):
            as_user.action_coop_start()
        self.assertEqual(project.coop_state, "proposed")
        self.assertEqual(
            self.env["account.analytic.account"].search_count([]), accounts
        )
        # but the makerspace user reads the project
        self.assertEqual(as_user.coop_state, "proposed")

    def test_decision_needs_an_open_meeting_and_a_sponsor_in_office(self):
        meeting = self._steering()
        project = self._propose(meeting)
        with self.assertRaisesRegex(UserError, "open or held meeting"):
            self._decide(project, meeting, user=self.ms_manager)
        self._hold(meeting)
        outsider = self.env["res.partner"].create({"name": "Not on the board"})
        with self.assertRaisesRegex(ValidationError, "board member in office"):
            self._decide(project, meeting, user=self.ms_manager, sponsor_id=outsider.id)
        for budget in (-10.0, float("inf")):
            with self.assertRaisesRegex(ValidationError, "Voted Budget"):
                self._decide(
                    project, meeting, user=self.ms_manager, voted_budget=budget
                )
        self.assertEqual(project.coop_state, "proposed")
        self.assertFalse(project.coop_budget_account_id)

    def test_decided_project_refuses_decision_writes(self):
        project, _meeting = self._accepted()
        as_manager = project.with_user(self.ms_manager)
        for vals in (
            {"coop_voted_budget": 900.0},
            {"coop_sponsor_id": self.members["Eli"].partner_id.id},
            {"coop_refusal_reason": "late"},
        ):
            with (
                self.subTest(vals=list(vals)),
                self.assertRaisesRegex(UserError, "cannot change"),
            ):
                as_manager.write(vals)
        with self.assertRaisesRegex(UserError, "cannot go from"):
            as_manager.write({"coop_state": "proposed"})
        self.assertEqual(project.coop_voted_budget, 450.0)
        with self.assertRaisesRegex(UserError, "does not apply"):
            as_manager._coop_decide(
                "refused", project.coop_decision_meeting_id, reason="x"
            )

    def test_publication_under_a_free_licence(self):
        project, _meeting = self._accepted()
        project.with_user(self.ms_manager).write(
            {
                "coop_publication_url": "https://wiki.example.org/plotter",
                "coop_licence_id": self.licence.id,
            }
        )
        self.assertEqual(project.coop_licence_id.code, "CERN-OHL-S-2.0")
        codes = set(self.env["coop.makerspace.licence"].search([]).mapped("code"))
        self.assertTrue(
            {"CC-BY-SA-4.0", "CC-BY-4.0", "GPL-3.0", "AGPL-3.0", "MIT"} <= codes
        )
        with self.assertRaises(ValidationError):
            project.with_user(self.ms_manager).write(
                {"coop_publication_url": "wiki.example.org"}
            )

    # ------------------------------------------------------------ §10.7

    def test_end_of_life_by_its_leader(self):
        project, _meeting = self._accepted()
        Close = self.env["coop.makerspace.project.close"]
        wizard = Close.with_user(self.ms_other).create(
            {"project_id": project.id, "closed_by": "leader", "assets_note": "x"}
        )
        with self.assertRaises(AccessError):
            wizard.action_close()
        wizard = Close.with_user(self.ms_user).create(
            {"project_id": project.id, "closed_by": "leader", "assets_note": " "}
        )
        with self.assertRaisesRegex(ValidationError, "remaining assets"):
            wizard.action_close()
        self.assertEqual(project.coop_state, "accepted")
        wizard = Close.with_user(self.ms_user).create(
            {
                "project_id": project.id,
                "closed_by": "leader",
                "assets_note": "The plotter and 2 spare steppers.",
            }
        )
        wizard.action_close()
        self.assertEqual(project.coop_state, "closed")
        self.assertEqual(project.coop_closed_by, "leader")
        self.assertEqual(project.coop_assets_note, "The plotter and 2 spare steppers.")
        closing = project.message_ids.filtered(
            lambda m: "go back to the association" in (m.body or "")
        )
        self.assertEqual(len(closing), 1)
        self.assertIn("2 spare steppers", closing.body)
        with self.assertRaisesRegex(UserError, "closing is fixed"):
            project.write({"coop_assets_note": "nothing"})

    def test_end_of_life_by_a_board_vote(self):
        project, meeting = self._accepted()
        with self.assertRaises(AccessError):
            project.with_user(self.ms_user)._coop_close("board", "Tools", meeting)
        with self.assertRaisesRegex(UserError, "open or held meeting"):
            project.with_user(self.ms_manager)._coop_close("board", "Tools")
        project.with_user(self.ms_manager)._coop_close("board", "Tools", meeting)
        self.assertEqual(
            (project.coop_state, project.coop_closing_meeting_id),
            ("closed", meeting),
        )

    # ------------------------------------------------------------ screens

    def test_screens_open_for_the_makerspace_groups(self):
        project, _meeting = self._accepted()
        Report = self.env["coop.makerspace.project.report"]
        report = project._coop_request_report(date(2026, 2, 1), date(2026, 5, 31))
        views = {
            "project.project": ("coop_makerspace.project_project_view_form", project),
            "coop.makerspace.project.report": (
                "coop_makerspace.coop_makerspace_project_report_view_form",
                report,
            ),
        }
        for user in (self.ms_user, self.ms_manager):
            for model, (xmlid, record) in views.items():
                with self.subTest(user=user.login, model=model):
                    form = Form(record.with_user(user), view=xmlid)
                    self.assertEqual(form.id, record.id)
        with Form(
            project.with_user(self.ms_manager), view=views["project.project"][0]
        ) as form:
            form.coop_publication_url = "https://wiki.example.org/plotter"
            form.coop_licence_id = self.licence
        self.assertEqual(
            project.coop_publication_url, "https://wiki.example.org/plotter"
        )
        # the board records its decision through the wizard's screen
        meeting = self._steering(date(2026, 6, 2))
        other = self._propose(meeting, date(2026, 5, 18), name="Second project")
        self._hold(meeting)
        wizard_form = Form(
            self.env["coop.makerspace.project.decision"]
            .with_user(self.ms_manager)
            .with_context(default_project_id=other.id)
        )
        self.assertEqual(wizard_form.meeting_id, meeting)
        self.assertEqual(wizard_form.voted_budget, 450.0)
        wizard_form.sponsor_id = self.sponsor
        wizard_form.voted_budget = 300.0
        wizard_form.save().action_decide()
        self.assertEqual((other.coop_state, other.coop_voted_budget), ("accepted", 300))
        self.assertEqual(len(Report.search([("project_id", "=", project.id)])), 1)

    def test_other_association_sees_nothing(self):
        project, _meeting = self._accepted()
        report = project._coop_request_report(date(2026, 2, 1), date(2026, 5, 31))
        company_2 = self.env["res.company"].create({"name": "Other Makerspace"})
        manager_2 = new_test_user(
            self.env,
            "ms_manager_2",
            f"base.group_user,{MANAGER}",
            company_id=company_2.id,
            company_ids=[(6, 0, company_2.ids)],
        )
        Project = self.env["project.project"].with_user(manager_2)
        self.assertFalse(Project.search([("coop_labelled", "=", True)]))
        Report = self.env["coop.makerspace.project.report"].with_user(manager_2)
        self.assertFalse(Report.search([]))
        with self.assertRaises(AccessError):
            report.with_user(manager_2).read(["balance"])
        with self.assertRaises(AccessError):
            project.with_user(manager_2)._coop_close("board", "x", _meeting)
