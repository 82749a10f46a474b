# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopShareSubscribeWizard(models.TransientModel):
    _name = "coop.share.subscribe.wizard"
    _description = "Subscribe Shares"
    _inherit = ("coop.membership.bounds.mixin",)

    membership_id = fields.Many2one("coop.membership", required=True)
    currency_id = fields.Many2one(related="membership_id.currency_id")
    quantity = fields.Float(
        string="Number of Shares",
        digits=(16, 2),
        default=1.0,
        help="A whole number of shares.",
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    share_value = fields.Monetary(
        related="membership_id.category_id.share_value", currency_field="currency_id"
    )
    amount = fields.Monetary(compute="_compute_amount", currency_field="currency_id")

    @api.constrains("quantity", "membership_id")
    def _check_quantity(self):
        for wizard in self:
            wizard.membership_id.check_access("write")
            wizard.membership_id._check_share_count(wizard.quantity)

    @api.depends("quantity", "share_value")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.quantity * wizard.share_value

    def action_subscribe(self):
        self.ensure_one()
        line = self.membership_id._subscribe_shares(self.quantity, self.date)
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": line.move_id.id,
            "view_mode": "form",
        }
