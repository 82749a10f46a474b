# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.coop_membership.tools import bounds

from ..tools import projects as project_rules

MANAGER = "coop_makerspace.group_coop_makerspace_manager"
STATES = [
    (project_rules.PROPOSED, "Proposed"),
    (project_rules.ACCEPTED, "Accepted"),
    (project_rules.REFUSED, "Refused"),
    (project_rules.RUNNING, "Running"),
    (project_rules.CLOSED, "Closed"),
]
# set by the board's decision, then fixed
DECISION_FIELDS = {
    "coop_decision_meeting_id",
    "coop_decision_date",
    "coop_voted_budget",
    "coop_sponsor_id",
    "coop_refusal_reason",
    "coop_budget_account_id",
}
CLOSING_FIELDS = {
    "coop_closed_date",
    "coop_closed_by",
    "coop_closing_meeting_id",
    "coop_assets_note",
}
MONEY_FIELDS = ("coop_budget_estimate", "coop_voted_budget")


class ProjectProject(models.Model):
    """A labelled project (Electrolab, 003 §10): proposed by a member, decided
    by the board, followed by a board sponsor, funded on its own budget line."""

    _name = "project.project"
    _inherit = ("project.project", "coop.membership.bounds.mixin")

    coop_labelled = fields.Boolean(string="Labelled Project", index=True, copy=False)
    coop_state = fields.Selection(
        STATES,
        string="Label Status",
        default=project_rules.PROPOSED,
        tracking=True,
        copy=False,
    )
    coop_goals = fields.Text(string="Goals")
    coop_budget_estimate = fields.Monetary(
        string="Budget Estimate", currency_field="currency_id"
    )
    coop_feasibility_study = fields.Binary(
        string="Feasibility Study", attachment=True, copy=False
    )
    coop_feasibility_filename = fields.Char(
        string="Feasibility Study Filename", size=256, copy=False
    )
    coop_leader_id = fields.Many2one(
        "res.partner", string="Leader", index=True, tracking=True
    )
    coop_team_ids = fields.Many2many(
        "res.partner",
        "coop_makerspace_project_team_rel",
        "project_id",
        "partner_id",
        string="Team",
    )
    coop_proposal_date = fields.Date(
        string="Proposed On", default=fields.Date.context_today, copy=False
    )
    coop_meeting_id = fields.Many2one(
        "coop.board.meeting",
        string="Steering Meeting",
        check_company=True,
        copy=False,
        help="The board meeting at the start of a period that debates the project.",
    )
    coop_decision_meeting_id = fields.Many2one(
        "coop.board.meeting",
        string="Decided At",
        check_company=True,
        copy=False,
        tracking=True,
    )
    coop_decision_date = fields.Date(string="Decision Date", copy=False)
    coop_voted_budget = fields.Monetary(
        string="Voted Budget", currency_field="currency_id", copy=False, tracking=True
    )
    coop_sponsor_id = fields.Many2one(
        "res.partner",
        string="Board Sponsor",
        copy=False,
        tracking=True,
        help="The volunteer board member who follows the project's budget, "
        "progress and publications.",
    )
    coop_refusal_reason = fields.Text(string="Refusal Reason", copy=False)
    coop_budget_account_id = fields.Many2one(
        "account.analytic.account", string="Budget Line", copy=False, readonly=True
    )
    coop_spent = fields.Monetary(
        string="Spent", compute="_compute_coop_budget", currency_field="currency_id"
    )
    coop_received = fields.Monetary(
        string="Received", compute="_compute_coop_budget", currency_field="currency_id"
    )
    coop_balance = fields.Monetary(
        string="Budget Balance",
        compute="_compute_coop_budget",
        currency_field="currency_id",
    )
    coop_publication_url = fields.Char(string="Publication", size=512, tracking=True)
    coop_licence_id = fields.Many2one(
        "coop.makerspace.licence", string="Free Licence", tracking=True
    )
    coop_date_running = fields.Date(string="Running Since", copy=False)
    coop_closed_date = fields.Date(string="Closed On", copy=False)
    coop_closed_by = fields.Selection(
        [("leader", "Its Leader"), ("board", "A Board Vote")],
        string="Closed By",
        copy=False,
    )
    coop_closing_meeting_id = fields.Many2one(
        "coop.board.meeting", string="Closing Vote At", check_company=True, copy=False
    )
    coop_assets_note = fields.Text(
        string="Remaining Assets",
        copy=False,
        help="What the project leaves; it goes back to the association.",
    )
    coop_report_ids = fields.One2many(
        "coop.makerspace.project.report", "project_id", string="Period Reports"
    )
    coop_report_count = fields.Integer(
        string="Period Report Count", compute="_compute_coop_report_count"
    )

    @api.model
    def _coop_bounds(self):
        limits = super()._coop_bounds()
        limits.update(dict.fromkeys(MONEY_FIELDS, (0, bounds.MAX_AMOUNT)))
        return limits

    @api.depends("coop_budget_account_id", "coop_voted_budget")
    def _compute_coop_budget(self):
        amounts = self._coop_analytic_amounts_batch()
        for project in self:
            spent, received = amounts.get(project.coop_budget_account_id, (0.0, 0.0))
            project.coop_spent = spent
            project.coop_received = received
            project.coop_balance = project_rules.budget_balance(
                project.coop_voted_budget, spent, received
            )

    def _coop_analytic_amounts(self):
        """``(spent, received)`` on the budget line, from its analytic lines
        (expenses are negative amounts, income positive)."""
        self.ensure_one()
        batch = self._coop_analytic_amounts_batch()
        return batch.get(self.coop_budget_account_id, (0.0, 0.0))

    def _coop_analytic_amounts_batch(self):
        """``{account: (spent, received)}`` of the projects' budget lines, in
        two grouped queries per analytic plan (the list and kanban views
        compute many projects at once)."""
        accounts = self.coop_budget_account_id.sudo()
        Line = self.env["account.analytic.line"].sudo()
        signed = {account: [0.0, 0.0] for account in accounts}
        for plan in accounts.plan_id:
            column = plan._column_name()
            plan_accounts = accounts.filtered(lambda a, plan=plan: a.plan_id == plan)
            for index, sign in enumerate(("<", ">")):
                groups = Line._read_group(
                    [(column, "in", plan_accounts.ids), ("amount", sign, 0)],
                    [column],
                    ["amount:sum"],
                )
                for account, total in groups:
                    signed[account][index] = total
        result = {}
        for account, (negative, positive) in signed.items():
            spent, received = project_rules.split_amounts([negative, positive])
            currency = account.company_id.currency_id or self.env.company.currency_id
            result[account] = (currency.round(spent), currency.round(received))
        return result

    def _compute_coop_report_count(self):
        counts = dict(
            self.env["coop.makerspace.project.report"]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
        )
        for project in self:
            project.coop_report_count = counts.get(project, 0)

    @api.constrains("coop_labelled", "coop_leader_id", "company_id")
    def _check_coop_labelled(self):
        for project in self.filtered("coop_labelled"):
            if not project.coop_leader_id:
                raise ValidationError(self.env._("A labelled project needs a leader."))
            if not project.company_id:
                raise ValidationError(
                    self.env._("A labelled project belongs to one association.")
                )

    @api.constrains("coop_publication_url")
    def _check_coop_publication_url(self):
        for project in self.filtered("coop_publication_url"):
            if not project_rules.is_public_url(project.coop_publication_url):
                raise ValidationError(
                    self.env._(
                        "The publication link must be a web address starting "
                        "with http:// or https://."
                    )
                )

    @api.constrains("coop_state", *DECISION_FIELDS)
    def _check_coop_decision(self):
        for project in self.filtered("coop_labelled"):
            state = project.coop_state
            if (
                state == project_rules.REFUSED
                and not (project.coop_refusal_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._("Give the reason why the board refuses the project.")
                )
            if state in (
                project_rules.ACCEPTED,
                project_rules.RUNNING,
            ) and not (
                project.coop_decision_meeting_id
                and project.coop_sponsor_id
                and project.coop_budget_account_id
            ):
                raise ValidationError(
                    self.env._(
                        "An accepted project has the board's decision: the "
                        "meeting, a board sponsor and its budget line."
                    )
                )

    @api.model
    def _coop_is_manager(self):
        return self.env.su or self.env.user.has_group(MANAGER)

    @api.model
    def _coop_check_manager(self):
        if not self._coop_is_manager():
            raise AccessError(
                self.env._("Only the board (makerspace managers) decides on this.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("coop_labelled"):
                vals.setdefault("privacy_visibility", "employees")
                vals.setdefault("company_id", self.env.company.id)
                state = vals.get("coop_state", project_rules.PROPOSED)
                if DECISION_FIELDS & set(vals) or state != project_rules.PROPOSED:
                    raise UserError(
                        self.env._("A labelled project starts as a proposal.")
                    )
        return super().create(vals_list)

    def write(self, vals):
        labelled = self.filtered("coop_labelled")
        guarded = (DECISION_FIELDS | CLOSING_FIELDS | {"coop_state"}) & set(vals)
        if labelled and guarded:
            self._coop_check_manager()
            labelled._coop_check_write(vals)
        if "coop_labelled" in vals and not vals["coop_labelled"] and labelled:
            raise UserError(self.env._("A labelled project keeps its label."))
        return super().write(vals)

    def _coop_check_write(self, vals):
        decided = self.filtered(lambda p: p.coop_state != project_rules.PROPOSED)
        if decided and DECISION_FIELDS & set(vals):
            raise UserError(
                self.env._(
                    "The board has decided on %s: its decision cannot change.",
                    ", ".join(decided.mapped("name")),
                )
            )
        closed = self.filtered(lambda p: p.coop_state == project_rules.CLOSED)
        if closed and CLOSING_FIELDS & set(vals):
            raise UserError(self.env._("The project is closed: its closing is fixed."))
        new_state = vals.get("coop_state")
        for project in self:
            if (
                new_state
                and new_state != project.coop_state
                and not (project_rules.may_move(project.coop_state, new_state))
            ):
                raise UserError(
                    self.env._(
                        "%(project)s cannot go from %(old)s to %(new)s.",
                        project=project.name,
                        old=project._coop_state_label(project.coop_state),
                        new=project._coop_state_label(new_state),
                    )
                )

    def _coop_state_label(self, state):
        return dict(self._fields["coop_state"]._description_selection(self.env)).get(
            state, state
        )
