# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_portfolio_ids = fields.One2many(
        "coop.network.client", "provider_id", string="Network Portfolio"
    )
    coop_portfolio_count = fields.Integer(
        compute="_compute_coop_portfolio_count", string="Network Clients"
    )

    def _compute_coop_portfolio_count(self):
        groups = self.env["coop.network.client"]._read_group(
            [("provider_id", "in", self.ids)], ["provider_id"], ["__count"]
        )
        counts = {provider.id: count for provider, count in groups}
        for partner in self:
            partner.coop_portfolio_count = counts.get(partner.id, 0)

    def action_coop_view_portfolio(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_provider_commission.coop_network_client_action"
        )
        action["domain"] = [("provider_id", "=", self.id)]
        action["context"] = {"default_provider_id": self.id}
        return action
