# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    coop_key_fee_amount = fields.Monetary(
        related="company_id.coop_key_fee_amount",
        currency_field="currency_id",
        readonly=False,
    )
    coop_key_fee_product_id = fields.Many2one(
        related="company_id.coop_key_fee_product_id", readonly=False
    )
    coop_key_fee_post = fields.Boolean(
        related="company_id.coop_key_fee_post", readonly=False
    )
    coop_opening_official_min_board = fields.Integer(
        related="company_id.coop_opening_official_min_board", readonly=False
    )
    coop_opening_unofficial_min_board = fields.Integer(
        related="company_id.coop_opening_unofficial_min_board", readonly=False
    )
    coop_opening_unofficial_max_members = fields.Integer(
        related="company_id.coop_opening_unofficial_max_members", readonly=False
    )
