# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon


@tagged("post_install", "-at_install")
class TestWalletTours(TestPointOfSaleHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.main_pos_config.company_id
        cls.wallet_pm = cls.env["pos.payment.method"].search(
            [("coop_is_wallet", "=", True), ("company_id", "=", cls.company.id)]
        )
        cls.main_pos_config.payment_method_ids = [(4, cls.wallet_pm.id)]
        cls.env["product.product"].create(
            {
                "name": "Wallet Apples",
                "available_in_pos": True,
                "list_price": 10.0,
                "taxes_id": [(5, 0, 0)],
            }
        )
        cls.env["product.product"].create(
            {
                "name": "Member Top-up",
                "type": "service",
                "available_in_pos": True,
                "list_price": 0.0,
                "taxes_id": [(5, 0, 0)],
                "coop_wallet_topup": True,
                "property_account_income_id": cls.company.coop_wallet_account_id.id,
            }
        )
        cls.member = cls.env["res.partner"].create({"name": "Member Ana"})
        cash_journal = cls.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.env["coop.wallet.topup"].with_company(cls.company).create(
            {
                "partner_id": cls.member.id,
                "amount": 50.0,
                "journal_id": cash_journal.id,
                "company_id": cls.company.id,
            }
        ).action_confirm()

    def balance(self):
        self.member.invalidate_recordset(["coop_wallet_balance"])
        return self.member.with_company(self.company).coop_wallet_balance

    def test_pay_with_wallet(self):
        self.start_pos_tour("CoopWalletPayTour")
        order = self.env["pos.order"].search([("partner_id", "=", self.member.id)])
        self.assertEqual(order.payment_ids.payment_method_id, self.wallet_pm)
        self.assertEqual(order.coop_wallet_balance_after, 20.0)
        self.assertEqual(self.balance(), 20.0)

    def test_refused_above_balance(self):
        self.start_pos_tour("CoopWalletRefusedTour")
        self.assertFalse(
            self.env["pos.order"].search(
                [("partner_id", "=", self.member.id), ("state", "!=", "draft")]
            )
        )
        self.assertEqual(self.balance(), 50.0)

    def test_server_refuses_overdraft_on_screen(self):
        """The till's check passes on stale data; the server's check under the
        row lock refuses and the cashier sees why: nothing is recorded."""
        # the refusal is a UserError: odoo.http logs it as a warning
        with mute_logger("odoo.http"):
            self.start_pos_tour("CoopWalletServerRefusedTour")
        self.assertFalse(
            self.env["pos.order"].search(
                [("partner_id", "=", self.member.id), ("state", "!=", "draft")]
            )
        )
        self.assertEqual(self.balance(), 50.0)

    def test_wallet_needs_customer(self):
        self.start_pos_tour("CoopWalletNoCustomerTour")
        self.assertEqual(self.balance(), 50.0)

    def test_topup_at_till(self):
        self.start_pos_tour("CoopWalletTopupTour")
        self.assertEqual(self.balance(), 75.0)

    def test_offline_payment_limited_to_cached_balance(self):
        self.start_pos_tour("CoopWalletOfflineTour")
        order = self.env["pos.order"].search(
            [("partner_id", "=", self.member.id), ("state", "=", "paid")]
        )
        self.assertEqual(len(order), 1)
        self.assertFalse(order.coop_wallet_offline)
        self.assertEqual(self.balance(), 20.0)

    def test_journey_topup_then_pay(self):
        """First day: a cashier tops up 50 at the back office (50 + 50), the
        member pays 90 at the till; every figure then says 10, session open."""
        self.member.invalidate_recordset()
        self.start_tour(
            f"/odoo/res.partner/{self.member.id}",
            "CoopWalletBackofficeTopupTour",
            login="pos_user",
        )
        self.assertEqual(self.balance(), 100.0)
        self.start_pos_tour("CoopWalletJourneyTour")
        order = self.env["pos.order"].search([("partner_id", "=", self.member.id)])
        self.assertEqual(order.payment_ids.payment_method_id, self.wallet_pm)
        self.assertEqual(order.session_id.state, "opened")
        self.assertEqual(self.balance(), 10.0)
        member = self.member.with_company(self.company)
        action = member.action_coop_wallet_history()
        history = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(history.mapped("running_balance"), [10.0, 100.0, 50.0])
        self.assertEqual(history[0].pos_order_id, order)
        self.assertEqual(member._coop_wallet_statement()["closing"], 10.0)
