# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

LOCKED_FIELDS = {
    "membership_id",
    "category_id",
    "period_id",
    "kind",
    "amount",
    "move_id",
}


class CoopFeeLine(models.Model):
    """What a member owes for one period: invoiced, prepaid or free.

    Unique per member and period: this is what makes fee runs idempotent.
    """

    _name = "coop.fee.line"
    _description = "Member Fee of a Period"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "period_start desc, id desc"

    membership_id = fields.Many2one(
        "coop.membership", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        related="membership_id.partner_id", store=True, string="Member"
    )
    category_id = fields.Many2one("coop.member.category", ondelete="set null")
    period_id = fields.Many2one(
        "coop.fee.period", required=True, index=True, ondelete="restrict"
    )
    period_start = fields.Date(related="period_id.date_start", store=True)
    company_id = fields.Many2one(related="period_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [("invoice", "Invoiced"), ("prepaid", "Prepaid"), ("free", "Free")],
        required=True,
    )
    amount = fields.Monetary(currency_field="currency_id")
    move_id = fields.Many2one("account.move", string="Invoice", index=True)
    is_paid = fields.Boolean(compute="_compute_is_paid", store=True, string="Paid")

    _sql_constraints = (
        (
            "membership_period_uniq",
            "unique(membership_id, period_id)",
            "A member's fee of a period is handled once.",
        ),
    )

    @api.depends("kind", "move_id.payment_state", "move_id.state")
    def _compute_is_paid(self):
        for line in self:
            line.is_paid = line.kind != "invoice" or (
                line.move_id.state == "posted"
                and line.move_id.payment_state in ("paid", "in_payment", "reversed")
            )

    def _check_unlocked(self):
        if any(line.move_id for line in self):
            raise UserError(
                self.env._(
                    "This fee is invoiced: it cannot be changed (cancel or "
                    "reverse its invoice instead)."
                )
            )

    def write(self, vals):
        if LOCKED_FIELDS & set(vals):
            self._check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        self._check_unlocked()

    def _get_unpaid_on(self, day):
        """Lines of ``self`` not paid on ``day``: an invoiced fee counts as
        paid when payments (or credit notes) reconciled with its invoice and
        dated on or before ``day`` cover it."""
        unpaid = self.browse()
        for line in self.filtered(lambda fee: fee.kind == "invoice"):
            move = line.move_id
            if move.state != "posted":
                unpaid |= line
                continue
            receivable = move.line_ids.filtered(
                lambda ml: ml.account_id.account_type == "asset_receivable"
            )
            due = sum(receivable.mapped("balance"))
            paid = sum(
                partial.amount
                for partial in receivable.matched_credit_ids
                if partial.credit_move_id.date <= day
            )
            if move.company_currency_id.compare_amounts(paid, due) < 0:
                unpaid |= line
        return unpaid
