# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import models
from odoo.tools import format_amount


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        posted = super()._post(soft=soft)
        posted._shop_send_request_invoices()
        return posted

    def _shop_send_request_invoices(self):
        """Send the invoice of an order request as soon as it is posted (when
        the company wants it), through Odoo's own invoice sending: queued for
        the "Send invoices" job, which attaches the PDF and emails it with the
        invoice template, as *Send* does in the back-office."""
        to_send = self.browse()
        for move in self.filtered(
            lambda m: m.move_type == "out_invoice" and m.state == "posted"
        ):
            orders = move.invoice_line_ids.sale_line_ids.order_id.filtered(
                "shop_is_email_request"
            )
            # "invoiced" is computed from the invoices' states
            if not orders:
                continue
            if not move.company_id.shop_order_invoice_email or move.sending_data:
                continue
            to_send |= move
            for order in orders:
                env = order._shop_staff_env()
                order.message_post(
                    body=Markup("<p>%s</p>")
                    % env._(
                        "Invoice %(invoice)s of %(amount)s posted; it is being "
                        "emailed to %(email)s with its PDF.",
                        invoice=move._get_html_link(),
                        amount=format_amount(env, move.amount_total, move.currency_id),
                        email=move.partner_id.email or "?",
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        if to_send:
            to_send.sudo().sending_data = {
                "author_user_id": self.env.user.id,
                "author_partner_id": self.env.user.partner_id.id,
            }
            self.env.ref("account.ir_cron_account_move_send")._trigger()
