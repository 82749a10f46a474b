# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal member A against member B, over real HTTP and JSON-RPC."""

from datetime import date

from odoo.tests import tagged

from .common import ACCESS, MANAGERS, CoopHttpCommon


@tagged("post_install", "-at_install")
class TestSecurityPortal(CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assembly = cls.env["coop.assembly"].create(
            {"name": "AGM", "date": date(2026, 6, 15), "seats": 2}
        )
        cls.period = cls.scheme_year._get_or_create_period(date(2026, 1, 1))

    def _report_url(self, kind, report, record):
        return f"/report/{kind}/coop_membership.{report}/{record.id}"

    def test_report_html_member_card_of_other_member(self):
        self.authenticate("sec_portal_a", "sec_portal_a")
        mine = self.url_open(
            self._report_url("html", "report_member_card", self.member_a)
        )
        self.assertEqual(mine.status_code, 200)
        self.assertIn("Alice Apple", mine.text)
        self.assertPageRefused(
            "sec_portal_a",
            self._report_url("html", "report_member_card", self.member_b),
            403,
            "Bob Banana",
        )

    def test_report_pdf_certificate_of_other_member(self):
        self.assertPageRefused(
            "sec_portal_a",
            self._report_url("pdf", "report_share_certificate", self.member_b),
            403,
            "Bob Banana",
        )

    def test_report_voter_register_refused_to_portal(self):
        self.assertPageRefused(
            "sec_portal_a",
            self._report_url("html", "report_voter_register", self.assembly),
            403,
            "Bob Banana",
        )

    def test_report_missing_member(self):
        self.assertPageRefused(
            "sec_portal_a",
            "/report/html/coop_membership.report_member_card/999999",
            400,
            "Bob Banana",
            "Record does not exist or has been deleted",
        )

    def test_rpc_read_other_member(self):
        answer = self.assertRpcRefused(
            "sec_portal_a",
            "coop.membership",
            "read",
            [[self.member_b.id], ["payroll"]],
            ACCESS,
        )
        self.assertNotIn("222", str(answer))

    def test_rpc_write_own_payroll(self):
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.membership",
            "write",
            [[self.member_a.id], {"payroll": 1}],
            ACCESS,
        )
        self.assertEqual(self.member_a.payroll, 111)

    def test_rpc_status_buttons(self):
        for method in (
            "action_activate",
            "action_set_passive",
            "action_set_active",
            "action_cancel_notice",
            "action_reimburse_shares",
        ):
            with self.subTest(method=method):
                self.assertRpcRefused(
                    "sec_portal_a",
                    "coop.membership",
                    method,
                    [[self.member_b.id]],
                    MANAGERS,
                )
        self.assertEqual(self.member_b.state, "active")

    def test_rpc_private_method_refused(self):
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.membership",
            "_subscribe_shares",
            [[self.member_a.id], 5],
            "Private methods",
        )

    def test_rpc_subscribe_wizard(self):
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.share.subscribe.wizard",
            "create",
            [{"membership_id": self.member_a.id, "quantity": 5}],
            ACCESS,
        )

    def test_rpc_smart_button_of_other_member(self):
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.membership",
            "action_view_moves",
            [[self.member_b.id]],
            ACCESS,
        )

    def test_rpc_assembly_and_proxy(self):
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.assembly",
            "check_ballot",
            [[self.assembly.id], ["Bob Banana"]],
            ACCESS,
        )
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.assembly.proxy",
            "create",
            [
                {
                    "assembly_id": self.assembly.id,
                    "giver_id": self.member_b.id,
                    "holder_id": self.member_a.id,
                }
            ],
            ACCESS,
        )

    def test_rpc_fee_period_run(self):
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.fee.period",
            "action_run_fees",
            [[self.period.id]],
            MANAGERS,
        )

    def test_portal_pages_show_only_own_data(self):
        before = self._counts()
        self.authenticate("sec_portal_a", "sec_portal_a")
        page = self.url_open("/my/membership?membership_id=%s" % self.member_b.id)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.member_a.name, page.text)
        self.assertNotIn(self.member_b.name, page.text)
        self.assertEqual(self._counts(), before)
