# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon

from .common import FORMULA_COOPALIM, FORMULA_NID, MEMBER_PRICELIST_ITEM


@tagged("post_install", "-at_install")
class TestPosIntercoopTour(TestPointOfSaleHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id += cls.env.ref(
            "coop_intercoop.group_coop_intercoop_manager"
        )
        company = cls.main_pos_config.company_id
        cls._create_member_pricelist(company)
        cls._create_formulas(company)
        cls._create_visitor_cards(company)
        cls._create_agreement_member(company)

    @classmethod
    def _create_member_pricelist(cls, company):
        """Member conditions, offered by the shop's point of sale."""
        cls.member_pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Member conditions",
                "company_id": company.id,
                "currency_id": company.currency_id.id,
                "item_ids": [Command.create(dict(MEMBER_PRICELIST_ITEM))],
            }
        )
        cls.main_pos_config.write(
            {"available_pricelist_ids": [Command.link(cls.member_pricelist.id)]}
        )

    @classmethod
    def _create_formulas(cls, company):
        Formula = cls.env["coop.trial.formula"]
        vals = {"pricelist_id": cls.member_pricelist.id, "company_id": company.id}
        cls.formula_coopalim = Formula.create(
            {**FORMULA_COOPALIM, **vals, "sequence": 1}
        )
        cls.formula_nid = Formula.create({**FORMULA_NID, **vals, "sequence": 2})

    @classmethod
    def _create_visitor_cards(cls, company):
        """Nico's card, and a card whose 3 purchases are used up."""
        Card = cls.env["coop.trial.card"].with_company(company)
        cls.card = Card._register_visitor(
            cls.formula_coopalim.id, {"lastname": "Nico Visitor"}
        )
        used_up = Card._register_visitor(
            cls.formula_coopalim.id, {"lastname": "Used Up Visitor"}
        )
        cls.env["coop.trial.card.usage"].create(
            [{"card_id": used_up.id, "quantity": 1} for _i in range(3)]
        )

    @classmethod
    def _create_agreement_member(cls, company):
        """Mathilde, a member of the partner cooperative HendayaKoop."""
        partner_coop = cls.env["res.partner"].create(
            {"name": "HendayaKoop", "is_company": True}
        )
        cls.agreement = cls.env["coop.intercoop.agreement"].create(
            {
                "name": "Convention HendayaKoop",
                "partner_coop_id": partner_coop.id,
                "company_id": company.id,
                "date_start": fields.Date.today(),
                "pricelist_id": cls.member_pricelist.id,
                "state": "active",
            }
        )
        cls.agreement._register_member(
            {"name": "Mathilde Etcheverry", "proof": "trust"}
        )

    def test_tour_show_visitor_card(self):
        self.env["coop.trial.card.usage"].create({"card_id": self.card.id})
        self.start_pos_tour("coop_intercoop_show_visitor_card")

    def test_tour_register_visitor(self):
        self.start_pos_tour("coop_intercoop_register_visitor")
        card = self.env["coop.trial.card"].search(
            [("partner_id.name", "=", "Marie Dupont")]
        )
        self.assertEqual(card.formula_id, self.formula_nid)
        self.assertEqual(card.partner_id.email, "marie.dupont@example.org")
        self.assertEqual(card.remaining_days, 60)

    def test_tour_purchase_counted(self):
        self.env["coop.trial.card.usage"].create({"card_id": self.card.id})
        self.start_pos_tour("coop_intercoop_purchase_counted")
        self.assertEqual(self.card.purchases_used, 2)
        order = self.card.usage_ids.pos_order_id
        self.assertEqual(order.state, "paid")
        self.assertEqual(order.partner_id, self.card.partner_id)
        self.assertEqual(order.pricelist_id, self.member_pricelist)
