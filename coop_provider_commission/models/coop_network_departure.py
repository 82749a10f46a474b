# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CoopNetworkDeparture(models.Model):
    _name = "coop.network.departure"
    _description = "Provider Departure from the Network"
    _inherit = ("mail.thread",)
    _order = "date desc, id desc"
    _rec_name = "provider_id"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    provider_id = fields.Many2one("res.partner", required=True)
    date = fields.Date(
        required=True, default=fields.Date.context_today, string="Departure Date"
    )
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user
    )
    line_ids = fields.One2many(
        "coop.network.departure.line", "departure_id", string="Clients"
    )
    note = fields.Text(string="Notes")
