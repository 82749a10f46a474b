# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    coop_declaration_reminder_day = fields.Integer(
        related="company_id.coop_declaration_reminder_day",
        readonly=False,
        string="Declaration Reminder Day",
    )
    coop_commission_user_id = fields.Many2one(
        related="company_id.coop_commission_user_id",
        readonly=False,
        string="Commission Responsible",
    )
    coop_rating_interval_months = fields.Integer(
        related="company_id.coop_rating_interval_months",
        readonly=False,
    )
    coop_head_office_id = fields.Many2one(
        related="company_id.coop_head_office_id",
        readonly=False,
    )
