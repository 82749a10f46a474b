# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Security catalogue, read side: the balance RPC, the portal statement and
the statement report, as portal member A against member B, as an internal
user without wallet rights, as a wallet cashier, across two companies."""

import json

from odoo.tests import tagged

from .common import WalletHttpCommon

BALANCE = ("res.partner", "coop_wallet_get_balance")
REPORT = "/report/%s/coop_wallet.report_wallet_statement/%s"


@tagged("post_install", "-at_install")
class TestSecurityPortal(WalletHttpCommon):
    # item 1: the balance RPC -------------------------------------------------
    def test_item1_portal_reads_other_members_balance(self):
        self.login(self.user_a)
        before = self.snapshot()
        result, error = self.call_kw(*BALANCE, [self.partner_b.id])
        self.assertIsNone(result)
        self.assertRefused(before, error, "You may only see your own wallet.")

    def test_item1_portal_reads_own_balance(self):
        self.login(self.user_a)
        before = self.snapshot()
        result, error = self.call_kw(*BALANCE, [self.partner_a.id])
        self.assertFalse(error)
        self.assertEqual(result["balance"], 50.0)
        self.assertEqual(self.snapshot(), before)

    def test_item1_balance_rpc_bad_id_types(self):
        self.login(self.cashier)
        before = self.snapshot()
        for bad in ("1 OR 1=1", 1.5, None, [self.partner_a.id], True):
            with self.subTest(bad=bad):
                _result, error = self.call_kw(*BALANCE, [bad])
                self.assertRefused(
                    before, error, "Invalid customer: give a contact id."
                )

    def test_item1_balance_rpc_unknown_customer(self):
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.call_kw(*BALANCE, [2_000_000_000])
        self.assertRefused(before, error, "This customer does not exist.")

    def test_item1_clerk_without_wallet_rights(self):
        self.login(self.clerk)
        before = self.snapshot()
        _result, error = self.call_kw(*BALANCE, [self.partner_b.id])
        self.assertRefused(before, error, "You may only see your own wallet.")

    def test_item1_cashier_reads_any_member(self):
        self.login(self.cashier)
        before = self.snapshot()
        result, error = self.call_kw(*BALANCE, [self.partner_b.id])
        self.assertFalse(error)
        self.assertEqual(result["balance"], 999.0)
        self.assertEqual(self.snapshot(), before)

    def test_item1_clerk_reads_balance_field(self):
        self.login(self.clerk)
        before = self.snapshot()
        _result, error = self.call_kw(
            "res.partner", "read", [self.partner_b.ids, ["coop_wallet_balance"]]
        )
        self.assertRefused(before, error, "coop_wallet_balance")
        self.assertIn("You do not have enough rights to access the field", error)

    def test_balance_rpc_company_not_allowed(self):
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.call_kw(
            *BALANCE,
            [self.partner_a.id],
            {"context": {"allowed_company_ids": self.company_b.ids}},
        )
        self.assertRefused(before, error, "unauthorized or invalid companies")

    def test_history_action_clerk_refused(self):
        self.login(self.clerk)
        before = self.snapshot()
        _result, error = self.call_kw(
            "res.partner", "action_coop_wallet_history", [self.partner_a.ids]
        )
        self.assertRefused(
            before, error, "Only wallet users (cashiers) can open customer wallets."
        )

    def test_topup_action_portal_refused(self):
        self.login(self.user_a)
        before = self.snapshot()
        _result, error = self.call_kw(
            "res.partner", "action_coop_wallet_topup", [self.partner_a.ids]
        )
        self.assertRefused(
            before, error, "Only wallet users (cashiers) can open customer wallets."
        )

    # item 4: the statement report ---------------------------------------------
    def test_item4_report_html_other_member(self):
        self.login(self.user_a)
        before = self.snapshot()
        response = self.get(REPORT % ("html", self.partner_b.id))
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("999", response.text)
        self.assertRefused(
            before,
            response.text,
            "You may only print the statement of your own wallet.",
        )

    def test_item4_report_pdf_other_member(self):
        self.login(self.user_a)
        before = self.snapshot()
        response = self.get(REPORT % ("pdf", self.partner_b.id))
        self.assertEqual(response.status_code, 403)
        self.assertRefused(
            before,
            response.text,
            "You may only print the statement of your own wallet.",
        )

    def test_item4_report_clerk_without_wallet_rights(self):
        self.login(self.clerk)
        before = self.snapshot()
        for converter in ("html", "pdf"):
            with self.subTest(converter=converter):
                response = self.get(REPORT % (converter, self.partner_a.id))
                self.assertEqual(response.status_code, 403)
                self.assertRefused(
                    before,
                    response.text,
                    "You may only print the statement of your own wallet.",
                )

    def test_item4_report_own_statement(self):
        self.login(self.user_a)
        response = self.get(REPORT % ("html", self.partner_a.id))
        self.assertEqual(response.status_code, 200)
        self.assertIn("50.00", response.text)

    def test_report_bad_month_option(self):
        self.login(self.cashier)
        before = self.snapshot()
        options = json.dumps({"month": "not-a-date"})
        response = self.get(
            REPORT % ("html", self.partner_a.id) + "?options=" + options
        )
        self.assertEqual(response.status_code, 400)
        self.assertRefused(before, response.text, "Invalid month: give it as YYYY-MM")

    # the portal statement -------------------------------------------------------
    def test_portal_statement_bad_month(self):
        self.login(self.user_a)
        before = self.snapshot()
        for month in ("not-a-date", "2026-13", "9999-12", "0-0"):
            with self.subTest(month=month):
                response = self.get(f"/my/wallet?month={month}")
                self.assertEqual(response.status_code, 400)
                self.assertRefused(
                    before, response.text, "Invalid month: give it as YYYY-MM"
                )

    def test_portal_statement_bad_report_type(self):
        self.login(self.user_a)
        before = self.snapshot()
        response = self.get("/my/wallet?report_type=xlsx")
        self.assertEqual(response.status_code, 400)
        self.assertRefused(before, response.text, "Unknown report type.")

    def test_portal_statement_pdf_is_own(self):
        self.login(self.user_a)
        response = self.get(
            f"/my/wallet?report_type=pdf&partner_id={self.partner_b.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(b"999", response.content)
