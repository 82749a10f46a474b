# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError

from .common import IntercoopCase


class TestAgreement(IntercoopCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner_coop = cls.env["res.partner"].create(
            {"name": "HendayaKoop", "is_company": True}
        )
        cls._create_refurbished_laptop()
        cls._create_voucher_program()
        cls._create_agreements()

    @classmethod
    def _create_refurbished_laptop(cls):
        """A laptop in itopie's refurbished hardware category, untaxed."""
        cls.categ_itopie = cls.env["product.category"].create(
            {"name": "Refurbished hardware and workshop"}
        )
        cls.categ_refurbished = cls.env["product.category"].create(
            {"name": "Refurbished hardware", "parent_id": cls.categ_itopie.id}
        )
        cls.laptop = cls.env["product.product"].create(
            {
                "name": "Refurbished laptop",
                "list_price": 100.0,
                "type": "consu",
                "categ_id": cls.categ_refurbished.id,
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _create_voucher_program(cls):
        """A welcome voucher: 10 % off itopie's category, with a code."""
        cls.voucher_program = cls.env["loyalty.program"].create(
            {
                "name": "Welcome voucher 10 %",
                "program_type": "coupons",
                "applies_on": "current",
                "trigger": "with_code",
                "rule_ids": [Command.clear()],
                "reward_ids": [
                    Command.clear(),
                    Command.create(
                        {
                            "reward_type": "discount",
                            "required_points": 1,
                            "discount": 10,
                            "discount_mode": "percent",
                            "discount_applicability": "specific",
                            "discount_product_category_id": cls.categ_itopie.id,
                        }
                    ),
                ],
            }
        )

    @classmethod
    def _create_agreements(cls):
        """The signed HendayaKoop agreement, and one that ended yesterday."""
        today = fields.Date.today()
        cls.agreement = cls.env["coop.intercoop.agreement"].create(
            {
                "name": "Convention HendayaKoop",
                "partner_coop_id": cls.partner_coop.id,
                "date_start": today - timedelta(days=30),
                "pricelist_id": cls.member_pricelist.id,
                "voucher_program_id": cls.voucher_program.id,
                "fee_discount_percent": 10.0,
                "pool_volunteer_hours": True,
                "their_share_count": 1,
                "their_share_amount": 100.0,
            }
        )
        cls.agreement.action_sign()
        cls.expired = cls.env["coop.intercoop.agreement"].create(
            {
                "name": "Old convention",
                "partner_coop_id": cls.partner_coop.id,
                "date_start": today - timedelta(days=400),
                "date_end": today - timedelta(days=1),
                "pricelist_id": cls.member_pricelist.id,
                "state": "active",
            }
        )

    def test_register_member_card_shown(self):
        partner = self.agreement.with_user(self.manager)._register_member(
            {"name": "Mathilde", "proof": "card", "card_number": "HK-0042"}
        )
        self.assertEqual(partner.coop_intercoop_agreement_id, self.agreement)
        self.assertEqual(partner.coop_intercoop_card_number, "HK-0042")
        self.assertEqual(partner.coop_intercoop_proof, "card")
        self.assertEqual(partner.coop_intercoop_partner_coop_id, self.partner_coop)
        self.assertEqual(partner.property_product_pricelist, self.member_pricelist)
        self.assertEqual(self.agreement.member_count, 1)
        coupons = self.env["loyalty.card"].search([("partner_id", "=", partner.id)])
        self.assertEqual(coupons.program_id, self.voucher_program)
        self.assertEqual(coupons.points, 1)
        status = self.env["res.partner"].coop_intercoop_pos_status(partner.id)
        self.assertEqual(status["kind"], "agreement")
        self.assertEqual(status["label"], "HendayaKoop")
        self.assertTrue(status["valid"])
        # registering twice does not give a second voucher
        self.agreement._register_member({"partner_id": partner.id, "proof": "trust"})
        self.assertEqual(
            self.env["loyalty.card"].search_count([("partner_id", "=", partner.id)]), 1
        )

    def test_register_member_on_trust_and_bad_input(self):
        partner = self.agreement._register_member({"name": "Richard", "proof": "trust"})
        self.assertEqual(partner.coop_intercoop_proof, "trust")
        before = self.env["res.partner"].search_count([])
        with self.assertRaisesMsg(UserError, "number of the member card"):
            self.agreement._register_member({"name": "Nobody", "proof": "card"})
        with self.assertRaisesMsg(UserError, "needs a name"):
            self.agreement._register_member({"proof": "trust"})
        self.assertEqual(self.env["res.partner"].search_count([]), before)

    def test_expired_agreement(self):
        self.assertFalse(self.expired.is_valid)
        self.assertTrue(self.agreement.is_valid)
        valid = self.env["coop.intercoop.agreement"].search([("is_valid", "=", True)])
        self.assertIn(self.agreement, valid)
        self.assertNotIn(self.expired, valid)
        self.assertIn(
            self.expired,
            self.env["coop.intercoop.agreement"].search([("is_valid", "=", False)]),
        )
        before = self.env["res.partner"].search_count([])
        with self.assertRaisesMsg(UserError, "not in force"):
            self.expired._register_member({"name": "Late", "proof": "trust"})
        self.assertEqual(self.env["res.partner"].search_count([]), before)
        # a member registered under it no longer gets the member conditions
        late = self.env["res.partner"].create(
            {
                "name": "Late visitor",
                "coop_intercoop_agreement_id": self.expired.id,
                "coop_intercoop_proof": "trust",
            }
        )
        self.assertNotEqual(late.property_product_pricelist, self.member_pricelist)
        order = self._sale_order(late, pricelist=self.member_pricelist)
        with self.assertRaisesMsg(UserError, "not in force"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_dates_constraint(self):
        with self.assertRaisesMsg(ValidationError, "cannot end before"):
            self.env["coop.intercoop.agreement"].create(
                {
                    "name": "Wrong",
                    "partner_coop_id": self.partner_coop.id,
                    "date_start": fields.Date.today(),
                    "date_end": fields.Date.today() - timedelta(days=1),
                }
            )

    def test_voucher_gives_ten_percent_once(self):
        partner = self.agreement._register_member(
            {"name": "Mathilde", "proof": "trust"}
        )
        coupon = self.env["loyalty.card"].search([("partner_id", "=", partner.id)])
        order = self._sale_order(partner, pricelist=self.public_pricelist)
        order.order_line.product_id = self.laptop
        order.order_line.price_unit = 100.0
        status = order._try_apply_code(coupon.code)
        self.assertNotIn("error", status)
        reward = status[coupon]
        order._apply_program_reward(reward, coupon)
        self.assertAlmostEqual(order.amount_total, 90.0)
        order.action_confirm()
        self.assertEqual(coupon.points, 0)
        second = self._sale_order(partner, pricelist=self.public_pricelist)
        second.order_line.product_id = self.laptop
        status = second._try_apply_code(coupon.code)
        self.assertIn("error", status, "a voucher used once cannot be used again")
        self.assertAlmostEqual(second.amount_total, second.order_line.price_total)

    def test_network_view_and_access(self):
        agreements = (
            self.env["coop.intercoop.agreement"]
            .with_user(self.user)
            .search([("partner_coop_id", "=", self.partner_coop.id)])
        )
        self.assertEqual(agreements, self.agreement | self.expired)
        with self.assertRaises(UserError):
            self.agreement.with_user(self.user).write({"fee_discount_percent": 50})
        other = self.env["res.company"].create({"name": "Other Coop"})
        foreign = self.env["coop.intercoop.agreement"].create(
            {
                "name": "Foreign",
                "partner_coop_id": self.partner_coop.id,
                "company_id": other.id,
            }
        )
        self.assertNotIn(
            foreign,
            self.env["coop.intercoop.agreement"].with_user(self.user).search([]),
        )

    def test_fee_discount_through_agreement(self):
        """Joining itopie through the agreement (000 §5): the joining fee of
        100 becomes 90; the next fees stay 100 unless the agreement says the
        discount applies to every fee."""
        partner = self.agreement._register_member({"name": "Joiner", "proof": "trust"})
        membership = self._make_member(partner, state="candidate")
        cases = [
            # every period, joining -> discount, fee
            (False, True, 10.0, 90.0),
            (False, False, 0.0, 100.0),
            (True, True, 10.0, 90.0),
            (True, False, 10.0, 90.0),
        ]
        for every, joining, percent, fee in cases:
            with self.subTest(every_period=every, joining=joining):
                # signed terms: cancelled, changed and signed again
                self.agreement.action_cancel()
                self.agreement.action_draft()
                self.agreement.fee_discount_every_period = every
                self.agreement.action_sign()
                self.assertEqual(
                    membership._get_fee_discount_percent(joining=joining), percent
                )
                self.assertEqual(
                    float(membership._get_period_fee(joining=joining)), fee
                )
        stranger = self.env["res.partner"].create({"name": "Stranger"})
        other = self._make_member(stranger, state="candidate")
        self.assertEqual(other._get_fee_discount_percent(joining=True), 0.0)
        self.assertEqual(float(other._get_period_fee(joining=True)), 100.0)
        # no discount once the agreement has ended
        self.agreement.action_cancel()
        self.assertEqual(float(membership._get_period_fee(joining=True)), 100.0)

    def test_staff_of_beneficiary_organisation(self):
        """Contacts of a beneficiary member organisation inherit its benefits.

        coop_membership grants the category pricelist to the contacts of an
        organisation whose category passes its benefits on; this addon keeps
        it (no card nor agreement) and refuses them a trial card since they
        already are members through their organisation.
        """
        benefit_pricelist = self.env["product.pricelist"].create(
            {"name": "Beneficiary benefits", "company_id": self.company.id}
        )
        category = self._member_category(
            code="beneficiary",
            pricelist_id=benefit_pricelist.id,
            benefits_to_contacts=True,
        )
        organisation = self.env["res.partner"].create(
            {"name": "HendayaKoop staff org", "is_company": True}
        )
        self._make_member(organisation, category=category)
        employee = self.env["res.partner"].create(
            {"name": "Employee", "parent_id": organisation.id, "type": "contact"}
        )
        employee.invalidate_recordset()
        self.assertEqual(employee.property_product_pricelist, benefit_pricelist)
        status = self.env["res.partner"].coop_intercoop_pos_status(employee.id)
        self.assertEqual(status["kind"], "none")
        with self.assertRaisesMsg(ValidationError, "already a member"):
            self.env["coop.trial.card"]._register_visitor(
                self.formula_coopalim.id, {"partner_id": employee.id}
            )
