# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import projects as project_rules


class CoopMakerspaceProjectDecision(models.TransientModel):
    """The board's decision on a proposed labelled project (003 §10.3-10.4)."""

    _name = "coop.makerspace.project.decision"
    _description = "Board Decision on a Labelled Project"
    _inherit = "coop.membership.bounds.mixin"

    project_id = fields.Many2one(
        "project.project",
        required=True,
        domain="[('coop_labelled', '=', True), ('coop_state', '=', 'proposed')]",
    )
    company_id = fields.Many2one(related="project_id.company_id")
    currency_id = fields.Many2one(related="project_id.currency_id")
    decision = fields.Selection(
        [(project_rules.ACCEPTED, "Accept"), (project_rules.REFUSED, "Refuse")],
        required=True,
        default=project_rules.ACCEPTED,
    )
    meeting_id = fields.Many2one(
        "coop.board.meeting",
        string="Board Meeting",
        required=True,
        domain="[('company_id', '=', company_id), ('state', 'in', ('open', 'held'))]",
    )
    voted_budget = fields.Monetary(currency_field="currency_id")
    sponsor_id = fields.Many2one(
        "res.partner",
        string="Board Sponsor",
        help="A board member in office who volunteers to follow the project.",
    )
    reason = fields.Text(string="Refusal Reason")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        project = self.env["project.project"].browse(values.get("project_id"))
        if project.exists():
            values.setdefault("meeting_id", project.coop_meeting_id.id)
            values.setdefault("voted_budget", project.coop_budget_estimate)
        return values

    def action_decide(self):
        self.ensure_one()
        self.project_id._coop_decide(
            self.decision,
            self.meeting_id,
            voted_budget=self.voted_budget,
            sponsor=self.sponsor_id,
            reason=self.reason or "",
        )
        return {"type": "ir.actions.act_window_close"}
