# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CoopTrialCardUsage(models.Model):
    _name = "coop.trial.card.usage"
    _description = "Purchase Counted on a Trial Card"
    _order = "date desc, id desc"

    card_id = fields.Many2one(
        "coop.trial.card", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="card_id.company_id", store=True)
    partner_id = fields.Many2one(related="card_id.partner_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    quantity = fields.Integer(
        string="Purchases",
        required=True,
        default=1,
        help="1 for a purchase, -1 for a refund.",
    )
    pos_order_id = fields.Many2one(
        "pos.order",
        string="Point of Sale Order",
        ondelete="set null",
        index="btree_not_null",
    )
    sale_order_id = fields.Many2one(
        "sale.order", string="Sales Order", ondelete="set null", index="btree_not_null"
    )

    _sql_constraints = (
        (
            "pos_order_once",
            "UNIQUE(card_id, pos_order_id)",
            "A POS order counts only once on a card.",
        ),
        (
            "sale_order_once",
            "UNIQUE(card_id, sale_order_id)",
            "A sale order counts only once on a card.",
        ),
    )
