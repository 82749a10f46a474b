# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestAssembly(CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assembly = cls.env["coop.assembly"].create(
            {"name": "AGM", "date": date(2026, 6, 15), "seats": 2}
        )
        cls.members = [
            cls._member(
                "Voter %s" % i, cls.cat_provider, "active", join_date=date(2025, 1, 1)
            )
            for i in range(5)
        ]

    def _proxy(self, giver, holder):
        return self.env["coop.assembly.proxy"].create(
            {
                "assembly_id": self.assembly.id,
                "giver_id": giver.id,
                "holder_id": holder.id,
            }
        )

    def test_electorate_fees_and_passive(self):
        a, b, _c, _d, e = self.members
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        moves = period._run_fees()
        self.assertEqual(len(moves), 5)
        self.assertFalse(self.assembly._get_electorate() & a)
        self._pay(
            moves.filtered(lambda m: m.partner_id != e.partner_id),
            payment_date=date(2026, 6, 1),
        )
        voters = self.assembly._get_electorate()
        self.assertIn(a, voters)
        self.assertNotIn(e, voters)  # fee not paid
        b.action_set_passive()
        self.assertIn(b, self.assembly._get_electorate())  # passive keeps the vote
        self.cat_provider.passive_can_vote = False
        self.assertNotIn(b, self.assembly._get_electorate())
        # notice given while passive: still the passive members' rule
        b._record_notice(date(2026, 3, 2))
        self.assertNotIn(b, self.assembly._get_electorate())
        self.cat_provider.passive_can_vote = True
        self.assertIn(b, self.assembly._get_electorate())
        self.cat_provider.passive_can_vote = False
        late = self._member(
            "Late", self.cat_provider, "active", join_date=date(2026, 7, 1)
        )
        self.assertNotIn(late, self.assembly._get_electorate())
        self.assertEqual(
            self.assembly.voter_count, len(self.assembly._get_electorate())
        )
        # voter register
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "coop_membership.report_voter_register", self.assembly.ids
        )
        self.assertIn("Voter 0", html.decode())
        self.assertNotIn("Voter 4", html.decode())

    def test_electorate_regularisation_until_day_before(self):
        """Electrolab: regularising is accepted up to the day before the
        assembly (15 June 2026): paid on 14 June votes, on 15 June does not."""
        a, b, c, d, _e = self.members
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        moves = period._run_fees()
        by_partner = {m.partner_id: m for m in moves}
        self._pay(by_partner[a.partner_id], payment_date=date(2026, 6, 14))
        self._pay(by_partner[b.partner_id], payment_date=date(2026, 6, 15))
        self._pay(by_partner[c.partner_id], payment_date=date(2026, 1, 31))
        # 100 due, 60 paid by the day before: not up to date
        self._pay(by_partner[d.partner_id], payment_date=date(2026, 6, 1), amount=60)
        voters = self.assembly._get_electorate()
        self.assertIn(a, voters)
        self.assertNotIn(b, voters)
        self.assertIn(c, voters)
        self.assertNotIn(d, voters)
        self.assertEqual(self.assembly.voter_ids, voters)
        fee_b = self.env["coop.fee.line"].search([("membership_id", "=", b.id)])
        self.assertTrue(fee_b.is_paid)  # paid today, yet too late for this vote
        # for an assembly on 16 June, the payment of 15 June counts
        self.assembly.date = date(2026, 6, 16)
        self.assertIn(b, self.assembly._get_electorate())
        self.assertNotIn(d, self.assembly._get_electorate())

    def test_proxies(self):
        a, b, c, d, e = self.members
        with self.assertRaisesRegex(ValidationError, "themselves"):
            self._proxy(a, a)
        self._proxy(b, a)
        self._proxy(c, a)
        with self.assertRaisesRegex(ValidationError, "already holds 2"):
            self._proxy(d, a)
        self.assertEqual(len(self.assembly.proxy_ids), 2)
        self.assertEqual(a.proxy_count, 2)
        with self.assertRaisesRegex(ValidationError, "cannot hold"):
            self._proxy(e, b)
        # a member not in the electorate can neither give nor hold
        e.action_set_passive()
        self.cat_provider.passive_can_vote = False
        with self.assertRaisesRegex(ValidationError, "may not vote"):
            self._proxy(e, d)
        self.assertEqual(len(self.assembly.proxy_ids), 2)

    def test_proxy_holder_cannot_give_nor_giver_hold(self):
        """Item 6, seed 003 section 5.1: at most 2 proxies held, and no chains:
        a member holding proxies cannot give theirs, one who gave cannot hold."""
        a, b, c, d, e = self.members
        self._proxy(b, a)
        self._proxy(c, a)  # a holds 2 proxies, the maximum
        with self.assertRaisesRegex(ValidationError, "already holds 2"):
            self._proxy(d, a)
        with self.assertRaisesRegex(ValidationError, "cannot give their own"):
            self._proxy(a, d)  # a holds proxies: a chain a -> d
        with self.assertRaisesRegex(ValidationError, "cannot hold one"):
            self._proxy(d, b)  # b gave theirs: a chain d -> b -> a
        # changing a proxy is checked the same way
        proxy = self._proxy(d, e)
        with self.assertRaisesRegex(ValidationError, "cannot give their own"):
            proxy.giver_id = a
        self.assertEqual(len(self.assembly.proxy_ids), 3)

    def test_closed_assembly_refuses_changes(self):
        a, b, c, _d, _e = self.members
        proxy = self._proxy(b, a)
        self.assembly.action_convene()
        self.assembly.action_done()
        with self.assertRaisesRegex(UserError, "assembly is closed"):
            self._proxy(c, a)
        with self.assertRaisesRegex(UserError, "assembly is closed"):
            proxy.unlink()
        with self.assertRaisesRegex(UserError, "was held"):
            self.assembly.seats = 5
        with self.assertRaisesRegex(UserError, "does not apply"):
            self.assembly.action_draft()
        self.assertEqual(self.assembly.proxy_ids, proxy)

    def test_ballot(self):
        self.assertTrue(self.assembly.check_ballot(["Ada", "Bob"]))
        self.assertFalse(self.assembly.check_ballot(["Ada", "Bob", "Cyd"]))
        self.assertFalse(self.assembly.check_ballot(["Eve"], candidates=["Ada"]))
