# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.point_of_sale.tests.common import TestPoSCommon


class WalletCommon(TestPoSCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.wallet_account = cls.company.coop_wallet_account_id
        cls.wallet_journal = cls.company.coop_wallet_journal_id
        cls.wallet_pm = cls.env["pos.payment.method"].search(
            [("coop_is_wallet", "=", True), ("company_id", "=", cls.company.id)]
        )
        cls.config = cls.basic_config
        cls.config.payment_method_ids = [(4, cls.wallet_pm.id)]
        cls.cash_journal = cls.company_data["default_journal_cash"]
        cls.product_a = cls.create_product("Wallet Apples", cls.categ_basic, 10.0)
        cls.topup_product = cls.env.ref("coop_wallet.product_wallet_topup")
        cls.member = cls.env["res.partner"].create({"name": "Member Ana"})
        cls.member_b = cls.env["res.partner"].create({"name": "Member Ben"})
        cls.Balance = cls.env["coop.wallet.balance"]
        group_user = cls.env.ref("coop_wallet.group_coop_wallet_user")
        group_manager = cls.env.ref("coop_wallet.group_coop_wallet_manager")
        users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.cashier = users.create(
            {
                "name": "Wallet Cashier",
                "login": "wallet_cashier",
                "email": "cashier@example.com",
                "company_id": cls.company.id,
                "company_ids": [(6, 0, cls.company.ids)],
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            group_user.id,
                            cls.env.ref("account.group_account_readonly").id,
                        ],
                    )
                ],
            }
        )
        cls.manager = users.create(
            {
                "name": "Wallet Manager",
                "login": "wallet_manager",
                "email": "manager@example.com",
                "company_id": cls.company.id,
                "company_ids": [(6, 0, cls.company.ids)],
                "groups_id": [
                    (
                        6,
                        0,
                        [
                            group_manager.id,
                            cls.env.ref("account.group_account_invoice").id,
                        ],
                    )
                ],
            }
        )

    def balance(self, partner):
        partner.invalidate_recordset(["coop_wallet_balance"])
        return partner.with_company(self.company).coop_wallet_balance

    def topup(self, partner, amount, user=None, currency=None):
        wizard = (
            self.env["coop.wallet.topup"]
            .with_user(user or self.env.user)
            .with_company(self.company)
            .create(
                {
                    "partner_id": partner.id,
                    "amount": amount,
                    "journal_id": self.cash_journal.id,
                    "company_id": self.company.id,
                    "currency_id": (currency or self.company.currency_id).id,
                }
            )
        )
        return wizard.action_confirm()

    def wallet_lines(self, partner=None):
        domain = [
            ("account_id", "=", self.wallet_account.id),
            ("parent_state", "=", "posted"),
        ]
        if partner:
            domain.append(("partner_id", "=", partner.id))
        return self.env["account.move.line"].search(domain, order="id")

    def sync(self, lines, customer=False, payments=None, offline=False, **kwargs):
        data = self.create_ui_order_data(lines, customer=customer, payments=payments)
        data.update(kwargs)
        if offline:
            data["coop_wallet_offline"] = True
        # like an RPC call, a refused sync leaves nothing behind
        with self.env.cr.savepoint():
            result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])
