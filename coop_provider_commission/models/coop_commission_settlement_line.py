# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class CoopCommissionSettlementLine(models.Model):
    _name = "coop.commission.settlement.line"
    _description = "Commission Settlement Line"
    _order = "settlement_id, client_id"

    settlement_id = fields.Many2one(
        "coop.commission.settlement", required=True, ondelete="cascade", index=True
    )
    # copies of the settlement's keys (set by the settlement run, which
    # creates the lines in batch) for grouping in pivot and graph views
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True)
    agreement_id = fields.Many2one("coop.commission.agreement", readonly=True)
    date_from = fields.Date(string="Period Start", readonly=True)
    client_id = fields.Many2one("res.partner")
    base_amount = fields.Monetary(string="Turnover", currency_field="currency_id")
    units = fields.Float(digits="Product Unit of Measure")
    amount = fields.Monetary(string="Commission", currency_field="currency_id")

    @api.model_create_multi
    def create(self, vals_list):
        settlements = self.env["coop.commission.settlement"].browse(
            {vals["settlement_id"] for vals in vals_list if vals.get("settlement_id")}
        )
        settlements._check_draft()
        return super().create(vals_list)

    def write(self, vals):
        """The lines of a validated or invoiced settlement are as settled."""
        self.settlement_id._check_draft()
        return super().write(vals)

    def unlink(self):
        self.settlement_id._check_draft()
        return super().unlink()
