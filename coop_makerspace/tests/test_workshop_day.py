# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A Thursday evening at Electrolab's workshop (003 §8–9)."""

from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..tools import access as rules
from .workshop_common import THURSDAY, WorkshopCommon


@tagged("post_install", "-at_install")
class TestWorkshopAccess(WorkshopCommon):
    def test_yellow_member_uses_the_drill_press_alone_not_the_laser(self):
        self.assertEqual(
            self._may(self.camille, self.drill_press), (True, rules.ALLOWED)
        )
        self.assertEqual(self._may(self.camille, self.laser), (False, rules.NOT_ALONE))
        # with Hugo next to her, the red laser cutter is hers
        self.assertEqual(
            self._may(self.camille, self.laser, companions=self.hugo.partner_id),
            (True, rules.ALLOWED),
        )
        # Hugo was not trained: yellow and red refused, the green lathe is free
        self.assertEqual(
            self._may(self.hugo, self.drill_press), (False, rules.NOT_QUALIFIED)
        )
        self.assertEqual(
            self._may(self.hugo, self.laser, alone=False), (False, rules.NOT_QUALIFIED)
        )
        self.assertEqual(self._may(self.hugo, self.lathe), (True, rules.ALLOWED))

    def test_unlabelled_equipment_is_the_associations_and_green(self):
        self.assertEqual(self.lathe.coop_access_level_id, self.green)
        self.assertEqual(self.lathe._coop_owner_partner(), self.company.partner_id)
        self.assertEqual(self.oscilloscope._coop_owner_partner(), self.hugo.partner_id)

    def test_blue_needs_the_owner_or_a_board_member(self):
        board = self.board_member.partner_id
        hugo = self.hugo.partner_id
        table = [
            # (equipment, companions) -> reason
            (self.oscilloscope, board, rules.OWNER_OR_BOARD_ABSENT),
            (self.oscilloscope, hugo, rules.ALLOWED),
            (self.cnc, hugo, rules.OWNER_OR_BOARD_ABSENT),
            (self.cnc, board, rules.ALLOWED),
        ]
        for equipment, companions, code in table:
            with self.subTest(equipment=equipment.name, companions=companions.name):
                self.assertEqual(
                    self._may(self.camille, equipment, companions=companions),
                    (code == rules.ALLOWED, code),
                )
        # never alone, even for its owner's qualified friend
        self.assertEqual(
            self._may(self.camille, self.cnc, alone=True),
            (False, rules.OWNER_OR_BOARD_ABSENT),
        )

    def test_membership_and_fees_come_first(self):
        passive = self._member("Pat", self.cat_elab, "passive")
        self.assertEqual(
            self._may(passive, self.lathe), (False, rules.MEMBERSHIP_INACTIVE)
        )
        nobody = self.env["res.partner"].create({"name": "Visitor"})
        self.assertEqual(
            self.lathe._coop_check_access(nobody, at=THURSDAY, with_code=True),
            (False, rules.MEMBERSHIP_INACTIVE),
        )
        # a fee of the period started on 1 February not paid
        period = self.env["coop.fee.period"].create(
            {
                "scheme_id": self.scheme_4m.id,
                "date_start": date(2026, 2, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        self.env["coop.fee.line"].create(
            {
                "membership_id": self.camille.id,
                "period_id": period.id,
                "kind": "invoice",
                "amount": 40,
            }
        )
        self.assertEqual(
            self._may(self.camille, self.lathe), (False, rules.FEES_UNPAID)
        )
        # on 31 January the period had not started: nothing was owed yet
        self.assertEqual(
            self._may(self.camille, self.lathe, at=date(2026, 1, 31)),
            (True, rules.ALLOWED),
        )

    def test_qualification_dates(self):
        self.qualification_drill.date_expiry = date(2026, 3, 1)
        self.assertEqual(self.qualification_drill.state, "expired")
        self.assertEqual(
            self._may(self.camille, self.drill_press), (False, rules.NOT_QUALIFIED)
        )
        self.assertEqual(
            self._may(self.camille, self.drill_press, at=date(2026, 2, 20)),
            (True, rules.ALLOWED),
        )
        # before the board's decision the member was not qualified
        self.assertEqual(
            self._may(self.camille, self.drill_press, at=date(2026, 2, 4)),
            (False, rules.NOT_QUALIFIED),
        )
        Qualification = self.env["coop.makerspace.qualification"]
        self.assertIn(
            self.qualification_drill, Qualification.search([("state", "=", "expired")])
        )
        self.assertNotIn(
            self.qualification_drill, Qualification.search([("state", "=", "active")])
        )

    def test_translated_reasons(self):
        allowed, reason = self.laser._coop_check_access(
            self.camille.partner_id, at=THURSDAY
        )
        self.assertFalse(allowed)
        self.assertEqual(reason, "never alone: a qualified person must be present")

    def test_public_check_for_the_workshops_users(self):
        answer = self.laser.with_user(self.workshop_user).coop_makerspace_check_access(
            self.camille.partner_id.id, alone=False
        )
        self.assertEqual(answer, {"allowed": True, "reason": "allowed"})
        employee = self.user_coop  # a cooperative user outside the workshop
        with self.assertRaises(AccessError):
            self.laser.with_user(employee).coop_makerspace_check_access(
                self.camille.partner_id.id
            )
        with self.assertRaises(UserError):
            self.laser.with_user(self.workshop_user).coop_makerspace_check_access("x")


@tagged("post_install", "-at_install")
class TestWorkshopBoard(WorkshopCommon):
    def test_the_board_only_raises_a_level(self):
        drill = self.drill_press.with_user(self.board_user)
        table = [
            (self.red, None),
            (self.red, None),
            (self.yellow, "may only raise an access level"),
            (self.green, "may only raise an access level"),
            (self.blue, None),
        ]
        for level, error in table:
            with self.subTest(level=level.name):
                if error:
                    with self.assertRaisesRegex(UserError, error):
                        drill.coop_access_level_id = level
                else:
                    drill.coop_access_level_id = level
                    self.assertEqual(self.drill_press.coop_access_level_id, level)
        self.assertEqual(self.drill_press.coop_access_level_id, self.blue)
        with self.assertRaisesRegex(UserError, "cannot be removed"):
            drill.coop_access_level_id = False

    def test_users_cannot_change_levels(self):
        with self.assertRaisesRegex(AccessError, "Only the board"):
            self.lathe.with_user(self.workshop_user).write(
                {"coop_access_level_id": self.yellow.id}
            )
        self.assertEqual(self.lathe.coop_access_level_id, self.green)

    def test_only_the_board_qualifies(self):
        before = self._workshop_counts()
        vals = {
            "membership_id": self.hugo.id,
            "equipment_id": self.drill_press.id,
            "decision_date": date(2026, 3, 12),
        }
        Qualification = self.env["coop.makerspace.qualification"]
        for user in (self.workshop_user, self.user_coop):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Qualification.with_user(user).create(vals)
        with self.assertRaises(AccessError):
            self.qualification_drill.with_user(
                self.workshop_user
            ).date_expiry = THURSDAY
        self.assertEqual(self._workshop_counts(), before)
        Qualification.with_user(self.board_user).create(vals)
        self.assertEqual(self._may(self.hugo, self.drill_press), (True, rules.ALLOWED))

    def test_a_qualification_has_one_target_and_sane_dates(self):
        before = self._workshop_counts()
        Qualification = self.env["coop.makerspace.qualification"].with_user(
            self.board_user
        )
        bad = [
            {"membership_id": self.hugo.id},
            {
                "membership_id": self.hugo.id,
                "equipment_id": self.lathe.id,
                "category_id": self.lasers.id,
            },
            {
                "membership_id": self.hugo.id,
                "equipment_id": self.lathe.id,
                "decision_date": date(2026, 3, 1),
                "date_expiry": date(2026, 2, 1),
            },
        ]
        for vals in bad:
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Qualification.create(vals)
        self.assertEqual(self._workshop_counts(), before)


@tagged("post_install", "-at_install")
class TestWorkshopDefects(WorkshopCommon):
    def test_a_danger_withdraws_the_lathe_until_repaired(self):
        self.assertEqual(self._may(self.hugo, self.lathe), (True, rules.ALLOWED))
        self.lathe.with_user(self.workshop_user).report_danger(
            "Bare wires at the motor's junction box"
        )
        self.assertTrue(self.lathe.coop_withdrawn)
        self.assertEqual(self._may(self.hugo, self.lathe), (False, rules.WITHDRAWN))
        _allowed, reason = self.lathe._coop_check_access(
            self.hugo.partner_id, at=THURSDAY
        )
        self.assertEqual(reason, "withdrawn: defect")
        request = self.lathe.coop_danger_request_ids
        self.assertEqual(len(request), 1)
        self.assertFalse(request.done)
        self.assertEqual(request.owner_user_id, self.workshop_user)
        # the board is alerted at once
        alerted = request.activity_ids.user_id
        self.assertIn(self.board_user, alerted)
        self.assertNotIn(self.workshop_user, alerted)
        # repaired: the request reaches a done stage, the lathe is back
        done = self.env["maintenance.stage"].search([("done", "=", True)], limit=1)
        request.stage_id = done
        self.assertFalse(self.lathe.coop_withdrawn)
        self.assertEqual(self._may(self.hugo, self.lathe), (True, rules.ALLOWED))
        # reopened: withdrawn again
        request.stage_id = self.env["maintenance.stage"].search(
            [("done", "=", False)], limit=1
        )
        self.assertTrue(self.lathe.coop_withdrawn)

    def test_a_danger_report_is_described_by_a_member(self):
        before = self._workshop_counts()
        lathe = self.lathe.with_user(self.workshop_user)
        for description in ("", "   ", None, 42, "x" * 2001):
            with (
                self.subTest(description=str(description)[:10]),
                self.assertRaises(UserError),
            ):
                lathe.report_danger(description)
        employee = self.user_coop
        with self.assertRaises(AccessError):
            self.lathe.with_user(employee).report_danger("Smoke")
        self.assertEqual(self._workshop_counts(), before)
        self.assertFalse(self.lathe.coop_withdrawn)

    def test_the_wizard_reports(self):
        wizard = (
            self.env["coop.makerspace.danger.report"]
            .with_user(self.workshop_user)
            .create(
                {"equipment_id": self.drill_press.id, "description": "Guard removed"}
            )
        )
        wizard.action_report()
        self.assertTrue(self.drill_press.coop_withdrawn)


@tagged("post_install", "-at_install")
class TestWorkshopBadges(WorkshopCommon):
    def test_badge_numbers_are_unique_and_bounded(self):
        self.camille.coop_badge_number = "04A2-3F19-7C"
        with self.assertRaises(ValidationError):
            self.hugo.coop_badge_number = "x" * 33
        with self.assertRaises(ValidationError):
            self.hugo.coop_badge_number = " 04A2"
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.hugo.coop_badge_number = "04A2-3F19-7C"
            self.env.flush_all()

    def test_the_key_is_shown_once_and_stored_hashed(self):
        device = self.env["coop.makerspace.badge.device"].create(
            {"name": "Laser reader", "equipment_id": self.laser.id}
        )
        with self.assertRaises(AccessError):
            device.with_user(self.workshop_user).action_generate_key()
        action = device.with_user(self.board_user).action_generate_key()
        key = action["context"]["default_key"]
        self.assertEqual(len(key), 40)
        self.assertNotIn(key, device.key_hash)
        self.assertEqual(device.key_index, key[:8])
        Device = self.env["coop.makerspace.badge.device"]
        self.assertEqual(Device._coop_find_by_key(key), device)
        for wrong in (
            key[:-1] + "0" if key[-1] != "0" else key[:-1] + "1",
            "",
            None,
            1,
        ):
            self.assertFalse(Device._coop_find_by_key(wrong))

    def test_the_log_is_read_only(self):
        device = self.env["coop.makerspace.badge.device"].create({"name": "Door"})
        log = (
            self.env["coop.makerspace.badge.log"]
            .sudo()
            .create({"device_id": device.id, "badge_number": "1", "allowed": False})
        )
        with self.assertRaises(AccessError):
            log.with_user(self.board_user).write({"allowed": True})
        with self.assertRaises(AccessError):
            log.with_user(self.board_user).unlink()
        with self.assertRaises(AccessError):
            self.env["coop.makerspace.badge.log"].with_user(self.board_user).create(
                {"device_id": device.id}
            )
        self.assertEqual(log.with_user(self.board_user).reason_code, False)

    def test_a_badge_check_costs_few_queries(self):
        self.camille.coop_badge_number = "04A2-3F19-7C"
        device = self.env["coop.makerspace.badge.device"].create({"name": "Door"})
        device._coop_badge_check("04A2-3F19-7C", self.laser)
        self.env.invalidate_all()
        # find the member, her status and fees, the qualification, the
        # board, and write the log: a constant number, whoever badges
        with self.assertQueryCount(17):
            device._coop_badge_check("04A2-3F19-7C", self.laser)
