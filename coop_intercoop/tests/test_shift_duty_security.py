# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shift duty over HTTP: the member's portal line, portal members against
each other, low-privilege users, the category's duty as bad input."""

from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import IntercoopHttpCase
from .shift_common import ShiftDutyMixin

ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install")
class TestShiftDutySecurity(ShiftDutyMixin, IntercoopHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_shift_duty()
        # A and B joined 40 days ago: their first 4-week cycle is over; A did
        # its 3 hours at La Louve (pooled), B did nothing
        today = fields.Date.today()
        joined = today - timedelta(days=40)
        cls.member_a = cls._shift_member(cls.portal_a.partner_id, joined=joined)
        cls.member_b = cls._shift_member(cls.portal_b.partner_id, joined=joined)
        cls._hours(cls.portal_a.partner_id, cls.louve, 3.0, today - timedelta(days=20))
        cls.coop_manager = new_test_user(
            cls.env, login="sd_manager", groups="coop_membership.group_coop_manager"
        )
        cls.coop_user = new_test_user(
            cls.env, login="sd_user", groups="coop_membership.group_coop_user"
        )
        cls.internal = new_test_user(cls.env, login="sd_internal")

    def assertAccessRefused(self, reply, counts):
        """The reply is Odoo's access error and ``counts`` did not change."""
        self.assertIn("error", reply, f"not refused: {reply.get('result')}")
        self.assertEqual(reply["error"]["data"]["name"], ACCESS_ERROR)
        self.assertRefused(reply, "", counts)

    def _portal_page(self, user):
        self.authenticate(user.login, user.login + "x" * (8 - len(user.login)))
        page = self.url_open("/my/membership")
        self.assertEqual(page.status_code, 200)
        return page.text

    def test_portal_line(self):
        """Each member sees their own duty on the portal, not the other's."""
        page_a = self._portal_page(self.portal_a)
        self.assertIn("Shift duty:", page_a)
        self.assertIn("Up to date", page_a)
        self.assertIn("3.00</span> h to do", page_a)
        self.assertNotIn("Late", page_a)
        page_b = self._portal_page(self.portal_b)
        self.assertIn("Late", page_b)
        self.assertIn("6.00</span> h to do", page_b)
        self.assertNotIn(self.member_a.name, page_b)

    def test_portal_reads_own_duty_only(self):
        fields_ = ["shift_duty_state", "shift_hours_to_do"]
        own = self.rpc(
            self.portal_a, "coop.membership", "read", [self.member_a.id], fields_
        )["result"]
        self.assertEqual(own[0]["shift_duty_state"], "up_to_date")
        reply = self.rpc(
            self.portal_a, "coop.membership", "read", [self.member_b.id], fields_
        )
        self.assertAccessRefused(reply, {})
        # nor the hours behind it, nor the till's lookup
        for model, method, args in (
            ("coop.volunteer.hours", "search_read", ([], ["hours"])),
            (
                "res.partner",
                "coop_intercoop_pos_status",
                (self.member_b.partner_id.id,),
            ),
        ):
            with self.subTest(model=model):
                reply = self.rpc(self.portal_a, model, method, *args)
                self.assertAccessRefused(reply, {})

    def test_internal_user_reads_no_duty(self):
        reply = self.rpc(
            self.internal,
            "coop.membership",
            "read",
            [self.member_b.id],
            ["shift_duty_state"],
        )
        self.assertAccessRefused(reply, {})
        # the cooperative's staff do, the cashier at the till too
        staff = self.rpc(
            self.coop_user,
            "coop.membership",
            "read",
            [self.member_b.id],
            ["shift_duty_state", "shift_hours_to_do"],
        )["result"]
        self.assertEqual(staff[0]["shift_duty_state"], "late")
        self.assertEqual(staff[0]["shift_hours_to_do"], 6.0)
        status = self.rpc(
            self.pos_user,
            "res.partner",
            "coop_intercoop_pos_status",
            self.member_b.partner_id.id,
        )["result"]
        self.assertEqual(status["shift_duty"]["state"], "late")
        self.assertEqual(status["shift_duty"]["to_do"], 6.0)

    def test_staff_user_cannot_change_the_duty(self):
        counts = self.snapshot(
            ("coop.member.category", [("shift_duty_hours", "=", 3.0)]),
            ("coop.membership", [("shift_exempt", "=", True)]),
        )
        for user in (self.coop_user, self.pos_user, self.portal_a):
            with self.subTest(user=user.login):
                reply = self.rpc(
                    user,
                    "coop.member.category",
                    "write",
                    [self.food.id],
                    {"shift_duty_hours": 0},
                )
                self.assertAccessRefused(reply, counts)
                reply = self.rpc(
                    user,
                    "coop.membership",
                    "write",
                    [self.member_b.id],
                    {"shift_exempt": True},
                )
                self.assertAccessRefused(reply, counts)
        self.assertEqual(self.food.shift_duty_hours, 3.0)
        self.assertFalse(self.member_b.shift_exempt)

    def test_category_duty_bad_input(self):
        counts = self.snapshot(
            ("coop.member.category", [("shift_duty_hours", "=", 3.0)]),
            ("coop.member.category", [("shift_cycle_length", "=", 4)]),
        )
        cases = [
            ({"shift_duty_hours": -3}, "from 0 to 1000"),
            ({"shift_duty_hours": float("nan")}, "from 0 to 1000"),
            ({"shift_duty_hours": 1001}, "from 0 to 1000"),
            ({"shift_cycle_length": -4}, "from 0 to 366"),
            ({"shift_cycle_length": 10**10}, "from 0 to 366"),
            ({"shift_cycle_length": 0}, "at least one day or week"),
            ({"shift_cycle_unit": "month"}, "Wrong value"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals):
                reply = self.rpc(
                    self.coop_manager,
                    "coop.member.category",
                    "write",
                    [self.food.id],
                    vals,
                )
                self.assertRefused(reply, message, counts)
        # a manager may set a duty within bounds
        reply = self.rpc(
            self.coop_manager,
            "coop.member.category",
            "write",
            [self.food.id],
            {"shift_cycle_length": 28, "shift_cycle_unit": "day"},
        )
        self.assertTrue(reply["result"])
