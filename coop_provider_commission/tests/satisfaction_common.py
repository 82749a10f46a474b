# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cooperation.net's quality loop (001) in the tests' data: a section (a
company of its own, apart from the common data and the demo data), Kofi and
Ama its mediators, each with hosting clients who signed a contract; the head
office receives the semester reports. The tests then work in the section."""

from datetime import date

from odoo import Command

SIGNED = date(2026, 3, 10)


class SatisfactionMixin:
    """Builds the data on top of :class:`CommissionCase`'s."""

    @classmethod
    def _setup_satisfaction(cls):
        Partner = cls.env["res.partner"]
        cls.head_office = Partner.create(
            {"name": "Cooperation.net head office", "email": "siege@example.org"}
        )
        cls.section = cls.env["res.company"].create(
            {
                "name": "Section Lomé",
                "email": "lome@cooperation.example",
                "coop_rating_interval_months": 6,
                "coop_head_office_id": cls.head_office.id,
            }
        )
        for user in (cls.user, cls.manager):
            user.write(
                {
                    "company_ids": [Command.link(cls.section.id)],
                    "company_id": cls.section.id,
                }
            )
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.section.ids)
        )
        cls.kofi = Partner.create({"name": "Mediator Kofi", "email": "kofi@x.tg"})
        cls.ama = Partner.create({"name": "Mediator Ama", "email": "ama@x.tg"})
        Network = cls.env["coop.network.client"]
        Partner = cls.env["res.partner"]
        cls.hosting = {}
        for mediator, names in (
            (cls.kofi, ("ONG Novation", "Radio Lomé")),
            (cls.ama, ("Artisans de Bè",)),
        ):
            for name in names:
                client = Partner.create(
                    {"name": name, "email": f"{name.split()[0].lower()}@x.tg"}
                )
                cls.hosting[name] = Network.create(
                    {
                        "client_id": client.id,
                        "provider_id": mediator.id,
                        "date_entered": date(2026, 1, 5),
                        "contract_signed_on": SIGNED,
                    }
                )

    @classmethod
    def _rate(cls, network_client, score, day, feedback=""):
        """The client rates through Odoo's rating token, on ``day``."""
        token = network_client._rating_get_access_token()
        rating = network_client.rating_apply(score, token=token, feedback=feedback)
        # a rating counts on the day it was asked (Odoo's "Submitted on")
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE rating_rating SET create_date = %s WHERE id = %s",
            [day, rating.id],
        )
        rating.invalidate_recordset(["create_date"])
        return rating

    @classmethod
    def _mediator_agreement(cls, **vals):
        return cls._agreement(
            **{
                "name": "Amount due per hosting contract",
                "basis": "units",
                "amount": 20.0,
                "target_units": 1,
                "partner_ids": [Command.set((cls.kofi | cls.ama).ids)],
                **vals,
            }
        )
