# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WalletCommon


@tagged("post_install", "-at_install")
class TestWalletXof(WalletCommon):
    """A cooperative keeping its books in CFA francs (XOF, no decimals):
    wallets move in whole francs and are refused at the exact franc."""

    @classmethod
    def setup_independent_company(cls, **kwargs):
        xof = cls.env.ref("base.XOF")
        xof.active = True
        return super().setup_independent_company(currency_id=xof.id, **kwargs)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.xof = cls.company.currency_id
        cls.millet = cls.create_product("Millet 1 kg", cls.categ_basic, 1500.0)
        cls.water = cls.create_product("Water", cls.categ_basic, 1.0)

    def pay_product(self, product, quantity, amount):
        return self.sync(
            [(product, quantity)],
            customer=self.member,
            payments=[(self.wallet_pm, amount)],
        )

    def _invoice(self, amount):
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.member.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": self.millet.id,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _pay_invoice(self, invoice, amount):
        wizard = (
            self.env["coop.wallet.invoice.payment"]
            .with_company(self.company)
            .create({"move_id": invoice.id, "amount": amount})
        )
        return wizard._coop_wallet_confirm()

    def test_xof_company(self):
        self.assertEqual(self.xof.name, "XOF")
        self.assertEqual(self.xof.rounding, 1.0)
        self.assertEqual(self.wallet_account.company_ids, self.company)

    def test_xof_pos_exact_franc(self):
        self.open_new_session()
        self.assertEqual(self.pos_session.currency_id, self.xof)
        self.topup(self.member, 5000.0)
        self.assertEqual(self.balance(self.member), 5000.0)
        first = self.pay_product(self.millet, 3, 4500.0)
        self.assertEqual(first.coop_wallet_balance_after, 500.0)
        # one franc more than the balance is refused, the balance exactly is not
        with self.assertRaisesRegex(UserError, "Insufficient wallet balance"):
            self.pay_product(self.water, 501, 501.0)
        self.assertEqual(self.balance(self.member), 500.0)
        last = self.pay_product(self.water, 500, 500.0)
        self.assertEqual(last.coop_wallet_balance_after, 0.0)
        self.assertEqual(self.balance(self.member), 0.0)
        self.pos_session.action_pos_session_validate()
        self.assertEqual(self.pos_session.state, "closed")
        lines = self.pos_session.move_id.line_ids.filtered(
            lambda line: line.account_id == self.wallet_account
        )
        self.assertRecordValues(
            lines.sorted("debit"),
            [
                {"debit": 500.0, "coop_wallet_pos_order_id": last.id},
                {"debit": 4500.0, "coop_wallet_pos_order_id": first.id},
            ],
        )
        self.assertEqual(self.balance(self.member), 0.0)

    def test_xof_minimum_exact_franc(self):
        self.company.coop_wallet_minimum = 1000.0
        self.open_new_session()
        self.topup(self.member, 5000.0)
        with self.assertRaisesRegex(UserError, "Insufficient wallet balance"):
            self.pay_product(self.water, 4001, 4001.0)
        self.pay_product(self.water, 4000, 4000.0)
        self.assertEqual(self.balance(self.member), 1000.0)

    def test_xof_invoice_exact_franc(self):
        self.topup(self.member, 1500.0)
        invoice = self._invoice(2000.0)
        with self.assertRaisesRegex(UserError, "Insufficient wallet balance"):
            self._pay_invoice(invoice, 1501.0)
        move = self._pay_invoice(invoice, 1500.0)
        self.assertRecordValues(
            move.line_ids.filtered(lambda line: line.account_id == self.wallet_account),
            [{"debit": 1500.0, "credit": 0.0, "partner_id": self.member.id}],
        )
        self.assertEqual(invoice.amount_residual, 500.0)
        self.assertEqual(self.balance(self.member), 0.0)
        # a wizard amount below half a franc is no franc at all
        with self.assertRaisesRegex(UserError, "must be positive"):
            self._pay_invoice(invoice, 0.4)
