# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import IntercoopCase

HEADER = "member_email,member_name,date,hours,activity\n"


class TestVolunteerHours(IntercoopCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.pooling_coop = Partner.create({"name": "La Louve", "is_company": True})
        cls.other_coop = Partner.create({"name": "Not pooling", "is_company": True})
        Agreement = cls.env["coop.intercoop.agreement"]
        cls.agreement = Agreement.create(
            {
                "name": "Pooling",
                "partner_coop_id": cls.pooling_coop.id,
                "date_start": date(2026, 1, 1),
                "pool_volunteer_hours": True,
                "state": "active",
            }
        )
        cls.agreement_no_pool = Agreement.create(
            {
                "name": "No pooling",
                "partner_coop_id": cls.other_coop.id,
                "date_start": date(2026, 1, 1),
                "state": "active",
            }
        )
        cls.ana = Partner.create({"name": "Ana", "email": "ana@home.coop"})
        cls.bob = Partner.create({"name": "Bob", "email": "bob@home.coop"})
        cls._make_member(cls.ana)
        cls._make_member(cls.bob)
        cls.visitor = Partner.create(
            {
                "name": "Louve member",
                "email": "lm@louve.coop",
                "coop_intercoop_agreement_id": cls.agreement.id,
            }
        )

    def _hours(self, partner, coop, hours, day=date(2026, 5, 2), activity="Shop shift"):
        return (
            self.env["coop.volunteer.hours"]
            .with_user(self.user)
            .create(
                {
                    "partner_id": partner.id,
                    "cooperative_id": coop.id,
                    "date": day,
                    "hours": hours,
                    "activity": activity,
                }
            )
        )

    def test_pooled_hours_appear_at_home(self):
        self._hours(self.ana, self.company.partner_id, 2.0)
        pooled = self._hours(self.ana, self.pooling_coop, 3.0)
        not_pooled = self._hours(self.ana, self.other_coop, 5.0)
        self.assertTrue(pooled.is_external)
        self.assertTrue(pooled.counts_at_home)
        self.assertEqual(pooled.agreement_id, self.agreement)
        self.assertFalse(not_pooled.counts_at_home)
        self.assertEqual(self.ana.coop_volunteer_hours_home, 5.0)

    def test_pooled_hours_follow_the_agreement_dates(self):
        # hours count at home when an agreement pooling hours was in force on
        # their day, whatever happens to the agreement afterwards
        before = self._hours(self.ana, self.pooling_coop, 1.0, day=date(2025, 12, 31))
        during = self._hours(self.ana, self.pooling_coop, 2.0, day=date(2026, 3, 2))
        self.assertFalse(before.counts_at_home)
        self.assertTrue(during.counts_at_home)
        # the agreement ends in April: March hours still count, May ones do not
        self.agreement.date_end = date(2026, 4, 30)
        after = self._hours(self.ana, self.pooling_coop, 4.0, day=date(2026, 5, 2))
        self.assertTrue(during.counts_at_home)
        self.assertFalse(after.counts_at_home)
        self.assertFalse(after.agreement_id)
        self.ana.invalidate_recordset(["coop_volunteer_hours_home"])
        self.assertEqual(self.ana.coop_volunteer_hours_home, 2.0)
        # a new agreement signed for May links the May hours
        renewal = self.env["coop.intercoop.agreement"].create(
            {
                "name": "Pooling again",
                "partner_coop_id": self.pooling_coop.id,
                "date_start": date(2026, 5, 1),
                "pool_volunteer_hours": True,
            }
        )
        self.assertFalse(after.counts_at_home, "a draft agreement grants nothing")
        renewal.action_sign()
        self.assertEqual(after.agreement_id, renewal)
        self.assertTrue(after.counts_at_home)
        self.ana.invalidate_recordset(["coop_volunteer_hours_home"])
        self.assertEqual(self.ana.coop_volunteer_hours_home, 6.0)

    def test_duplicate_line_refused(self):
        self._hours(self.ana, self.pooling_coop, 3.0)
        with self.assertRaisesMsg(ValidationError, "already recorded"):
            self._hours(self.ana, self.pooling_coop, 1.0, activity="shop shift")
        # "_" and "%" in an activity are letters, not wildcards
        self._hours(self.ana, self.pooling_coop, 1.0, activity="ShiftBA")
        self._hours(self.ana, self.pooling_coop, 1.0, activity="Shift_A")
        self._hours(self.ana, self.pooling_coop, 1.0, activity="100 pct")
        self._hours(self.ana, self.pooling_coop, 1.0, activity="100%")

    def test_statement_and_export(self):
        self._hours(self.visitor, self.company.partner_id, 3.0)
        self._hours(self.ana, self.pooling_coop, 2.5)
        self._hours(self.ana, self.pooling_coop, 1.0, day=date(2026, 7, 1))
        statement = (
            self.env["coop.volunteer.hours.statement"]
            .with_user(self.user)
            .create(
                {
                    "agreement_id": self.agreement.id,
                    "date_from": date(2026, 5, 1),
                    "date_to": date(2026, 5, 31),
                }
            )
        )
        self.assertEqual(statement.here_hours, 3.0)
        self.assertEqual(statement.there_hours, 2.5)
        action = statement.action_export_csv()
        self.assertIn("/web/content/", action["url"])
        text = base64.b64decode(statement.csv_file).decode()
        self.assertEqual(
            text, HEADER + "lm@louve.coop,Louve member,2026-05-02,3.00,Shop shift\n"
        )

    def _import(self, body):
        wizard = (
            self.env["coop.volunteer.hours.import"]
            .with_user(self.manager)
            .create(
                {
                    "agreement_id": self.agreement.id,
                    "csv_file": base64.b64encode((HEADER + body).encode()),
                }
            )
        )
        return wizard.action_import()

    def test_import_all_or_nothing(self):
        action = self._import(
            "ana@home.coop,Ana,2026-05-02,3,Shop shift\n"
            "BOB@home.coop,Bob,2026-05-03,2.5,Cashier\n"
        )
        lines = self.env["coop.volunteer.hours"].search(action["domain"])
        self.assertEqual(len(lines), 2)
        self.assertEqual(set(lines.mapped("cooperative_id")), {self.pooling_coop})
        self.assertEqual(self.ana.coop_volunteer_hours_home, 3.0)
        self.assertEqual(self.bob.coop_volunteer_hours_home, 2.5)
        count = self.env["coop.volunteer.hours"].search_count([])
        # unknown member on row 3: nothing of the file is imported
        with self.assertRaisesMsg(UserError, "Row 3: unknown member zoe@else.coop"):
            self._import(
                "ana@home.coop,Ana,2026-06-02,3,Shop shift\n"
                "zoe@else.coop,Zoe,2026-06-02,3,Shop shift\n"
            )
        # duplicate lines in the file, and a line already imported
        with self.assertRaisesMsg(UserError, "Row 3: duplicate line for ana@home.coop"):
            self._import(
                "ana@home.coop,Ana,2026-06-03,3,Shop shift\n"
                "ana@home.coop,Ana,2026-06-03,3,Shop shift\n"
            )
        with self.assertRaisesMsg(UserError, "Row 2: hours of ana@home.coop already"):
            self._import("ana@home.coop,Ana,2026-05-02,3,Shop shift\n")
        self.assertEqual(self.env["coop.volunteer.hours"].search_count([]), count)

    def test_import_refuses_non_members(self):
        self.env["res.partner"].create({"name": "Carl", "email": "carl@home.coop"})
        with self.assertRaisesMsg(UserError, "unknown member carl@home.coop"):
            self._import("carl@home.coop,Carl,2026-05-02,3,Shop shift\n")
