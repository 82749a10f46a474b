# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WalletCommon


@tagged("post_install", "-at_install")
class TestWalletLedger(WalletCommon):
    def test_setup_per_company(self):
        self.assertEqual(self.wallet_account.account_type, "liability_current")
        self.assertIn(self.company, self.wallet_account.company_ids)
        self.assertEqual(self.wallet_journal.type, "general")
        self.assertEqual(self.wallet_journal.company_id, self.company)
        self.assertTrue(self.wallet_pm.split_transactions)
        self.assertFalse(self.wallet_pm.journal_id)
        self.assertEqual(
            self.topup_product.with_company(self.company).property_account_income_id,
            self.wallet_account,
        )
        # running the setup again creates nothing new
        self.company._coop_wallet_setup()
        self.assertEqual(self.company.coop_wallet_account_id, self.wallet_account)
        self.assertEqual(
            self.env["pos.payment.method"].search_count(
                [("coop_is_wallet", "=", True), ("company_id", "=", self.company.id)]
            ),
            1,
        )

    def test_backoffice_topup_entry(self):
        payment = self.topup(self.member, 50.0, user=self.cashier)
        self.assertEqual(payment.state, "in_process")
        self.assertRecordValues(
            payment.move_id.line_ids.sorted("balance"),
            [
                {
                    "account_id": self.wallet_account.id,
                    "partner_id": self.member.id,
                    "debit": 0.0,
                    "credit": 50.0,
                },
                {
                    "account_id": payment.outstanding_account_id.id,
                    "partner_id": self.member.id,
                    "debit": 50.0,
                    "credit": 0.0,
                },
            ],
        )
        self.assertEqual(self.balance(self.member), 50.0)
        self.assertEqual(self.balance(self.member_b), 0.0)
        # the history carries a running balance
        self.topup(self.member, 25.5)
        action = self.member.with_company(self.company).action_coop_wallet_history()
        lines = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(lines.mapped("running_balance"), [75.5, 50.0])
        self.assertEqual(self.balance(self.member), 75.5)

    def test_topup_bad_input(self):
        for amount in (0.0, -10.0):
            with self.subTest(amount=amount), self.assertRaises(UserError):
                self.topup(self.member, amount)
        with self.assertRaisesRegex(UserError, "another currency|is not possible"):
            self.topup(self.member, 10.0, currency=self.other_currency)
        self.assertFalse(self.wallet_lines(self.member))
        self.assertEqual(self.balance(self.member), 0.0)

    def test_balance_follows_ledger(self):
        """Reset to draft / cancel / repost keep the stored balance right."""
        payment = self.topup(self.member, 40.0)
        move = payment.move_id
        self.assertEqual(self.balance(self.member), 40.0)
        move.button_draft()
        self.assertEqual(self.balance(self.member), 0.0)
        move.action_post()
        self.assertEqual(self.balance(self.member), 40.0)
        # moving the line to another partner moves the money too
        move.button_draft()
        move.line_ids.filtered(
            lambda line: line.account_id == self.wallet_account
        ).partner_id = self.member_b
        move.action_post()
        self.assertEqual(self.balance(self.member), 0.0)
        self.assertEqual(self.balance(self.member_b), 40.0)

    def test_balance_read_constant_queries(self):
        self.topup(self.member, 10.0)
        self.balance(self.member)
        self.env.invalidate_all()
        # partner, company settings, wallet row: whatever the history length
        with self.assertQueryCount(4):
            self.member.with_company(self.company).coop_wallet_balance  # noqa: B018
        for _i in range(5):
            self.topup(self.member, 10.0)
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            self.assertEqual(
                self.member.with_company(self.company).coop_wallet_balance, 60.0
            )

    def test_invoice_wallet_product_is_topup(self):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.member.id,
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": self.topup_product.id, "price_unit": 30.0}
                    )
                ],
            }
        )
        invoice.action_post()
        wallet_line = invoice.line_ids.filtered(
            lambda line: line.account_id == self.wallet_account
        )
        self.assertRecordValues(
            wallet_line, [{"credit": 30.0, "debit": 0.0, "partner_id": self.member.id}]
        )
        self.assertEqual(self.balance(self.member), 30.0)

    def _invoice(self, amount, move_type="out_invoice"):
        invoice = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": self.member.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product_a.id,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _pay_invoice(self, invoice, amount, user=None):
        wizard = (
            self.env["coop.wallet.invoice.payment"]
            .with_user(user or self.env.user)
            .with_company(self.company)
            .create({"move_id": invoice.id, "amount": amount})
        )
        return wizard._coop_wallet_confirm()

    def test_pay_invoice_from_wallet(self):
        self.topup(self.member, 50.0)
        invoice = self._invoice(40.0)
        move = self._pay_invoice(invoice, 40.0, user=self.cashier)
        self.assertEqual(move.journal_id, self.wallet_journal)
        self.assertRecordValues(
            move.line_ids.sorted("balance"),
            [
                {
                    "account_id": invoice.line_ids.filtered(
                        lambda line: line.account_id.account_type == "asset_receivable"
                    ).account_id.id,
                    "credit": 40.0,
                    "debit": 0.0,
                },
                {"account_id": self.wallet_account.id, "credit": 0.0, "debit": 40.0},
            ],
        )
        self.assertEqual(invoice.payment_state, "paid")
        self.assertEqual(self.balance(self.member), 10.0)
        # the refund of the invoice goes back to the wallet
        refund = self._invoice(40.0, move_type="out_refund")
        refund_move = self._pay_invoice(refund, 40.0, user=self.cashier)
        self.assertEqual(refund_move.coop_wallet_kind, "refund")
        self.assertEqual(self.balance(self.member), 50.0)
        self.assertEqual(refund.amount_residual, 0.0)

    def test_pay_invoice_bad_input(self):
        self.topup(self.member, 30.0)
        invoice = self._invoice(40.0)
        with self.assertRaisesRegex(UserError, "Insufficient wallet balance"):
            self._pay_invoice(invoice, 40.0)
        for amount in (0.0, -5.0):
            with self.subTest(amount=amount), self.assertRaises(UserError):
                self._pay_invoice(invoice, amount)
        refund = self._invoice(20.0, move_type="out_refund")
        with self.assertRaisesRegex(UserError, "larger than what remains"):
            self._pay_invoice(refund, 25.0)
        self.assertEqual(invoice.payment_state, "not_paid")
        self.assertEqual(self.balance(self.member), 30.0)
        self.assertEqual(len(self.wallet_lines(self.member)), 1)

    def test_transfer(self):
        self.topup(self.member, 50.0)
        wizard = (
            self.env["coop.wallet.transfer"]
            .with_user(self.manager)
            .with_company(self.company)
            .create(
                {
                    "partner_from_id": self.member.id,
                    "partner_to_id": self.member_b.id,
                    "amount": 20.0,
                    "reason": "Household merge",
                }
            )
        )
        move = wizard._coop_wallet_confirm()
        self.assertEqual(move.coop_wallet_kind, "transfer")
        self.assertEqual(move.coop_wallet_reason, "Household merge")
        self.assertRecordValues(
            move.line_ids.sorted("balance"),
            [
                {"partner_id": self.member_b.id, "credit": 20.0, "debit": 0.0},
                {"partner_id": self.member.id, "credit": 0.0, "debit": 20.0},
            ],
        )
        self.assertEqual(self.balance(self.member), 30.0)
        self.assertEqual(self.balance(self.member_b), 20.0)
        self.assertIn("Household merge", self.member.message_ids[0].body)

    def test_transfer_bad_input(self):
        self.topup(self.member, 50.0)
        Transfer = self.env["coop.wallet.transfer"].with_company(self.company)
        vals = {
            "partner_from_id": self.member.id,
            "partner_to_id": self.member.id,
            "amount": 10.0,
            "reason": "Oops",
        }
        with self.assertRaisesRegex(UserError, "to itself"):
            Transfer.with_user(self.manager).create(vals)._coop_wallet_confirm()
        vals["partner_to_id"] = self.member_b.id
        with self.assertRaises(AccessError):
            Transfer.with_user(self.cashier).create(vals)
        for amount in (0.0, -1.0, 50.01):
            with self.subTest(amount=amount), self.assertRaises(UserError):
                Transfer.with_user(self.manager).create(
                    dict(vals, amount=amount)
                )._coop_wallet_confirm()
        self.assertEqual(self.balance(self.member), 50.0)
        self.assertEqual(self.balance(self.member_b), 0.0)

    def test_adjustment_by_manager_with_reason(self):
        self.topup(self.member, 20.0)
        Adjustment = self.env["coop.wallet.adjustment"].with_company(self.company)
        vals = {
            "partner_id": self.member.id,
            "amount": -2.35,
            "account_id": self.company_data["default_account_expense"].id,
            "reason": "Rounding of the paper card",
        }
        with self.assertRaises(AccessError):
            Adjustment.with_user(self.cashier).create(vals)
        for bad in ({"amount": 0.0}, {"account_id": self.wallet_account.id}):
            with self.subTest(bad=bad), self.assertRaises(UserError):
                Adjustment.with_user(self.manager).create(
                    dict(vals, **bad)
                )._coop_wallet_confirm()
        move = Adjustment.with_user(self.manager).create(vals)._coop_wallet_confirm()
        self.assertEqual(move.coop_wallet_kind, "adjustment")
        self.assertEqual(move.coop_wallet_reason, "Rounding of the paper card")
        self.assertRecordValues(
            move.line_ids.sorted("balance"),
            [
                {"account_id": vals["account_id"], "debit": 0.0, "credit": 2.35},
                {"account_id": self.wallet_account.id, "debit": 2.35, "credit": 0.0},
            ],
        )
        self.assertEqual(self.balance(self.member), 17.65)

    def test_cashier_cannot_edit_entries(self):
        payment = self.topup(self.member, 10.0, user=self.cashier)
        line = payment.move_id.line_ids[:1]
        with self.assertRaises(AccessError):
            line.with_user(self.cashier).write({"name": "edited"})
        with self.assertRaises(AccessError):
            self.Balance.with_user(self.cashier).search([]).write({"balance": 99.0})

    def test_household_wallet(self):
        self.company.coop_wallet_household = True
        child = self.env["res.partner"].create(
            {"name": "Ana's son", "parent_id": self.member.id, "type": "contact"}
        )
        self.topup(child, 30.0)
        self.assertEqual(self.wallet_lines(self.member).partner_id, self.member)
        self.assertEqual(self.balance(child), 30.0)
        self.assertEqual(self.balance(self.member), 30.0)

    def test_multi_company_rule(self):
        self.topup(self.member, 10.0)
        other_company = self.env["res.company"].create({"name": "Other coop"})
        self.cashier.company_ids = [Command.link(other_company.id)]
        wallets = (
            self.Balance.with_user(self.cashier)
            .with_context(allowed_company_ids=other_company.ids)
            .search([("partner_id", "=", self.member.id)])
        )
        self.assertFalse(wallets)
        wallets = (
            self.Balance.with_user(self.cashier)
            .with_context(allowed_company_ids=self.company.ids)
            .search([("partner_id", "=", self.member.id)])
        )
        self.assertEqual(wallets.balance, 10.0)
