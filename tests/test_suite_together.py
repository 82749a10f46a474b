# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The five addons side by side: shared screens still work with all of them.

Run by pytest-odoo on the database where all the addons were installed.
"""

from typing import ClassVar

from lxml import etree

from odoo.tests import TransactionCase


class TogetherCase(TransactionCase):
    test_tags: ClassVar[set[str]] = {"standard", "coop_suite"}
    test_module = "coop_suite"
    test_sequence = 0


class TestSharedScreens(TogetherCase):
    test_class = "TestSharedScreens"

    def test_partner_form_carries_every_addon(self):
        arch = self.env["res.partner"].get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        fields = {node.get("name") for node in etree.fromstring(arch).iter("field")}
        # membership tab, wallet balance: each addon's piece is still there
        self.assertIn("coop_wallet_balance", fields)
        memberships = [f for f in fields if f and f.startswith("coop_membership")]
        self.assertTrue(memberships, "the Membership tab lost its fields")

    def test_pos_loads_wallet_and_trial_cards_together(self):
        config = self.env["pos.config"].create({"name": "Suite till"})
        wallet_method = self.env["pos.payment.method"].search(
            [("coop_is_wallet", "=", True), ("company_id", "=", self.env.company.id)],
            limit=1,
        )
        self.assertTrue(wallet_method, "coop_wallet made a wallet payment method")
        config.payment_method_ids = wallet_method
        admin = self.env.ref("base.user_admin")
        session = self.env["pos.session"].create(
            {"config_id": config.id, "user_id": admin.id}
        )
        data = session.with_user(admin).load_data([])
        self.assertIn("coop_wallet_balance", data["res.partner"]["fields"])
        self.assertIn("coop.trial.formula", data)
        methods = {m["id"]: m for m in data["pos.payment.method"]["data"]}
        self.assertTrue(methods[wallet_method.id]["coop_is_wallet"])
