# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    coop_provider_id = fields.Many2one(
        "res.partner",
        string="Mandated Provider",
        index="btree_not_null",
        help="Provider member who did the work the cooperative invoices: "
        "commission agreements on invoiced turnover attribute the invoice "
        "to this provider (otherwise to the client's network provider).",
    )
    coop_settlement_ids = fields.One2many(
        "coop.commission.settlement", "move_id", string="Commission Settlements"
    )
