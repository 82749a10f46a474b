# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import bounds

MAX_REMINDER_DAYS = 3650


class ResCompany(models.Model):
    _name = "res.company"
    _inherit = ("res.company", "coop.membership.bounds.mixin")

    coop_share_account_id = fields.Many2one(
        "account.account",
        string="Share Capital Account",
        check_company=True,
        help="Account credited by share subscriptions and debited by share "
        "reimbursements; the share register equals its balance.",
    )
    coop_share_journal_id = fields.Many2one(
        "account.journal",
        string="Share Journal",
        check_company=True,
        domain="[('type', '=', 'sale')]",
        help="Sales journal of the share subscription invoices "
        "(the default sales journal when empty).",
    )
    coop_fee_journal_id = fields.Many2one(
        "account.journal",
        string="Fee Journal",
        check_company=True,
        domain="[('type', '=', 'sale')]",
        help="Sales journal of the fee invoices (the default sales journal when "
        "empty).",
    )
    coop_max_proxies = fields.Integer(
        string="Maximum Proxies per Holder",
        default=2,
        help="How many proxies one member may hold at a general assembly.",
    )
    coop_notice_reminder_days = fields.Integer(
        string="Notice Reminder (days)",
        default=30,
        help="The leave activity is due this many days before the effective "
        "leave date.",
    )

    @api.constrains("coop_max_proxies", "coop_notice_reminder_days")
    def _check_coop_numbers(self):
        for company in self:
            if not 0 <= company.coop_max_proxies <= bounds.MAX_COUNT:
                raise ValidationError(
                    self.env._(
                        "The maximum of proxies per holder must lie between 0 and %s.",
                        bounds.MAX_COUNT,
                    )
                )
            if not 0 <= company.coop_notice_reminder_days <= MAX_REMINDER_DAYS:
                raise ValidationError(
                    self.env._(
                        "The notice reminder must lie between 0 and %s days.",
                        MAX_REMINDER_DAYS,
                    )
                )
