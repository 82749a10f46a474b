# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Run by pytest-odoo on the database where all the addons were installed."""

from typing import ClassVar

from odoo.tests import TransactionCase

ADDONS = [
    "coop_membership",
    "coop_provider_commission",
    "coop_shop_orders",
    "coop_intercoop",
    "coop_wallet",
    "coop_spreadsheet_import",
]


class TestSuiteInstalled(TransactionCase):
    # Outside an addon, Odoo's metaclass sets no tags: name them here.
    test_tags: ClassVar[set[str]] = {"standard", "coop_suite"}
    test_module = "coop_suite"
    test_class = "TestSuiteInstalled"
    test_sequence = 0

    def test_all_addons_installed_together(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(
            sorted(modules.filtered(lambda m: m.state == "installed").mapped("name")),
            sorted(ADDONS),
        )

    def test_cooperative_menu_groups_exist(self):
        # every addon declares its own access rights: no model without an ACL
        models = self.env["ir.model"].search([("model", "=like", "coop.%")])
        self.assertTrue(models, "the addons declare coop.* models")
        for model in models:
            if self.env[model.model]._abstract:
                continue  # mixins hold no records
            self.assertTrue(model.access_ids, f"{model.model} has no access rights")
