# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Electrolab's prepaid periods (003 §2.1): the counter is of periods *paid*
in advance, and a member joining mid-period pays the prorated joining period
before prepaid periods are consumed. Periods Feb-May, Jun-Sep, Oct-Jan at
40 EUR."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestPrepaidPeriods(CoopCommon):
    def _fee(self, period, member):
        return self.env["coop.fee.line"].search(
            [("period_id", "=", period.id), ("membership_id", "=", member.id)]
        )

    def _period(self, day):
        return self.scheme_4m._get_or_create_period(day)

    @freeze_time("2026-01-20")
    def test_unpaid_prepayment_counts_nothing(self):
        """An unpaid prepayment neither consumes periods nor keeps the vote;
        paid, it adds its periods to the counter, once."""
        member = self._member(
            "Unpaid", self.cat_elab, "active", join_date=date(2025, 1, 1)
        )
        prepayment = member._prepay(2)
        self.assertEqual(member.prepaid_periods, 0)
        february = self._period(date(2026, 2, 1))
        february._run_fees()
        fee = self._fee(february, member)
        self.assertEqual((fee.kind, fee.amount), ("invoice", 40))
        assembly = self.env["coop.assembly"].create(
            {"name": "AG", "date": date(2026, 3, 1), "company_id": self.company.id}
        )
        self.assertNotIn(member, assembly._get_electorate())
        self._pay(prepayment)
        self.assertEqual(member.prepaid_periods, 2)
        self.assertIn("2 prepaid period(s) paid", member.message_ids[0].body)
        prepayment._invoice_paid_hook()  # e.g. "in payment", then "paid"
        self.assertEqual(member.prepaid_periods, 2)
        june = self._period(date(2026, 6, 1))
        june._run_fees()
        self.assertEqual(self._fee(june, member).kind, "prepaid")
        self.assertEqual(member.prepaid_periods, 1)

    @freeze_time("2026-03-15")
    def test_joining_mid_period_with_prepayment(self):
        """Joining in March (2nd month of Feb-May) with 3 periods paid in
        advance: the joining period costs 3/4 of 40 = 30, paid by one prepaid
        period; the 10 left is credit, used on the first invoice."""
        member = self._member(
            "Newcomer", self.cat_elab, "active", join_date=date(2026, 3, 15)
        )
        self._pay(member._prepay(3))
        self.assertEqual(member.prepaid_periods, 3)
        february = self._period(date(2026, 3, 15))
        february._run_fees()
        fee = self._fee(february, member)
        self.assertEqual((fee.kind, fee.amount), ("prepaid", 30))
        self.assertEqual((member.prepaid_periods, member.prepaid_credit), (2, 10))
        for day in (date(2026, 6, 1), date(2026, 10, 1)):
            period = self._period(day)
            period._run_fees()
            self.assertEqual(self._fee(period, member).amount, 40)
        self.assertEqual((member.prepaid_periods, member.prepaid_credit), (0, 10))
        next_year = self._period(date(2027, 2, 1))
        invoice = next_year._run_fees()
        self.assertEqual(invoice.amount_total, 30)  # 40 - the 10 of credit
        self.assertEqual(member.prepaid_credit, 0)
