# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""No email to the order address is lost: odd and broken raw RFC 822
messages through the gateway, each kept as a quotation or, raw, in the log."""

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import ALIAS_DOMAIN, ShopOrdersCommon, raw_email

STRANGER = "Stranger <stranger@elsewhere.example.org>"
HEAD = (
    "To: orders@%s\r\nDate: Mon, 9 Nov 2026 10:00:00 +0100\r\n"
    "MIME-Version: 1.0\r\n" % ALIAS_DOMAIN
)


@tagged("post_install", "-at_install")
class TestShopOrdersSecurityGateway(ShopOrdersCommon, HttpCase):
    def receive(self, raw):
        """Feed the gateway; return what changed and the new log entries."""
        before = self.counts()
        logs = self.logs()
        with self.mock_mail_gateway():
            self.process(raw)
        after = self.counts()
        changes = {key: after[key] - before[key] for key in before}
        return changes, self.logs() - logs

    def assertKeptRaw(self, raw, kind, changes, logs):
        """One log entry of ``kind`` holding the original bytes, no
        quotation, no contact."""
        self.assertEqual(changes, {"orders": 0, "logs": 1, "partners": 0})
        self.assertEqual(logs.kind, kind)
        self.assertEqual(self.original_of(logs).raw, raw)

    def test_reference_token_of_10000_characters(self):
        raw = raw_email(subject="A1" * 5000 + " Laptop")
        changes, _logs = self.receive(raw)
        self.assertEqual(changes, {"orders": 1, "logs": 0, "partners": 0})
        order = self.requests()
        self.assertEqual(order.client_order_ref, order.name, "no reference")
        self.assertEqual(order.shop_request_title, ("A1" * 5000)[:256])
        self.assertEqual(order.partner_id, self.member)

    def test_reference_token_of_10000_characters_unknown_sender(self):
        raw = raw_email(subject="B2" * 5000, email_from=STRANGER)
        changes, log = self.receive(raw)
        self.assertKeptRaw(raw, "unknown_sender", changes, log)
        self.assertEqual(log.name, ("B2" * 5000)[:256])

    def test_unknown_charset_is_kept_raw(self):
        raw = raw_email(body="Un portable\n", charset="x-unknown-42")
        with mute_logger("odoo.addons.coop_shop_orders.models.mail_thread"):
            changes, log = self.receive(raw)
        self.assertKeptRaw(raw, "unreadable", changes, log)
        self.assertIn("could not be read", log.error_note)
        self.assertIn("x-unknown-42", log.error_note)
        self.assertEqual(log.name, "2024-17 Laptop for the accounting")
        self.assertIn("marie.cooperatrice@example.com", log.email_from)
        self.assertIn("could not be read", log.message_ids[:1].body, "a note tells why")

    def test_unknown_sender_is_kept_raw(self):
        raw = raw_email(email_from=STRANGER)
        changes, log = self.receive(raw)
        self.assertKeptRaw(raw, "unknown_sender", changes, log)
        self.assertTrue(log.replied, "the sender learns how to order")

    def test_no_from(self):
        raw = (
            HEAD + "Subject: 2024-40 Laptop\r\nMessage-ID: <nofrom@x>\r\n"
            "Content-Type: text/plain\r\n\r\nA laptop\r\n"
        ).encode()
        changes, log = self.receive(raw)
        self.assertKeptRaw(raw, "auto", changes, log)
        self.assertFalse(log.replied, "nobody to answer")

    def test_no_subject_no_body_unknown_sender(self):
        raw = raw_email(subject=None, body="", email_from=STRANGER)
        changes, log = self.receive(raw)
        self.assertKeptRaw(raw, "unknown_sender", changes, log)
        self.assertEqual(log.name, "-")

    def test_malformed_mime(self):
        raw = (
            HEAD + "From: %s\r\nSubject: 2024-41 Broken\r\nMessage-ID: <mime@x>\r\n"
            'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n'
            "--never-closed\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n%%%%not base64%%%%\r\n"
            "--never-clos" % STRANGER
        ).encode()
        changes, log = self.receive(raw)
        self.assertKeptRaw(raw, "unknown_sender", changes, log)

    def test_malformed_mime_from_member_becomes_quotation(self):
        raw = (
            HEAD + "From: %s\r\nSubject: 2024-42 Broken\r\nMessage-ID: <mime2@x>\r\n"
            'Content-Type: multipart/mixed; boundary="never-closed"\r\n\r\n'
            "--never-closed\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "A laptop\r\n--never-clos" % self.member.email
        ).encode()
        changes, _log = self.receive(raw)
        self.assertEqual(changes, {"orders": 1, "logs": 0, "partners": 0})
        self.assertEqual(self.requests().client_order_ref, "2024-42")

    def test_subject_with_control_characters(self):
        raw = raw_email(subject="2024-18\x07 Laptop\x1b[31m red\x7f")
        changes, _log = self.receive(raw)
        self.assertEqual(changes, {"orders": 1, "logs": 0, "partners": 0})
        order = self.requests()
        self.assertEqual(order.client_order_ref, "2024-18")
        self.assertEqual(order.shop_request_title, "Laptop [31m red")

    def test_subject_with_nul_byte_unknown_sender(self):
        raw = raw_email(subject="Laptop\x00 please", email_from=STRANGER)
        changes, log = self.receive(raw)
        self.assertKeptRaw(raw, "unknown_sender", changes, log)
        self.assertEqual(log.name, "Laptop please")

    def test_attachment_only_email(self):
        raw = raw_email(body=None, attachments=[("quote.pdf", b"%PDF-1.4 spec")])
        changes, _log = self.receive(raw)
        self.assertEqual(changes, {"orders": 1, "logs": 0, "partners": 0})
        order = self.requests()
        self.assertFalse(order.shop_request_description)
        request = order.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(request.attachment_ids.mapped("name"), ["quote.pdf"])

    def test_attachment_only_email_unknown_sender(self):
        raw = raw_email(
            body=None,
            email_from=STRANGER,
            attachments=[("quote.pdf", b"%PDF-1.4 spec")],
        )
        changes, log = self.receive(raw)
        self.assertKeptRaw(raw, "unknown_sender", changes, log)
        request = log.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(request.attachment_ids.mapped("name"), ["quote.pdf"])

    def test_admin_gateway_over_jsonrpc_keeps_unreadable_email(self):
        """The mail gateway script delivers over RPC: an unreadable email is
        answered with the log entry's id (a plain value), and kept."""
        raw = raw_email(body="Un portable\n", charset="x-unknown-42")
        before = self.counts()
        self.authenticate("admin", "admin")
        with mute_logger("odoo.addons.coop_shop_orders.models.mail_thread"):
            result = self.rpc("mail.thread", "message_process", False, raw.decode())[
                "result"
            ]
        log = self.logs()[-1:]
        self.assertEqual(result, log.id)
        self.assertEqual(log.kind, "unreadable")
        self.assertEqual(self.original_of(log).raw, raw)
        after = self.counts()
        self.assertEqual(after["orders"], before["orders"])
        self.assertEqual(after["partners"], before["partners"])

    def test_email_for_another_address_is_left_to_odoo(self):
        """Only emails to the order address are handled: another alias's
        email goes through Odoo's gateway untouched."""
        raw = raw_email(email_to="someone-else@" + ALIAS_DOMAIN, email_from=STRANGER)
        before = self.counts()
        with self.mock_mail_gateway(), self.assertRaises(ValueError) as caught:
            self.process(raw)
        self.assertIn("No possible route found", str(caught.exception))
        self.assertEqual(self.counts()["logs"], before["logs"])
        self.assertEqual(self.counts()["orders"], before["orders"])
