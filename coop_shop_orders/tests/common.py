# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import codecs
import json
import uuid
from email.header import Header

from odoo.tools import mute_logger

from odoo.addons.mail.tests.common import MockEmail

ALIAS_DOMAIN = "shop.test"


def _headers(subject, email_from, email_to, message_id, in_reply_to, extra_headers):
    """The message's header lines (a non-ASCII subject encoded, RFC 2047)."""
    headers = [
        "Return-Path: <%s>" % email_from.rsplit("<", 1)[-1].rstrip(">"),
        "From: %s" % email_from,
        "To: %s" % email_to,
        "Date: Mon, 9 Nov 2026 10:00:00 +0100",
        "Message-ID: %s" % message_id,
        "MIME-Version: 1.0",
    ]
    if subject is not None:
        if not subject.isascii():
            subject = Header(subject, "utf-8").encode()  # RFC 2047
        headers.append("Subject: %s" % subject)
    if in_reply_to:
        headers.append("In-Reply-To: %s" % in_reply_to)
        headers.append("References: %s" % in_reply_to)
    if extra_headers:
        headers.extend(extra_headers.strip().splitlines())
    return headers


def _text_parts(body, html, charset):
    """``(content type, transfer encoding, payload)`` of the text and html
    bodies; an unknown charset is declared, the text encoded in UTF-8."""
    try:
        encoding = codecs.lookup(charset).name
    except LookupError:
        encoding = "utf-8"
    parts = []
    if body is not None:
        parts.append(
            (
                "text/plain; charset=%s" % charset,
                "8bit",
                body.encode(encoding),
            )
        )
    if html is not None:
        parts.append(("text/html; charset=%s" % charset, "8bit", html.encode(encoding)))
    return parts


def _single_part(headers, part):
    ctype, cte, payload = part
    head = "\r\n".join(
        headers + ["Content-Type: %s" % ctype, "Content-Transfer-Encoding: %s" % cte]
    )
    return head.encode("ascii") + b"\r\n\r\n" + payload + b"\r\n"


def _multipart(headers, parts, attachments):
    """A multipart/mixed message: the text parts, then the attachments
    (``(file name, bytes)``) in base64."""
    boundary = "==shop-boundary-%s==" % uuid.uuid4().hex[:8]
    head = "\r\n".join(
        headers + ['Content-Type: multipart/mixed; boundary="%s"' % boundary]
    ).encode("ascii")
    chunks = [head, b"", b"This is a multi-part message in MIME format."]
    for ctype, cte, payload in parts:
        chunks += [
            ("--%s" % boundary).encode(),
            ("Content-Type: %s" % ctype).encode(),
            ("Content-Transfer-Encoding: %s" % cte).encode(),
            b"",
            payload,
        ]
    for name, content in attachments:
        chunks += [
            ("--%s" % boundary).encode(),
            ('Content-Type: application/octet-stream; name="%s"' % name).encode(),
            b"Content-Transfer-Encoding: base64",
            ('Content-Disposition: attachment; filename="%s"' % name).encode(),
            b"",
            base64.encodebytes(content),
        ]
    chunks.append(("--%s--" % boundary).encode())
    return b"\r\n".join(chunks) + b"\r\n"


def raw_email(
    subject="2024-17 Laptop for the accounting",
    body="Hello,\nI need a laptop.\nDelay: 2 weeks\nQuality: used\n",
    email_from="Marie Cooperatrice <marie.cooperatrice@example.com>",
    email_to="orders@" + ALIAS_DOMAIN,
    message_id=None,
    in_reply_to="",
    extra_headers="",
    html=None,
    charset="utf-8",
    attachments=(),
):
    """A raw RFC 822 message as bytes (multipart when html/attachments); an
    unknown charset is declared, the text is encoded in UTF-8."""
    message_id = message_id or "<%s@client.example.com>" % uuid.uuid4().hex
    headers = _headers(
        subject, email_from, email_to, message_id, in_reply_to, extra_headers
    )
    parts = _text_parts(body, html, charset)
    if not attachments and len(parts) == 1:
        return _single_part(headers, parts[0])
    return _multipart(headers, parts, attachments)


