# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

COOP_FIELDS = {"coop_membership_id", "coop_fee_period_id", "coop_move_kind"}


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
