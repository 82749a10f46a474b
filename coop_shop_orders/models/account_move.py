# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._shop_send_request_invoices()
        return posted

    def _shop_send_request_invoices(self):
        """Email the invoice of an order request as soon as it is posted
        (when the company wants it) and record it on the quotation."""
        template = self.env.ref(
            "account.email_template_edi_invoice", raise_if_not_found=False
        )
        for move in self.filtered(
            lambda m: m.move_type == "out_invoice" and m.state == "posted"
        ):
            orders = move.invoice_line_ids.sale_line_ids.order_id.filtered(
                "shop_is_email_request"
            )
            if not orders:
                continue
            orders.sudo().shop_invoiced = True
            if not move.company_id.shop_order_invoice_email or not template:
                continue
            move.with_context(force_send=True).message_post_with_source(
                template,
                email_layout_xmlid="mail.mail_notification_layout_with_responsible_signature",
                subtype_xmlid="mail.mt_comment",
            )
            move.is_move_sent = True
            for order in orders:
                order.message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._(
                        "Invoice %(invoice)s posted and emailed to %(email)s.",
                        invoice=move._get_html_link(),
                        email=move.partner_id.email or "?",
                    ),
                    subtype_xmlid="mail.mt_note",
                )
