# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    coop_wallet_topup = fields.Boolean(
        string="Wallet Top-up",
        help="Selling this product credits the customer's wallet. Its income "
        "account must be the wallet account.",
    )
