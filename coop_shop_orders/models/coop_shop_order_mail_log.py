# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import email_normalize, email_split

from ..tools.mail_request import TITLE_MAX_LENGTH, clean_text

_logger = logging.getLogger(__name__)

# what an entry says about the email: frozen once it became a quotation
FROZEN_FIELDS = {"name", "email_from", "kind", "partner_id", "order_id", "company_id"}


class CoopShopOrderMailLog(models.Model):
    """Emails to the order address that did not become a quotation: unknown
    senders, automatic messages, bounces. Nothing is dropped: the message and
    its attachments are kept here for review."""

    _name = "coop.shop.order.mail.log"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "coop.shop.order.mail.mixin",
    )
    _description = "Order email log"
    _order = "id desc"

    name = fields.Char(
        string="Subject", required=True, default="-", size=TITLE_MAX_LENGTH
    )
    email_from = fields.Char(string="From", size=TITLE_MAX_LENGTH)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    kind = fields.Selection(
        [
            ("unknown_sender", "Unknown sender"),
            ("auto", "Automatic message"),
            ("bounce", "Bounce"),
            ("unreadable", "Unreadable email"),
        ],
        required=True,
        default="unknown_sender",
    )
    state = fields.Selection(
        [("to_review", "To review"), ("done", "Reviewed")],
        string="Status",
        default="to_review",
        required=True,
        tracking=True,
    )
    replied = fields.Boolean(
        string="How-to-order reply sent",
        readonly=True,
        help="An explanation of how to order was sent to the sender.",
    )
    order_id = fields.Many2one("sale.order", string="Quotation", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Contact")
    error_note = fields.Text(
        string="Why it was kept",
        readonly=True,
        help="Why the email could not be read: its original is attached.",
    )

    def _shop_mail_company(self):
        return self.company_id or self.env.company

    def write(self, vals):
        done = self.filtered("order_id")
        if FROZEN_FIELDS.intersection(vals) and done and not self.env.su:
            raise UserError(
                self.env._(
                    "This email already became quotation %s: its entry can no "
                    "longer be changed.",
                    ", ".join(done.order_id.mapped("name")),
                )
            )
        return super().write(vals)

    def message_post(self, **kwargs):
        refused = self._shop_gateway_filter_post_kwargs(kwargs)
        message = super().message_post(**kwargs)
        self._shop_post_refused_note(refused)
        return message

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An email the order alias routed here (see
        ``sale.order._routing_check_route``): kept for review with its
        original; an unknown sender learns how to order."""
        if not self.env.is_system():
            raise AccessError(
                self.env._("Only the mail gateway may deliver order emails.")
            )
        values = {
            "name": msg_dict.get("subject") or "-",
            "email_from": msg_dict.get("email_from"),
        }
        values.update(custom_values or {})
        log = super().message_new(msg_dict, custom_values=values)
        raw = self.env.context.get("shop_order_raw_email")
        if raw:
            log._shop_attach_raw(raw)
        if log.kind == "unknown_sender":
            log._shop_send_how_to_order()
        return log

    @api.model
    def _shop_log_bounce(self, message_dict):
        """Keep a bounce about an order request, or sent to an order
        address, in the log (and tell the request)."""
        order, company = self._shop_bounce_target(message_dict)
        if not order and not company:
            return self
        log = self._shop_create_from_email(
            {
                "name": message_dict.get("subject") or "-",
                "email_from": message_dict.get("email_from"),
                "company_id": (order.company_id or company).id,
                "kind": "bounce",
                "order_id": order.id,
            }
        )
        log.with_context(mail_create_nosubscribe=True).message_post(
            body=message_dict.get("body") or "",
            subject=message_dict.get("subject"),
            email_from=message_dict.get("email_from"),
            message_id=message_dict.get("message_id"),
            message_type="email",
            subtype_xmlid="mail.mt_note",
        )
        if order:
            order.message_post(
                body=self.env._(
                    "An email to %(email)s bounced: check the contact's address.",
                    email=message_dict.get("bounced_email") or "?",
                ),
                subtype_xmlid="mail.mt_note",
            )
        return log

    @api.model
    def _shop_bounce_target(self, message_dict):
        """The request a bounce is about, and the company whose order
        address it was sent to."""
        bounced_message = message_dict.get("bounced_message")
        order = self.env["sale.order"]
        if (
            bounced_message
            and bounced_message.model == "sale.order"
            and bounced_message.res_id
        ):
            order = order.browse(bounced_message.res_id).exists()
            order = order.filtered("shop_is_email_request")[:1]
        to_emails = {email_normalize(e) for e in email_split(message_dict.get("to"))}
        companies = (
            self.env["res.company"]
            .sudo()
            .search([("shop_order_alias_id", "!=", False)])
        )
        company = companies.filtered(
            lambda c: c.shop_order_alias_id.alias_full_name in to_emails
        )[:1]
        return order, company

    @api.model
    def _shop_create_from_email(self, values):
        """A log entry for an email of the gateway, with its original (raw
        RFC 822 bytes) attached when the gateway passed it."""
        log = self.create(values)
        raw = self.env.context.get("shop_order_raw_email")
        if raw:
            log._shop_attach_raw(raw)
        return log

    def _shop_attach_raw(self, raw):
        self.ensure_one()
        return self.env["ir.attachment"].create(
            {
                "name": "original_email.eml",
                "raw": raw,
                "mimetype": "message/rfc822",
                "res_model": self._name,
                "res_id": self.id,
            }
        )

    @api.model
    def _shop_log_unreadable(self, raw, company, error):
        """Keep an email the gateway could not read or route: its original is
        attached, the reason is noted, staff reviews it."""
        subject, sender = self._shop_raw_subject_sender(raw)
        reason = self.env._(
            "This email could not be read or turned into a quotation (%(error)s). "
            "Its original is attached (original_email.eml): read it and answer "
            "the sender.",
            error=clean_text("%s: %s" % (type(error).__name__, error), 300),
        )
        log = self.with_context(shop_order_raw_email=None)._shop_create_from_email(
            {
                "name": subject or "-",
                "email_from": sender or False,
                "company_id": company.id or self.env.company.id,
                "kind": "unreadable",
                "error_note": reason,
            }
        )
        log._shop_attach_raw(raw)
        log.message_post(body=reason, subtype_xmlid="mail.mt_note")
        return log

    @api.model
    def _shop_raw_subject_sender(self, raw):
        """Best-effort subject and sender of raw email bytes, as clean text."""
        try:
            headers = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
        except (ValueError, TypeError, LookupError):
            return "", ""
        values = []
        for name in ("subject", "from"):
            value = headers.get(name) or ""
            try:
                value = str(make_header(decode_header(value)))
            except (ValueError, TypeError, LookupError):
                value = str(value)
            values.append(clean_text(value, TITLE_MAX_LENGTH))
        return values

    def _shop_send_how_to_order(self):
        template = self.env.ref(
            "coop_shop_orders.mail_template_shop_order_how_to_order",
            raise_if_not_found=False,
        )
        for log in self:
            if not template or not log.email_from or log.replied:
                continue
            try:
                template.send_mail(log.id, force_send=False)
            except UserError as error:
                # a template broken by an edit must not lose the logged email
                _logger.warning(
                    "How-to-order reply not rendered (template %s): %s",
                    template.id,
                    error,
                )
                log.message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "The explanation of how to order could not be sent: %s",
                        error,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                continue
            log.replied = True
            log.message_post(
                body=Markup("<p>%s</p>")
                % self.env._("The sender received an explanation of how to order."),
                subtype_xmlid="mail.mt_note",
            )

    def _shop_check_reviewer(self):
        """Only staff who may edit these entries (and, to create quotations,
        create them) act on them: record rules keep other companies out."""
        self.check_access("write")
        self.partner_id.check_access("read")

    def action_create_quotation(self):
        """Accept the sender: create the contact (to verify) and a quotation
        holding the request, with the log's messages and attachments."""
        self.ensure_one()
        self._shop_check_reviewer()
        self.env["sale.order"].check_access("create")
        self._shop_check_can_become_quotation()
        partner = self.partner_id or self.env["res.partner"]._shop_create_contact(
            self.email_from
        )
        first = self.message_ids.filtered(lambda m: m.message_type == "email")[-1:]
        order = self.env["sale.order"]._shop_create_request(
            self.company_id,
            partner,
            self.name if self.name != "-" else "",
            first.body or "",
            self.email_from,
            first.date or fields.Datetime.now(),
        )
        self._shop_move_to_order(order)
        self.write({"partner_id": partner.id, "order_id": order.id, "state": "done"})
        if self.kind == "unknown_sender":
            order._shop_send_acknowledgement()
        else:
            # an automatic message or a bounce is never answered
            order.sudo().shop_ack_state = "skipped"
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
        }

    def _shop_check_can_become_quotation(self):
        """A clear error when this entry cannot become a quotation."""
        if self.order_id:
            raise UserError(
                self.env._(
                    "A quotation already holds this email: %s.", self.order_id.name
                )
            )
        if self.kind == "bounce":
            raise UserError(
                self.env._("A bounce is not an order request: mark it reviewed.")
            )
        if self.kind == "unreadable":
            raise UserError(
                self.env._(
                    "This email could not be read: open its original (attached) "
                    "and create the quotation by hand."
                )
            )
        if not self.partner_id and not email_normalize(self.email_from or ""):
            raise UserError(
                self.env._(
                    "This email has no valid sender address: choose the contact first."
                )
            )

    def _shop_move_to_order(self, order):
        """Move the original email(s) and attachments to the quotation."""
        self.sudo().message_ids.filtered(lambda m: m.message_type == "email").write(
            {"model": "sale.order", "res_id": order.id}
        )
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "=", self.id)]
        ).write({"res_model": "sale.order", "res_id": order.id})

    def action_mark_reviewed(self):
        self._shop_check_reviewer()
        self.write({"state": "done"})
        return True

    def action_reset_to_review(self):
        self._shop_check_reviewer()
        self.write({"state": "to_review"})
        return True
