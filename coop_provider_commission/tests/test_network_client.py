# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestNetworkClient(CommissionCase):
    def test_portfolio(self):
        self.assertEqual(self.provider.coop_portfolio_count, 2)
        action = self.provider.action_coop_view_portfolio()
        self.assertEqual(
            self.env["coop.network.client"].search(action["domain"]),
            self.nc_a | self.nc_b,
        )

    def test_client_once_per_company(self):
        with self.assertRaisesRegex(ValidationError, "already a network client"):
            self.env["coop.network.client"].create(
                {"client_id": self.client_a.id, "provider_id": self.provider2.id}
            )
        with self.assertRaisesRegex(ValidationError, "its own network client"):
            self.env["coop.network.client"].create(
                {"client_id": self.provider.id, "provider_id": self.provider.id}
            )

    def test_departure_returns_and_releases(self):
        entrusted = self.env["coop.network.client"].create(
            {
                "client_id": self.env["res.partner"].create({"name": "Shop"}).id,
                "provider_id": self.provider.id,
                "origin": "cooperative",
                "replacement_provider_id": self.provider2.id,
            }
        )
        orphan = self.env["coop.network.client"].create(
            {
                "client_id": self.env["res.partner"].create({"name": "Park"}).id,
                "provider_id": self.provider.id,
                "origin": "cooperative",
            }
        )
        wizard = (
            self.env["coop.network.departure.wizard"]
            .with_user(self.manager)
            .create({"provider_id": self.provider.id, "date": date(2026, 6, 30)})
        )
        action = wizard.action_confirm()
        departure = self.env["coop.network.departure"].browse(action["res_id"])
        self.assertEqual(departure.date, date(2026, 6, 30))
        actions = {line.network_client_id: line.action for line in departure.line_ids}
        self.assertEqual(
            actions,
            {
                self.nc_a: "released",
                self.nc_b: "released",
                entrusted: "returned",
                orphan: "returned",
            },
        )
        # own clients leave with the provider, entrusted ones are handed over
        self.assertFalse(self.nc_a.active)
        self.assertEqual(self.nc_a.date_left, date(2026, 6, 30))
        self.assertEqual(entrusted.provider_id, self.provider2)
        self.assertEqual(orphan.provider_id, self.company.partner_id)
        self.assertEqual(self.provider.coop_portfolio_count, 0)
        with self.assertRaisesRegex(UserError, "no network client"):
            wizard.action_confirm()

    def test_user_cannot_run_departure(self):
        with self.assertRaises(AccessError):
            self.env["coop.network.departure.wizard"].with_user(self.user).create(
                {"provider_id": self.provider.id}
            )
