# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopAssemblyAdmitWizard(models.TransientModel):
    """Admit to the vote a member who regularised their fees on the day of
    the assembly (003 §6), with the reason logged in the chatter."""

    _name = "coop.assembly.admit.wizard"
    _description = "Admit a Member on the Day of the Assembly"
    _inherit = ("coop.membership.bounds.mixin",)

    assembly_id = fields.Many2one("coop.assembly", required=True, readonly=True)
    company_id = fields.Many2one(related="assembly_id.company_id")
    membership_id = fields.Many2one(
        "coop.membership",
        string="Member",
        required=True,
        domain="[('company_id', '=', company_id)]",
    )
    reason = fields.Char(
        required=True,
        size=256,
        help="E.g. fees paid in cash at the entrance, receipt number.",
    )

    def action_admit(self):
        self.ensure_one()
        self.assembly_id._admit_on_day(self.membership_id, self.reason)
        return {"type": "ir.actions.act_window_close"}
