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

    coop_directory_default_listed = fields.Boolean(
        string="List New Members in the Directory",
        help="Default consent of a new membership to appear in the member "
        "directory of the portal (the member can change it there).",
    )

    def _coop_membership_setup(self):
        """Give companies having a chart a share capital account (equity)."""
        for company in self.sudo():
            if company.chart_template and not company.coop_share_account_id:
                company.coop_share_account_id = company._coop_create_share_account()

    def _coop_create_share_account(self):
        self.ensure_one()
        Account = self.env["account.account"].with_company(self)
        equity = Account.search(
            [
                ("company_ids", "parent_of", self.id),
                ("account_type", "=", "equity"),
            ],
            order="code",
            limit=1,
        )
        # Odoo's own search for a free code, next to the chart's first
        # equity account (its capital range in any chart)
        code = Account._search_new_account_code(equity.code or "1000")
        return Account.create(
            {
                "name": self.env._("Member Share Capital"),
                "code": code,
                "account_type": "equity",
                "reconcile": False,
                "company_ids": [(6, 0, self.ids)],
            }
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
