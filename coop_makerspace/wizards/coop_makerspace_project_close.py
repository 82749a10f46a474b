# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopMakerspaceProjectClose(models.TransientModel):
    """End of life of a labelled project, by its leader or a board vote
    (003 §10.7): the remaining assets go back to the association."""

    _name = "coop.makerspace.project.close"
    _description = "End of Life of a Labelled Project"

    project_id = fields.Many2one(
        "project.project",
        required=True,
        domain="[('coop_labelled', '=', True), "
        "('coop_state', 'in', ('accepted', 'running'))]",
    )
    company_id = fields.Many2one(related="project_id.company_id")
    closed_by = fields.Selection(
        [("leader", "Its Leader"), ("board", "A Board Vote")],
        required=True,
        default="leader",
    )
    meeting_id = fields.Many2one(
        "coop.board.meeting",
        string="Board Meeting",
        domain="[('company_id', '=', company_id), ('state', 'in', ('open', 'held'))]",
    )
    assets_note = fields.Text(string="Remaining Assets", required=True)

    def action_close(self):
        self.ensure_one()
        self.project_id._coop_close(
            self.closed_by, self.assets_note, meeting=self.meeting_id
        )
        return {"type": "ir.actions.act_window_close"}
