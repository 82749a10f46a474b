# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSettingsKeepPricelists(TransactionCase):
    def test_saving_settings_keeps_benefit_pricelists(self):
        """A category's member benefits are a pricelist: saving the
        Cooperative settings must not archive it (Odoo archives every
        pricelist when its pricelist feature is off)."""
        benefits = self.env["product.pricelist"].create({"name": "Member benefits"})
        self.env["coop.member.category"].create(
            {"name": "Benefits test", "code": "BT", "pricelist_id": benefits.id}
        )
        self.env["res.config.settings"].create({}).execute()
        self.assertTrue(benefits.active)
        self.assertTrue(self.env.user.has_group("product.group_product_pricelist"))
