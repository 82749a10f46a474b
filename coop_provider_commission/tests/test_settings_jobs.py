# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

KEYS = (
    "coop_provider_commission.import_request_max_bytes",
    "coop_provider_commission.import_batch_size",
    "coop_provider_commission.documents_request_limit",
    "coop_provider_commission.documents_batch_size",
)


@tagged("post_install", "-at_install")
class TestSettingsJobs(TransactionCase):
    """The background jobs' sizes on the settings screen: shown as they
    apply, saved (0 included), refused out of bounds with nothing saved."""

    def _params(self):
        Param = self.env["ir.config_parameter"]
        return tuple(Param.get_param(key) for key in KEYS)

    def test_sizes_are_shown_and_saved(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            (
                settings.coop_import_request_max_bytes,
                settings.coop_import_batch_size,
                settings.coop_documents_request_limit,
                settings.coop_documents_batch_size,
            ),
            (500000, 5000, 100, 50),
        )
        settings.write(
            {
                "coop_import_request_max_bytes": 0,
                "coop_import_batch_size": 2000,
                "coop_documents_request_limit": 0,
                "coop_documents_batch_size": 20,
            }
        )
        settings.execute()
        self.assertEqual(self._params(), ("0", "2000", "0", "20"))
        Declaration = self.env["coop.commission.declaration"]
        self.assertEqual(Declaration._import_request_max_bytes(), 0)
        self.assertEqual(Declaration._import_batch_size(), 2000)

    def test_sizes_out_of_bounds_are_refused(self):
        before = self._params()
        for values in (
            {"coop_import_batch_size": 0},
            {"coop_import_request_max_bytes": -1},
            {"coop_documents_batch_size": 10**9},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                self.env["res.config.settings"].create(values).execute()
        self.assertEqual(self._params(), before)

    def test_only_administrators_read_or_save_the_sizes(self):
        """Over RPC any user may call get_values and set_values: a portal
        user and an internal user are refused, nothing is saved."""
        before = self._params()
        for login, groups in (
            ("jobs_portal", "base.group_portal"),
            ("jobs_internal", "base.group_user"),
        ):
            user = new_test_user(self.env, login=login, groups=groups)
            Settings = self.env["res.config.settings"].with_user(user)
            with self.subTest(user=login):
                with self.assertRaises(AccessError):
                    Settings.get_values()
                with self.assertRaises(AccessError):
                    Settings.browse().set_values()
        self.assertEqual(self._params(), before)
