# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.mail_request import (
    REFERENCE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    normalize_reference,
)
from ..tools.request_guard import is_frozen, write_refusal
from ..tools.stage import STAGES, is_invoiced, is_ordered, request_stage


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ("sale.order", "coop.shop.order.mail.mixin")

    shop_is_email_request = fields.Boolean(
        string="Requested by email", readonly=True, copy=False, index=True
    )
    shop_request_title = fields.Char(
        string="Request title", copy=False, size=TITLE_MAX_LENGTH
    )
    shop_request_description = fields.Html(
        string="Original request", readonly=True, copy=False, sanitize=True
    )
    shop_request_email_from = fields.Char(string="Requested by", readonly=True)
    shop_request_date = fields.Datetime(
        string="Request date", readonly=True, copy=False
    )
    shop_request_deadline = fields.Date(
        string="Answer due",
        copy=False,
        help="The shop answers requests within the delay set in the settings.",
    )
    shop_request_delay = fields.Char(string="Expected delay", copy=False, size=120)
    shop_request_quality = fields.Char(string="Expected quality", copy=False, size=120)
    shop_request_quality_kind = fields.Selection(
        [("used", "Used / refurbished"), ("new", "New"), ("any", "Used or new")],
        string="Quality",
        copy=False,
    )
    shop_request_ref_key = fields.Char(
        string="Request Reference Key",
        compute="_compute_shop_request_ref_key",
        store=True,
        index=True,
        size=REFERENCE_MAX_LENGTH,
    )
    shop_ack_state = fields.Selection(
        [
            ("pending", "To send"),
            ("sent", "Sent"),
            ("skipped", "Not sent (automatic email)"),
            ("failed", "Not sent (template error)"),
        ],
        string="Acknowledgement",
        readonly=True,
        copy=False,
    )
    shop_ordered = fields.Boolean(
        string="Ordered from suppliers",
        compute="_compute_shop_ordered",
        store=True,
        help="A purchase buying this request's goods is confirmed.",
    )
    shop_arrived = fields.Boolean(string="Goods arrived", copy=False, readonly=True)
    shop_invoiced = fields.Boolean(
        string="Invoice sent",
        compute="_compute_shop_invoiced",
        store=True,
        help="Posted customer invoices, net of posted credit notes, invoice "
        "some of this request.",
    )
    shop_stage = fields.Selection(
        STAGES,
        string="Request stage",
        compute="_compute_shop_stage",
        store=True,
        group_expand="_group_expand_shop_stage",
    )
    shop_request_age = fields.Integer(
        string="Age (days)", compute="_compute_shop_request_age"
    )
    shop_arrival_ids = fields.One2many(
        "coop.shop.order.arrival", "order_id", string="Arrival Notices"
    )

    @api.model
    def _group_expand_shop_stage(self, stages, domain):
        return [key for key, _label in STAGES]

    @api.depends("client_order_ref")
    def _compute_shop_request_ref_key(self):
        for order in self:
            order.shop_request_ref_key = (
                normalize_reference(order.client_order_ref) or False
            )

    @api.depends(
        "order_line.move_ids.created_purchase_line_ids.state",
        "order_line.move_ids.move_orig_ids.created_purchase_line_ids.state",
        "order_line.move_ids.move_orig_ids.purchase_line_id.state",
        "order_line.move_ids.move_orig_ids.move_orig_ids.purchase_line_id.state",
    )
    def _compute_shop_ordered(self):
        """From the purchases' states, as ``sale`` computes its
        ``invoice_status`` from the invoices."""
        for order in self:
            order.shop_ordered = is_ordered(
                order._shop_purchase_lines().mapped("state")
            )

    def _shop_purchase_lines(self):
        """Purchase lines buying the goods of these orders (make-to-order):
        up the chain of moves from the delivery to the receipt."""
        lines = self.env["purchase.order.line"]
        moves = self.order_line.move_ids
        seen = moves.browse()
        for _depth in range(10):
            if not moves:
                break
            lines |= moves.created_purchase_line_ids | moves.purchase_line_id
            seen |= moves
            moves = moves.move_orig_ids - seen
        return lines

    @api.depends(
        "order_line.invoice_lines.move_id.state",
        "order_line.invoice_lines.quantity",
    )
    def _compute_shop_invoiced(self):
        """From the invoices' states: posted invoices net of posted credit
        notes (``qty_invoiced_posted``)."""
        for order in self:
            order.shop_invoiced = is_invoiced(
                (line.qty_invoiced_posted, line.product_uom.rounding)
                for line in order.order_line
                if not line.display_type
            )

    @api.depends("state", "shop_ordered", "shop_arrived", "shop_invoiced")
    def _compute_shop_stage(self):
        for order in self:
            order.shop_stage = request_stage(
                order.state, order.shop_ordered, order.shop_arrived, order.shop_invoiced
            )

    @api.depends("shop_request_date", "date_order")
    def _compute_shop_request_age(self):
        now = fields.Datetime.now()
        for order in self:
            start = order.shop_request_date or order.date_order or now
            order.shop_request_age = (now - start).days

    def _shop_mail_company(self):
        return self.company_id or self.env.company

    def write(self, vals):
        self._shop_check_write(vals)
        return super().write(vals)

    def _shop_check_write(self, vals):
        frozen = self.filtered(lambda o: is_frozen(o.state, o.shop_invoiced))
        refusal = write_refusal(vals, self.env.su, bool(frozen))
        if refusal == "progress":
            raise UserError(
                self.env._(
                    "The original request, its acknowledgement and its progress "
                    "(ordered, arrived, invoiced) are set by the order email, the "
                    "purchase, the receipt and the invoice: they cannot be "
                    "changed by hand."
                )
            )
        if refusal == "frozen":
            raise UserError(
                self.env._(
                    "The request of a confirmed quotation cannot be changed: %s.",
                    ", ".join(frozen.mapped("name")),
                )
            )

    def _shop_todo(self, summary, note=None):
        """A to-do for the shop's responsible (else the salesperson)."""
        for order in self:
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=note,
                user_id=(
                    order.company_id.shop_order_user_id
                    or order.user_id
                    or self.env.user
                ).id,
            )

    def _shop_refresh_arrived(self):
        for order in self.filtered("shop_is_email_request"):
            moves = order.order_line.move_ids.filtered(
                lambda m: (
                    m.state != "cancel"
                    and m.picking_code == "outgoing"
                    and m.product_id.type == "consu"
                )
            )
            order.sudo().shop_arrived = bool(moves) and all(
                m.state in ("assigned", "done") for m in moves
            )

    def action_shop_open_request_log(self):
        self.env["coop.shop.order.mail.log"].check_access("read")
        return self.env["ir.actions.act_window"]._for_xml_id(
            "coop_shop_orders.coop_shop_order_mail_log_action"
        )
