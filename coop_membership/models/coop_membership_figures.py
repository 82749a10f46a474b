# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopMembership(models.Model):
    """Stored figures of a membership, the measures of its pivot and graph."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    member_count = fields.Integer(
        string="Members",
        compute="_compute_member_count",
        store=True,
        help="1 per membership: an integer head count for graphs and pivots.",
    )
    fee_invoiced_amount = fields.Monetary(
        string="Fees Invoiced",
        compute="_compute_fee_figures",
        store=True,
        currency_field="currency_id",
        help="Fees on posted invoices.",
    )
    fee_paid_amount = fields.Monetary(
        string="Fees Paid",
        compute="_compute_fee_figures",
        store=True,
        currency_field="currency_id",
        help="Fees on posted invoices that are paid.",
    )

    @api.depends("partner_id")
    def _compute_member_count(self):
        for member in self:
            member.member_count = 1

    @api.depends(
        "fee_line_ids.amount",
        "fee_line_ids.kind",
        "fee_line_ids.is_paid",
        "fee_line_ids.move_id.state",
    )
    def _compute_fee_figures(self):
        for member in self:
            invoiced = member.fee_line_ids.filtered(
                lambda fee: fee.kind == "invoice" and fee.move_id.state == "posted"
            )
            member.fee_invoiced_amount = sum(invoiced.mapped("amount"))
            member.fee_paid_amount = sum(invoiced.filtered("is_paid").mapped("amount"))
