# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Journey: a member's email becomes a quotation that the salesperson
finds in Sales, prices and confirms."""

from odoo.tests import HttpCase, tagged

from .common import ShopOrdersCommon, raw_email


@tagged("post_install", "-at_install")
class TestJourneyEmailToQuote(ShopOrdersCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.screen = cls.env["product.product"].create(
            {"name": "Office screen 24 inch", "standard_price": 120.0}
        )
        # the member buys at member prices (as in the flow tests; with other
        # addons installed the default pricelist may differ)
        cls.member.property_product_pricelist = cls.env.ref(
            "coop_shop_orders.pricelist_shop_member"
        )
        # the shop responsible, a salesperson seeing their own documents
        cls.shop_user.write({"password": cls.shop_user.login, "tour_enabled": False})

    def test_turn_an_email_into_a_quote(self):
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    subject="2026-12 Screen for the office",
                    body="Hello,\nI need a 24 inch screen.\nDelay: 1 week\n",
                )
            )
        request = self.requests()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.state, "draft")
        self.start_tour(
            "/odoo", "coop_shop_orders_email_to_quote", login=self.shop_user.login
        )
        self.assertEqual(request.state, "sale")
        self.assertEqual(request.order_line.product_id, self.screen)
        # member price: cost plus the order costs (15 %)
        self.assertEqual(request.order_line.price_unit, 138.0)
        self.assertEqual(request.partner_id, self.member)
