# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PosPaymentMethod(models.Model):
    _inherit = "pos.payment.method"

    coop_is_wallet = fields.Boolean(
        string="Wallet",
        help="Payments with this method are taken from the customer's prepaid "
        "wallet, checked by the server under a lock.",
    )

    @api.constrains("coop_is_wallet", "journal_id", "split_transactions")
    def _check_coop_wallet(self):
        for method in self.filtered("coop_is_wallet"):
            if method.journal_id or not method.split_transactions:
                raise ValidationError(
                    self.env._(
                        "The wallet payment method %s must have no journal and "
                        "identify the customer.",
                        method.name,
                    )
                )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return super()._load_pos_data_fields(config_id) + ["coop_is_wallet"]
