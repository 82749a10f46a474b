# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shift duty of the members (004: 3 hours every 4 weeks, pooled hours)."""

from datetime import date

from .shift_common import IN_CYCLE_1, IN_CYCLE_2, JOINED, ShiftDutyCase


class TestShiftDuty(ShiftDutyCase):
    def test_hours_at_a_partner_coop_count(self):
        """004: a member who did 3 hours at a partner coop (pooled) is up to
        date; one who did nothing in the 4 weeks is late."""
        self._hours(self.ana, self.louve, 3.0, IN_CYCLE_1)
        ana = self.duty(self.member_ana, IN_CYCLE_2)
        self.assertEqual(ana.shift_duty_state, "up_to_date")
        self.assertEqual(
            (ana.shift_cycle_start, ana.shift_cycle_end),
            (date(2026, 2, 2), date(2026, 3, 1)),
        )
        self.assertEqual((ana.shift_hours_overdue, ana.shift_hours_to_do), (0.0, 3.0))
        bob = self.duty(self.member_bob, IN_CYCLE_2)
        self.assertEqual(bob.shift_duty_state, "late")
        self.assertEqual((bob.shift_hours_overdue, bob.shift_hours_to_do), (3.0, 6.0))

    def test_hours_not_pooled_do_not_count(self):
        self._hours(self.bob, self.not_pooling, 3.0, IN_CYCLE_1)
        self.assertEqual(
            self.duty(self.member_bob, IN_CYCLE_2).shift_duty_state, "late"
        )
        # hours done for another company's membership do not count here either
        company2 = self.env["res.company"].create({"name": "Second Coop"})
        self.env["coop.volunteer.hours"].create(
            {
                "partner_id": self.bob.id,
                "company_id": company2.id,
                "cooperative_id": company2.partner_id.id,
                "date": IN_CYCLE_1,
                "hours": 3.0,
                "activity": "Shop shift",
            }
        )
        self.assertEqual(
            self.duty(self.member_bob, IN_CYCLE_2).shift_duty_state, "late"
        )

    def test_make_up_shift_here(self):
        """Hours done here in cycle 2 pay cycle 1 back first."""
        self._hours(self.bob, self.company.partner_id, 2.0, date(2026, 2, 3))
        bob = self.duty(self.member_bob, IN_CYCLE_2)
        self.assertEqual(bob.shift_duty_state, "late")
        self.assertEqual((bob.shift_hours_done, bob.shift_hours_overdue), (2.0, 1.0))
        self._hours(self.bob, self.company.partner_id, 1.0, date(2026, 2, 4))
        bob = self.duty(self.member_bob, IN_CYCLE_2)
        self.assertEqual(bob.shift_duty_state, "up_to_date")
        self.assertEqual(bob.shift_hours_to_do, 3.0)

    def test_exempt_members(self):
        self.member_ana.state = "passive"
        self.member_bob.shift_exempt = True
        for member in (self.member_ana, self.member_bob):
            duty = self.duty(member, IN_CYCLE_2)
            self.assertEqual(duty.shift_duty_state, "exempt")
            self.assertEqual(duty.shift_hours_to_do, 0.0)
            self.assertEqual(duty._coop_shift_duty_values()["label"], "Exempt")
        # candidates and former members have no duty status
        self.member_bob.state = "left"
        self.assertFalse(self.duty(self.member_bob, IN_CYCLE_2).shift_duty_state)
        self.assertFalse(self.member_bob._coop_shift_duty_values())

    def test_category_without_duty(self):
        itopie = self._member_category(code="supporter")
        self.member_bob.category_id = itopie
        bob = self.duty(self.member_bob, IN_CYCLE_2)
        self.assertEqual(bob.shift_duty_state, "exempt")
        self.assertFalse(bob._coop_shift_duty_values())

    def test_cycles_start_when_entering_the_category(self):
        """A member moved into the food category on 2 February owes nothing
        for January."""
        carla = self.env["res.partner"].create({"name": "Carla"})
        member = self._make_member(
            carla, category=self._member_category(code="supporter")
        )
        member.join_date = JOINED
        member._change_category(self.food, date=date(2026, 2, 2))
        duty = self.duty(member, IN_CYCLE_2)
        self.assertEqual(duty.shift_duty_state, "up_to_date")
        self.assertEqual(duty.shift_cycle_start, date(2026, 2, 2))

    def test_duty_counted_from(self):
        self.food.shift_duty_date_start = date(2026, 2, 2)
        bob = self.duty(self.member_bob, IN_CYCLE_2)
        self.assertEqual(bob.shift_duty_state, "up_to_date")
        self.assertEqual(bob.shift_cycle_end, date(2026, 3, 1))

    def test_cycle_in_days(self):
        self.food.write({"shift_cycle_length": 28, "shift_cycle_unit": "day"})
        self.assertEqual(
            self.duty(self.member_bob, IN_CYCLE_2).shift_duty_state, "late"
        )
        self.food.shift_cycle_length = 60
        bob = self.duty(self.member_bob, IN_CYCLE_2)
        self.assertEqual(bob.shift_duty_state, "up_to_date")
        self.assertEqual(bob.shift_cycle_end, date(2026, 3, 5))

    def test_pos_status_shows_the_duty(self):
        """The cashier's lookup carries the member's duty beside its status."""
        Partner = self.env["res.partner"].with_user(self.pos_user)
        status = Partner.with_context(coop_today=IN_CYCLE_2).coop_intercoop_pos_status(
            self.bob.id
        )
        self.assertEqual(status["kind"], "none")
        self.assertEqual(
            status["shift_duty"],
            {
                "state": "late",
                "label": "Late",
                "duty": 3.0,
                "done": 0.0,
                "overdue": 3.0,
                "to_do": 6.0,
                "cycle_end": "2026-03-01",
            },
        )
        # a customer who is not a member has no duty
        visitor = self.env["res.partner"].create({"name": "Visitor"})
        self.assertFalse(Partner.coop_intercoop_pos_status(visitor.id)["shift_duty"])

    def test_lookup_of_a_member_in_constant_queries(self):
        """The till's lookup of a member costs the same few queries whatever
        the member's hours (the contact, its benefits, the membership, its
        category, the day it entered it and its hours)."""
        Partner = self.env["res.partner"].with_user(self.pos_user)
        Partner.coop_intercoop_pos_status(self.bob.id)
        counts = []
        for day in (IN_CYCLE_1, date(2026, 1, 21), date(2026, 1, 22)):
            self._hours(self.bob, self.louve, 1.0, day)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Partner.with_context(coop_today=IN_CYCLE_2).coop_intercoop_pos_status(
                self.bob.id
            )
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(len(set(counts)), 1, counts)
        self.assertLessEqual(counts[0], 10, counts)

    def test_batch_in_constant_queries(self):
        """The list of members computes every duty in the same few queries."""
        Partner = self.env["res.partner"]
        for i in range(20):
            partner = Partner.create({"name": f"Member {i}"})
            self._shift_member(partner)
            self._hours(partner, self.louve, 3.0, IN_CYCLE_1)
        members = self.env["coop.membership"].search(
            [("category_id", "=", self.food.id)]
        )
        self.assertEqual(len(members), 22)
        members = members.with_context(coop_today=IN_CYCLE_2)
        self.env.invalidate_all()
        members.mapped("category_id.shift_duty_hours")
        with self.assertQueryCount(2):
            states = members.mapped("shift_duty_state")
        self.assertEqual(states.count("up_to_date"), 20)
        self.assertEqual(states.count("late"), 2)

    def test_demo_story(self):
        """Demo: Maialen did her 3 hours at HendayaKoop, Thomas none."""
        module = self.env["ir.module.module"].search([("name", "=", "coop_intercoop")])
        maialen = self.env.ref(
            "coop_intercoop.membership_maialen_demo", raise_if_not_found=False
        )
        if not module.demo:
            # installed without demo data: none of it is there
            self.assertFalse(maialen)
            return
        thomas = self.env.ref("coop_intercoop.membership_thomas_demo")
        self.assertEqual(maialen.category_id.shift_duty_hours, 3.0)
        self.assertEqual(maialen.category_id._shift_cycle_days(), 28)
        self.assertEqual(maialen.shift_duty_state, "up_to_date")
        self.assertEqual(maialen.shift_hours_to_do, 3.0)
        self.assertEqual(thomas.shift_duty_state, "late")
        self.assertEqual(thomas.shift_hours_to_do, 6.0)
