# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import logging

from odoo import Command, api, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    """The acknowledgement emailed for each new order request."""

    _inherit = "sale.order"

    def _shop_send_acknowledgement(self):
        """Email the acknowledgement to the customer (in their language),
        never for automatic emails: the template's queued email and the
        customer's notification (its delivery status), no follower notified."""
        # cached xmlid lookup (env.ref would check the record exists each time)
        template = self.env["mail.template"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id(
                "coop_shop_orders.mail_template_shop_order_ack",
                raise_if_not_found=False,
            )
        )
        if self.env.context.get("shop_order_auto_submitted") or not template:
            self.sudo().shop_ack_state = "skipped"
            return
        note = self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note")
        for order in self:
            customer = order.partner_id
            try:
                # rendering comes first, nothing is written when it fails
                mail_id = template.send_mail(
                    order.id,
                    email_layout_xmlid=(
                        "mail.mail_notification_layout_with_responsible_signature"
                    ),
                    email_values={
                        # the shop writes: no author lookup by email address
                        "author_id": order.company_id.partner_id.id,
                        "partner_ids": [Command.link(customer.id)],
                        "subtype_id": note,
                        "is_notification": True,
                    },
                )
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
            mail = self.env["mail.mail"].sudo().browse(mail_id)
            self.env["mail.notification"].sudo().create(
                {
                    "author_id": order.company_id.partner_id.id,
                    "is_read": True,
                    "mail_mail_id": mail.id,
                    "mail_message_id": mail.mail_message_id.id,
                    "notification_status": "ready",
                    "notification_type": "email",
                    "res_partner_id": customer.id,
                }
            )
            order.sudo().shop_ack_state = "sent"

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
