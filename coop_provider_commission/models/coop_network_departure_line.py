# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CoopNetworkDepartureLine(models.Model):
    _name = "coop.network.departure.line"
    _description = "Client Returned or Released on a Provider's Departure"

    departure_id = fields.Many2one(
        "coop.network.departure", required=True, ondelete="cascade"
    )
    network_client_id = fields.Many2one("coop.network.client", required=True)
    client_id = fields.Many2one(related="network_client_id.client_id", store=True)
    action = fields.Selection(
        [
            ("returned", "Returned to the cooperative"),
            ("released", "Released to the provider"),
        ],
        required=True,
        string="Outcome",
    )
    new_provider_id = fields.Many2one("res.partner")
