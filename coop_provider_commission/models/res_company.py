# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import satisfaction


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
    coop_rating_interval_months = fields.Integer(
        string="Rating Request Interval (months)",
        default=6,
        help="Network clients with a signed hosting contract are asked to rate "
        "their mediator when the contract is signed, then every this many "
        "months (0: only once).",
    )
    coop_head_office_id = fields.Many2one(
        "res.partner",
        string="Head Office",
        help="The network's head office: receives the section's semester "
        "reports by email when they are sent.",
    )

    @api.constrains("coop_rating_interval_months")
    def _check_coop_rating_interval(self):
        for company in self:
            if not (
                0
                <= company.coop_rating_interval_months
                <= satisfaction.MAX_INTERVAL_MONTHS
            ):
                raise ValidationError(
                    self.env._(
                        "The rating request interval must lie between 0 and %s months.",
                        satisfaction.MAX_INTERVAL_MONTHS,
                    )
                )
