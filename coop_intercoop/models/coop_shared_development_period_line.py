# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CoopSharedDevelopmentPeriodLine(models.Model):
    """One participant's share of a period: the line of the statement."""

    _name = "coop.shared.development.period.line"
    _description = "Co-financed Development Period Share"
    _order = "period_id, id"

    period_id = fields.Many2one(
        "coop.shared.development.period", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True)
    currency_id = fields.Many2one(related="period_id.currency_id")
    date_to = fields.Date(related="period_id.date_to")
    participant_id = fields.Many2one(
        "coop.shared.development.participant", required=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(related="participant_id.partner_id")
    hours = fields.Float(digits=(16, 2), readonly=True)
    amount = fields.Monetary(readonly=True)
    invoice_id = fields.Many2one("account.move", readonly=True, copy=False)
