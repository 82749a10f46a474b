# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestWalletPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.journal = cls.env["account.journal"].search(
            [("type", "in", ("cash", "bank")), ("company_id", "=", cls.company.id)],
            limit=1,
        )
        portal = cls.env.ref("base.group_portal")
        users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.user_a = users.create(
            {
                "name": "Portal Ana",
                "login": "wallet_portal_ana",
                "password": "wallet_portal_ana",
                "email": "ana@example.com",
                "groups_id": [(6, 0, portal.ids)],
            }
        )
        cls.user_b = users.create(
            {
                "name": "Portal Ben",
                "login": "wallet_portal_ben",
                "password": "wallet_portal_ben",
                "email": "ben@example.com",
                "groups_id": [(6, 0, portal.ids)],
            }
        )
        with freeze_time("2026-03-10"):
            cls._topup(cls.user_a.partner_id, 42.5)
        with freeze_time("2026-04-02"):
            cls._topup(cls.user_a.partner_id, 7.5)
        cls._topup(cls.user_b.partner_id, 999.0)

    @classmethod
    def _topup(cls, partner, amount):
        cls.env["coop.wallet.topup"].with_company(cls.company).create(
            {
                "partner_id": partner.id,
                "amount": amount,
                "journal_id": cls.journal.id,
                "company_id": cls.company.id,
            }
        ).action_confirm()

    def test_statement_values(self):
        statement = self.user_a.partner_id._coop_wallet_statement(
            date(2026, 4, 15), self.company
        )
        self.assertEqual(statement["opening"], 42.5)
        self.assertEqual([m["amount"] for m in statement["movements"]], [7.5])
        self.assertEqual(statement["closing"], 50.0)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "coop_wallet.report_wallet_statement",
                self.user_a.partner_id.ids,
                data={"month": "2026-04-01"},
            )[0]
            .decode()
        )
        self.assertIn("Portal Ana", html)
        self.assertIn("50.00", html)

    def test_portal_page_isolation(self):
        self.authenticate("wallet_portal_ana", "wallet_portal_ana")
        response = self.url_open("/my/wallet?month=2026-03")
        self.assertEqual(response.status_code, 200)
        self.assertIn("42.50", response.text)
        self.assertNotIn("999.00", response.text)
        # a partner id in the URL is ignored: still Ana's own wallet
        response = self.url_open(
            "/my/wallet?month=2026-03&partner_id=%d" % self.user_b.partner_id.id
        )
        self.assertNotIn("999.00", response.text)
        self.assertNotIn("Portal Ben", response.text)

    def test_portal_record_rules(self):
        Balance = self.env["coop.wallet.balance"].with_user(self.user_a)
        wallets = Balance.search([])
        self.assertEqual(wallets.partner_id, self.user_a.partner_id)
        self.assertEqual(wallets.balance, 50.0)
        self.assertFalse(
            Balance.search([("partner_id", "=", self.user_b.partner_id.id)])
        )

    def test_portal_requires_login(self):
        response = self.url_open("/my/wallet", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
