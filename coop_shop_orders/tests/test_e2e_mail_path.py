# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""End-to-end: real sockets on loopback for both directions.

Incoming mail is fetched by Odoo's own incoming mail server (``fetchmail.server``,
POP3, the cron's code path) from a tiny POP3 server started here; outgoing mail
goes through an ``ir.mail_server`` to a local ``aiosmtpd`` SMTP server.
"""

import email
import email.policy
import socket
import socketserver
import threading
import time
from unittest.mock import patch

from aiosmtpd.controller import Controller

import odoo
from odoo.tests import TransactionCase, tagged

from .common import ALIAS_DOMAIN, ShopOrdersCommon, raw_email


class _Mailbox:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()


class _Pop3Handler(socketserver.StreamRequestHandler):
    """Minimal RFC 1939 server: USER, PASS, STAT, LIST, RETR, DELE, NOOP, QUIT."""

    def _send(self, line):
        self.wfile.write(line + b"\r\n")

    def handle(self):
        box = self.server.mailbox
        deleted = set()
        self._send(b"+OK coop test POP3 ready")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            parts = line.strip().split(b" ")
            command = parts[0].upper()
            with box.lock:
                live = list(box.messages)
            if command in (b"USER", b"PASS", b"NOOP", b"RSET"):
                self._send(b"+OK")
            elif command == b"STAT":
                self._send(b"+OK %d %d" % (len(live), sum(len(m) for m in live)))
            elif command == b"LIST":
                self._send(b"+OK %d messages" % len(live))
                for index, message in enumerate(live, 1):
                    self._send(b"%d %d" % (index, len(message)))
                self._send(b".")
            elif command == b"RETR":
                message = live[int(parts[1]) - 1]
                self._send(b"+OK %d octets" % len(message))
                for raw_line in message.replace(b"\r\n", b"\n").split(b"\n"):
                    if raw_line.startswith(b"."):
                        raw_line = b"." + raw_line
                    self._send(raw_line)
                self._send(b".")
            elif command == b"DELE":
                deleted.add(int(parts[1]) - 1)
                self._send(b"+OK deleted")
            elif command == b"QUIT":
                with box.lock:
                    box.messages = [
                        m for i, m in enumerate(box.messages) if i not in deleted
                    ]
                self._send(b"+OK bye")
                return
            else:
                self._send(b"-ERR unknown command")


class _Pop3Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class _SmtpSink:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


@tagged("post_install", "-at_install")
class TestShopOrdersRealMailPath(ShopOrdersCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # outgoing: aiosmtpd on loopback, free port
        cls.smtp_sink = _SmtpSink()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            smtp_port = probe.getsockname()[1]
        cls.smtp = Controller(cls.smtp_sink, hostname="127.0.0.1", port=smtp_port)
        cls.smtp.start()
        cls.addClassCleanup(cls.smtp.stop)
        cls.env["ir.mail_server"].search([]).active = False
        cls.mail_server = cls.env["ir.mail_server"].create(
            {
                "name": "Loopback SMTP",
                "smtp_host": "127.0.0.1",
                "smtp_port": smtp_port,
                "smtp_encryption": "none",
                "smtp_authentication": "login",
            }
        )
        # incoming: POP3 on loopback, free port, fetched by Odoo's fetchmail
        cls.mailbox = _Mailbox()
        cls.pop = _Pop3Server(("127.0.0.1", 0), _Pop3Handler)
        cls.pop.mailbox = cls.mailbox
        thread = threading.Thread(target=cls.pop.serve_forever, daemon=True)
        thread.start()
        cls.addClassCleanup(cls.pop.server_close)
        cls.addClassCleanup(cls.pop.shutdown)
        cls.fetchmail = cls.env["fetchmail.server"].create(
            {
                "name": "Shop orders mailbox",
                "server_type": "pop",
                "server": "127.0.0.1",
                "port": cls.pop.server_address[1],
                "is_ssl": False,
                "user": "orders",
                "password": "secret",
            }
        )
        cls.fetchmail.state = "done"

    def _deliver_and_fetch(self, raw):
        """Drop a message in the POP mailbox and let Odoo fetch it; outgoing
        SMTP really connects to the loopback server during this window."""
        with self.mailbox.lock:
            self.mailbox.messages.append(raw)
        before = len(self.smtp_sink.envelopes)
        # the cron commits after each email and the test framework blocks SMTP:
        # keep the test transaction (commit = flush) and allow real sockets here
        with (
            patch.object(self.env.cr, "commit", self.env.flush_all),
            patch.object(odoo.modules.module, "current_test", False),
        ):
            self.fetchmail.fetch_mail()
            self.env["mail.mail"].process_email_queue()
        self.assertFalse(self.mailbox.messages, "fetched messages are deleted")
        return before

    def _wait_smtp(self, count):
        deadline = time.monotonic() + 10
        while len(self.smtp_sink.envelopes) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.smtp_sink.envelopes

    def test_request_and_reply_through_real_sockets(self):
        before = self._deliver_and_fetch(
            raw_email(email_to="Shop orders <orders@%s>" % ALIAS_DOMAIN)
        )
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_id, self.member)
        self.assertEqual(order.shop_ack_state, "sent")

        envelopes = self._wait_smtp(before + 1)[before:]
        to_member = [e for e in envelopes if self.member.email in e.rcpt_tos]
        self.assertEqual(len(to_member), 1, "acknowledgement went through SMTP")
        ack = email.message_from_bytes(to_member[0].content, policy=email.policy.SMTP)
        self.assertIn(order.name, ack["Subject"])
        body = ack.get_body(("html", "plain")).get_content()
        self.assertIn(order.name, body)

        # the member replies to the email they received
        before = self._deliver_and_fetch(
            raw_email(
                subject="Re: %s" % ack["Subject"],
                body="Thanks, 16 GB of RAM would be great",
                in_reply_to=ack["Message-Id"],
            )
        )
        self.assertEqual(self.requests(), order, "the reply joins the quotation")
        self.assertIn("16 GB of RAM", order.message_ids[0].body)
        self.assertEqual(order.message_ids[0].message_type, "email")
        self.assertEqual(self.fetchmail.date.date(), odoo.fields.Date.today())
