# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The files the declaration import reads through coop_spreadsheet_import
(the same files as the volunteer hours import of coop_intercoop)."""

from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.coop_spreadsheet_import.tests.common import (
    READER_LOGGER,
    csv_bytes,
    spreadsheet_files,
    xlsx_bytes,
)

from .common import CommissionCase

FRENCH = ["Client", "Référence facture", "Date facture", "Montant", "Quantité"]
ENGLISH = ["client", "invoice_ref", "date", "amount", "quantity"]


@tagged("post_install", "-at_install")
class TestDeclarationImportFormats(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.declaration = cls.env["coop.commission.declaration"].create(
            {"provider_id": cls.provider.id, "date_from": date(2026, 3, 1)}
        )

    def _import(self, filename, content):
        return self.declaration.with_user(self.user).import_spreadsheet(
            filename, content
        )

    def _count(self):
        return self.env["coop.commission.declaration.line"].search_count([])

    def test_every_format_imports(self):
        """Comma UTF-8, semicolon latin-1, tab UTF-8 with a BOM, XLSX, XLS,
        ODS; English or French headers; Swiss dates or date cells; decimal
        comma and Swiss thousands."""
        for index, header in enumerate((ENGLISH, FRENCH)):
            rows = [
                header,
                [
                    "Client Alpha",
                    f"É-{index}",
                    date(2026, 3, 2 + index),
                    "1'000,5",
                    "2",
                ],
                ["CA", f"F-{index}", date(2026, 3, 4 + index), "300", ""],
            ]
            for filename, content in spreadsheet_files(rows, "mars"):
                with self.subTest(filename=filename, header=header[1]):
                    self._import(filename, content)
                    lines = self.declaration.line_ids
                    self.assertEqual(
                        sorted(
                            (x.client_id, x.invoice_ref, x.date, x.amount, x.quantity)
                            for x in lines
                        ),
                        [
                            (
                                self.client_a,
                                f"F-{index}",
                                date(2026, 3, 4 + index),
                                300.0,
                                1.0,
                            ),
                            (
                                self.client_a,
                                f"É-{index}",
                                date(2026, 3, 2 + index),
                                1000.5,
                                2.0,
                            ),
                        ],
                    )
                    lines.unlink()

    def test_every_format_refuses_with_row_numbers(self):
        """Every bad row named by its spreadsheet row number, nothing written;
        another provider's client is refused as for the portal."""
        rows = [
            FRENCH,
            ["Client Alpha", "É-1", date(2026, 3, 2), "100", "1"],
            ["Client Gamma", "É-2", date(2026, 3, 2), "100", "1"],
            ["Client Beta", "É-3", "31.02.2026", "-5", "1"],
        ]
        count = self._count()
        for filename, content in spreadsheet_files(rows, "mars"):
            with self.subTest(filename=filename):
                with self.assertRaises(UserError) as error:
                    self._import(filename, content)
                message = str(error.exception)
                self.assertIn("Nothing was imported, 3 error(s)", message)
                self.assertIn(
                    "Row 3: client Client Gamma is not in your network portfolio",
                    message,
                )
                self.assertIn("Row 4: the date 31.02.2026 is not a valid date", message)
                self.assertIn("Row 4: the amount -5 is negative", message)
                self.assertNotIn("Row 2", message)
                self.assertEqual(self._count(), count)

    def test_xlsx_datetime_cell(self):
        rows = [ENGLISH[:4], ["Client Beta", "D-1", datetime(2026, 3, 9, 0, 0), 12.5]]
        self._import("march.xlsx", xlsx_bytes(rows))
        line = self.declaration.line_ids
        self.assertEqual(
            (line.client_id, line.date, line.amount),
            (self.client_b, date(2026, 3, 9), 12.5),
        )

    def test_unreadable_files(self):
        count = self._count()
        good = csv_bytes([ENGLISH[:4], ["Client Alpha", "R-1", "2026-03-05", "3"]])
        with self.assertRaisesRegex(UserError, r"can be imported \(march\.pdf\)"):
            self._import("march.pdf", good)
        with (
            mute_logger(READER_LOGGER),
            self.assertRaisesRegex(UserError, "The file cannot be read"),
        ):
            self._import("march.xlsx", b"not a workbook")
        self.assertEqual(self._count(), count)
