# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Co-financed developments: who may do what, and bad input refused with a
clear error, nothing written."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .komunigi_common import KomunigiCase

HOURS_CSV = (
    "development_id,date,hours,name,worker\n"
    "Imported wallet,2026-11-03,4,Analysis,Coop IT Easy\n"
    "Imported wallet,2026-11-20,6,Wallet at the till,Coop IT Easy\n"
)


@tagged("post_install", "-at_install")
class TestSharedDevelopmentSecurity(KomunigiCase):
    def _count(self, model):
        return self.env[model].search_count([])

    def test_only_managers_start_invoice_and_buy_in(self):
        development = self.env["coop.shared.development"].create(
            {"name": "Draft", "hourly_rate": 80}
        )
        with self.assertRaisesRegex(UserError, "Only inter-cooperation managers"):
            development.with_user(self.user).action_open()
        development = self._development()
        self._hours(development.with_user(self.user), date(2026, 11, 3), 10)
        period = self._period(development)
        moves = self._count("account.move")
        with self.assertRaisesRegex(UserError, "Only inter-cooperation managers"):
            period.with_user(self.user).action_invoice()
        with self.assertRaisesRegex(UserError, "Only inter-cooperation managers"):
            development.participant_ids[0].with_user(self.user).action_invoice_buy_in()
        self.assertEqual(self._count("account.move"), moves)
        with self.assertRaises(AccessError):
            self.env["coop.shared.development"].with_user(self.user).create(
                {"name": "Mine", "hourly_rate": 1}
            )

    def test_hours_join_a_period_only_by_invoicing(self):
        development = self._development()
        hours = self._hours(development, date(2026, 11, 3), 10)
        period = self._period(development)
        with self.assertRaisesRegex(UserError, "by invoicing the period"):
            hours.with_user(self.user).write({"period_id": period.id})
        period.action_invoice()
        with self.assertRaisesRegex(UserError, "by invoicing the period"):
            hours.with_user(self.manager).write({"period_id": False})
        self.assertEqual(hours.period_id, period)

    def test_portal_and_other_company_see_nothing(self):
        development = self._development()
        portal = new_test_user(
            self.env, login="komunigi_portal", groups="base.group_portal"
        )
        with self.assertRaises(AccessError):
            development.with_user(portal).read(["name"])
        company2 = self.env["res.company"].create({"name": "Other network"})
        manager2 = new_test_user(
            self.env,
            login="komunigi_manager2",
            company_id=company2.id,
            company_ids=[(6, 0, company2.ids)],
            groups="coop_intercoop.group_coop_intercoop_manager",
        )
        Development = self.env["coop.shared.development"].with_user(manager2)
        self.assertFalse(Development.search([("id", "=", development.id)]))

    def test_bad_numbers_refused(self):
        Development = self.env["coop.shared.development"]
        before = self._count("coop.shared.development")
        for vals in (
            {"hourly_rate": float("inf")},
            {"hourly_rate": float("nan")},
            {"hourly_rate": -1},
            {"hourly_rate": 80, "budget_hours": -5},
            {"hourly_rate": 80, "buy_in_percent": 101},
            {"hourly_rate": 80, "name": "x" * 129},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Development.create({"name": "Bad", **vals})
        self.assertEqual(self._count("coop.shared.development"), before)
        development = self._development()
        before = self._count("coop.shared.development.hours")
        for hours in (25, 0, -1, float("inf")):
            with self.subTest(hours=hours), self.assertRaises(ValidationError):
                self._hours(development, date(2026, 11, 3), hours)
        with self.assertRaises(ValidationError):
            development.participant_ids[0].share_percent = 120
        self.assertEqual(self._count("coop.shared.development.hours"), before)

    def test_incomplete_shares_and_bad_periods_refused(self):
        development = self.env["coop.shared.development"].create(
            {
                "name": "Incomplete",
                "hourly_rate": 80,
                "participant_ids": [
                    (0, 0, {"partner_id": self.bees.id, "share_percent": 60}),
                    (0, 0, {"partner_id": self.spp.id, "share_percent": 30}),
                ],
            }
        )
        with self.assertRaisesRegex(ValidationError, "add up to 90.0 %, not 100 %"):
            development.action_open()
        self.assertEqual(development.state, "draft")
        with self.assertRaisesRegex(UserError, "in progress only"):
            self._hours(development, date(2026, 11, 3), 1)
        development = self._development()
        period = self._period(development)
        with self.assertRaisesRegex(UserError, "no hours to invoice"):
            period.action_invoice()
        with self.assertRaisesRegex(ValidationError, "cannot end before"):
            self._period(development, (date(2026, 11, 30), date(2026, 11, 1)))
        with self.assertRaisesRegex(ValidationError, "cannot overlap"):
            self._period(development, (date(2026, 11, 15), date(2026, 12, 15)))
        self._hours(development, date(2025, 12, 1), 1)  # before anyone joined
        with self.assertRaisesRegex(UserError, "before any participant"):
            period.action_invoice()
        self.assertEqual(period.state, "draft")
        self.assertFalse(period.line_ids)

    def test_hours_imported_with_odoo_import(self):
        development = self._development(name="Imported wallet")
        Import = self.env["base_import.import"].with_user(self.user)
        options = {"has_headers": True, "separator": ",", "quoting": '"'}
        columns = ["development_id", "date", "hours", "name", "worker"]
        wizard = Import.create(
            {
                "res_model": "coop.shared.development.hours",
                "file": HOURS_CSV.encode(),
                "file_type": "text/csv",
            }
        )
        result = wizard.execute_import(columns, columns, options)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(development.hours_done, 10)
        # one bad row (30 hours in a day): nothing of the file is imported
        wizard = Import.create(
            {
                "res_model": "coop.shared.development.hours",
                "file": (HOURS_CSV + "Imported wallet,2026-11-21,30,Typo,X\n").encode(),
                "file_type": "text/csv",
            }
        )
        result = wizard.execute_import(columns, columns, options)
        self.assertTrue(result["messages"])
        self.assertFalse(result["ids"])
        development.invalidate_recordset()
        self.assertEqual(development.hours_done, 10)
