# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The journey "declare and settle commissions", in the browser."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCommissionTour(HttpCase):
    def _submitted_declaration(self, month):
        """Last month's declaration of a provider, submitted, and the 20 %
        agreement on it."""
        Partner = self.env["res.partner"]
        provider = Partner.create({"name": "Tour Provider Zoé"})
        client = Partner.create({"name": "Tour Client"})
        self.env["coop.network.client"].create(
            {
                "client_id": client.id,
                "provider_id": provider.id,
                "origin": "provider",
                "date_entered": month - relativedelta(years=1),
            }
        )
        declaration = self.env["coop.commission.declaration"].create(
            {
                "provider_id": provider.id,
                "date_from": month,
                "line_ids": [
                    Command.create(
                        {
                            "client_id": client.id,
                            "invoice_ref": "TOUR-1",
                            "date": month + relativedelta(days=4),
                            "amount": 1500.0,
                        }
                    )
                ],
            }
        )
        declaration.action_submit()
        self.env["coop.commission.agreement"].create(
            {
                "name": "Tour network 20 %",
                "direction": "to_company",
                "basis": "declared",
                "rate": 20.0,
                "period": "month",
                "partner_ids": [Command.set(provider.ids)],
                "date_start": month - relativedelta(years=1),
            }
        )
        return declaration

    def test_declare_and_settle(self):
        month = fields.Date.today().replace(day=1) - relativedelta(months=1)
        declaration = self._submitted_declaration(month)
        manager = new_test_user(
            self.env,
            login="tour_commission_manager",
            groups="coop_provider_commission.group_commission_manager",
        )
        manager.tour_enabled = False
        self.start_tour(
            "/odoo/action-coop_provider_commission.coop_commission_declaration_action",
            "coop_commission_declare_and_settle",
            login="tour_commission_manager",
        )
        self.assertEqual(declaration.state, "validated")
        settlement = self.env["coop.commission.settlement"].search(
            [("partner_id", "=", declaration.provider_id.id)]
        )
        self.assertEqual(settlement.state, "validated")
        self.assertEqual(settlement.amount_total, 300.0)
