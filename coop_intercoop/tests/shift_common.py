# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shift duty fixtures in 004's numbers: a food coop category owing 3 hours
every 4 weeks, a partner cooperative pooling volunteer hours with us (La
Louve), another one that does not pool them, and members who joined on
Monday 5 January 2026 (cycle 1: 5 January - 1 February, cycle 2: 2 February
- 1 March)."""

from datetime import date

from .common import IntercoopCase

JOINED = date(2026, 1, 5)
IN_CYCLE_1 = date(2026, 1, 20)
IN_CYCLE_2 = date(2026, 2, 10)


class ShiftDutyMixin:
    """Builds the shift duty data on top of :class:`IntercoopCase`'s."""

    @classmethod
    def _setup_shift_duty(cls):
        cls.food = cls._member_category(
            code="food",
            name="Food coop member",
            shift_duty_hours=3.0,
            shift_cycle_length=4,
            shift_cycle_unit="week",
        )
        Partner = cls.env["res.partner"]
        cls.louve = Partner.create({"name": "La Louve", "is_company": True})
        cls.not_pooling = Partner.create({"name": "Not pooling", "is_company": True})
        Agreement = cls.env["coop.intercoop.agreement"]
        for coop, pool in ((cls.louve, True), (cls.not_pooling, False)):
            Agreement.create(
                {
                    "name": f"Agreement {coop.name}",
                    "partner_coop_id": coop.id,
                    "date_start": date(2025, 1, 1),
                    "pool_volunteer_hours": pool,
                    "state": "active",
                }
            )
        cls.ana = Partner.create({"name": "Ana", "email": "ana@home.coop"})
        cls.bob = Partner.create({"name": "Bob", "email": "bob@home.coop"})
        cls.member_ana = cls._shift_member(cls.ana)
        cls.member_bob = cls._shift_member(cls.bob)

    @classmethod
    def _shift_member(cls, partner, joined=JOINED, category=None):
        member = cls._make_member(partner, category=category or cls.food)
        member.join_date = joined
        member.history_ids.date_from = joined
        return member

    @classmethod
    def _hours(cls, partner, coop, hours, day, activity="Shop shift"):
        return cls.env["coop.volunteer.hours"].create(
            {
                "partner_id": partner.id,
                "cooperative_id": coop.id,
                "date": day,
                "hours": hours,
                "activity": activity,
            }
        )


class ShiftDutyCase(ShiftDutyMixin, IntercoopCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_shift_duty()

    def duty(self, member, today):
        """The member's shift duty on ``today``, read afresh."""
        member.invalidate_recordset()
        return member.with_context(coop_today=today)
