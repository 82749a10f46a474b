# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase
from odoo.tools import mute_logger

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
        cls.cashier = cls._wallet_user(
            "cashier", group_user, cls.env.ref("account.group_account_readonly")
        )
        cls.manager = cls._wallet_user(
            "manager", group_manager, cls.env.ref("account.group_account_invoice")
        )

    @classmethod
    def _wallet_user(cls, role, *groups):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"Wallet {role.title()}",
                    "login": f"wallet_{role}",
                    "email": f"{role}@example.com",
                    "company_id": cls.company.id,
                    "company_ids": [(6, 0, cls.company.ids)],
                    "groups_id": [(6, 0, [group.id for group in groups])],
                }
            )
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
        return wizard._coop_wallet_confirm()

    def pay(self, quantity, amount, partner=None, **kwargs):
        """Sync an order of ``quantity`` apples paid ``amount`` from the wallet."""
        return self.sync(
            [(self.product_a, quantity)],
            customer=partner or self.member,
            payments=[(self.wallet_pm, amount)],
            **kwargs,
        )

    def refund(self, line, quantity, amount):
        """Sync a refund of ``quantity`` of order ``line``, ``amount`` (negative)
        given back to the wallet."""
        return self.sync(
            [
                {
                    "product": line.product_id,
                    "quantity": quantity,
                    "refunded_orderline_id": line.id,
                }
            ],
            customer=self.member,
            payments=[(self.wallet_pm, amount)],
        )

    def sync_topup(self, amount, customer=False):
        """Sync the sale of a wallet top-up of ``amount``, paid in cash."""
        self.topup_product.lst_price = amount
        line = {
            "product": self.topup_product,
            "quantity": 1,
            "price_unit": amount,
            "price_subtotal": amount,
            "price_subtotal_incl": amount,
        }
        return self.sync(
            [line],
            customer=customer,
            payments=[(self.cash_pm1, amount)],
            amount_total=amount,
            amount_paid=amount,
        )

    @staticmethod
    def line_values(lines):
        """(holder, debit, credit, order) of journal items, by balance."""
        return [
            (line.partner_id, line.debit, line.credit, line.coop_wallet_pos_order_id)
            for line in lines.sorted("balance")
        ]

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
            # the till created the order 10 minutes ago and could only send it
            # now: the server's evidence that it was offline
            created = fields.Datetime.now() - timedelta(minutes=10)
            data["date_order"] = fields.Datetime.to_string(created)
            self.pos_session.start_at = created - timedelta(hours=1)
        if offline or kwargs.get("coop_wallet_offline"):
            # the till's own claim, which the server ignores
            data["coop_wallet_offline"] = True
        # like an RPC call, a refused sync leaves nothing behind
        with self.env.cr.savepoint():
            result = self.env["pos.order"].sync_from_ui([data])
        return self.env["pos.order"].browse(result["pos.order"][0]["id"])


class WalletHttpCommon(HttpCase):
    """Portal members A and B, an internal clerk without wallet rights, a
    wallet cashier and a wallet manager of the main company, a second company;
    helpers to call JSON-RPC and to prove that nothing was written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.company_b = cls.env["res.company"].create({"name": "Coop B"})
        cls.wallet_account = cls.company.coop_wallet_account_id
        cls.journal = cls.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", cls.company.id)], limit=1
        )
        group = cls.env.ref
        cls.user_a = cls._user("wallet_sec_ana", [group("base.group_portal")])
        cls.user_b = cls._user("wallet_sec_ben", [group("base.group_portal")])
        cls.clerk = cls._user("wallet_sec_clerk", [group("base.group_user")])
        # a cashier is a POS user, which implies the wallet user group
        cls.cashier = cls._user(
            "wallet_sec_cashier", [group("point_of_sale.group_pos_user")]
        )
        cls.manager = cls._user(
            "wallet_sec_manager",
            [
                group("coop_wallet.group_coop_wallet_manager"),
                group("account.group_account_invoice"),
            ],
        )
        cls.partner_a = cls.user_a.partner_id
        cls.partner_b = cls.user_b.partner_id
        cls.topup_move = cls._topup(cls.partner_a, 50.0).move_id
        cls._topup(cls.partner_b, 999.0)

    @classmethod
    def _user(cls, login, groups):
        return (
            cls.env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": login.replace("_", " ").title(),
                    "login": login,
                    "password": login,
                    "email": f"{login}@example.com",
                    "company_id": cls.company.id,
                    "company_ids": [(6, 0, cls.company.ids)],
                    "groups_id": [(6, 0, [g.id for g in groups])],
                }
            )
        )

    @classmethod
    def _topup(cls, partner, amount):
        return (
            cls.env["coop.wallet.topup"]
            .with_company(cls.company)
            .create(
                {
                    "partner_id": partner.id,
                    "amount": amount,
                    "journal_id": cls.journal.id,
                    "company_id": cls.company.id,
                }
            )
            ._coop_wallet_confirm()
        )

    def login(self, user):
        self.authenticate(user.login, user.login)

    def call_kw(self, model, method, args, kwargs=None):
        """JSON-RPC call_kw: (result, error message)."""
        data = json.dumps(
            {
                "id": 0,
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            }
        ).encode()
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/web/dataset/call_kw/{model}/{method}",
                data,
                headers={"Content-Type": "application/json"},
            )
        body = response.json()
        error = body.get("error")
        return body.get("result"), error and error["data"]["message"]

    def get(self, url):
        with mute_logger("odoo.http"):
            return self.url_open(url, allow_redirects=False)

    def snapshot(self):
        """Counts of everything a wallet operation writes."""
        models = [
            "coop.wallet.topup",
            "coop.wallet.transfer",
            "coop.wallet.adjustment",
            "coop.wallet.invoice.payment",
            "account.payment",
            "mail.activity",
        ]
        counts = [self.env[model].sudo().search_count([]) for model in models]
        counts.append(
            self.env["account.move.line"]
            .sudo()
            .search_count([("account_id", "=", self.wallet_account.id)])
        )
        return counts

    def assertRefused(self, before, error, message):
        """The clear error was given and nothing was written."""
        self.assertTrue(error, "the request should have been refused")
        self.assertIn(message, error)
        self.assertEqual(self.snapshot(), before)
