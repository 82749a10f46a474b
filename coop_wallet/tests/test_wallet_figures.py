# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import WalletCommon


@tagged("post_install", "-at_install")
class TestWalletFigures(WalletCommon):
    """Balance, back-office history, statement (portal page and PDF) agree at
    every moment, POS sessions still open included."""

    def setUp(self):
        super().setUp()
        self.open_new_session()

    def figures(self):
        """(balance, last running balance of the history, statement closing,
        statement rendered) of Member Ana."""
        member = self.member.with_company(self.company)
        action = member.with_user(self.cashier).action_coop_wallet_history()
        history = (
            self.env[action["res_model"]]
            .with_user(self.cashier)
            .search(action["domain"])
        )
        statement = member._coop_wallet_statement()
        html = (
            self.env["ir.actions.report"]
            .with_company(self.company)
            ._render_qweb_html(
                "coop_wallet.report_wallet_statement", self.member.ids, data={}
            )[0]
            .decode()
        )
        return self.balance(self.member), history, statement, html

    def test_figures_agree_with_open_session(self):
        self.topup(self.member, 50.0)
        self.topup(self.member, 50.0)
        first = self.sync(
            [(self.product_a, 5)],
            customer=self.member,
            payments=[(self.wallet_pm, 50.0)],
        )
        second = self.sync(
            [(self.product_a, 4)],
            customer=self.member,
            payments=[(self.wallet_pm, 40.0)],
        )
        balance, history, statement, html = self.figures()
        self.assertEqual(balance, 10.0)
        # newest first: two pending orders on top of the two posted top-ups
        self.assertEqual(history.mapped("running_balance"), [10.0, 50.0, 100.0, 50.0])
        self.assertEqual(history.mapped("amount"), [-40.0, -50.0, 50.0, 50.0])
        self.assertEqual(history.mapped("pending"), [True, True, False, False])
        self.assertEqual(history[:2].pos_order_id, first | second)
        self.assertEqual(history[0].reference, second.pos_reference)
        self.assertEqual(statement["closing"], 10.0)
        self.assertEqual(
            [m["balance"] for m in statement["movements"]], [50.0, 100.0, 50.0, 10.0]
        )
        self.assertEqual(
            [m["pending"] for m in statement["movements"]],
            [False, False, True, True],
        )
        self.assertIn(second.pos_reference, html)
        self.assertEqual(html.count("o_coop_wallet_pending"), 2)
        # the session is closed: same figures, from the journal items now
        self.pos_session.action_pos_session_validate()
        self.assertEqual(self.pos_session.state, "closed")
        balance, history, statement, html = self.figures()
        self.assertEqual(balance, 10.0)
        self.assertEqual(history[0].running_balance, 10.0)
        self.assertFalse(any(history.mapped("pending")))
        self.assertEqual(statement["closing"], 10.0)
        self.assertNotIn("o_coop_wallet_pending", html)

    def test_pending_topup_and_other_wallets(self):
        """A top-up sold at an open till counts too; other wallets do not."""
        self.topup(self.member_b, 30.0)
        self.topup_product.lst_price = 20.0
        self.sync(
            [
                {
                    "product": self.topup_product,
                    "quantity": 1,
                    "price_unit": 20.0,
                    "price_subtotal": 20.0,
                    "price_subtotal_incl": 20.0,
                }
            ],
            customer=self.member,
            payments=[(self.cash_pm1, 20.0)],
            amount_total=20.0,
            amount_paid=20.0,
        )
        balance, history, statement, _html = self.figures()
        self.assertEqual(balance, 20.0)
        self.assertEqual(history.mapped("running_balance"), [20.0])
        self.assertEqual(history.mapped("pending"), [True])
        self.assertEqual(statement["closing"], 20.0)
