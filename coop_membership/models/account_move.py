# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

COOP_FIELDS = {
    "coop_membership_id",
    "coop_fee_period_id",
    "coop_move_kind",
    "coop_prepaid_periods",
}


class AccountMove(models.Model):
    _inherit = "account.move"

    coop_membership_id = fields.Many2one(
        "coop.membership",
        string="Membership",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    coop_fee_period_id = fields.Many2one(
        "coop.fee.period",
        string="Fee Period",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    coop_move_kind = fields.Selection(
        [
            ("share", "Share subscription"),
            ("reimbursement", "Share reimbursement"),
            ("fee", "Membership fee"),
            ("prepaid", "Prepaid fees"),
        ],
        string="Cooperative Document",
        copy=False,
        readonly=True,
    )
    coop_prepaid_periods = fields.Integer(
        string="Prepaid Periods",
        copy=False,
        readonly=True,
        help="Fee periods this prepayment invoice pays in advance: added to "
        "the member's counter once the invoice is paid.",
    )
    coop_prepaid_counted = fields.Boolean(
        string="Prepaid Periods Counted",
        copy=False,
        readonly=True,
    )
    # the inverses of the lines' move: what the paid state of a share or fee
    # line depends on is then found in the cache (empty for a new move), not
    # by a search on each line table for each invoice Odoo creates or posts
    coop_share_line_ids = fields.One2many(
        "coop.share.line",
        "move_id",
        string="Share Lines",
        readonly=True,
        groups="coop_membership.group_coop_user",
    )
    coop_fee_line_ids = fields.One2many(
        "coop.fee.line",
        "move_id",
        string="Fee Lines",
        readonly=True,
        groups="coop_membership.group_coop_user",
    )

    def write(self, vals):
        if COOP_FIELDS & set(vals) and any(
            move.state == "posted" and move.coop_move_kind for move in self
        ):
            raise UserError(
                self.env._(
                    "A posted cooperative document stays linked to its member, "
                    "fee period and kind."
                )
            )
        return super().write(vals)

    def _invoice_paid_hook(self):
        res = super()._invoice_paid_hook()
        self._coop_count_prepaid_periods()
        return res

    def _coop_count_prepaid_periods(self):
        """A paid prepayment adds its periods to the member's counter, once
        (003 §2.1: the counter is of periods paid in advance)."""
        prepayments = self.filtered(
            lambda m: (
                m.coop_move_kind == "prepaid"
                and m.coop_prepaid_periods
                and not m.coop_prepaid_counted
            )
        ).sudo()
        for move in prepayments:
            member = move.coop_membership_id
            member.prepaid_periods += move.coop_prepaid_periods
            member.message_post(
                body=self.env._(
                    "%(count)s prepaid period(s) paid (%(invoice)s): %(total)s "
                    "period(s) paid in advance.",
                    count=move.coop_prepaid_periods,
                    invoice=move.name,
                    total=member.prepaid_periods,
                )
            )
        prepayments.write({"coop_prepaid_counted": True})
