# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSettingsKeepPricelists(TransactionCase):
    def test_saving_settings_keeps_the_shop_pricelists(self):
        """Saving a settings page with Odoo's pricelist feature off archives
        every pricelist: the shop's member and cost-plus prices are on it."""
        pricelists = self.env.ref("coop_shop_orders.pricelist_shop_member") | (
            self.env.ref("coop_shop_orders.pricelist_shop_cost_plus")
        )
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.group_product_pricelist)
        settings.execute()
        self.assertEqual(pricelists.filtered("active"), pricelists)
