# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class CoopShopOrderArrival(models.Model):
    """One arrival notice per receipt and quotation: the lines received by this
    receipt for this member's order. Guarantees a single email per receipt."""

    _name = "coop.shop.order.arrival"
    _description = "Order arrival notice"
    _order = "id desc"

    order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        required=True,
        ondelete="cascade",
        index=True,
    )
    picking_id = fields.Many2one(
        "stock.picking", string="Receipt", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    partner_id = fields.Many2one(related="order_id.partner_id")
    move_ids = fields.Many2many("stock.move", string="Arrived moves")
    line_ids = fields.Many2many("sale.order.line", string="Arrived lines")
    line_summary = fields.Text(string="Products", compute="_compute_line_summary")
    is_complete = fields.Boolean(
        string="Complete",
        help="All the ordered goods are now in the shop.",
        readonly=True,
    )

    _sql_constraints = (
        (
            "picking_order_unique",
            "unique(picking_id, order_id)",
            "One arrival notice per receipt and order.",
        ),
    )

    def _compute_line_summary(self):
        for arrival in self:
            arrival.line_summary = "\n".join(
                "%s × %s" % (qty, name) for name, qty, _uom in arrival._arrived_items()
            )

    def _arrived_items(self):
        """(description, quantity, unit) for each arrived sale line."""
        self.ensure_one()
        items = []
        for line in self.line_ids:
            moves = self.move_ids.filtered(
                lambda m, line=line: line in m._shop_sale_lines()
            )
            qty = sum(
                m.product_uom._compute_quantity(m.quantity, line.product_uom)
                for m in moves
            )
            items.append((line.name.split("\n")[0], qty, line.product_uom.name))
        return items

    def _send(self):
        template = self.env.ref(
            "coop_shop_orders.mail_template_shop_order_arrived",
            raise_if_not_found=False,
        )
        if not template:
            return
        for arrival in self:
            order = arrival.order_id
            try:
                rendered = template._generate_template(
                    arrival.ids, ("subject", "body_html")
                )[arrival.id]
            except UserError as error:
                # a template broken by an edit must not block the receipt
                _logger.warning(
                    "Arrival email not rendered (template %s): %s", template.id, error
                )
                order._shop_todo(
                    self.env._("Arrival email not sent"),
                    self.env._(
                        "The arrival email could not be rendered: %s. Fix the "
                        "template and tell the customer.",
                        error,
                    ),
                )
                continue
            order.with_context(mail_notify_force_send=True).message_post(
                body=rendered["body_html"],
                subject=rendered["subject"],
                partner_ids=order.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
            )
