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
        first = self.pay(5, 50.0)
        second = self.pay(4, 40.0)
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
        self._assert_closed_figures(first, second)

    def _assert_closed_figures(self, first, second):
        """After closing: N orders, N lines, each order keeping its own line,
        reference, label and amount, now a journal item of the session entry."""
        balance, history, statement, html = self.figures()
        self.assertEqual(balance, 10.0)
        self.assertEqual(history[0].running_balance, 10.0)
        self.assertFalse(any(history.mapped("pending")))
        self.assertEqual(statement["closing"], 10.0)
        self.assertNotIn("o_coop_wallet_pending", html)
        self.assertEqual(history.mapped("running_balance"), [10.0, 50.0, 100.0, 50.0])
        self.assertEqual(history.mapped("amount"), [-40.0, -50.0, 50.0, 50.0])
        self.assertEqual(
            history[:2].mapped("reference"), [second.pos_reference, first.pos_reference]
        )
        self.assertEqual(history[0].pos_order_id, second)
        self.assertEqual(history[1].pos_order_id, first)
        self.assertEqual(history[:2].mapped("label"), [second.name, first.name])
        self.assertEqual(history[:2].move_line_id.move_id, self.pos_session.move_id)
        self.assertEqual(
            [m["balance"] for m in statement["movements"]], [50.0, 100.0, 50.0, 10.0]
        )
        self.assertEqual(
            [m["ref"] for m in statement["movements"]][2:],
            [first.pos_reference, second.pos_reference],
        )
        self.assertIn(first.pos_reference, html)
        self.assertIn(second.pos_reference, html)

    def test_figures_after_closing_one_line_per_order(self):
        """Many orders of one member in a session: after closing, one history
        line per order with its reference, the running balance agreeing with
        the balance after each of them."""
        self.topup(self.member, 100.0)
        orders = self.env["pos.order"]
        for quantity in (1, 2, 3, 1):
            orders |= self.pay(quantity, 10.0 * quantity)
        orders |= self.sync_topup(15.0, customer=self.member)
        before = self.figures()[1]
        self.pos_session.action_pos_session_validate()
        self.assertEqual(self.pos_session.state, "closed")
        balance, history, statement, html = self.figures()
        self.assertEqual(balance, 45.0)
        order_lines = history.filtered("pos_order_id")
        self.assertEqual(len(order_lines), len(orders))
        self.assertEqual(order_lines.pos_order_id, orders)
        for line in order_lines:
            with self.subTest(order=line.pos_order_id.pos_reference):
                self.assertEqual(line.reference, line.pos_order_id.pos_reference)
                self.assertEqual(line.amount, -line.pos_order_id.coop_wallet_delta)
                self.assertFalse(line.pending)
        # each order's amount and reference are those of its pending line
        self.assertEqual(
            sorted((line.reference, line.amount) for line in before),
            sorted((line.reference, line.amount) for line in history),
        )
        # the running balance is the balance after each movement
        total = 0.0
        for line in history.sorted(lambda line: (line.date, line.id)):
            total += line.amount
            self.assertAlmostEqual(line.running_balance, total, places=2)
        self.assertEqual(history[0].running_balance, balance)
        self.assertEqual(statement["closing"], balance)
        self.assertEqual(len(statement["movements"]), len(orders) + 1)
        for order in orders:
            self.assertIn(order.pos_reference, html)

    def test_pending_topup_and_other_wallets(self):
        """A top-up sold at an open till counts too; other wallets do not."""
        self.topup(self.member_b, 30.0)
        self.sync_topup(20.0, customer=self.member)
        balance, history, statement, _html = self.figures()
        self.assertEqual(balance, 20.0)
        self.assertEqual(history.mapped("running_balance"), [20.0])
        self.assertEqual(history.mapped("pending"), [True])
        self.assertEqual(statement["closing"], 20.0)
