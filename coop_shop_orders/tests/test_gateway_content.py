# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What is read from a request email: no subject, empty or HTML-only
bodies, other charsets, attachments over the limit."""

from odoo.tests import TransactionCase, tagged

from .common import ShopOrdersCommon, raw_email


@tagged("post_install", "-at_install")
class TestShopOrdersGatewayContent(ShopOrdersCommon, TransactionCase):
    def test_no_subject(self):
        with self.mock_mail_gateway():
            self.process(raw_email(subject=None, body="A screen please"))
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertEqual(order.shop_request_title, "(no subject)")
        self.assertEqual(order.client_order_ref, order.name)
        self.assertIn("A screen please", order.shop_request_description)
        self.assertEqual(len(self.sent_to("marie.cooperatrice@example.com")), 1)

    def test_stored_texts_in_the_staff_language(self):
        """The shop responsible reads French: what the gateway stores for them
        is French, whatever the sender's language."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_shop_orders"], ["fr_FR"], overwrite=True
        )
        self.shop_user.lang = "fr_FR"
        self.assertEqual(self.member.lang, "en_US")
        with self.mock_mail_gateway():
            self.process(raw_email(subject=None, body="A screen please"))
        self.assertEqual(self.requests().shop_request_title, "(sans objet)")

    def test_empty_body(self):
        with self.mock_mail_gateway():
            self.process(raw_email(subject="2024-18 Empty", body=""))
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertFalse(order.shop_request_description)
        self.assertEqual(order.shop_request_title, "Empty")
        self.assertEqual(
            len(order.message_ids.filtered(lambda m: m.message_type == "email")), 1
        )

    def test_html_only(self):
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    body=None,
                    html="<html><body><p>Two <i>docking stations</i></p>"
                    "<p>Qualité : neuf</p></body></html>",
                )
            )
        order = self.requests()
        self.assertIn("docking stations", order.shop_request_description)
        self.assertEqual(order.shop_request_quality_kind, "new")

    def test_non_utf8_bodies(self):
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    subject="2024-19 Ecran",
                    body=(
                        "Un écran d'occasion\nDélai : fin février\nQualité : occasion\n"
                    ),
                    charset="iso-8859-1",
                )
            )
            self.process(
                raw_email(
                    subject="2024-20 Clavier",
                    body="Un clavier suisse romand \u2013 « merci »\n",
                    charset="windows-1252",
                )
            )
        first, second = self.requests()
        self.assertIn("écran d'occasion", first.shop_request_description)
        self.assertEqual(first.shop_request_delay, "fin février")
        self.assertEqual(first.shop_request_quality_kind, "used")
        self.assertIn("« merci »", second.shop_request_description)

    def test_huge_attachment_refused_with_note(self):
        big = b"x" * (150 * 1024)
        with self.mock_mail_gateway():
            self.process(
                raw_email(attachments=[("small.txt", b"ok"), ("huge.iso", big)])
            )
        order = self.requests()
        self.assertEqual(len(order), 1, "the request is kept")
        request_msg = order.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(request_msg.attachment_ids.mapped("name"), ["small.txt"])
        self.assertFalse(
            self.env["ir.attachment"].search([("name", "=", "huge.iso")]),
        )
        note = order.message_ids.filtered(lambda m: "huge.iso" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn("100 kB", note.body)
