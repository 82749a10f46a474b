# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Order requests through Odoo's mail gateway: the order alias routes to
``sale.order`` with its defaults (``company_id`` and the
``shop_is_email_request`` marker); its route check threads an email quoting a
request's number onto it, or keeps an email that is no request in the review
log; ``message_new`` creates the draft quotation through ``super()``."""

import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import email_normalize, html2plaintext

from ..tools.mail_request import (
    extract_expectations,
    is_auto_submitted,
    normalize_reference,
    split_subject,
)

_logger = logging.getLogger(__name__)

LOG_MODEL = "coop.shop.order.mail.log"


class SaleOrder(models.Model):
    _inherit = "sale.order"

    # routing -------------------------------------------------------------

    @api.model
    def _routing_check_route(self, message, message_dict, route, raise_exception=True):
        """A new email to the order alias: the request it quotes (by number
        or reference) when its sender is the customer or a follower, else a
        new request, or the review log when it is no request (automatic
        email, unknown sender)."""
        route = super()._routing_check_route(
            message, message_dict, route, raise_exception=raise_exception
        )
        if not route or route[1] or not (route[2] or {}).get("shop_is_email_request"):
            return route
        return self._shop_route(message, message_dict, route)

    @api.model
    def _shop_route(self, message, message_dict, route):
        model, _thread_id, defaults, user_id, alias = route
        company = self._shop_route_company(defaults)
        email_from = message_dict.get("email_from") or ""
        email = email_normalize(email_from)
        partner = self.env["res.partner"]._shop_find_customer(email, company)
        reference, _title = split_subject(message_dict.get("subject") or "")
        existing = self._shop_find_request(partner, email, reference, company)
        if existing:
            return (model, existing.id, defaults, user_id, alias)
        headers = {key.lower(): str(value) for key, value in message.items()}
        kind = ""
        if is_auto_submitted(headers, email_from) or not email:
            kind = "auto"
        elif not partner and company.shop_order_sender_policy != "anyone":
            kind = "unknown_sender"
        if kind:
            log_values = {
                "kind": kind,
                "company_id": company.id,
                "partner_id": partner.id,
            }
            return (LOG_MODEL, False, log_values, user_id, alias)
        if partner:
            defaults = dict(defaults, partner_id=partner.id)
        return (model, False, defaults, user_id, alias)

    @api.model
    def _shop_route_company(self, values):
        company_id = (values or {}).get("company_id")
        return self.env["res.company"].browse(company_id) or self.env.company

    @api.model
    def _shop_find_request(self, partner, email, reference, company):
        """The open request of ``company`` whose number or reference is
        ``reference``, for an email from its customer (or a contact of the
        same company) or from one of its followers."""
        key = normalize_reference(reference)
        if not key or not (partner or email):
            return self.browse()
        senders = []
        if partner:
            senders.append(
                [
                    (
                        "partner_id.commercial_partner_id",
                        "=",
                        partner.commercial_partner_id.id,
                    )
                ]
            )
        if email:
            senders.append(
                [("message_follower_ids.partner_id.email_normalized", "=", email)]
            )
        domain = expression.AND(
            [
                [
                    ("shop_is_email_request", "=", True),
                    ("company_id", "=", company.id),
                    ("state", "!=", "cancel"),
                    "|",
                    ("shop_request_ref_key", "=", key),
                    ("name", "=", key),
                ],
                expression.OR(senders),
            ]
        )
        return self.search(domain, order="id desc", limit=1)

    # creation ------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An email routed by the order alias: a draft quotation holding the
        request (the alias defaults win over the values read from the
        email, as in ``crm.lead``); any other route: Odoo's own."""
        if not self.env.is_system():
            raise AccessError(
                self.env._("Only the mail gateway may deliver order emails.")
            )
        custom_values = dict(custom_values or {})
        if not custom_values.get("shop_is_email_request"):
            return super().message_new(msg_dict, custom_values=custom_values)
        company = self._shop_route_company(custom_values)
        partner = self.env["res.partner"].browse(custom_values.get("partner_id"))
        if not partner:
            email = email_normalize(msg_dict.get("email_from") or "")
            partner = self.env["res.partner"]._shop_find_customer(
                email, company
            ) or self.env["res.partner"]._shop_create_contact(
                msg_dict.get("email_from")
            )
        values = self._shop_request_values(
            company,
            partner,
            msg_dict.get("subject") or "",
            msg_dict.get("body") or "",
            msg_dict.get("email_from"),
            msg_dict.get("date"),
        )
        values.update(custom_values)
        order = super(
            SaleOrder,
            self.with_company(company).with_context(mail_auto_subscribe_no_notify=True),
        ).message_new(msg_dict, custom_values=values)
        order._shop_schedule_prepare_quote()
        return order

    @api.model
    def _shop_create_request(
        self, company, partner, subject, body, email_from, date, ack="pending"
    ):
        """Create the draft quotation of an order request (outside the
        gateway: a logged email accepted by the staff)."""
        values = self._shop_request_values(
            company, partner, subject, body, email_from, date, ack=ack
        )
        # the responsible follows the request and gets the activity below: no
        # "you have been assigned" email for each request
        order = (
            self.with_company(company)
            .with_context(mail_auto_subscribe_no_notify=True)
            .create(values)
        )
        order._shop_schedule_prepare_quote()
        return order

    @api.model
    def _shop_request_values(
        self, company, partner, subject, body, email_from, date, ack="pending"
    ):
        """Values of the draft quotation of an order request."""
        reference, title = split_subject(subject)
        text = html2plaintext(body or "").strip()
        expectations = extract_expectations(text)
        date = fields.Datetime.to_datetime(date) or fields.Datetime.now()
        values = {
            "partner_id": partner.id,
            "company_id": company.id,
            # "New": the sale sequence numbers it (never the subject)
            "name": self.env._("New"),
            "client_order_ref": reference or False,
            "shop_is_email_request": True,
            "shop_request_title": title
            or self.with_company(company)._shop_staff_env()._("(no subject)"),
            "shop_request_description": body if text else False,
            "shop_request_email_from": email_from,
            "shop_request_date": date,
            "shop_request_deadline": (
                date + timedelta(days=company.shop_order_answer_days)
            ).date(),
            "shop_request_delay": expectations["delay"] or False,
            "shop_request_quality": expectations["quality"] or False,
            "shop_request_quality_kind": expectations["quality_kind"] or False,
            "shop_ack_state": ack,
        }
        if company.shop_order_user_id:
            values["user_id"] = company.shop_order_user_id.id
        # team and warehouse are the same for every request of a batch: look
        # them up once instead of once per email
        values.update(
            self._shop_request_defaults(
                company, company.shop_order_user_id or self.env.user
            )
        )
        if not reference:
            # the quotation number becomes the reference
            values["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                "sale.order", sequence_date=date
            ) or self.env._("New")
            values["client_order_ref"] = values["name"]
        return values

    @api.model
    def _shop_request_defaults(self, company, user):
        """Sales team and warehouse of the requests of a company's shop
        responsible, computed as the quotation would, cached for the
        transaction (the gateway processes a batch of emails in a row)."""
        cache = self.env.cr.cache.setdefault("coop_shop_orders.request_defaults", {})
        key = (company.id, user.id)
        if key not in cache:
            probe = self.with_company(company).new(
                {"company_id": company.id, "user_id": user.id}
            )
            cache[key] = {
                fname: probe[fname].id
                for fname in ("team_id", "warehouse_id")
                if fname in self._fields and probe[fname]
            }
        return dict(cache[key])

    def _shop_schedule_prepare_quote(self):
        """The "Prepare quote" activity, in the responsible's activities (no
        assignment email)."""
        for order in self:
            company = order.company_id
            order.with_context(mail_activity_quick_update=True).activity_schedule(
                "coop_shop_orders.mail_activity_type_prepare_quote",
                date_deadline=order.shop_request_deadline,
                summary=order.shop_request_title,
                user_id=(
                    company.shop_order_user_id or order.user_id or self.env.user
                ).id,
            )

    # replies -------------------------------------------------------------

    def message_update(self, msg_dict, update_vals=None):
        self.check_access("write")
        res = super().message_update(msg_dict, update_vals=update_vals)
        for order in self.filtered(
            lambda o: o.shop_is_email_request and o.state == "cancel"
        ):
            order._shop_todo(
                order._shop_staff_env()._("Reply received on a cancelled quotation")
            )
        return res

    def message_post(self, **kwargs):
        refused = self._shop_gateway_filter_post_kwargs(kwargs)
        message = super().message_post(**kwargs)
        self._shop_post_refused_note(refused)
        if (
            self.env.context.get("from_alias")
            and self.env.is_system()
            and len(self) == 1
            and self.shop_ack_state == "pending"
        ):
            self._shop_send_acknowledgement()
        return message

    # acknowledgement ------------------------------------------------------

    def _shop_send_acknowledgement(self):
        """Email the acknowledgement to the customer (in their language) as
        *Send by email* does: a message posted on the quotation from the
        template, the customer notified (queued email, delivery status),
        no follower notified (internal note subtype)."""
        # cached xmlid lookup (env.ref would check the record exists each time)
        template = self.env["mail.template"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(
                "coop_shop_orders.mail_template_shop_order_ack",
                raise_if_not_found=False,
            )
        )
        if not template:
            self.sudo().shop_ack_state = "skipped"
            return
        for order in self:
            try:
                # rendering comes first, nothing is written when it fails
                with self.env.cr.savepoint():
                    order._shop_post_acknowledgement(template)
            except UserError as error:
                # a template broken by an edit must not lose the request:
                # keep it, without acknowledgement, and tell the shop
                _logger.warning(
                    "Order request acknowledgement not rendered (template %s): %s",
                    template.id,
                    error,
                )
                order._shop_acknowledgement_failed(error)
                continue
            order.sudo().shop_ack_state = "sent"

    def _shop_post_acknowledgement(self, template):
        """Post the template's acknowledgement on the quotation, in the
        customer's language, notifying the customer only (a note: no
        follower is notified). The template is rendered by its own
        ``_render_field``; posting is Odoo's ``message_post``, which queues
        the email and its notification (delivery status in the chatter).
        Cheaper than the composer (``message_post_with_source``), which
        computes and renders every field of a composer for one email."""
        self.ensure_one()
        lang = template._render_lang(self.ids)[self.id]
        template = template.with_context(lang=lang)
        company = self.company_id
        # not a message of the gateway: the acknowledgement is the shop's;
        # neither the shop (author) nor the customer (already following)
        # is subscribed by it
        order = self.with_context(
            from_alias=False,
            lang=lang,
            mail_post_autofollow=False,
            mail_create_nosubscribe=True,
        )
        return order.message_post(
            body=template._render_field("body_html", self.ids)[self.id],
            subject=template._render_field("subject", self.ids)[self.id],
            # the template's sender (the shop's address), else the
            # notification address of the company's mail domain
            email_from=template._render_field("email_from", self.ids)[self.id]
            or company.alias_domain_id.default_from_email
            or None,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            partner_ids=self.partner_id.ids,
            email_layout_xmlid=(
                "mail.mail_notification_layout_with_responsible_signature"
            ),
            # the shop writes: no author lookup by email address
            author_id=company.partner_id.id,
            # queued, sent by the mail queue (never SMTP inside the gateway)
            force_send=False,
        )

    @api.model
    def mail_allowed_qweb_expressions(self):
        # the plain fields of the acknowledgement template: Odoo renders such
        # templates without compiling them (and lets any sales user use them)
        return super().mail_allowed_qweb_expressions() + (
            "object.client_order_ref",
            "object.shop_request_title",
            "object.partner_id.lang",
            "object.company_id.name",
            "object.company_id.phone",
            "object.company_id.email_formatted",
            "object.company_id.shop_order_answer_days",
            "object.company_id.shop_order_hours",
        )

    def _shop_acknowledgement_failed(self, error):
        for order in self:
            order.sudo().shop_ack_state = "failed"
            order._shop_todo(
                self.env._("Acknowledgement not sent"),
                self.env._(
                    "The acknowledgement template could not be rendered: %s. "
                    "Fix the template and answer the customer.",
                    error,
                ),
            )
