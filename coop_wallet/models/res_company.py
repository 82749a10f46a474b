# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from ..tools import wallet_rules


class ResCompany(models.Model):
    _inherit = "res.company"

    coop_wallet_account_id = fields.Many2one(
        "account.account",
        string="Wallet Account",
        help="Liability account holding the prepaid wallets of the customers.",
    )
    coop_wallet_journal_id = fields.Many2one(
        "account.journal",
        string="Wallet Journal",
        help="Journal of the wallet movements (transfers, adjustments, "
        "invoice payments from the wallet).",
    )
    coop_wallet_minimum = fields.Monetary(
        string="Wallet Minimum Balance",
        currency_field="currency_id",
        default=0.0,
        help="A wallet payment may not bring the balance below this amount.",
    )
    coop_wallet_offline_cap = fields.Monetary(
        string="Maximum Offline Overdraft",
        currency_field="currency_id",
        default=0.0,
        help="How far below the minimum balance an order paid at a till that "
        "was offline may bring a wallet and still be granted (flagged). Beyond "
        "it the order is kept but the overdraft is left to the wallet managers.",
    )
    coop_wallet_household = fields.Boolean(
        string="Household Wallets",
        help="If set, a contact spends from the wallet of its top-most parent "
        "(the household) instead of its own.",
    )

    @api.constrains("coop_wallet_minimum", "coop_wallet_offline_cap")
    def _check_coop_wallet_amounts(self):
        for company in self:
            if not wallet_rules.amount_ok(company.coop_wallet_minimum):
                raise ValidationError(
                    self.env._("The wallet minimum balance is not a valid amount.")
                )
            cap = company.coop_wallet_offline_cap
            if not wallet_rules.amount_ok(cap) or (
                company.currency_id.compare_amounts(cap, 0.0) < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The maximum offline overdraft must be a positive amount "
                        "or zero."
                    )
                )

    @api.model
    def _load_pos_data_fields(self, config_id):
        return super()._load_pos_data_fields(config_id) + ["coop_wallet_minimum"]

    def _coop_wallet_setup(self):
        """Create the wallet account and journal of companies having a chart."""
        for company in self.sudo():
            if not company.chart_template:
                continue
            vals = {}
            if not company.coop_wallet_account_id:
                vals["coop_wallet_account_id"] = (
                    company._coop_wallet_create_account().id
                )
            if not company.coop_wallet_journal_id:
                vals["coop_wallet_journal_id"] = (
                    company._coop_wallet_create_journal().id
                )
            if vals:
                company.write(vals)
            company._coop_wallet_setup_pos()

    def _coop_wallet_setup_pos(self):
        """Wallet POS payment method and top-up product income account."""
        self.ensure_one()
        product = self.env.ref(
            "coop_wallet.product_wallet_topup", raise_if_not_found=False
        )
        if product:
            product = product.with_company(self)
            if not product.property_account_income_id:
                product.property_account_income_id = self.coop_wallet_account_id
        Method = self.env["pos.payment.method"].with_company(self)
        method = Method.search(
            [("coop_is_wallet", "=", True), ("company_id", "=", self.id)], limit=1
        )
        if not method:
            method = Method.create(
                {
                    "name": self.env._("Wallet"),
                    "company_id": self.id,
                    "coop_is_wallet": True,
                    "split_transactions": True,
                    "journal_id": False,
                }
            )
            self._coop_wallet_add_to_shops(method)

    def _coop_wallet_add_to_shops(self, method):
        """Offer the new wallet method in the company's existing shops kept in
        its currency (wallets are kept in the company currency). Adding a
        method is harmless to an open session: it is allowed there too."""
        self.ensure_one()
        configs = (
            self.env["pos.config"]
            .with_company(self)
            .search([("company_id", "=", self.id)])
            .filtered(lambda config: config.currency_id == self.currency_id)
        )
        configs.with_context(bypass_payment_method_ids_forbidden_change=True).write(
            {"payment_method_ids": [Command.link(method.id)]}
        )

    def _coop_wallet_create_account(self):
        self.ensure_one()
        Account = self.env["account.account"].with_company(self)
        # Odoo's own search for a free code in this company, from 4190 on
        code = Account._search_new_account_code("4190", cache=set())
        return Account.create(
            {
                "name": self.env._("Customer Wallets"),
                "code": code,
                "account_type": "liability_current",
                "reconcile": False,
                "company_ids": [(6, 0, self.ids)],
            }
        )

    def _coop_wallet_create_journal(self):
        self.ensure_one()
        Journal = self.env["account.journal"].with_company(self)
        code = "WAL"
        index = 0
        while Journal.search_count(
            [("code", "=", code), ("company_id", "=", self.id)], limit=1
        ):
            index += 1
            code = "WAL%s" % index
        return Journal.create(
            {
                "name": self.env._("Customer Wallets"),
                "code": code,
                "type": "general",
                "company_id": self.id,
            }
        )
