# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""komunigi (002): co-financed developments, the community fee, the core
group's rotation, with the seed's numbers."""

from datetime import date

from odoo import Command

from .common import IntercoopCase

# the documents give no rate: 80 an hour is the tests' (and the demo's)
RATE = 80.0
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


class KomunigiCase(IntercoopCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.bees = Partner.create({"name": "BEES coop", "is_company": True})
        cls.spp = Partner.create({"name": "SPP", "is_company": True})
        cls.latecomer = Partner.create({"name": "La Louve", "is_company": True})

    @classmethod
    def _development(cls, shares=None, mode="percent", **vals):
        """An open development shared by ``shares`` (``{partner: (weight,
        join date)}``; BEES 60 % and SPP 40 % from the start by default)."""
        field = "share_percent" if mode == "percent" else "hours_pledged"
        start = date(2026, 1, 1)
        shares = shares or {cls.bees: (60, start), cls.spp: (40, start)}
        development = cls.env["coop.shared.development"].create(
            {
                "name": "Customer wallet",
                "share_mode": mode,
                "hourly_rate": RATE,
                "budget_hours": 40,
                "participant_ids": [
                    Command.create(
                        {"partner_id": p.id, field: weight, "date_join": joined}
                    )
                    for p, (weight, joined) in shares.items()
                ],
                **vals,
            }
        )
        development.action_open()
        return development

    @classmethod
    def _hours(cls, development, day, hours, name="Wallet at the till"):
        return cls.env["coop.shared.development.hours"].create(
            {
                "development_id": development.id,
                "date": day,
                "hours": hours,
                "name": name,
                "worker": "Coop IT Easy",
            }
        )

    @classmethod
    def _period(cls, development, dates=NOVEMBER):
        return cls.env["coop.shared.development.period"].create(
            {
                "development_id": development.id,
                "date_from": dates[0],
                "date_to": dates[1],
            }
        )

    def _invoiced(self, period):
        """``{partner name: untaxed amount}`` of the period's invoices."""
        return {
            move.partner_id.name: move.amount_untaxed for move in period.invoice_ids
        }
