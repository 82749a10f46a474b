# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopMakerspaceDangerReport(models.TransientModel):
    """Report a danger seen on an equipment (003 §9.2)."""

    _name = "coop.makerspace.danger.report"
    _description = "Report a Danger"

    equipment_id = fields.Many2one("maintenance.equipment", required=True)
    description = fields.Text(
        required=True,
        help="What you saw: bare wires, an open junction box, a tripping "
        "breaker, a protective cover removed…",
    )

    def action_report(self):
        self.ensure_one()
        self.equipment_id.report_danger(self.description or "")
        return {"type": "ir.actions.act_window_close"}
