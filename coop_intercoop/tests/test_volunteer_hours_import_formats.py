# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The files the hours import reads through coop_spreadsheet_import (the
same files as the declaration import of coop_provider_commission)."""

import base64
from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tools import mute_logger

from odoo.addons.coop_spreadsheet_import.tests.common import (
    READER_LOGGER,
    csv_bytes,
    spreadsheet_files,
    xlsx_bytes,
)

from .common import IntercoopCase

FRENCH = ["Courriel", "Nom", "Date", "Heures", "Activité"]
ENGLISH = ["member_email", "member_name", "date", "hours", "activity"]


class TestVolunteerHoursImportFormats(IntercoopCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        coop = Partner.create({"name": "La Louve", "is_company": True})
        cls.agreement = cls.env["coop.intercoop.agreement"].create(
            {
                "name": "Pooling",
                "partner_coop_id": coop.id,
                "date_start": date(2026, 1, 1),
                "pool_volunteer_hours": True,
                "state": "active",
            }
        )
        cls.ana = Partner.create({"name": "Anaïs", "email": "ana@home.coop"})
        cls.bob = Partner.create({"name": "Bob", "email": "bob@home.coop"})
        cls._make_member(cls.ana)
        cls._make_member(cls.bob)

    def _import(self, filename, content):
        wizard = (
            self.env["coop.volunteer.hours.import"]
            .with_user(self.manager)
            .create(
                {
                    "agreement_id": self.agreement.id,
                    "csv_file": base64.b64encode(content),
                    "csv_filename": filename,
                }
            )
        )
        return wizard.action_import()

    def _count(self):
        return self.env["coop.volunteer.hours"].search_count([])

    def test_every_format_imports(self):
        """Comma UTF-8, semicolon latin-1, tab UTF-8 with a BOM, XLSX; English
        or French headers; ISO, Swiss or French dates; decimal comma."""
        for index, header in enumerate((ENGLISH, FRENCH)):
            rows = [
                header,
                ["ana@home.coop", "Anaïs", date(2026, 5, 2 + index), "2,5", "Épicerie"],
                ["BOB@home.coop", "Bob", date(2026, 5, 4 + index), "3", "Caisse"],
            ]
            for filename, content in spreadsheet_files(rows, "heures"):
                with self.subTest(filename=filename, header=header[0]):
                    action = self._import(filename, content)
                    lines = self.env["coop.volunteer.hours"].search(action["domain"])
                    self.assertEqual(
                        sorted(
                            (x.partner_id.name, x.date, x.hours, x.activity)
                            for x in lines
                        ),
                        [
                            ("Anaïs", date(2026, 5, 2 + index), 2.5, "Épicerie"),
                            ("Bob", date(2026, 5, 4 + index), 3.0, "Caisse"),
                        ],
                    )
                    lines.unlink()

    def test_every_format_refuses_with_row_numbers(self):
        """Every bad row named by its spreadsheet row number, nothing written."""
        rows = [
            FRENCH,
            ["ana@home.coop", "Anaïs", date(2026, 5, 2), "2", "Épicerie"],
            ["zoe@else.coop", "Zoé", date(2026, 5, 2), "2", "Épicerie"],
            ["bob@home.coop", "Bob", "31.02.2026", "25", "Caisse"],
        ]
        count = self._count()
        for filename, content in spreadsheet_files(rows, "heures"):
            with self.subTest(filename=filename):
                with self.assertRaises(UserError) as error:
                    self._import(filename, content)
                message = str(error.exception)
                self.assertIn("Nothing was imported", message)
                self.assertIn("Row 3: unknown member zoe@else.coop", message)
                self.assertIn("Row 4: the date 31.02.2026 is not a valid date", message)
                self.assertIn("Row 4: invalid hours 25", message)
                self.assertNotIn("Row 2", message)
                self.assertEqual(self._count(), count)

    def test_xlsx_datetime_cell(self):
        rows = [
            ENGLISH,
            ["ana@home.coop", "Ana", datetime(2026, 5, 2, 0, 0), 4, "Shift"],
        ]
        self._import("hours.xlsx", xlsx_bytes(rows))
        line = self.env["coop.volunteer.hours"].search(
            [("partner_id", "=", self.ana.id)]
        )
        self.assertEqual((line.date, line.hours), (date(2026, 5, 2), 4.0))

    def test_unreadable_files(self):
        count = self._count()
        good = csv_bytes(
            [ENGLISH, ["ana@home.coop", "Ana", "2026-05-02", "3", "Shift"]]
        )
        with self.assertRaisesRegex(UserError, r"can be imported \(hours\.pdf\)"):
            self._import("hours.pdf", good)
        with (
            mute_logger(READER_LOGGER),
            self.assertRaisesRegex(UserError, "The file cannot be read"),
        ):
            self._import("hours.xlsx", b"not a workbook")
        self.assertEqual(self._count(), count)
