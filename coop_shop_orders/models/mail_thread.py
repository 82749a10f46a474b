# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import xmlrpc.client
from email import policy
from email.message import Message
from email.parser import BytesHeaderParser

import psycopg2

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import email_normalize, email_split

from ..tools.mail_request import TITLE_MAX_LENGTH, clean_text

_logger = logging.getLogger(__name__)

# headers naming the address an email was delivered to
_RECIPIENT_HEADERS = ("to", "cc", "delivered-to", "x-original-to", "resent-to")


def raw_email_bytes(message):
    """The RFC 822 bytes of a message as ``message_process`` receives it."""
    if isinstance(message, xmlrpc.client.Binary):
        return bytes(message.data)
    if isinstance(message, str):
        return message.encode("utf-8", errors="surrogateescape")
    if isinstance(message, Message):
        return message.as_bytes()
    return bytes(message or b"")


def email_recipients(raw):
    """Normalised addresses of the recipient headers of raw email bytes
    (headers only: this never fails on a broken body)."""
    headers = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
    found = set()
    for name in _RECIPIENT_HEADERS:
        for value in headers.get_all(name) or ():
            found.update(email_normalize(addr) for addr in email_split(str(value)))
    found.discard(False)
    return found


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _shop_order_alias_companies(self, raw):
        """Companies whose order alias this email is for (empty when it is not
        an order email: the gateway then runs untouched)."""
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("shop_order_alias_id", "!=", False)])
        )
        try:
            recipients = email_recipients(raw)
        except (ValueError, TypeError, LookupError):
            recipients = set()
        return companies.filtered(
            lambda c: c.shop_order_alias_id.alias_full_name in recipients
        )

    @api.model
    def message_process(
        self,
        model,
        message,
        custom_values=None,
        save_original=False,
        strip_attachments=False,
        thread_id=None,
    ):
        """Never lose an email to the order address: when it cannot be read or
        routed, keep it raw in the order email log for review. The routing
        stays Odoo's (alias defaults, ``sale.order._routing_check_route``,
        ``message_new``): an email Odoo cannot parse fails before any routing
        hook, so the net sits here, for the order address only."""
        raw = raw_email_bytes(message)
        companies = self._shop_order_alias_companies(raw)
        if not companies:
            return super().message_process(
                model,
                message,
                custom_values,
                save_original,
                strip_attachments,
                thread_id,
            )
        if not self.env.is_system():
            raise AccessError(
                self.env._(
                    "Only the mail gateway may deliver emails to the order address."
                )
            )
        thread = self.with_context(shop_order_raw_email=raw)
        try:
            with self.env.cr.savepoint():
                return super(MailThread, thread).message_process(
                    model,
                    raw,
                    custom_values,
                    save_original,
                    strip_attachments,
                    thread_id,
                )
        except psycopg2.OperationalError:
            raise  # concurrency: the mail fetcher retries the email later
        except Exception as error:  # noqa: BLE001  pylint: disable=broad-except
            _logger.info("Order email kept unread in the review log: %r", error)
            log = self.env["coop.shop.order.mail.log"].sudo()
            return log._shop_log_unreadable(raw, companies[:1], error).id

    @api.model
    def message_parse(self, message, save_original=False):
        """An order email's subject is one line without control characters
        (a NUL byte cannot even be stored)."""
        msg_dict = super().message_parse(message, save_original=save_original)
        if self.env.context.get("shop_order_raw_email") is not None:
            msg_dict["subject"] = clean_text(msg_dict.get("subject"), TITLE_MAX_LENGTH)
            for key in ("body", "email_from", "from", "to", "cc"):
                if isinstance(msg_dict.get(key), str):
                    msg_dict[key] = msg_dict[key].replace("\x00", "")
        return msg_dict

    @api.model
    def _routing_handle_bounce(self, email_message, message_dict):
        """Keep bounces about order requests in the reviewable log."""
        res = super()._routing_handle_bounce(email_message, message_dict)
        self.env["coop.shop.order.mail.log"].sudo()._shop_log_bounce(message_dict)
        return res
