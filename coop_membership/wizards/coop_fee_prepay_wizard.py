# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import bounds


class CoopFeePrepayWizard(models.TransientModel):
    _name = "coop.fee.prepay.wizard"
    _description = "Prepay Fee Periods"
    _inherit = ("coop.membership.bounds.mixin",)

    membership_id = fields.Many2one("coop.membership", required=True)
    period_count = fields.Integer(string="Periods to Prepay", default=1)
    max_periods = fields.Integer(
        related="membership_id.category_id.fee_scheme_id.max_prepaid_periods"
    )
    prepaid_periods = fields.Integer(related="membership_id.prepaid_periods")

    @api.constrains("period_count", "membership_id")
    def _check_period_count(self):
        for wizard in self:
            wizard.membership_id.check_access("write")
            if not bounds.is_count(wizard.period_count):
                raise ValidationError(
                    self.env._("The number of periods must be a whole number above 0.")
                )

    def action_prepay(self):
        self.ensure_one()
        move = self.membership_id._prepay(self.period_count)
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": move.id,
            "view_mode": "form",
        }
