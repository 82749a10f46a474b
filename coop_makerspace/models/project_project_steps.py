# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import projects as project_rules

DECIDING_MEETING_STATES = ("open", "held")


class ProjectProject(models.Model):
    """The life of a labelled project: proposal deadline, the board's
    decision, its budget line, period reports, end of life (003 §10.2-10.7)."""

    _inherit = "project.project"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ proposal

    @api.constrains("coop_labelled", "coop_meeting_id", "coop_proposal_date")
    def _check_coop_proposal(self):
        for project in self.filtered("coop_labelled"):
            if project.coop_state != project_rules.PROPOSED:
                continue
            meeting = project.coop_meeting_id
            if not meeting or not project.coop_proposal_date:
                raise ValidationError(
                    self.env._(
                        "A labelled project is proposed to a steering meeting "
                        "of the board."
                    )
                )
            project._coop_check_deadline(project.coop_proposal_date, meeting)

    def _coop_check_deadline(self, proposal_date, meeting):
        company = meeting.company_id
        minimum = company.coop_project_notice_days
        if project_rules.proposal_in_time(proposal_date, meeting.date, minimum):
            return
        raise ValidationError(
            self.env._(
                "Proposed %(days)s day(s) before the steering meeting of "
                "%(date)s: labelled projects are proposed at least %(minimum)s "
                "days ahead, by %(deadline)s.",
                days=project_rules.days_before(proposal_date, meeting.date),
                date=meeting.date,
                minimum=minimum,
                deadline=project_rules.proposal_deadline(meeting.date, minimum),
            )
        )

    # ------------------------------------------------------------ decision

    def _coop_check_step(self, from_states):
        self._coop_check_manager()
        self.check_access("write")
        for project in self:
            if not project.coop_labelled or project.coop_state not in from_states:
                raise UserError(
                    self.env._(
                        "This step does not apply to %s in its state.", project.name
                    )
                )

    def _coop_decide(
        self, decision, meeting, voted_budget=0.0, sponsor=None, reason=""
    ):
        """Record the board's decision taken at ``meeting``."""
        self.ensure_one()
        self._coop_check_step((project_rules.PROPOSED,))
        if meeting.state not in DECIDING_MEETING_STATES:
            raise UserError(
                self.env._("The board decides on projects at an open or held meeting.")
            )
        if meeting.company_id != self.company_id:
            raise UserError(self.env._("The meeting is another association's."))
        vals = {
            "coop_state": decision,
            "coop_decision_meeting_id": meeting.id,
            "coop_decision_date": meeting.date,
        }
        if decision == project_rules.REFUSED:
            vals["coop_refusal_reason"] = reason
            self.write(vals)
            body = self.env._(
                "Refused by the board at %(meeting)s: %(reason)s",
                meeting=meeting.name,
                reason=reason,
            )
        else:
            self._coop_check_sponsor(sponsor, meeting)
            self._coop_check_bounds({"coop_voted_budget": voted_budget})
            account = self._coop_create_budget_line(voted_budget)
            vals.update(
                coop_voted_budget=voted_budget,
                coop_sponsor_id=sponsor.id,
                coop_budget_account_id=account.id,
            )
            self.write(vals)
            body = self.env._(
                "Accepted by the board at %(meeting)s with a budget of %(amount)s, "
                "followed by %(sponsor)s.",
                meeting=meeting.name,
                amount=self.coop_voted_budget,
                sponsor=sponsor.name,
            )
        self.message_post(body=body)
        return True

    def _coop_check_sponsor(self, sponsor, meeting):
        Mandate = self.env["coop.board.mandate"].sudo()
        domain = Mandate._in_office_domain(meeting.company_id, meeting.date)
        if not sponsor or not Mandate.search_count(
            domain + [("partner_id", "=", sponsor.id)]
        ):
            raise ValidationError(
                self.env._(
                    "The sponsor of a labelled project is a board member in "
                    "office on the day of the decision."
                )
            )

    def _prepare_analytic_account_vals(self, voted_budget):
        """Values of the project's budget line (a hook for other addons)."""
        self.ensure_one()
        return {
            "name": self.env._("Labelled project: %s", self.name),
            "plan_id": self.company_id._coop_project_plan().id,
            "company_id": self.company_id.id,
            "partner_id": self.coop_leader_id.id,
        }

    def _coop_create_budget_line(self, voted_budget):
        # the caller is a manager (checked): the analytic account is the
        # association's, created whatever the user's accounting rights
        vals = self._prepare_analytic_account_vals(voted_budget)
        return self.env["account.analytic.account"].sudo().create(vals)

    def action_coop_start(self):
        """The project starts on its budget line."""
        self._coop_check_step((project_rules.ACCEPTED,))
        self.write(
            {
                "coop_state": project_rules.RUNNING,
                "coop_date_running": fields.Date.context_today(self),
            }
        )
        return True

    # ------------------------------------------------------------ end of life

    def _coop_may_close(self):
        self.ensure_one()
        if self._coop_is_manager():
            # a manager of the association the project belongs to
            return self.env.su or self.has_access("write")
        partner = self.env.user.partner_id
        return bool(self.coop_leader_id) and self.coop_leader_id == partner

    def _coop_close(self, closed_by, assets_note, meeting=None):
        """End of life by its leader or by a board vote; the remaining
        assets go back to the association (003 §10.7)."""
        self.ensure_one()
        if closed_by == "board":
            self._coop_check_manager()
            self.check_access("write")
            if not meeting or meeting.state not in DECIDING_MEETING_STATES:
                raise UserError(
                    self.env._("A board vote is taken at an open or held meeting.")
                )
            if meeting.company_id != self.company_id:
                raise UserError(self.env._("The meeting is another association's."))
        elif closed_by != "leader" or not self._coop_may_close():
            raise AccessError(
                self.env._("Only the project's leader or the board closes it.")
            )
        if self.coop_state not in (project_rules.ACCEPTED, project_rules.RUNNING):
            raise UserError(self.env._("Only an accepted or running project closes."))
        if not (assets_note or "").strip():
            raise ValidationError(
                self.env._(
                    "Describe the remaining assets (or write that there are none): "
                    "they go back to the association."
                )
            )
        # the leader may not write the project: the checks above stand for it
        self.sudo().write(
            {
                "coop_state": project_rules.CLOSED,
                "coop_closed_date": fields.Date.context_today(self),
                "coop_closed_by": closed_by,
                "coop_closing_meeting_id": meeting.id if meeting else False,
                "coop_assets_note": assets_note,
            }
        )
        self.sudo().message_post(
            body=Markup("%s<br/>%s")
            % (
                self.env._(
                    "End of life decided by %s; the remaining assets go back to "
                    "the association:",
                    self._fields["coop_closed_by"].convert_to_export(closed_by, self),
                ),
                escape(assets_note),
            ),
            author_id=self.env.user.partner_id.id,
        )
        return True

    # ------------------------------------------------------------ reports

    def action_coop_request_report(self):
        """Ask the leaders of running projects for the current period's report."""
        self._coop_check_step((project_rules.RUNNING,))
        today = fields.Date.context_today(self)
        for project in self:
            project._coop_request_report(
                *project.company_id._coop_project_period(today)
            )
        return True

    def _coop_request_report(self, period_start, period_end):
        """One report per project and period, requested by an activity."""
        self.ensure_one()
        Report = self.env["coop.makerspace.project.report"].sudo()
        report = Report.search(
            [("project_id", "=", self.id), ("period_start", "=", period_start)]
        )
        if report:
            return report
        report = Report.create(self._prepare_report_vals(period_start, period_end))
        self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=period_end,
            summary=self.env._("Period report of %s", self.name),
            note=self.env._(
                "%(leader)s, please report on the period %(start)s - %(end)s: "
                "progress, difficulties, financial balance and the cost to go on.",
                leader=self.coop_leader_id.name,
                start=period_start,
                end=period_end,
            ),
            user_id=self._coop_report_user().id,
        )
        return report

    def _prepare_report_vals(self, period_start, period_end):
        self.ensure_one()
        return {
            "project_id": self.id,
            "period_start": period_start,
            "period_end": period_end,
        }

    def _coop_report_user(self):
        """Who gets the activity: the leader if they use the back-office,
        else the sponsor, else the project manager, else the current user."""
        self.ensure_one()
        for partner in (self.coop_leader_id, self.coop_sponsor_id):
            users = partner.user_ids.filtered(lambda u: not u.share)
            if users:
                return users[0]
        return self.user_id or self.env.user

    @api.model
    def _cron_coop_request_reports(self):
        """At the end of a period, ask the running projects for its report."""
        today = fields.Date.context_today(self)
        projects = self.search(
            [("coop_labelled", "=", True), ("coop_state", "=", project_rules.RUNNING)]
        )
        for project in projects:
            company = project.company_id
            start, end = project_rules.previous_period_bounds(
                today,
                company.coop_project_period_first_month,
                company.coop_project_period_months,
            )
            if project.coop_date_running and project.coop_date_running <= end:
                project._coop_request_report(start, end)
        return True

    def action_coop_view_reports(self):
        self.ensure_one()
        if not self.env.user.has_group("coop_makerspace.group_coop_makerspace_user"):
            raise AccessError(self.env._("The period reports are the makerspace's."))
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_makerspace.coop_makerspace_project_report_action"
        )
        action["domain"] = [("project_id", "=", self.id)]
        action["context"] = {"default_project_id": self.id}
        return action
