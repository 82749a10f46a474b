# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Titles, chatter lines and emails read in the reader's language, amounts
with their currency."""

from datetime import date

from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestLanguage(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["res.lang"]._activate_lang("de_DE")
        cls.declaration = cls._declaration(
            cls.provider,
            date(2026, 3, 1),
            [(cls.client_a, "L-1", date(2026, 3, 2), 1234.5)],
            state="draft",
        )

    def test_declaration_title_in_reader_language(self):
        declaration = self.declaration
        # the stored name stays language-neutral and searchable
        self.assertEqual(declaration.name, "Test Provider Anne 2026-03")
        for lang, title in (
            ("en_US", "Test Provider Anne – March 2026"),
            ("fr_FR", "Test Provider Anne – mars 2026"),
            ("de_DE", "Test Provider Anne – März 2026"),
        ):
            with self.subTest(lang=lang):
                self.assertEqual(
                    declaration.with_context(lang=lang).display_name, title
                )

    def test_settlement_title_and_chatter(self):
        self.declaration.with_user(self.manager).action_validate()
        body = self.declaration.message_ids[0].body
        amount = "1,234.50"
        self.assertIn(amount, body)
        self.assertIn(self.company.currency_id.symbol, body)
        agreement = self._agreement(name="Network 20 %")
        settlement = self.env["coop.commission.settlement"]._settle(
            agreement, date(2026, 3, 1)
        )
        self.assertEqual(
            settlement.with_context(lang="fr_FR").display_name,
            "Network 20 % / Test Provider Anne / mars 2026",
        )
        settlement.with_user(self.manager).action_validate()
        body = settlement.message_ids[0].body
        self.assertIn("Test Provider Anne owes", body)
        self.assertIn("246.90", body)
        self.assertIn(self.company.currency_id.symbol, body)
        # the document's line reads in the partner's language
        self.provider.lang = "de_DE"
        move = settlement.with_user(self.manager)._create_documents()
        self.assertEqual(
            move.invoice_line_ids.name, "Network 20 % / Test Provider Anne / März 2026"
        )

    def test_reminder_email_in_provider_language(self):
        self.provider.lang = "fr_FR"
        template = self.env.ref(
            "coop_provider_commission.mail_template_declaration_reminder"
        )
        subject = template._render_field(
            "subject", self.declaration.ids, compute_lang=True
        )
        self.assertIn("mars 2026", subject[self.declaration.id])
        body = template._render_field(
            "body_html", self.declaration.ids, compute_lang=True
        )
        self.assertIn("31/03/2026", body[self.declaration.id])
