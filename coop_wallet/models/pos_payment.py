# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PosPayment(models.Model):
    _inherit = "pos.payment"

    coop_is_wallet = fields.Boolean(
        string="Wallet Payment", related="payment_method_id.coop_is_wallet"
    )
