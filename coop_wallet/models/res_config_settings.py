# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_wallet_account_id = fields.Many2one(
        related="company_id.coop_wallet_account_id", readonly=False
    )
    coop_wallet_journal_id = fields.Many2one(
        related="company_id.coop_wallet_journal_id", readonly=False
    )
    coop_wallet_minimum = fields.Monetary(
        related="company_id.coop_wallet_minimum", readonly=False
    )
    coop_wallet_offline_cap = fields.Monetary(
        related="company_id.coop_wallet_offline_cap", readonly=False
    )
    coop_wallet_household = fields.Boolean(
        related="company_id.coop_wallet_household", readonly=False
    )
