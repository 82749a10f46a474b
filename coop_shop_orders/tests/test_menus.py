# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Sales app still opens on Quotations: the web client opens an app on
the action of its first leaf menu, so the addon's menu must come after
Odoo's own Orders entries."""

from odoo.tests import TransactionCase, new_test_user, tagged


def first_action(menus, menu_id):
    """The action the web client opens for an app: depth first, the first
    menu (by sequence) that has one."""
    menu = menus[menu_id]
    if menu["action"]:
        return menu["action"]
    for child_id in menu["children"]:
        action = first_action(menus, child_id)
        if action:
            return action
    return False


@tagged("post_install", "-at_install")
class TestShopOrdersMenus(TransactionCase):
    def _sales_app_action(self, user):
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        app = self.env.ref("sale.sale_menu_root")
        self.assertIn(app.id, menus, "the Sales app is visible")
        return first_action(menus, app.id)

    def test_sales_app_opens_quotations(self):
        quotations = self.env.ref("sale.action_quotations_with_onboarding")
        expected = "%s,%s" % (quotations._name, quotations.id)
        salesman = new_test_user(
            self.env, login="menu_salesman", groups="sales_team.group_sale_salesman"
        )
        for user in (self.env.ref("base.user_admin"), salesman):
            with self.subTest(user=user.login):
                self.assertEqual(self._sales_app_action(user), expected)

    def test_requests_menu_after_odoo_orders(self):
        ours = self.env.ref("coop_shop_orders.menu_coop_shop_orders_root")
        orders = self.env.ref("sale.menu_sale_order")
        self.assertEqual(ours.parent_id, orders.parent_id)
        self.assertGreater(ours.sequence, orders.sequence)
