# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestFees(CoopCommon):
    def _fees(self, period):
        return self.env["coop.fee.line"].search([("period_id", "=", period.id)])

    def _create_fee_run_members(self):
        """One member of each case of a 2026 fee run: (full year, joined in
        August, joined in November, employee, passive then leaving,
        candidate, beneficiary organisation)."""
        full = self._member(
            "Full", self.cat_provider, "active", join_date=date(2025, 6, 1)
        )
        half = self._member(
            "Half", self.cat_provider, "active", join_date=date(2026, 8, 15)
        )
        free = self._member(
            "Nov", self.cat_provider, "active", join_date=date(2026, 11, 2)
        )
        exempt = self._member(
            "Emp", self.cat_employee, "active", join_date=date(2025, 1, 1)
        )
        passive = self._member(
            "Pas", self.cat_provider, "passive", join_date=date(2025, 1, 1)
        )
        # giving notice while passive does not bring the fee back
        passive._record_notice(date(2026, 1, 15))
        self.assertEqual(passive.state, "leaving")
        cand = self._member(
            "Cand", self.cat_provider, "candidate", join_date=date(2026, 1, 1)
        )
        org = self._member(
            "Org",
            self.cat_beneficiary,
            "active",
            join_date=date(2025, 1, 1),
            payroll=3000000,
            is_company=True,
        )
        return full, half, free, exempt, passive, cand, org

    @freeze_time("2026-02-01")
    def test_fee_run_idempotent_prorated_exempt_passive(self):
        full, half, free, exempt, passive, cand, org = self._create_fee_run_members()
        period = self.scheme_year._get_or_create_period(date(2026, 2, 1))
        self.assertEqual(
            (period.date_start, period.date_end), (date(2026, 1, 1), date(2026, 12, 31))
        )
        moves = period._run_fees()
        fees = self._fees(period)
        by_member = {f.membership_id: f for f in fees}
        self.assertEqual(by_member[full].amount, 100)
        self.assertEqual(by_member[half].amount, 50)
        # itopie §3.1.3: joining 1 Nov-31 Dec is free: no zero invoice
        self.assertEqual(by_member[free].kind, "free")
        self.assertEqual(by_member[free].amount, 0)
        self.assertFalse(by_member[free].move_id)
        self.assertTrue(by_member[free].is_paid)
        self.assertNotIn(free.partner_id, moves.partner_id)
        self.assertFalse(free.move_ids)
        self.assertEqual(by_member[org].amount, 2000)  # capped
        for skipped in (exempt, passive, cand):
            self.assertNotIn(skipped, by_member)
        self.assertEqual(len(moves), 3)
        self.assertEqual(sorted(moves.mapped("amount_total")), [50, 100, 2000])
        self.assertTrue(all(m.state == "posted" for m in moves))
        self.assertEqual(by_member[full].move_id.partner_id, full.partner_id)
        # second run: nothing new, in a handful of queries
        count_moves = self.env["account.move"].search_count([])
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            again = period._run_fees()
        self.assertFalse(again)
        self.assertEqual(self.env["account.move"].search_count([]), count_moves)
        self.assertEqual(len(self._fees(period)), len(fees))
        # a member admitted later is picked up by the next run only
        cand.state = "active"
        late = period._run_fees()
        self.assertEqual(late.partner_id, cand.partner_id)
        # cron is idempotent too
        self.env["coop.fee.scheme"]._cron_invoice_fees()
        self.assertEqual(self.env["account.move"].search_count([]), count_moves + 1)

    def test_fee_run_query_count_constant(self):
        """Queries of a fee run do not grow with the number of members."""
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        self.scheme_year.auto_post = False
        for i in range(3):
            self._member(
                "Q%s" % i, self.cat_provider, "active", join_date=date(2025, 1, 1)
            )
        self.env.flush_all()
        count0 = self.cr.sql_log_count
        period._run_fees()
        self.env.flush_all()
        small = self.cr.sql_log_count - count0
        period2 = self.scheme_year._get_or_create_period(date(2027, 1, 1))
        for i in range(12):
            self._member(
                "R%s" % i, self.cat_provider, "active", join_date=date(2025, 1, 1)
            )
        self.env.flush_all()
        count0 = self.cr.sql_log_count
        moves = period2._run_fees()
        self.env.flush_all()
        big = self.cr.sql_log_count - count0
        self.assertEqual(len(moves), 15)
        # 5x more members; queries per member must not grow
        self.assertLess(big / 15, small / 3)

    def test_one_free_period_at_a_time(self):
        # Electrolab: "exceptionally one free period on request"
        self.assertEqual(self.scheme_4m.max_free_periods, 1)
        member = self._member("Gift", self.cat_elab, "active")
        member.free_periods = 1
        with self.assertRaisesRegex(ValidationError, "at most 1 free period"):
            member.free_periods = 2
        self.assertEqual(member.free_periods, 1)
        # the number is configuration: a scheme may allow more
        self.scheme_4m.max_free_periods = 2
        member.free_periods = 2
        self.assertEqual(member.free_periods, 2)
        with self.assertRaisesRegex(ValidationError, "must lie between 0"):
            self.scheme_4m.max_free_periods = -1

    @freeze_time("2026-03-15")
    def test_electrolab_prorata_prepaid_and_free(self):
        joined = self._member(
            "March", self.cat_elab, "active", join_date=date(2026, 3, 15)
        )
        prepaid = self._member(
            "Pre", self.cat_elab, "active", join_date=date(2025, 1, 1)
        )
        gift = self._member(
            "Gift", self.cat_elab, "active", join_date=date(2025, 1, 1), free_periods=1
        )
        prepay_move = prepaid._prepay(2)
        self.assertEqual(prepay_move.amount_total, 80)
        self.assertEqual(prepay_move.invoice_line_ids.quantity, 2)
        self._pay(prepay_move)
        self.assertEqual(prepaid.prepaid_periods, 2)
        period = self.scheme_4m._get_or_create_period(date(2026, 3, 15))
        self.assertEqual(
            (period.date_start, period.date_end), (date(2026, 2, 1), date(2026, 5, 31))
        )
        period._run_fees()
        fees = {f.membership_id: f for f in self._fees(period)}
        self.assertEqual(fees[joined].amount, 30)  # 2nd month: 3/4 of 40
        self.assertEqual(fees[joined].move_id.amount_total, 30)
        self.assertEqual(fees[prepaid].kind, "prepaid")
        self.assertEqual(prepaid.prepaid_periods, 1)
        self.assertEqual(fees[gift].kind, "free")
        self.assertEqual(gift.free_periods, 0)
        period._run_fees()
        self.assertEqual(prepaid.prepaid_periods, 1)  # not consumed twice
        nxt = self.scheme_4m._get_or_create_period(date(2026, 6, 1))
        nxt._run_fees()
        nxt2 = self.scheme_4m._get_or_create_period(date(2026, 10, 1))
        nxt2._run_fees()
        self.assertEqual(prepaid.prepaid_periods, 0)  # never negative
        self.assertEqual(
            self._fees(nxt2).filtered(lambda f: f.membership_id == prepaid).kind,
            "invoice",
        )

    def test_prepay_limits(self):
        member = self._member("Pre7", self.cat_elab, "active")
        moves = self.env["account.move"].search_count([])
        with self.assertRaisesRegex(UserError, "At most 6"):
            member._prepay(7)
        with self.assertRaisesRegex(UserError, "whole number"):
            member._prepay(0)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertEqual(member.prepaid_periods, 0)
        prepayment = member._prepay(4)
        # an unpaid prepayment counts towards the maximum, not on the counter
        with self.assertRaisesRegex(UserError, "4 already prepaid"):
            self.env["coop.fee.prepay.wizard"].create(
                {"membership_id": member.id, "period_count": 3}
            ).action_prepay()
        self.assertEqual(member.prepaid_periods, 0)
        self._pay(prepayment)
        self.assertEqual(member.prepaid_periods, 4)
        with self.assertRaisesRegex(UserError, "4 already prepaid"):
            member._prepay(3)
        exempt = self._member("Exempt", self.cat_employee, "active")
        with self.assertRaises(UserError):
            exempt._prepay(1)

    def test_fee_change_reexpresses_prepaid(self):
        member = self._member("Re", self.cat_elab, "active")
        self._pay(member._prepay(3))
        self.cat_elab.fee_amount = 50
        self.assertEqual(member.prepaid_periods, 2)
        self.assertEqual(member.prepaid_credit, 20)
        self.cat_elab.fee_amount = 20
        self.assertEqual(member.prepaid_periods, 6)
        self.assertEqual(member.prepaid_credit, 0)

    @freeze_time("2026-06-10")
    def test_credit_used_on_next_fee(self):
        member = self._member(
            "Credit", self.cat_elab, "active", join_date=date(2025, 1, 1)
        )
        self._pay(member._prepay(1))
        self.cat_elab.fee_amount = 50  # 40 -> 0 period + 40 credit
        self.assertEqual((member.prepaid_periods, member.prepaid_credit), (0, 40))
        period = self.scheme_4m._get_or_create_period(date(2026, 6, 10))
        moves = period._run_fees()
        self.assertEqual(moves.amount_total, 10)
        self.assertEqual(member.prepaid_credit, 0)

    def test_discount_hook(self):
        """The hook is asked for the fee of the joining period apart: a
        discount on the joining fee only (as coop_intercoop's) reaches the
        first invoice, not the next ones."""
        member = self._member(
            "Disc", self.cat_provider, "active", join_date=date(2026, 1, 1)
        )
        model = type(self.env["coop.membership"])
        original = model._get_fee_discount_percent
        try:
            model._get_fee_discount_percent = lambda self, joining=False: (
                10.0 if joining else 0.0
            )
            self.assertEqual(member._get_period_fee(joining=True), 90)
            self.assertEqual(member._get_period_fee(), 100)
            first = self.scheme_year._get_or_create_period(date(2026, 1, 1))
            joining_fee = first._run_fees()
            second = self.scheme_year._get_or_create_period(date(2027, 1, 1))
            next_fee = second._run_fees()
        finally:
            model._get_fee_discount_percent = original
        self.assertEqual(joining_fee.amount_total, 90)
        self.assertEqual(next_fee.amount_total, 100)
        self.assertEqual(member._get_fee_discount_percent(joining=True), 0.0)

    def test_closed_period(self):
        self._member("Closed", self.cat_provider, "active", join_date=date(2025, 1, 1))
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        period.action_close()
        moves = self.env["account.move"].search_count([])
        with self.assertRaisesRegex(UserError, "closed"):
            self.env["coop.fee.run.wizard"].create(
                {"scheme_id": self.scheme_year.id, "date": date(2026, 4, 1)}
            ).action_run()
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertFalse(self._fees(period))
        period.action_reopen()
        action = (
            self.env["coop.fee.run.wizard"]
            .create({"scheme_id": self.scheme_year.id, "date": date(2026, 4, 1)})
            .action_run()
        )
        self.assertEqual(len(action["domain"][0][2]), 1)

    def test_resumable_after_crash(self):
        for i in range(3):
            self._member("Crash %s" % i, self.cat_provider, "active")
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        model = type(period)
        original = model._run_fees_batch
        calls = []

        def crashing(period_self, members):
            calls.append(len(members))
            if len(calls) == 2:
                raise RuntimeError("server crash")
            return original(period_self, members)

        with (
            patch.object(model, "_run_fees_batch", crashing),
            self.assertRaises(RuntimeError),
        ):
            period._run_fees(batch_size=2)
        self.assertEqual(calls, [2, 1])
        self.assertFalse(self._fees(period))  # the whole run was rolled back
        moves = period._run_fees(batch_size=2)
        self.assertEqual(len(moves), 3)
        self.assertEqual(len(self._fees(period)), 3)
        self.assertFalse(period._run_fees(batch_size=2))

    def test_user_cannot_invoice(self):
        member = self._member("U", self.cat_provider, "active")
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        moves = self.env["account.move"].search_count([])
        with self.assertRaises(AccessError):
            period.with_user(self.user_coop)._run_fees()
        with self.assertRaises(AccessError):
            member.with_user(self.user_coop)._subscribe_shares(1)
        with self.assertRaises(AccessError):
            member.with_user(self.user_coop)._prepay(1)
        self.assertEqual(self.env["account.move"].search_count([]), moves)
        self.assertFalse(self._fees(period))
        # but can read members and fees
        self.assertTrue(member.with_user(self.user_coop).name)

    def test_scheme_validation(self):
        with self.assertRaisesRegex(ValidationError, "between 1"):
            self.scheme_year.period_start_months = "0,13"
        with self.assertRaises(ValidationError):
            self.env["coop.fee.period"].create(
                {
                    "scheme_id": self.scheme_4m.id,
                    "date_start": date(2026, 1, 1),
                    "date_end": date(2026, 4, 30),
                }
            )
