# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import tagged
from odoo.tools import format_amount

from .common import WalletCommon


@tagged("post_install", "-at_install")
class TestWalletUi(WalletCommon):
    def test_smart_buttons_first(self):
        """The wallet buttons come first in the partner form's button box, so
        they are never hidden under 'More'."""
        arch = self.env["res.partner"].get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        box = etree.fromstring(arch).xpath("//div[@name='button_box']")[0]
        names = [button.get("name") for button in box.iter("button")]
        self.assertGreater(len(names), 2, "other modules add buttons too")
        self.assertEqual(
            names[:2], ["action_coop_wallet_history", "action_coop_wallet_topup"]
        )

    def test_wallet_method_added_to_existing_shops(self):
        shop = self.env["pos.config"].create(
            {"name": "Corner Shop", "company_id": self.company.id}
        )
        self.assertNotIn(self.wallet_pm, shop.payment_method_ids)
        self.company._coop_wallet_add_to_shops(self.wallet_pm)
        self.assertIn(self.wallet_pm, shop.payment_method_ids)
        # a shop with an open session gets it too
        self.open_new_session()
        self.config.with_context(
            bypass_payment_method_ids_forbidden_change=True
        ).payment_method_ids = [(3, self.wallet_pm.id)]
        self.company._coop_wallet_add_to_shops(self.wallet_pm)
        self.assertIn(self.wallet_pm, self.config.payment_method_ids)

    def test_amounts_in_chatter_with_currency(self):
        self.topup(self.member, 50.0)
        body = self.member.message_ids[:1].body.unescape()
        amount = format_amount(self.env, 50.0, self.company.currency_id)
        self.assertIn(amount, body)
        self.assertNotIn("50.0 ", body)
