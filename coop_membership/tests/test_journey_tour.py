# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJourneyTour(HttpCase):
    """Subscribe shares and see them held; run fees; record a notice."""

    def test_journey(self):
        company = self.env.company
        self.assertTrue(company.coop_share_account_id)  # out of the box
        user = new_test_user(
            self.env,
            "coop_tour_manager",
            "base.group_user,account.group_account_invoice,"
            "coop_membership.group_coop_manager",
        )
        fee_product = self.env["product.product"].create(
            {"name": "Tour fee", "type": "service", "taxes_id": [(6, 0, [])]}
        )
        scheme = self.env["coop.fee.scheme"].create(
            {
                "name": "Tour year",
                "period_start_months": "1",
                "product_id": fee_product.id,
            }
        )
        category = self.env["coop.member.category"].create(
            {
                "name": "Tour provider",
                "code": "TOUR",
                "min_shares": 5,
                "share_value": 100,
                "fee_mode": "fixed",
                "fee_amount": 100,
                "fee_scheme_id": scheme.id,
                "notice_months": 3,
            }
        )
        partner = self.env["res.partner"].create({"name": "Tourist Tina"})
        member = self.env["coop.membership"].create(
            {
                "partner_id": partner.id,
                "category_id": category.id,
                "join_date": date(2025, 1, 1),
            }
        )
        self.start_tour(
            "/odoo/action-coop_membership.coop_membership_action",
            "coop_membership_journey",
            login=user.login,
        )
        self.assertEqual(member.shares_held, 5)
        self.assertEqual(member.share_amount, 500)
        self.assertEqual(member.state, "leaving")
        fee = member.fee_line_ids
        self.assertEqual((fee.kind, fee.amount), ("invoice", 100))
        self.assertEqual(fee.move_id.state, "posted")
