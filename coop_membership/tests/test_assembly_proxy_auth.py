# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""003 §5.1: a proxy authenticates giver and holder (signed form, or an
authenticated electronic message) and counts only when authenticated."""

import base64
import importlib.util

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .assembly_common import CoopVoteMixin
from .common import CoopHttpCommon


@tagged("post_install", "-at_install")
class TestAssemblyProxyAuthentication(CoopVoteMixin, CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_vote()

    def test_signed_form_required(self):
        a, b = self.voters[:2]
        proxy = self._proxy(b, a, authenticated=False)
        self.assertEqual(proxy.authentication, "none")
        self.assertFalse(proxy.is_authenticated)
        with self.assertRaisesRegex(ValidationError, "Upload the signed proxy form"):
            proxy.authentication = "form"
        proxy.write(
            {
                "authentication": "form",
                "form_file": base64.b64encode(b"%PDF-1.4 signed"),
                "form_filename": "proxy.pdf",
            }
        )
        self.assertTrue(proxy.is_authenticated)
        # another holder: the form was signed for the former one
        proxy.holder_id = self.voters[2]
        self.assertEqual(proxy.authentication, "none")

    def test_only_the_giver_confirms(self):
        a, b = self.voters[:2]
        proxy = self._proxy(b, a, authenticated=False)
        for method in ("portal", "email"):
            with self.subTest(method=method):
                self.assertRpcRefused(
                    "sec_manager",
                    "coop.assembly.proxy",
                    "write",
                    [proxy.ids, {"authentication": method}],
                    "Only the giver confirms a proxy",
                )
        self.assertEqual(proxy.authentication, "none")

    def test_only_authenticated_proxies_count(self):
        a, b, c, d, _e = self.voters
        self._proxy(b, a)
        self._proxy(c, a, authenticated=False)
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "coop_membership.report_voter_register", self.assembly.ids
        )
        row = html.decode().split("Voter A", 1)[1].split("</tr>", 1)[0]
        self.assertIn("Voter B", row)
        self.assertNotIn("Voter C", row)
        self._open()
        rights = self._participation(a)._voting_rights()
        self.assertEqual(rights.membership_id, a | b)
        # C's proxy to A does not count: C votes herself
        self.assertEqual(self._participation(c)._voting_rights().membership_id, c)
        self.assertEqual(self._participation(d)._voting_rights().membership_id, d)

    def test_proxies_frozen_when_the_vote_opens(self):
        a, b, c, d, _e = self.voters
        proxy = self._proxy(b, a, authenticated=False)
        self._open()
        with self.assertRaisesRegex(UserError, "proxies can no longer be added"):
            self._proxy(d, c)
        with self.assertRaisesRegex(UserError, "proxies can no longer be added"):
            proxy.holder_id = c
        with self.assertRaisesRegex(UserError, "proxies can no longer be added"):
            proxy.unlink()
        # ...but authenticated while the vote is open
        proxy.write(
            {
                "authentication": "form",
                "form_file": base64.b64encode(b"%PDF-1.4 signed"),
            }
        )
        self.assertEqual(self._participation(a)._voting_rights().membership_id, a | b)
        self.assembly.action_close_vote()
        with self.assertRaisesRegex(UserError, "assembly is closed"):
            proxy.authentication_note = "late"

    def test_confirmation_email_needs_an_address(self):
        a, b = self.voters[:2]
        proxy = self._proxy(b, a, authenticated=False)
        b.partner_id.email = False
        with self.assertRaisesRegex(UserError, "has no email address"):
            proxy.action_send_confirmation()
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.assembly.proxy",
            "action_send_confirmation",
            [proxy.ids],
            "Only cooperative managers",
        )

    def test_migration_keeps_the_old_text(self):
        """Upgrading to 18.0.1.2.0: the free text becomes the notes, and the
        proxy starts as not authenticated (the new column's default)."""
        a, b = self.voters[:2]
        proxy = self._proxy(b, a, authenticated=False)
        proxy.authentication_note = "signed form received on 3 June"
        self.env.flush_all()
        cr = self.env.cr
        # the 18.0.1.1.0 table: a text column named authentication
        cr.execute("ALTER TABLE coop_assembly_proxy DROP COLUMN authentication")
        cr.execute(
            "ALTER TABLE coop_assembly_proxy "
            "RENAME COLUMN authentication_note TO authentication"
        )
        path = file_path("coop_membership/migrations/18.0.1.2.0/pre-migrate.py")
        spec = importlib.util.spec_from_file_location("coop_m_1_2_0", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(cr, "18.0.1.1.0")
        module.migrate(cr, "18.0.1.1.0")  # run twice: no harm
        cr.execute(
            "SELECT authentication_note FROM coop_assembly_proxy WHERE id = %s",
            proxy.ids,
        )
        self.assertEqual(cr.fetchone()[0], "signed form received on 3 June")
        cr.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'coop_assembly_proxy' "
            "AND column_name = 'authentication'"
        )
        self.assertFalse(cr.fetchall())  # Odoo adds it, with its default
        self.env.invalidate_all()
