# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.test_frontend import TestPointOfSaleHttpCommon


@tagged("post_install", "-at_install")
class TestPosShiftDutyTour(TestPointOfSaleHttpCommon):
    """The till shows a member's shift duty next to its status (004)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.main_pos_config.company_id
        # the cooperative's configuration, as its manager would set it
        env = cls.env(su=True)
        food = env["coop.member.category"].create(
            {
                "name": "Food coop member",
                "code": "food",
                "company_id": company.id,
                "min_shares": 0,
                "fee_mode": "exempt",
                "shift_duty_hours": 3.0,
                "shift_cycle_length": 4,
                "shift_cycle_unit": "week",
            }
        )
        cls.members = cls._food_members(env, company, food)

    @classmethod
    def _food_members(cls, env, company, food):
        """Thomas did nothing in his first 4 weeks (late); Maialen did her 3
        hours at HendayaKoop, which pools hours with us (up to date)."""
        partner_coop = env["res.partner"].create(
            {"name": "HendayaKoop", "is_company": True}
        )
        today = fields.Date.today()
        env["coop.intercoop.agreement"].create(
            {
                "name": "Convention HendayaKoop",
                "partner_coop_id": partner_coop.id,
                "company_id": company.id,
                "date_start": today - timedelta(days=365),
                "pool_volunteer_hours": True,
                "state": "active",
            }
        )
        members = env["coop.membership"].create(
            [
                {
                    "partner_id": env["res.partner"].create({"name": name}).id,
                    "company_id": company.id,
                    "category_id": food.id,
                    "join_date": today - timedelta(days=40),
                    "state": "active",
                }
                for name in ("Thomas Late", "Maialen Pooled")
            ]
        )
        env["coop.volunteer.hours"].create(
            {
                "partner_id": members[1].partner_id.id,
                "company_id": company.id,
                "cooperative_id": partner_coop.id,
                "date": today - timedelta(days=20),
                "hours": 3.0,
                "activity": "Shop shift at HendayaKoop",
            }
        )
        return members

    def test_tour_shift_duty(self):
        self.assertEqual(
            self.members.mapped("shift_duty_state"), ["late", "up_to_date"]
        )
        self.start_pos_tour("coop_intercoop_shift_duty")
