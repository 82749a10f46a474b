# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every screen of the app opens: Odoo's click-everywhere bot (web's clickbot)
walks each menu, view and filter, and fails on any client error or error
dialog, as an administrator and as a user of each of the addon's groups."""

from odoo.tests import HttpCase, new_test_user, tagged

APP = "point_of_sale.menu_point_root"
GROUPS = {
    "click_cashier": "point_of_sale.group_pos_user",
    "click_wallet_manager": (
        "point_of_sale.group_pos_manager,coop_wallet.group_coop_wallet_manager"
    ),
}


@tagged("post_install", "-at_install")
class TestClickEverywhere(HttpCase):
    allow_end_on_form = True

    def _click_everywhere(self, login):
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            f".startClickEverywhere('{APP}');",
            "odoo.isReady === true",
            login=login,
            timeout=900,
            success_signal="clickbot test succeeded",
        )

    def test_click_everywhere_as_admin(self):
        self.env.ref("base.user_admin").tour_enabled = False
        self._click_everywhere("admin")

    def test_click_everywhere_as_each_group(self):
        for login, groups in GROUPS.items():
            with self.subTest(login=login):
                user = new_test_user(self.env, login=login, groups=groups)
                user.tour_enabled = False
                self._click_everywhere(login)
