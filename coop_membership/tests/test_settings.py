# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


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


@tagged("post_install", "-at_install")
class TestSettingsFeeRun(TransactionCase):
    """The fee run's sizes on the settings screen: shown as they apply,
    saved (0 included: every run in the background), refused out of
    bounds with nothing saved."""

    def _param(self, name):
        return self.env["ir.config_parameter"].get_param(
            "coop_membership.fee_run_%s" % name
        )

    def test_sizes_are_shown_and_saved(self):
        Period = self.env["coop.fee.period"]
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            (settings.coop_fee_run_request_limit, settings.coop_fee_run_batch_size),
            (Period._fee_run_request_limit(), Period._fee_run_batch_size()),
        )
        settings.write({"coop_fee_run_request_limit": 0, "coop_fee_run_batch_size": 80})
        settings.execute()
        self.assertEqual(
            (self._param("request_limit"), self._param("batch_size")), ("0", "80")
        )
        self.assertEqual(Period._fee_run_request_limit(), 0)
        self.assertEqual(Period._fee_run_batch_size(), 80)

    def test_sizes_out_of_bounds_are_refused(self):
        before = (self._param("request_limit"), self._param("batch_size"))
        for values in (
            {"coop_fee_run_batch_size": 0},
            {"coop_fee_run_request_limit": -1},
            {"coop_fee_run_batch_size": 5001},
        ):
            with (
                self.subTest(values=values),
                self.assertRaisesRegex(ValidationError, "sizes go from"),
            ):
                self.env["res.config.settings"].create(values).execute()
        self.assertEqual(
            (self._param("request_limit"), self._param("batch_size")), before
        )

    def test_only_administrators_read_or_save_the_sizes(self):
        """Over RPC any user may call get_values and set_values: a portal
        user is refused, nothing is saved."""
        before = (self._param("request_limit"), self._param("batch_size"))
        portal = new_test_user(
            self.env, login="fee_sizes_portal", groups="base.group_portal"
        )
        Settings = self.env["res.config.settings"].with_user(portal)
        with self.assertRaises(AccessError):
            Settings.get_values()
        with self.assertRaises(AccessError):
            Settings.browse().set_values()
        self.assertEqual(
            (self._param("request_limit"), self._param("batch_size")), before
        )
