# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    coop_declaration_reminder_day = fields.Integer(
        string="Declaration Reminder Day",
        default=10,
        help="Day of the month after which providers who have not declared "
        "the previous month's turnover receive a reminder.",
    )
    coop_commission_user_id = fields.Many2one(
        "res.users",
        string="Commission Responsible",
        help="User who receives the activities about missing declarations.",
    )
