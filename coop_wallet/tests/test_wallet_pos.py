# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WalletCommon


@tagged("post_install", "-at_install")
class TestWalletPos(WalletCommon):
    def setUp(self):
        super().setUp()
        self.open_new_session()

    def orders(self):
        return self.env["pos.order"].search([("session_id", "=", self.pos_session.id)])

    def close(self):
        self.pos_session.action_pos_session_validate()
        self.assertEqual(self.pos_session.state, "closed")
        return self.pos_session.move_id

    def test_pay_with_wallet_and_close(self):
        self.topup(self.member, 50.0)
        order = self.pay(3, 30.0)
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.coop_wallet_partner_id, self.member)
        self.assertEqual(order.coop_wallet_delta, 30.0)
        self.assertEqual(order.coop_wallet_balance_after, 20.0)
        self.assertFalse(order.coop_wallet_overdrawn)
        self.assertEqual(self.balance(self.member), 20.0)
        # second order with a mixed payment
        second = self.sync(
            [(self.product_a, 2)],
            customer=self.member,
            payments=[(self.wallet_pm, 5.0), (self.cash_pm1, 15.0)],
        )
        self.assertEqual(self.balance(self.member), 15.0)
        self.sync(
            [(self.product_a, 1)],
            customer=self.member_b,
            payments=[(self.cash_pm1, 10.0)],
        )
        move = self.close()
        wallet_lines = move.line_ids.filtered(
            lambda line: line.account_id == self.wallet_account
        )
        # one line per wallet payment (Odoo's split pay-later lines), for the
        # holder and linked to its order, never grouped with other customers
        self.assertEqual(
            self.line_values(wallet_lines),
            [(self.member, 5.0, 0.0, second), (self.member, 30.0, 0.0, order)],
        )
        self.assertEqual(sum(move.line_ids.mapped("debit")), 60.0)
        wallet = self.Balance.search(
            [("partner_id", "=", self.member.id), ("company_id", "=", self.company.id)]
        )
        self.assertRecordValues(
            wallet, [{"posted_balance": 15.0, "pos_pending": 0.0, "balance": 15.0}]
        )

    def test_refused_above_balance(self):
        self.topup(self.member, 50.0)
        with self.assertRaisesRegex(UserError, "Insufficient wallet balance"):
            self.sync(
                [(self.product_a, 6)],
                customer=self.member,
                payments=[(self.wallet_pm, 60.0)],
            )
        self.assertFalse(self.orders())
        self.assertEqual(self.balance(self.member), 50.0)

    def test_minimum_balance(self):
        self.company.coop_wallet_minimum = 15.0
        self.topup(self.member, 50.0)
        with self.assertRaisesRegex(UserError, "35.00"):
            self.sync(
                [(self.product_a, 4)],
                customer=self.member,
                payments=[(self.wallet_pm, 40.0)],
            )
        self.sync(
            [(self.product_a, 3)],
            customer=self.member,
            payments=[(self.wallet_pm, 30.0)],
        )
        self.assertEqual(self.balance(self.member), 20.0)

    def test_no_customer_and_bad_amounts(self):
        self.topup(self.member, 50.0)
        with self.assertRaisesRegex(UserError, "Select a customer"):
            self.sync([(self.product_a, 1)], payments=[(self.wallet_pm, 10.0)])
        with self.assertRaisesRegex(UserError, "positive amount"):
            self.sync(
                [(self.product_a, 1)],
                customer=self.member,
                payments=[(self.cash_pm1, 10.0), (self.wallet_pm, 0.0)],
            )
        with self.assertRaisesRegex(UserError, "positive amount"):
            self.sync(
                [(self.product_a, 1)],
                customer=self.member,
                payments=[(self.cash_pm1, 20.0), (self.wallet_pm, -10.0)],
            )
        self.assertFalse(self.orders())
        self.assertEqual(self.balance(self.member), 50.0)

    def test_offline_overdraft_recorded_and_flagged(self):
        self.company.coop_wallet_offline_cap = 10.0
        self.topup(self.member, 20.0)
        order = self.sync(
            [(self.product_a, 3)],
            customer=self.member,
            payments=[(self.wallet_pm, 30.0)],
            offline=True,
        )
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.coop_wallet_overdrawn)
        self.assertEqual(order.coop_wallet_balance_after, -10.0)
        self.assertEqual(self.balance(self.member), -10.0)
        activity = self.member.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertIn("Overdrawn", activity.summary)
        overdrawn = self.Balance.search([("overdrawn", "=", True)])
        self.assertIn(self.member, overdrawn.partner_id)
        self.assertEqual(
            self.env["pos.order"].search([("coop_wallet_overdrawn", "=", True)]), order
        )
        # an offline order within the balance is not flagged
        self.topup(self.member_b, 20.0)
        order_b = self.sync(
            [(self.product_a, 1)],
            customer=self.member_b,
            payments=[(self.wallet_pm, 10.0)],
            offline=True,
        )
        self.assertFalse(order_b.coop_wallet_overdrawn)
        self.assertNotIn(
            self.member_b, self.Balance.search([("overdrawn", "=", True)]).partner_id
        )
        move = self.close()
        self.assertEqual(
            sum(
                move.line_ids.filtered(
                    lambda line: line.account_id == self.wallet_account
                ).mapped("debit")
            ),
            40.0,
        )
        self.assertEqual(self.balance(self.member), -10.0)

    def test_item7_till_saying_offline_is_not_trusted(self):
        """A till claiming 'offline' for an order it sends at once gets no
        overdraft: the server decides from the order's creation time."""
        self.company.coop_wallet_offline_cap = 100.0
        self.topup(self.member, 20.0)
        with self.assertRaisesRegex(UserError, "Insufficient wallet balance"):
            self.sync(
                [(self.product_a, 3)],
                customer=self.member,
                payments=[(self.wallet_pm, 30.0)],
                coop_wallet_offline=True,
                coop_wallet_processed=True,
            )
        self.assertFalse(self.orders())
        self.assertEqual(self.balance(self.member), 20.0)
        # within the balance, the till's claim is not recorded either
        order = self.sync(
            [(self.product_a, 1)],
            customer=self.member,
            payments=[(self.wallet_pm, 10.0)],
            coop_wallet_offline=True,
        )
        self.assertFalse(order.coop_wallet_offline)
        self.assertTrue(order.coop_wallet_processed)

    def test_item7_offline_beyond_cap_kept_for_review(self):
        self.company.coop_wallet_offline_cap = 5.0
        self.topup(self.member, 20.0)
        order = self.sync(
            [(self.product_a, 3)],
            customer=self.member,
            payments=[(self.wallet_pm, 30.0)],
            offline=True,
        )
        # never lost: kept, but flagged for review, with an activity
        self.assertEqual(order.state, "paid")
        self.assertTrue(order.coop_wallet_offline)
        self.assertTrue(order.coop_wallet_overdrawn)
        self.assertTrue(order.coop_wallet_to_review)
        activity = self.member.activity_ids
        self.assertEqual(activity.summary, "Offline overdraft to review")
        self.assertIn("not granted", str(activity.note))

    def test_item7_wallet_fields_not_writable(self):
        order = self.sync([(self.product_a, 1)], customer=self.member)
        for vals in ({"coop_wallet_overdrawn": True}, {"coop_wallet_delta": -99.0}):
            with self.assertRaisesRegex(UserError, "set by the server"):
                order.write(vals)

    def test_topup_at_till(self):
        order = self.sync_topup(25.0, customer=self.member)
        self.assertEqual(order.coop_wallet_delta, -25.0)
        self.assertEqual(self.balance(self.member), 25.0)
        # spend it in the same session
        spend = self.pay(2, 20.0)
        self.assertEqual(self.balance(self.member), 5.0)
        move = self.close()
        # the top-up is credited to the holder, the payment debited, each on
        # its own line linked to its order
        lines = self.wallet_lines(self.member)
        self.assertEqual(
            self.line_values(lines),
            [(self.member, 0.0, 25.0, order), (self.member, 20.0, 0.0, spend)],
        )
        topup_line = lines.filtered(lambda line: line.credit)
        self.assertEqual(topup_line.name, order.pos_reference)
        self.assertEqual((lines - topup_line).move_id, move)
        topup_move = topup_line.move_id
        self.assertEqual(topup_move.coop_wallet_kind, "topup")
        self.assertEqual(topup_move.journal_id, self.wallet_journal)
        # Odoo's sales line of the top-up (no partner) is moved to the holder:
        # what is left without a partner on the wallet account is zero
        no_partner = self.env["account.move.line"].search(
            [
                ("account_id", "=", self.wallet_account.id),
                ("partner_id", "=", False),
                ("parent_state", "=", "posted"),
            ]
        )
        self.assertEqual(no_partner.move_id, move | topup_move)
        self.assertEqual(sum(no_partner.mapped("balance")), 0.0)
        self.assertEqual(self.balance(self.member), 5.0)

    def test_topup_at_till_needs_customer(self):
        with self.assertRaisesRegex(UserError, "Select a customer"):
            self.sync_topup(25.0)

    def test_refund_credits_wallet(self):
        self.topup(self.member, 50.0)
        order = self.pay(3, 30.0)
        self.assertEqual(self.balance(self.member), 20.0)
        line = order.lines
        with self.assertRaisesRegex(UserError, "larger than what was paid"):
            self.refund(line, -4, -40.0)
        refund = self.refund(line, -2, -20.0)
        self.assertEqual(refund.coop_wallet_delta, -20.0)
        self.assertEqual(self.balance(self.member), 40.0)
        # only 10.00 left to refund to the wallet
        with self.assertRaisesRegex(UserError, "larger than what was paid"):
            self.refund(line, -1.5, -15.0)
        move = self.close()
        wallet_lines = move.line_ids.filtered(
            lambda line: line.account_id == self.wallet_account
        )
        # paid 30.00, refunded 20.00: one line per order, netting to 10.00
        self.assertEqual(
            self.line_values(wallet_lines),
            [(self.member, 0.0, 20.0, refund), (self.member, 30.0, 0.0, order)],
        )
        self.assertEqual(self.balance(self.member), 40.0)

    def test_invoiced_pos_order_paid_from_wallet(self):
        self.topup(self.member, 50.0)
        data = self.create_ui_order_data(
            [(self.product_a, 3)],
            customer=self.member,
            payments=[(self.wallet_pm, 30.0)],
            is_invoiced=True,
        )
        result = self.env["pos.order"].sync_from_ui([data])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertTrue(order.account_move)
        self.assertEqual(order.account_move.payment_state, "paid")
        self.assertEqual(self.balance(self.member), 20.0)
        self.close()
        self.assertEqual(self.balance(self.member), 20.0)
        self.assertEqual(sum(self.wallet_lines(self.member).mapped("balance")), -20.0)

    def _wallet_line_of_close(self):
        self.topup(self.member, 50.0)
        self.sync(
            [(self.product_a, 2)],
            customer=self.member,
            payments=[(self.wallet_pm, 20.0)],
        )
        move = self.close()
        return move.line_ids.filtered(
            lambda line: line.account_id == self.wallet_account
        )

    def _line_as_odoo_computes_it(self, line):
        """The same line created in a journal entry, every value computed by Odoo."""
        counterpart = self.company.account_default_pos_receivable_account_id
        entry = self.env["account.move"].create(
            {
                "journal_id": line.journal_id.id,
                "line_ids": [
                    Command.create(
                        {
                            "account_id": line.account_id.id,
                            "partner_id": line.partner_id.id,
                            "name": line.name,
                            "debit": line.debit,
                            "credit": line.credit,
                        }
                    ),
                    Command.create(
                        {
                            "account_id": counterpart.id,
                            "debit": line.credit,
                            "credit": line.debit,
                        }
                    ),
                ],
            }
        )
        return entry.line_ids.filtered(lambda aml: aml.account_id == line.account_id)

    def test_session_wallet_lines_as_odoo_computes_them(self):
        # the per-holder lines get their computed values in advance (speed):
        # they must be those Odoo computes for the same line
        line = self._wallet_line_of_close()
        reference = self._line_as_odoo_computes_it(line)
        fields = [
            "display_type",
            "quantity",
            "price_subtotal",
            "price_total",
            "tax_ids",
            "product_uom_id",
            "amount_currency",
            "currency_id",
            "analytic_distribution",
            "balance",
        ]
        expected = reference.read(fields, load=False)[0]
        del expected["id"]
        self.assertRecordValues(line, [expected])
        self.assertEqual(line.price_subtotal, 20.0)
        self.assertFalse(line.analytic_distribution)
