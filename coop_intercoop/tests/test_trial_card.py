# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .common import IntercoopCase

NID_VALUES = {"lastname": "Dupont", "firstname": "Marie", "email": "marie@example.org"}


class TestTrialCard(IntercoopCase):
    def _count(self):
        return (
            self.env["res.partner"].search_count([]),
            self.env["coop.trial.card"].search_count([]),
        )

    def test_register_le_nid_visitor(self):
        card = (
            self.env["coop.trial.card"]
            .with_user(self.user)
            ._register_visitor(self.formula_nid.id, dict(NID_VALUES))
        )
        self.assertEqual(card.partner_id.name, "Marie Dupont")
        self.assertEqual(card.partner_id.email, "marie@example.org")
        self.assertEqual(card.state, "active")
        self.assertEqual(card.remaining_days, 60)
        self.assertEqual(card.remaining_purchases, -1)
        # screens read "Unlimited", never "-1"
        self.assertEqual(card.remaining_purchases_display, "Unlimited")
        self.assertEqual(card.remaining_days_display, "60")
        self.assertTrue(card.name.startswith("TRIAL/"))
        self.assertEqual(
            card.partner_id.property_product_pricelist, self.member_pricelist
        )

    def test_registration_missing_mandatory_field(self):
        before = self._count()
        for missing in ("lastname", "firstname", "email"):
            values = dict(NID_VALUES, **{missing: "  "})
            with (
                self.subTest(missing=missing),
                self.assertRaisesMsg(UserError, "requires"),
            ):
                self.env["coop.trial.card"].with_user(self.user)._register_visitor(
                    self.formula_nid.id, values
                )
        self.assertEqual(self._count(), before, "nothing half-written")

    def test_second_active_card_refused(self):
        card = self.env["coop.trial.card"]._register_visitor(
            self.formula_coopalim.id, {"lastname": "Nico"}
        )
        before = self._count()
        with self.assertRaisesMsg(ValidationError, "already holds an active"):
            self.env["coop.trial.card"]._register_visitor(
                self.formula_baudet.id, {"partner_id": card.partner_id.id}
            )
        self.assertEqual(self._count(), before)
        # once the first card is used up, a new formula may be offered
        card.action_cancel()
        second = self.env["coop.trial.card"]._register_visitor(
            self.formula_baudet.id, {"partner_id": card.partner_id.id}
        )
        self.assertEqual(second.state, "active")
        # the contact's smart button counts and opens both cards
        partner = card.partner_id.with_user(self.user)
        self.assertEqual(partner.coop_trial_card_count, 2)
        action = partner.action_view_coop_trial_cards()
        self.assertEqual(
            self.env["coop.trial.card"].search(action["domain"]), card | second
        )
        plain = new_test_user(self.env, login="ic_plain", groups="base.group_user")
        with self.assertRaises(AccessError):
            card.partner_id.with_user(plain).action_view_coop_trial_cards()

    def test_card_for_member_refused(self):
        partner = self.env["res.partner"].create({"name": "Already Member"})
        self._make_member(partner)
        before = self._count()
        with self.assertRaisesMsg(ValidationError, "already a member"):
            self.env["coop.trial.card"]._register_visitor(
                self.formula_coopalim.id, {"partner_id": partner.id}
            )
        self.assertEqual(self._count(), before)

    def test_60_day_card_expires_on_day_61(self):
        with freeze_time("2026-03-01"):
            card = self.env["coop.trial.card"]._register_visitor(
                self.formula_nid.id, dict(NID_VALUES)
            )
            self.assertEqual(card.start_date, date(2026, 3, 1))
            self.assertEqual(card.last_day, date(2026, 4, 29))
        partner = card.partner_id
        with freeze_time("2026-04-29"):  # day 60
            card.invalidate_recordset()
            partner.invalidate_recordset()
            self.assertEqual(card.state, "active")
            self.assertEqual(card.remaining_days, 1)
            self.assertEqual(partner.property_product_pricelist, self.member_pricelist)
        with freeze_time("2026-04-30"):  # day 61
            card.invalidate_recordset()
            partner.invalidate_recordset()
            self.assertEqual(card.state, "expired")
            self.assertEqual(card.remaining_days, 0)
            self.assertNotEqual(
                partner.property_product_pricelist, self.member_pricelist
            )
            status = self.env["res.partner"].coop_intercoop_pos_status(partner.id)
            self.assertTrue(status["propose_membership"])
            self.assertFalse(status["valid"])
            self.assertIn(
                card, self.env["coop.trial.card"].search([("state", "=", "expired")])
            )

    def test_three_purchase_card_on_sales(self):
        card = self.env["coop.trial.card"]._register_visitor(
            self.formula_coopalim.id, {"lastname": "Visitor"}
        )
        partner = card.partner_id
        orders = self.env["sale.order"]
        for expected_used in (1, 2, 3):
            order = self._sale_order(partner, user=self.user)
            self.assertEqual(order.pricelist_id, self.member_pricelist)
            self.assertEqual(order.amount_untaxed, 80.0)
            order.action_confirm()
            orders |= order
            self.assertEqual(card.purchases_used, expected_used)
        # confirming twice does not count twice
        orders[0]._coop_intercoop_check_conditions()
        card._register_purchase(sale_order=orders[0])
        self.assertEqual(card.purchases_used, 3)
        self.assertEqual(card.state, "exhausted")
        # 4th order: member conditions refused
        partner.invalidate_recordset()
        fourth = self._sale_order(partner, user=self.user)
        self.assertNotEqual(fourth.pricelist_id, self.member_pricelist)
        forced = self._sale_order(
            partner, user=self.user, pricelist=self.member_pricelist
        )
        with self.assertRaisesMsg(UserError, "propose membership|Propose membership"):
            forced.action_confirm()
        self.assertEqual(forced.state, "draft")
        self.assertEqual(card.purchases_used, 3)
        self.assertEqual(card.remaining_purchases, 0)
        self.assertEqual(card.remaining_purchases_display, "0")
        self.assertEqual(card.remaining_days_display, "Unlimited")
        # a cancelled sale gives the purchase back
        orders[2]._action_cancel()
        self.assertEqual(card.purchases_used, 2)
        self.assertEqual(card.state, "active")

    def test_exhausted_card_purchase_strict(self):
        card = self.env["coop.trial.card"]._register_visitor(
            self.formula_coopalim.id, {"lastname": "Visitor"}
        )
        for _i in range(3):
            self._sale_order(card.partner_id).action_confirm()
        order = self._sale_order(card.partner_id)
        usages = self.env["coop.trial.card.usage"].search_count([])
        with self.assertRaisesMsg(UserError, "Exhausted"):
            card._register_purchase(sale_order=order, strict=True)
        self.assertEqual(self.env["coop.trial.card.usage"].search_count([]), usages)

    def test_pos_user_can_register_visitor(self):
        result = (
            self.env["coop.trial.card"]
            .with_user(self.pos_user)
            .pos_register_visitor(self.formula_coopalim.id, {"lastname": "Cyclist"})
        )
        self.assertEqual(result["status"]["kind"], "card")
        self.assertEqual(result["status"]["remaining_purchases"], 3)
        with self.assertRaises(AccessError):
            self.env["coop.trial.formula"].with_user(self.pos_user).create(
                {"name": "Hack", "max_purchases": 99}
            )
        # a cashier cannot restart a card
        card = self.env["coop.trial.card"].search(
            [("partner_id", "=", result["partner_id"])]
        )
        with self.assertRaises(AccessError):
            card.with_user(self.pos_user).write({"cancelled": True})

    def test_formula_needs_a_limit(self):
        with self.assertRaisesMsg(ValidationError, "purchase limit or a day limit"):
            self.env["coop.trial.formula"].create({"name": "Unlimited"})

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Other Coop"})
        formula = self.env["coop.trial.formula"].create(
            {"name": "Other", "max_purchases": 2, "company_id": other.id}
        )
        card = (
            self.env["coop.trial.card"]
            .with_company(other)
            ._register_visitor(formula.id, {"lastname": "Far"})
        )
        self.assertEqual(card.company_id, other)
        self.assertFalse(
            self.env["coop.trial.card"]
            .with_user(self.user)
            .search([("id", "=", card.id)])
        )
        # the card of another company gives nothing here
        status = self.env["res.partner"].coop_intercoop_pos_status(card.partner_id.id)
        self.assertEqual(status["kind"], "none")

    def test_lookup_query_count_is_constant(self):
        """The POS lookup costs the same queries for any kind of customer."""
        card = self.env["coop.trial.card"]._register_visitor(
            self.formula_coopalim.id, {"lastname": "Holder"}
        )
        plain = self.env["res.partner"].create({"name": "Plain"})
        partner_coop = self.env["res.partner"].create(
            {"name": "Partner coop", "is_company": True}
        )
        agreement = self.env["coop.intercoop.agreement"].create(
            {
                "name": "Agreement",
                "partner_coop_id": partner_coop.id,
                "pricelist_id": self.member_pricelist.id,
                "state": "active",
            }
        )
        visitor = agreement._register_member({"name": "Visitor", "proof": "trust"})
        Partner = self.env["res.partner"].with_user(self.pos_user)
        counts = []
        # warm the registry caches (groups, rules) once: they are not per call
        Partner.coop_intercoop_pos_status(plain.id)
        for partner in (card.partner_id, visitor, plain):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Partner.coop_intercoop_pos_status(partner.id)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertLessEqual(max(counts), 8, counts)

    def _create_cards(self, specs):
        """One visitor card a ``(formula, start date, cancelled, purchases
        used)`` spec, their states computed afresh."""
        Card = self.env["coop.trial.card"]
        cards = Card.browse()
        for i, (formula, start, cancelled, used) in enumerate(specs):
            partner = self.env["res.partner"].create({"name": "Visitor %d" % i})
            card = Card.create(
                {
                    "partner_id": partner.id,
                    "formula_id": formula.id,
                    "start_date": start,
                }
            )
            if used:
                self.env["coop.trial.card.usage"].create(
                    {"card_id": card.id, "quantity": used}
                )
            if cancelled:
                card.cancelled = True
            cards |= card
        cards.invalidate_recordset()
        return cards

    def _assert_state_search_matches(self, cards):
        """Searching ``cards`` by state, with each operator, finds the cards
        whose computed state matches."""
        Card = self.env["coop.trial.card"]
        for value in ("active", "expired", "cancelled", "exhausted"):
            expected = cards.filtered(lambda c, v=value: c.state == v)
            found = Card.search([("id", "in", cards.ids), ("state", "=", value)])
            self.assertEqual(found, expected, value)
            others = Card.search([("id", "in", cards.ids), ("state", "!=", value)])
            self.assertEqual(others, cards - expected, value)
        pair = Card.search(
            [("id", "in", cards.ids), ("state", "in", ["expired", "cancelled"])]
        )
        self.assertEqual(
            pair, cards.filtered(lambda c: c.state in ("expired", "cancelled"))
        )

    def test_search_by_state_matches_the_rule(self):
        """The state search reads candidate cards only; it must find exactly
        the cards the state rule gives, for every state and operator."""
        specs = [
            # formula, start date, cancelled, purchases used
            (self.formula_nid, "2026-03-01", False, 0),  # active (day 30)
            (self.formula_nid, "2026-01-01", False, 0),  # expired
            (self.formula_nid, "2026-01-01", True, 0),  # cancelled
            (self.formula_coopalim, "2025-01-01", False, 3),  # exhausted
            (self.formula_coopalim, "2025-01-01", False, 1),  # active, no day limit
            (self.formula_nid, "2026-05-01", False, 0),  # starts later: active
        ]
        with freeze_time("2026-03-30"):
            cards = self._create_cards(specs)
            states = cards.mapped("state")
            self.assertEqual(
                states,
                [
                    "active",
                    "expired",
                    "cancelled",
                    "exhausted",
                    "active",
                    "active",
                ],
            )
            self._assert_state_search_matches(cards)