class ShopOrdersCommon(MockEmail):
    """Company with an order alias, a member and a shop responsible."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls._create_alias_domain()
        cls._configure_shop_orders()
        # requests already there (demo data) are not this test's
        cls.earlier_requests = cls.env["sale.order"].search(
            [("shop_is_email_request", "=", True)]
        )
        # nor is mail other apps' demo data left in the queue (project's
        # stage e-mails): the tests send the queue and count what went out
        cls.env["mail.mail"].sudo().search([("state", "=", "outgoing")]).write(
            {"state": "cancel"}
        )
        cls.company._shop_order_set_alias("orders")
        cls.alias = cls.company.shop_order_alias_id
        cls._create_contacts()

    @classmethod
    def _create_alias_domain(cls):
        """The company's alias domain, first of all domains."""
        cls.env["mail.alias.domain"].search([]).write({"sequence": 9999})
        domain = cls.env["mail.alias.domain"].search([("name", "=", ALIAS_DOMAIN)])
        cls.alias_domain = domain or cls.env["mail.alias.domain"].create(
            {
                "name": ALIAS_DOMAIN,
                "bounce_alias": "bounce",
                "catchall_alias": "catchall",
                "default_from": "notifications",
                "company_ids": [(4, cls.company.id)],
                "sequence": 1,
            }
        )
        cls.company.write(
            {
                "alias_domain_id": cls.alias_domain.id,
                "email": "shop@" + ALIAS_DOMAIN,
                "phone": "+41 22 000 00 00",
            }
        )

    @classmethod
    def _configure_shop_orders(cls):
        """The member tag, the shop responsible and the company's settings."""
        cls.member_tag = cls.env["res.partner.category"].create({"name": "Member T"})
        cls.shop_user = cls.env["res.users"].create(
            {
                "name": "Shop Keeper",
                "login": "shop_keeper_t",
                "email": "keeper@" + ALIAS_DOMAIN,
                "groups_id": [
                    (6, 0, [cls.env.ref("sales_team.group_sale_salesman").id])
                ],
            }
        )
        cls.company.write(
            {
                "shop_order_member_category_id": cls.member_tag.id,
                "shop_order_sender_policy": "known",
                "shop_order_answer_days": 7,
                "shop_order_attachment_limit_kb": 100,
                "shop_order_hours": "Mon, Wed-Fri 10:00-18:30",
                "shop_order_user_id": cls.shop_user.id,
                "shop_order_invoice_email": True,
            }
        )

    @classmethod
    def _create_contacts(cls):
        """Marie and Paul, members; a non-member contact sharing Marie's
        address, created first."""
        cls.other_contact = cls.env["res.partner"].create(
            {"name": "Old contact", "email": "MARIE.Cooperatrice@example.com"}
        )
        cls.member = cls.env["res.partner"].create(
            {
                "name": "Marie Cooperatrice",
                "email": "marie.cooperatrice@example.com",
                "category_id": [(4, cls.member_tag.id)],
                "lang": "en_US",
            }
        )
        cls.other_member = cls.env["res.partner"].create(
            {
                "name": "Paul Member",
                "email": "paul@example.com",
                "category_id": [(4, cls.member_tag.id)],
            }
        )

    def process(self, raw):
        """Feed the gateway, then run the mail queue as its cron would
        (acknowledgements are queued, not sent inside the gateway)."""
        res = self.env["mail.thread"].message_process(False, raw)
        self.env["mail.mail"].sudo().process_email_queue()
        return res

    def requests(self):
        return self.env["sale.order"].search(
            [
                ("shop_is_email_request", "=", True),
                ("id", "not in", self.earlier_requests.ids),
            ],
            order="id",
        )

    def logs(self):
        return self.env["coop.shop.order.mail.log"].search([], order="id")

    def sent_to(self, email):
        return [
            mail
            for mail in self._mails
            if any(email in address for address in mail["email_to"])
        ]

    def ack_message(self, order):
        return order.message_ids.filtered(
            lambda m: m.message_type != "email" and self.member in m.partner_ids
        )[:1]

    def counts(self):
        """What a refused request must leave untouched."""
        return {
            "orders": self.env["sale.order"].search_count([]),
            "logs": self.env["coop.shop.order.mail.log"].search_count([]),
            "partners": self.env["res.partner"]
            .with_context(active_test=False)
            .search_count([]),
        }

    def original_of(self, record):
        """The raw email kept on a record (``original_email.eml``)."""
        return self.env["ir.attachment"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("name", "=", "original_email.eml"),
            ]
        )

    def rpc(self, model, method, *args, **kwargs):
        """Call ``model.method`` over JSON-RPC as the authenticated user;
        return the decoded response (``result`` or ``error``)."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": list(args),
                "kwargs": kwargs,
            },
        }
        with mute_logger("odoo.http"):
            response = self.url_open(
                "/web/dataset/call_kw/%s/%s" % (model, method),
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def assertRpcRefused(self, message, model, method, *args, **kwargs):
        """The call fails with ``message`` and writes nothing (counted after
        the request)."""
        before = self.counts()
        error = self.rpc(model, method, *args, **kwargs).get("error")
        self.assertTrue(error, "%s.%s was not refused" % (model, method))
        self.assertIn(message, error["data"]["message"])
        self.assertEqual(self.counts(), before)
        return error
