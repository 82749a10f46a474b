# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The addon's internal groups and two companies, over JSON-RPC."""

from datetime import date

from odoo.tests import new_test_user, tagged

from .common import ACCESS, MANAGERS, CoopHttpCommon


@tagged("post_install", "-at_install")
class TestSecurityInternal(CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assembly = cls.env["coop.assembly"].create(
            {"name": "AGM", "date": date(2026, 6, 15), "seats": 2}
        )
        cls.period = cls.scheme_year._get_or_create_period(date(2026, 1, 1))
        cls.cat_2 = cls.env["coop.member.category"].create(
            {"name": "Member", "code": "M2", "company_id": cls.company_2.id}
        )
        cls.member_c = cls.env["coop.membership"].create(
            {
                "partner_id": cls.env["res.partner"].create({"name": "Carl C"}).id,
                "category_id": cls.cat_2.id,
                "company_id": cls.company_2.id,
                "state": "active",
            }
        )
        new_test_user(cls.env, "sec_internal", "base.group_user")

    def test_coop_user_cannot_subscribe_shares(self):
        self.assertRpcRefused(
            "coop_user",
            "coop.share.subscribe.wizard",
            "create",
            [{"membership_id": self.member_a.id, "quantity": 3}],
            ACCESS,
        )

    def test_coop_user_cannot_change_status(self):
        self.assertRpcRefused(
            "coop_user",
            "coop.membership",
            "action_set_passive",
            [[self.member_a.id]],
            MANAGERS,
        )
        self.assertEqual(self.member_a.state, "active")

    def test_coop_user_cannot_hold_assembly(self):
        self.assertRpcRefused(
            "coop_user",
            "coop.assembly",
            "action_convene",
            [[self.assembly.id]],
            MANAGERS,
        )
        self.assertEqual(self.assembly.state, "draft")

    def test_coop_user_cannot_change_category(self):
        wizard = self.env["coop.category.change.wizard"].create(
            {
                "membership_id": self.member_a.id,
                "category_id": self.cat_provider.id,
                "reason": "Try",
            }
        )
        self.assertRpcRefused(
            "coop_user",
            "coop.category.change.wizard",
            "action_confirm",
            [[wizard.id]],
            ACCESS + "|" + MANAGERS,
        )
        self.assertEqual(self.member_a.category_id, self.cat_supporter)

    def test_coop_user_cannot_invoice_fees(self):
        self.assertRpcRefused(
            "coop_user",
            "coop.fee.period",
            "action_run_fees",
            [[self.period.id]],
            MANAGERS,
        )

    def test_coop_user_notice_of_other_company(self):
        self.assertRpcRefused(
            "coop_user",
            "coop.notice.wizard",
            "create",
            [{"membership_id": self.member_c.id, "notice_date": "2026-03-01"}],
            ACCESS,
        )
        self.assertEqual(self.member_c.state, "active")

    def test_internal_user_without_group(self):
        self.assertRpcRefused(
            "sec_internal",
            "coop.membership",
            "search_read",
            [[], ["payroll"]],
            ACCESS,
        )

    def test_manager_other_company_cannot_subscribe(self):
        self.assertRpcRefused(
            "sec_manager_2",
            "coop.share.subscribe.wizard",
            "create",
            [{"membership_id": self.member_a.id, "quantity": 3}],
            ACCESS,
        )
        self.assertFalse(self.member_a.share_line_ids)

    def test_manager_other_company_cannot_read_or_invoice(self):
        self.assertRpcRefused(
            "sec_manager_2",
            "coop.membership",
            "read",
            [[self.member_a.id], ["payroll"]],
            ACCESS,
        )
        self.assertRpcRefused(
            "sec_manager_2",
            "coop.fee.period",
            "action_run_fees",
            [[self.period.id]],
            ACCESS,
        )

    def test_manager_other_company_cannot_reimburse(self):
        self.assertRpcRefused(
            "sec_manager_2",
            "coop.membership",
            "action_reimburse_shares",
            [[self.member_a.id]],
            ACCESS,
        )
