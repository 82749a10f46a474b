# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo tells the wallet's story: the portal member topped up twice in
cash (50 + 20) and paid 25 of a 30 invoice from it, a partner business paid
a 200 advance by bank."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWalletDemo(TransactionCase):
    def test_demo_story(self):
        module = self.env["ir.module.module"].search([("name", "=", "coop_wallet")])
        if not module.demo:
            # installed without demo data: none of its top-ups is there
            self.assertFalse(
                self.env["account.payment"].search(
                    [("memo", "=", "First top-up at the shop's desk")]
                )
            )
            return
        company = self.env.ref("base.main_company")
        portal = self.env.ref("base.partner_demo_portal").with_company(company)
        deco = self.env.ref("base.res_partner_2").with_company(company)
        self.assertEqual(portal.coop_wallet_balance, 45.0)
        invoice = self.env.ref("coop_wallet.coop_wallet_invoice_portal_demo")
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_residual, 5.0, "25 of 30 paid from the wallet")
        self.assertEqual(deco.coop_wallet_balance, 200.0)
        payments = self.env["account.payment"].search(
            [("partner_id", "=", portal.id), ("journal_id.type", "=", "cash")]
        )
        self.assertEqual(
            sorted(payments.mapped("amount")), [20.0, 50.0], "two cash top-ups"
        )
        self.assertTrue(all(p.state in ("in_process", "paid") for p in payments))
