# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bad values for every wizard and model, and locked documents, over JSON-RPC
as a cooperative manager."""

from datetime import date

from odoo.tests import new_test_user, tagged

from .common import CoopHttpCommon

RANGE = "must be a finite number within the allowed range"
SHARES = r"The number of shares must be a whole number from 1 to 1000000"


@tagged("post_install", "-at_install")
class TestSecurityValues(CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assembly = cls.env["coop.assembly"].create(
            {"name": "AGM", "date": date(2026, 6, 15), "seats": 2}
        )
        cls.voters = cls.env["coop.membership"]
        for name in ("Vic", "Val", "Vera", "Vince"):
            cls.voters |= cls._member(name, cls.cat_provider, "active")
        cls.elab = cls._member("Elab", cls.cat_elab, "active")

    def _subscribe(self, quantity):
        return self.assertRpcRefused(
            "sec_manager",
            "coop.share.subscribe.wizard",
            "create",
            [{"membership_id": self.member_a.id, "quantity": quantity}],
            SHARES,
        )

    def _proxy(self, giver, holder, regex):
        vals = {"assembly_id": self.assembly.id, "giver_id": giver.id}
        vals["holder_id"] = holder.id
        if regex is None:
            return self.env["coop.assembly.proxy"].create(vals)
        return self.assertRpcRefused(
            "sec_manager", "coop.assembly.proxy", "create", [vals], regex
        )

    def test_subscribe_share_quantity_beyond_integer_range(self):
        self._subscribe(10**12)
        self.assertFalse(self.member_a.share_line_ids)

    def test_subscribe_share_quantity_zero_negative_fraction(self):
        for quantity in (0, -5, 2.5):
            with self.subTest(quantity=quantity):
                self._subscribe(quantity)

    def test_subscribe_share_quantity_not_finite(self):
        for quantity in (float("nan"), float("inf")):
            with self.subTest(quantity=quantity):
                self.assertRpcRefused(
                    "sec_manager",
                    "coop.share.subscribe.wizard",
                    "create",
                    [{"membership_id": self.member_a.id, "quantity": quantity}],
                    RANGE,
                )

    def test_prepay_period_count_bad(self):
        for count, regex in ((10**12, RANGE), (0, "whole number above 0")):
            with self.subTest(count=count):
                self.assertRpcRefused(
                    "sec_manager",
                    "coop.fee.prepay.wizard",
                    "create",
                    [{"membership_id": self.elab.id, "period_count": count}],
                    regex,
                )
        wizard = self.env["coop.fee.prepay.wizard"].create(
            {"membership_id": self.elab.id, "period_count": 7}
        )
        self.assertRpcRefused(
            "sec_manager",
            "coop.fee.prepay.wizard",
            "action_prepay",
            [[wizard.id]],
            r"At most 6 periods can be prepaid",
        )
        self.assertEqual(self.elab.prepaid_periods, 0)

    def test_membership_payroll_and_fte_bounds(self):
        for vals, regex in (
            ({"payroll": float("nan")}, RANGE),
            ({"payroll": 10**13}, RANGE),
            ({"payroll": -1}, "The payroll must lie between 0"),
            ({"fte": 10**7}, "Full-time equivalents must lie between 0"),
            ({"free_periods": 10**12}, RANGE),
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "sec_manager",
                    "coop.membership",
                    "write",
                    [[self.member_a.id], vals],
                    regex,
                )
        self.assertEqual(self.member_a.payroll, 111)

    def test_category_bad_numbers(self):
        for vals, regex in (
            ({"share_value": float("inf")}, RANGE),
            ({"fee_amount": -10}, "Fees cannot be negative."),
            ({"fee_cap": 10**12 + 1}, RANGE),
            (
                {"fee_permille": 5000},
                "per mille of payroll must lie between 0 and 1000",
            ),
            ({"min_shares": 10**12}, RANGE),
            ({"min_shares": 2 * 10**6}, "may not exceed 1000000"),
            ({"notice_months": 5000}, "Notice periods must lie between 0 and 120"),
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "sec_manager",
                    "coop.member.category",
                    "write",
                    [[self.cat_supporter.id], vals],
                    regex,
                )
        self.assertEqual(self.cat_supporter.fee_amount, 100)

    def test_category_code_too_long(self):
        self.assertRpcRefused(
            "sec_manager",
            "coop.member.category",
            "create",
            [{"name": "Long", "code": "X" * 40}],
            "Code is limited to 16 characters",
        )

    def test_fee_scheme_bad_limits(self):
        for vals, regex in (
            ({"max_prepaid_periods": -1}, "prepaid periods must lie between 0"),
            ({"max_free_periods": 10**12}, RANGE),
            ({"period_start_months": "13"}, "month numbers between 1 and 12"),
            ({"period_start_months": "1," * 40}, "limited to 64 characters"),
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "sec_manager",
                    "coop.fee.scheme",
                    "write",
                    [[self.scheme_4m.id], vals],
                    regex,
                )
        self.assertEqual(self.scheme_4m.max_prepaid_periods, 6)

    def test_company_proxy_limit_bad(self):
        for vals, regex in (
            ({"coop_max_proxies": -1}, "maximum of proxies per holder must lie"),
            ({"coop_notice_reminder_days": 10**12}, RANGE),
        ):
            with self.subTest(vals=vals):
                self.assertRpcRefused(
                    "admin", "res.company", "write", [[self.company.id], vals], regex
                )
        self.assertEqual(self.company.coop_max_proxies, 2)

    def test_proxy_chain_refused_over_rpc(self):
        a, b, c, d = self.voters
        self._proxy(b, a, None)
        self._proxy(c, a, None)
        self._proxy(d, a, "already holds 2 proxies, the maximum per member")
        self._proxy(a, d, "holds proxies at this assembly and cannot give their own")
        self._proxy(d, b, "gave a proxy and cannot hold one")
        self.assertEqual(len(self.assembly.proxy_ids), 2)

    def test_proxy_chain_error_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_membership"], ["fr_FR"], overwrite=True
        )
        a, b, _c, d = self.voters
        self._proxy(b, a, None)
        self.assertRpcRefused(
            "sec_manager",
            "coop.assembly.proxy",
            "create",
            [{"assembly_id": self.assembly.id, "giver_id": a.id, "holder_id": d.id}],
            "détient des procurations pour cette assemblée et ne peut pas donner",
            kwargs={"context": {"lang": "fr_FR"}},
        )

    def test_closed_assembly_refuses_changes(self):
        a, b, c, _d = self.voters
        self._proxy(b, a, None)
        self.assembly.write({"state": "done"})
        self._proxy(c, a, "The assembly is closed: its proxies cannot be changed.")
        self.assertRpcRefused(
            "sec_manager",
            "coop.assembly",
            "write",
            [[self.assembly.id], {"seats": 9}],
            "The assembly was held",
        )
        self.assertEqual(self.assembly.seats, 2)

    def test_ballot_bad_input(self):
        self.assertRpcRefused(
            "sec_manager",
            "coop.assembly",
            "check_ballot",
            [[self.assembly.id], 5],
            "A ballot is a list of names.",
        )

    def test_posted_share_line_refuses_write(self):
        line = self.member_b._subscribe_shares(2)
        self.assertRpcRefused(
            "sec_manager",
            "coop.share.line",
            "write",
            [line.ids, {"quantity": 200}],
            "document of this share movement is posted",
        )
        self.assertEqual(line.quantity, 2)

    def test_posted_share_invoice_keeps_its_member(self):
        line = self.member_b._subscribe_shares(1)
        new_test_user(
            self.env,
            "sec_accountant",
            "base.group_user,account.group_account_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        self.assertRpcRefused(
            "sec_accountant",
            "account.move",
            "write",
            [line.move_id.ids, {"coop_membership_id": self.member_a.id}],
            "A posted cooperative document stays linked to its member",
        )
        self.assertEqual(line.move_id.coop_membership_id, self.member_b)

    def test_invoiced_fee_line_refuses_write(self):
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        period._run_fees()
        fee = self.member_b.fee_line_ids
        self.assertTrue(fee.move_id)
        self.assertRpcRefused(
            "sec_manager",
            "coop.fee.line",
            "write",
            [fee.ids, {"amount": 1}],
            "This fee is invoiced: it cannot be changed",
        )
        self.assertEqual(fee.amount, 100)

    def test_notice_wizard_date_before_joining(self):
        wizard = self.env["coop.notice.wizard"].create(
            {"membership_id": self.member_a.id, "notice_date": "2020-01-01"}
        )
        self.assertRpcRefused(
            "sec_manager",
            "coop.notice.wizard",
            "action_confirm",
            [[wizard.id]],
            "cannot be before the join date",
        )
        self.assertEqual(self.member_a.state, "active")

    def test_notice_wizard_date_beyond_calendar(self):
        wizard = self.env["coop.notice.wizard"].create(
            {"membership_id": self.member_a.id, "notice_date": "9999-12-01"}
        )
        self.assertFalse(wizard.leave_date)
        self.assertRpcRefused(
            "sec_manager",
            "coop.notice.wizard",
            "action_confirm",
            [[wizard.id]],
            "cannot be more than 10 years ahead",
        )
        self.assertRpcRefused(
            "sec_manager",
            "coop.membership",
            "write",
            [[self.member_a.id], {"notice_date": "9999-12-01"}],
            "cannot be more than 10 years ahead",
        )
        self.assertEqual(self.member_a.state, "active")

    def test_category_change_wizard_below_minimum(self):
        wizard = self.env["coop.category.change.wizard"].create(
            {
                "membership_id": self.member_a.id,
                "category_id": self.cat_employee.id,
                "reason": "Hired",
            }
        )
        self.assertRpcRefused(
            "sec_manager",
            "coop.category.change.wizard",
            "action_confirm",
            [[wizard.id]],
            "requires at least 10",
        )
        self.assertEqual(self.member_a.category_id, self.cat_supporter)

    def test_fee_run_wizard_closed_period(self):
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        period.action_close()
        wizard = self.env["coop.fee.run.wizard"].create(
            {"scheme_id": self.scheme_year.id, "date": "2026-03-01"}
        )
        self.assertRpcRefused(
            "sec_manager",
            "coop.fee.run.wizard",
            "action_run",
            [[wizard.id]],
            "is closed: reopen it to invoice fees",
        )
