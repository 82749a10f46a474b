# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CoopTrialCardRegisterWizard(models.TransientModel):
    _name = "coop.trial.card.register.wizard"
    _description = "Register a Visitor and Issue a Trial Card"

    formula_id = fields.Many2one(
        "coop.trial.formula",
        required=True,
        domain=lambda self: [("company_id", "=", self.env.company.id)],
    )
    partner_id = fields.Many2one(
        "res.partner", string="Existing Contact", help="Leave empty for a new contact."
    )
    lastname = fields.Char(string="Last Name")
    firstname = fields.Char(string="First Name")
    email = fields.Char()
    phone = fields.Char()
    require_lastname = fields.Boolean(related="formula_id.require_lastname")
    require_firstname = fields.Boolean(related="formula_id.require_firstname")
    require_email = fields.Boolean(related="formula_id.require_email")
    require_phone = fields.Boolean(related="formula_id.require_phone")

    def action_register(self):
        self.ensure_one()
        values = {
            "partner_id": self.partner_id.id,
            "lastname": self.lastname,
            "firstname": self.firstname,
            "email": self.email or self.partner_id.email,
            "phone": self.phone or self.partner_id.phone,
        }
        if self.partner_id and not (self.lastname or self.firstname):
            values["lastname"] = self.partner_id.name
        card = self.env["coop.trial.card"]._register_visitor(self.formula_id.id, values)
        return {
            "type": "ir.actions.act_window",
            "res_model": "coop.trial.card",
            "res_id": card.id,
            "view_mode": "form",
        }
