# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import security


class CoopNetworkDepartureWizard(models.TransientModel):
    _name = "coop.network.departure.wizard"
    _description = "Provider Departure Wizard"

    provider_id = fields.Many2one("res.partner", required=True)
    date = fields.Date(
        string="Departure Date", required=True, default=fields.Date.context_today
    )
    replacement_provider_id = fields.Many2one(
        "res.partner",
        string="Default Replacement",
        help="Provider who takes over the returned clients that have no "
        "designated replacement; empty: the cooperative itself.",
    )
    note = fields.Text(string="Notes")

    def action_confirm(self):
        """Return the clients the cooperative entrusted to the provider (to
        their replacement provider or the cooperative) and release the
        provider's own clients; record both on a dated departure."""
        self.ensure_one()
        security.check_manager(self.env)
        company = self.env.company
        clients = self.env["coop.network.client"].search(
            [("provider_id", "=", self.provider_id.id), ("company_id", "=", company.id)]
        )
        if not clients:
            raise UserError(
                self.env._(
                    "%(provider)s has no network client.",
                    provider=self.provider_id.display_name,
                )
            )
        lines = [self._hand_back(client, company) for client in clients]
        departure = self.env["coop.network.departure"].create(
            {
                "provider_id": self.provider_id.id,
                "date": self.date,
                "company_id": company.id,
                "note": self.note,
                "line_ids": [fields.Command.create(line) for line in lines],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "coop.network.departure",
            "res_id": departure.id,
            "view_mode": "form",
        }

    def _hand_back(self, client, company):
        """Return an entrusted client (to its replacement, the default
        replacement or the cooperative) or release the provider's own client;
        the values of the departure line that records it."""
        if client.origin != "cooperative":
            client.write({"active": False, "date_left": self.date})
            return {"network_client_id": client.id, "action": "released"}
        new_provider = (
            client.replacement_provider_id
            or self.replacement_provider_id
            or company.partner_id
        )
        client.write({"provider_id": new_provider.id, "replacement_provider_id": False})
        return {
            "network_client_id": client.id,
            "action": "returned",
            "new_provider_id": new_provider.id,
        }
