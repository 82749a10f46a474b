# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""komunigi (002): the monthly community fee (165 EUR for 3 hours, 1 given by
the provider) and the core group's rotation (2 years at most for the
cooperative supermarkets' members)."""

from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .komunigi_common import KomunigiCase

MONTHLY = ",".join(str(month) for month in range(1, 13))


@tagged("post_install", "-at_install")
class TestKomunigiFeeAndRotation(KomunigiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.fee_product = cls.env["product.product"].create(
            {"name": "Community fee", "type": "service", "taxes_id": [(5, 0, 0)]}
        )
        cls.scheme = cls.env["coop.fee.scheme"].create(
            {
                "name": "komunigi",
                "period_start_months": MONTHLY,
                "product_id": cls.fee_product.id,
                "community_hours": 3,
                "provider_hours": 1,
            }
        )
        cls.supermarkets = cls._member_category(
            code="komsup",
            fee_amount=165.0,
            fee_scheme_id=cls.scheme.id,
            board_mandate_max_months=24,
        )
        cls.provider = cls._member_category(code="provider", fee_mode="exempt")
        cls.company.coop_board_size = 20

    def test_community_fee_is_monthly_165(self):
        member = self._make_member(self.bees, category=self.supermarkets)
        member.join_date = date(2026, 1, 1)
        period = self.scheme._get_or_create_period(date(2026, 11, 15))
        self.assertEqual(
            (period.date_start, period.date_end),
            (date(2026, 11, 1), date(2026, 11, 30)),
        )
        moves = period._run_fees()
        move = moves.filtered(lambda m: m.partner_id == self.bees)
        self.assertEqual(move.amount_total, 165.0)
        self.assertEqual(self.scheme.community_hours - self.scheme.provider_hours, 2)

    def test_provider_gives_part_of_the_hours(self):
        with self.assertRaisesRegex(ValidationError, "at most 3.0, not 4.0"):
            self.scheme.provider_hours = 4
        with self.assertRaises(ValidationError):
            self.scheme.write({"community_hours": float("inf")})
        self.scheme.invalidate_recordset()
        self.assertEqual(self.scheme.provider_hours, 1)

    def _mandate(self, partner, category, start):
        member = self._make_member(partner, category=category)
        return self.env["coop.board.mandate"].create(
            {
                "membership_id": member.id,
                "date_start": start,
                "category_id": category.id,
            }
        )

    def test_supermarket_member_rotates_after_two_years(self):
        start = date(2024, 11, 15)
        supermarket = self._mandate(self.bees, self.supermarkets, start)
        provider = self._mandate(self.spp, self.provider, start)
        self.assertEqual(supermarket.date_rotation, date(2026, 11, 15))
        self.assertFalse(provider.date_rotation)
        Mandate = self.env["coop.board.mandate"]
        with freeze_time("2026-11-14"):
            self.assertFalse(supermarket.with_context(tz="UTC").rotation_due)
            Mandate._cron_flag_rotation()
            self.assertFalse(supermarket.activity_ids)
        with freeze_time("2026-11-15"):
            supermarket.invalidate_recordset(["rotation_due"])
            self.assertTrue(supermarket.rotation_due)
            self.assertFalse(provider.rotation_due)
            due = Mandate.search([("rotation_due", "=", True)])
            self.assertIn(supermarket, due)
            self.assertNotIn(provider, due)
            Mandate._cron_flag_rotation()
            Mandate._cron_flag_rotation()  # flagged once
        self.assertEqual(len(supermarket.activity_ids), 1)
        self.assertFalse(provider.activity_ids)
        # a mandate that ends by its limit is never due
        supermarket.date_end = start + relativedelta(years=2)
        with freeze_time("2026-12-01"):
            supermarket.invalidate_recordset(["rotation_due"])
            self.assertFalse(supermarket.rotation_due)

    def test_limit_is_bounded(self):
        with self.assertRaises(ValidationError):
            self.supermarkets.board_mandate_max_months = -1
        self.supermarkets.invalidate_recordset()
        self.assertEqual(self.supermarkets.board_mandate_max_months, 24)
