# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

LOCKED_FIELDS = {
    "membership_id",
    "kind",
    "date",
    "quantity",
    "unit_value",
    "move_id",
}


class CoopShareLine(models.Model):
    """One movement of the share register: a subscription or a reimbursement."""

    _name = "coop.share.line"
    _description = "Share Register Line"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "date desc, id desc"
    _check_company_auto = True

    membership_id = fields.Many2one(
        "coop.membership", required=True, index=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(
        related="membership_id.partner_id", store=True, string="Member"
    )
    company_id = fields.Many2one(
        related="membership_id.company_id", store=True, index=True
    )
    category_id = fields.Many2one(
        related="membership_id.category_id", store=True, string="Category"
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [("subscription", "Subscription"), ("reimbursement", "Reimbursement")],
        required=True,
        default="subscription",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    quantity = fields.Integer(required=True)
    unit_value = fields.Monetary(currency_field="currency_id", required=True)
    amount = fields.Monetary(
        compute="_compute_amount", store=True, currency_field="currency_id"
    )
    register_quantity = fields.Integer(
        compute="_compute_register",
        store=True,
        help="Signed number of shares booked in the share capital account.",
    )
    register_amount = fields.Monetary(
        compute="_compute_register",
        store=True,
        currency_field="currency_id",
        help="Signed amount booked in the share capital account.",
    )
    move_id = fields.Many2one("account.move", string="Accounting Document", index=True)
    payment_state = fields.Selection(related="move_id.payment_state")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("invoiced", "Invoiced"),
            ("paid", "Paid"),
            ("reimbursed", "Reimbursed"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_state",
        store=True,
    )

    @api.constrains("quantity", "unit_value")
    def _check_quantity(self):
        for line in self:
            if line.quantity <= 0 or line.unit_value < 0:
                raise ValidationError(
                    self.env._("A share movement needs a positive number of shares.")
                )

    def _check_unlocked(self):
        # only the state of the linked document decides (managers may not
        # read accounting documents)
        if any(line.sudo().move_id.state == "posted" for line in self):
            raise UserError(
                self.env._(
                    "The accounting document of this share movement is posted: "
                    "the movement cannot be changed (cancel or reverse the "
                    "document instead)."
                )
            )

    def write(self, vals):
        if LOCKED_FIELDS & set(vals):
            self._check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_posted(self):
        self._check_unlocked()

    @api.depends("quantity", "unit_value")
    def _compute_amount(self):
        for line in self:
            line.amount = line.quantity * line.unit_value

    @api.depends("move_id.state", "move_id.payment_state", "kind")
    def _compute_state(self):
        for line in self:
            move = line.move_id
            if not move or move.state == "draft":
                line.state = "draft"
            elif move.state == "cancel" or move.payment_state == "reversed":
                line.state = "cancelled"
            elif line.kind == "reimbursement":
                line.state = "reimbursed"
            elif move.payment_state in ("paid", "in_payment"):
                line.state = "paid"
            else:
                line.state = "invoiced"

    @api.depends("amount", "quantity", "state", "kind")
    def _compute_register(self):
        for line in self:
            booked = line.state in ("invoiced", "paid", "reimbursed")
            sign = -1 if line.kind == "reimbursement" else 1
            line.register_quantity = sign * line.quantity if booked else 0
            line.register_amount = sign * line.amount if booked else 0.0
