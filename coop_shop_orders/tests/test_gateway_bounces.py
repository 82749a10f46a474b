# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Automatic mail through the gateway: auto-replies and bounces are logged
or kept, never answered."""

from odoo.tests import TransactionCase, tagged

from .common import ALIAS_DOMAIN, ShopOrdersCommon, raw_email


@tagged("post_install", "-at_install")
class TestShopOrdersGatewayBounces(ShopOrdersCommon, TransactionCase):
    def test_auto_reply_never_answered(self):
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    subject="Out of office",
                    body="I am away",
                    extra_headers="Auto-Submitted: auto-replied\nX-Autoreply: yes",
                )
            )
            self.process(
                raw_email(
                    subject="Newsletter",
                    body="News",
                    extra_headers="Precedence: bulk",
                )
            )
        self.assertFalse(self.requests())
        self.assertEqual(self.logs().mapped("kind"), ["auto", "auto"])
        self.assertFalse(self._mails, "no answer to automatic mail")
        # staff turns a logged automatic email into a quotation: still no answer
        with self.mock_mail_gateway():
            self.logs()[0].with_user(self.shop_user).action_create_quotation()
        self.assertEqual(self.requests().shop_ack_state, "skipped")
        self.assertFalse(self._mails)
        self.requests().unlink()
        # an auto-reply to the acknowledgement lands in the quote, unanswered
        with self.mock_mail_gateway():
            self.process(raw_email())
        order = self.requests()
        ack = self.ack_message(order)
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    subject="Auto: %s" % ack.subject,
                    body="I am away until Monday",
                    in_reply_to=ack.message_id,
                    extra_headers="Auto-Submitted: auto-replied",
                )
            )
        self.assertEqual(self.requests(), order)
        self.assertIn("I am away until Monday", order.message_ids[0].body)
        self.assertFalse(self.sent_to("marie.cooperatrice@example.com"))

    def test_bounce(self):
        with self.mock_mail_gateway():
            self.process(raw_email())
        order = self.requests()
        ack = self.ack_message(order)
        bounce = (
            "From: MAILER-DAEMON <mailer-daemon@mx.example.com>\r\n"
            "To: bounce@%s\r\n"
            "Subject: Undelivered Mail Returned to Sender\r\n"
            "Message-ID: <bounce-1@mx.example.com>\r\n"
            "Auto-Submitted: auto-replied\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/report; report-type=delivery-status;"
            ' boundary="b1"\r\n'
            "\r\n--b1\r\nContent-Type: text/plain\r\n\r\nMailbox unknown\r\n"
            "--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
            "Reporting-MTA: dns; mx.example.com\r\n\r\n"
            "Final-Recipient: rfc822; marie.cooperatrice@example.com\r\n"
            "Action: failed\r\nStatus: 5.1.1\r\n"
            "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
            "Message-ID: %s\r\nTo: marie.cooperatrice@example.com\r\n"
            "--b1--\r\n"
        ) % (ALIAS_DOMAIN, ack.message_id)
        with self.mock_mail_gateway():
            self.process(bounce.encode())
        self.assertEqual(self.requests(), order)
        self.assertFalse(self._mails, "never answer a bounce")
        log = self.logs()
        self.assertEqual(log.kind, "bounce")
        self.assertEqual(log.order_id, order)
        self.assertIn(
            "Mailbox unknown",
            log.message_ids.filtered(lambda m: m.message_type == "email").body,
        )
        # the same bounce delivered twice is logged once
        with self.mock_mail_gateway():
            self.process(bounce.encode())
        self.assertEqual(len(self.logs()), 1)

    def test_bounce_to_alias_from_mailer_daemon(self):
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    email_from="Mail Delivery System <MAILER-DAEMON@mx.example.com>",
                    subject="Delivery failure",
                    body="could not deliver",
                )
            )
        self.assertFalse(self.requests())
        self.assertEqual(self.logs().kind, "bounce")
        self.assertFalse(self._mails)
