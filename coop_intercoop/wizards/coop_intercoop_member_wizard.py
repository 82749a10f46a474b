# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from ..models.coop_intercoop_agreement import PROOFS


class CoopIntercoopMemberWizard(models.TransientModel):
    _name = "coop.intercoop.member.wizard"
    _description = "Register a Member of a Partner Cooperative"

    agreement_id = fields.Many2one(
        "coop.intercoop.agreement",
        required=True,
        domain=[("is_valid", "=", True)],
    )
    partner_id = fields.Many2one(
        "res.partner", string="Existing Contact", help="Leave empty for a new contact."
    )
    name = fields.Char()
    email = fields.Char()
    phone = fields.Char()
    # no size: a longer number gets a clear error instead of being cut
    card_number = fields.Char(string="Member Card Number")
    proof = fields.Selection(
        PROOFS, string="Membership Established By", required=True, default="card"
    )

    def action_register(self):
        self.ensure_one()
        partner = self.agreement_id._register_member(
            {
                "partner_id": self.partner_id.id,
                "name": self.name,
                "email": self.email,
                "phone": self.phone,
                "card_number": self.card_number,
                "proof": self.proof,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": partner.id,
            "view_mode": "form",
        }
