# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import models
from odoo.tools import format_amount


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    def _shop_request_orders(self):
        """Order requests whose lines this purchase buys (make-to-order)."""
        moves = self.order_line.move_ids | self.order_line.move_dest_ids
        return moves._shop_sale_lines().order_id.filtered("shop_is_email_request")

    def button_approve(self, force=False):
        # called by button_confirm, or later by the manager when the purchase
        # needs a second approval: the goods are ordered once approved
        res = super().button_approve(force=force)
        for purchase in self.filtered(lambda p: p.state in ("purchase", "done")):
            # "ordered" is computed from the purchases' states
            for order in purchase._shop_request_orders():
                env = order._shop_staff_env()
                order.message_post(
                    body=Markup("<p>%s</p>")
                    % env._(
                        "Ordered from %(vendor)s: %(purchase)s (%(amount)s)",
                        vendor=purchase.partner_id.display_name,
                        purchase=purchase._get_html_link(),
                        amount=format_amount(
                            env, purchase.amount_total, purchase.currency_id
                        ),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return res
