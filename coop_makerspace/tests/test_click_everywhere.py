# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every screen of the app opens: Odoo's click-everywhere bot (web's clickbot)
walks each menu, view and filter, and fails on any client error or error
dialog, as an administrator and as a user of each of the addon's groups."""

from odoo.tests import HttpCase, new_test_user, tagged

APP = "coop_makerspace.menu_coop_makerspace_root"
GROUPS = {
    "click_makerspace_user": "coop_makerspace.group_coop_makerspace_user",
    "click_makerspace_manager": "coop_makerspace.group_coop_makerspace_manager",
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
