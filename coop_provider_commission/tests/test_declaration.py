# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import file_open, mute_logger

from odoo.addons.coop_spreadsheet_import.tests.common import csv_bytes, xlsx_bytes

from .common import CommissionCase

HEADER = ["client", "invoice_ref", "date", "amount"]


@tagged("post_install", "-at_install")
class TestDeclaration(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.declaration = cls.env["coop.commission.declaration"].create(
            {"provider_id": cls.provider.id, "date_from": date(2026, 3, 1)}
        )

    def test_period(self):
        self.assertEqual(self.declaration.date_to, date(2026, 3, 31))
        self.assertIn("2026-03", self.declaration.name)

    def test_import_fixture_csv(self):
        with file_open(
            "coop_provider_commission/tests/data/declaration_2026_03.csv", "rb"
        ) as fixture:
            lines = self.declaration._import_spreadsheet(
                "declaration_2026_03.csv", fixture.read()
            )
        self.assertEqual(len(lines), 3)
        self.assertEqual(self.declaration.amount_total, 10000.0)
        self.assertEqual(lines.client_id, self.client_a | self.client_b)

    def test_import_xlsx_with_wizard(self):
        content = xlsx_bytes(
            [
                HEADER + ["quantity"],
                ["Client Alpha", "X-1", date(2026, 3, 2), 1500.5, 2],
                ["Client Beta", "X-2", "2026-03-31", "500", None],
            ]
        )
        wizard = (
            self.env["coop.declaration.import.wizard"]
            .with_user(self.user)
            .create(
                {
                    "declaration_id": self.declaration.id,
                    "file": base64.b64encode(content),
                    "filename": "march.xlsx",
                }
            )
        )
        wizard.action_import()
        self.assertEqual(self.declaration.amount_total, 2000.5)
        self.assertEqual(self.declaration.line_ids.mapped("quantity"), [2.0, 1.0])

    def test_import_units_with_product(self):
        hosting = self.env["product.product"].create(
            {"name": "Hosting contract", "default_code": "HOST"}
        )
        content = xlsx_bytes(
            [
                HEADER + ["product", "quantity"],
                ["Client Alpha", "H-1", date(2026, 3, 2), 60, "HOST", 1],
                ["Client Beta", "H-2", date(2026, 3, 3), 60, "Hosting contract", 2],
            ]
        )
        self._assert_rejected(
            "bad.xlsx",
            xlsx_bytes(
                [
                    HEADER + ["product"],
                    ["Client Alpha", "H-9", date(2026, 3, 2), 60, "Nothing"],
                ]
            ),
            "Row 2: ",
            "unknown product Nothing",
        )
        lines = self.declaration._import_spreadsheet("hostings.xlsx", content)
        self.assertEqual(lines.product_id, hosting)
        self.assertEqual(sum(lines.mapped("quantity")), 3)

    def _assert_rejected(self, filename, content, *expected):
        with self.assertRaises(UserError) as error:
            self.declaration.import_spreadsheet(filename, content)
        message = str(error.exception.args[0])
        self.assertIn("Nothing was imported", message)
        for text in expected:
            self.assertIn(text, message)
        self.assertFalse(self.declaration.line_ids)
        return message

    def test_bad_files_one_per_error_kind(self):
        self._declaration(
            self.provider,
            date(2026, 2, 1),
            [(self.client_a, "FEB-1", date(2026, 2, 10), 100.0)],
        )
        good = ["Client Alpha", "OK-1", "2026-03-05", "100"]
        cases = [
            ("unknown client", ["Nobody SA", "B-1", "2026-03-05", "10"]),
            (
                "not in your network portfolio",
                ["Client Gamma", "B-1", "2026-03-05", "1"],
            ),
            ("already declared", ["Client Beta", "FEB-1", "2026-03-05", "10"]),
            ("appears twice", ["Client Beta", "OK-1", "2026-03-05", "10"]),
            ("is negative", ["Client Beta", "B-1", "2026-03-05", "-10"]),
            ("is not a number", ["Client Beta", "B-1", "2026-03-05", "lots"]),
            ("outside the declared period", ["Client Beta", "B-1", "2026-04-01", "1"]),
            ("not a valid date", ["Client Beta", "B-1", "31.02.2026", "1"]),
        ]
        for text, row in cases:
            for maker, name in ((csv_bytes, "bad.csv"), (xlsx_bytes, "bad.xlsx")):
                with self.subTest(error=text, file=name):
                    self._assert_rejected(
                        name, maker([HEADER, good, row]), "Row 3: ", text
                    )
        self._assert_rejected(
            "cols.csv", csv_bytes([["client", "amount"], ["A", 1]]), "Wrong columns"
        )
        self._assert_rejected(
            "cols.xlsx",
            xlsx_bytes([HEADER + ["colour"], good + ["red"]]),
            "Row 1: ",
            "colour",
        )
        self._assert_rejected("scan.pdf", b"%PDF-1.4", "Only CSV, XLSX, XLS and ODS")
        # Odoo's reader logs the files it cannot read
        with mute_logger("odoo.addons.base_import.models.base_import"):
            self._assert_rejected("broken.xlsx", b"PK not really", "cannot be read")

    def test_error_report_lists_every_row(self):
        message = self._assert_rejected(
            "many.csv",
            csv_bytes(
                [
                    HEADER,
                    ["Client Alpha", "M-1", "2026-03-05", "100"],
                    ["Nobody", "M-2", "2026-03-05", "100"],
                    ["Client Alpha", "M-3", "2026-03-05", "-1"],
                    ["Client Gamma", "M-4", "2026-07-05", "x"],
                ]
            ),
        )
        self.assertIn("5 error(s)", message)
        for row in ("Row 3:", "Row 4:", "Row 5:"):
            self.assertIn(row, message)
        self.assertNotIn("Row 2:", message)

    def test_declaring_for_another_providers_client(self):
        with self.assertRaisesRegex(ValidationError, "not in the network portfolio"):
            self.env["coop.commission.declaration.line"].create(
                {
                    "declaration_id": self.declaration.id,
                    "client_id": self.client_c.id,
                    "invoice_ref": "STEAL-1",
                    "date": date(2026, 3, 3),
                    "amount": 100,
                }
            )
        self.assertFalse(self.declaration.line_ids)

    def test_line_constraints(self):
        Line = self.env["coop.commission.declaration.line"]
        vals = {
            "declaration_id": self.declaration.id,
            "client_id": self.client_a.id,
            "invoice_ref": "C-1",
            "date": date(2026, 3, 3),
            "amount": 100,
        }
        with self.assertRaisesRegex(ValidationError, "negative"):
            Line.create(dict(vals, amount=-1))
        with self.assertRaisesRegex(ValidationError, "outside the declared period"):
            Line.create(dict(vals, date=date(2026, 4, 1)))
        Line.create(vals)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            Line.create(dict(vals, amount=5))
            self.env.flush_all()
        self.assertEqual(len(self.declaration.line_ids), 1)

    def test_workflow(self):
        self.declaration.with_user(self.user).action_submit()
        self.assertEqual(self.declaration.state, "submitted")
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            self.declaration.import_spreadsheet("x.csv", csv_bytes([HEADER]))
        self.declaration.with_user(self.manager).action_validate()
        self.assertEqual(self.declaration.state, "validated")
        self.declaration.with_user(self.manager).action_reset_draft()
        self.assertEqual(self.declaration.state, "draft")

    def test_reminder_cron(self):
        declarations = self.env["coop.commission.declaration"]
        self.company.coop_declaration_reminder_day = 10
        self.company.coop_commission_user_id = self.manager
        # before the reminder day: nothing
        self.assertFalse(declarations._cron_send_reminders(today=date(2026, 4, 9)))
        self.declaration.action_submit()
        reminded = declarations._cron_send_reminders(today=date(2026, 4, 10))
        # Anne has submitted March; Bruno has not declared at all
        self.assertNotIn(self.provider, reminded.provider_id)
        self.assertIn(self.provider2, reminded.provider_id)
        bruno = reminded.filtered(lambda d: d.provider_id == self.provider2)
        self.assertEqual(bruno.date_from, date(2026, 3, 1))
        self.assertEqual(bruno.state, "draft")
        self.assertTrue(bruno.reminder_sent)
        self.assertEqual(bruno.activity_ids.user_id, self.manager)
        message = bruno.message_ids.filtered(lambda m: self.provider2 in m.partner_ids)
        self.assertTrue(message)
        self.assertIn("turnover declaration", message.subject)
        # no second reminder for the same month
        again = declarations._cron_send_reminders(today=date(2026, 4, 11))
        self.assertNotIn(bruno, again)
        self.assertEqual(len(bruno.activity_ids), 1)

    def test_reminder_cron_in_batches(self):
        """One reminder a call: the cron is told what remains and calls again
        until every provider is reminded, each once."""
        self.company.coop_declaration_reminder_day = 10
        cron = self.env.ref("coop_provider_commission.ir_cron_declaration_reminder")
        declarations = self.env["coop.commission.declaration"]
        steps = []
        for _i in range(20):
            progress = self.env["ir.cron.progress"].create(
                {"cron_id": cron.id, "remaining": 0, "done": 0}
            )
            reminded = declarations.with_context(
                ir_cron_progress_id=progress.id
            )._cron_send_reminders(today=date(2026, 4, 10), batch_size=1)
            self.assertEqual(len(reminded), progress.done)
            steps.append((progress.done, progress.remaining))
            if not progress.remaining:
                break
        self.assertEqual(steps[-1], (1, 0))
        self.assertTrue(all(done == 1 for done, _remaining in steps))
        march = declarations.search(
            [
                ("provider_id", "in", (self.provider | self.provider2).ids),
                ("date_from", "=", date(2026, 3, 1)),
            ]
        )
        self.assertEqual(len(march), 2)
        self.assertTrue(all(march.mapped("reminder_sent")))
        self.assertEqual(len(march.activity_ids), 2)
