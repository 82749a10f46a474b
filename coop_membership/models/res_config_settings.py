# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_share_account_id = fields.Many2one(
        related="company_id.coop_share_account_id", readonly=False
    )
    coop_share_journal_id = fields.Many2one(
        related="company_id.coop_share_journal_id", readonly=False
    )
    coop_fee_journal_id = fields.Many2one(
        related="company_id.coop_fee_journal_id", readonly=False
    )
    coop_max_proxies = fields.Integer(
        related="company_id.coop_max_proxies", readonly=False
    )
    coop_notice_reminder_days = fields.Integer(
        related="company_id.coop_notice_reminder_days", readonly=False
    )
    coop_directory_default_listed = fields.Boolean(
        related="company_id.coop_directory_default_listed", readonly=False
    )
