# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_membership.tools import bounds

MANAGER = "coop_makerspace.group_coop_makerspace_manager"
FILLED_BY_LEADER = ("progress", "difficulties", "cost_to_continue")


class CoopMakerspaceProjectReport(models.Model):
    """The end-of-period report of a labelled project (003 §10.6): progress,
    difficulties, financial balance and the cost estimate to go on."""

    _name = "coop.makerspace.project.report"
    _description = "Labelled Project Period Report"
    _inherit = ("mail.thread", "coop.membership.bounds.mixin")
    _order = "period_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('coop_labelled', '=', True)]",
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    leader_id = fields.Many2one(related="project_id.coop_leader_id", string="Leader")
    period_start = fields.Date(required=True)
    period_end = fields.Date(required=True)
    state = fields.Selection(
        [("draft", "To Report"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    progress = fields.Text()
    difficulties = fields.Text()
    cost_to_continue = fields.Monetary(
        string="Cost Estimate to Go On", currency_field="currency_id"
    )
    voted_budget = fields.Monetary(
        readonly=True, currency_field="currency_id", copy=False
    )
    spent = fields.Monetary(readonly=True, currency_field="currency_id", copy=False)
    received = fields.Monetary(readonly=True, currency_field="currency_id", copy=False)
    balance = fields.Monetary(
        string="Financial Balance",
        readonly=True,
        currency_field="currency_id",
        copy=False,
    )
    submitted_on = fields.Date(readonly=True, copy=False)
    submitted_by_id = fields.Many2one("res.partner", readonly=True, copy=False)

    _sql_constraints = (
        (
            "project_period_uniq",
            "unique(project_id, period_start)",
            "A labelled project reports once per period.",
        ),
    )

    @api.depends("project_id.name", "period_start", "period_end")
    def _compute_name(self):
        for report in self:
            report.name = "%s %s - %s" % (
                report.project_id.name or "",
                report.period_start or "",
                report.period_end or "",
            )

    @api.model
    def _coop_bounds(self):
        limits = super()._coop_bounds()
        limits["cost_to_continue"] = (0, bounds.MAX_AMOUNT)
        return limits

    @api.constrains("period_start", "period_end")
    def _check_period(self):
        for report in self:
            if report.period_end < report.period_start:
                raise ValidationError(
                    self.env._("A period cannot end before it starts.")
                )

    def write(self, vals):
        if any(report.state == "submitted" for report in self):
            raise UserError(
                self.env._("The period report was submitted: it cannot change.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(report.state == "submitted" for report in self):
            raise UserError(self.env._("A submitted period report cannot be deleted."))

    def _coop_may_file(self):
        self.ensure_one()
        if self.env.su:
            return True
        if self.env.user.has_group(MANAGER):
            return self.has_access("write")
        return self.project_id.sudo().coop_leader_id == self.env.user.partner_id

    def _coop_submit(self, vals=None):
        """Fill in the leader's answers, freeze the financial balance read from
        the budget line, and submit."""
        self.ensure_one()
        if not self._coop_may_file():
            raise AccessError(
                self.env._("Only the project's leader or the board files its report.")
            )
        if self.state != "draft":
            raise UserError(self.env._("The period report was already submitted."))
        vals = {
            key: value for key, value in (vals or {}).items() if key in FILLED_BY_LEADER
        }
        self._coop_check_bounds(vals)
        progress = vals.get("progress", self.progress)
        if not (progress or "").strip():
            raise ValidationError(self.env._("Describe the project's progress."))
        project = self.project_id.sudo()
        spent, received = project._coop_analytic_amounts()
        vals.update(
            state="submitted",
            voted_budget=project.coop_voted_budget,
            spent=spent,
            received=received,
            balance=project.coop_balance,
            submitted_on=fields.Date.context_today(self),
            submitted_by_id=self.env.user.partner_id.id,
        )
        # the leader may not write the report: the checks above stand for it
        self.sudo().write(vals)
        project.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
                and a.date_deadline == self.period_end
            )
        ).sudo().action_feedback(feedback=self.env._("Period report submitted."))
        return True

    def action_submit(self):
        """Submit the report as the board (back-office)."""
        for report in self:
            report.check_access("write")
            report._coop_submit()
        return True

    def action_print(self):
        self.check_access("read")
        return self.env.ref(
            "coop_makerspace.action_report_coop_makerspace_project_report"
        ).report_action(self)
