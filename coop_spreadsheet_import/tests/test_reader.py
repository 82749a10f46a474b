# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every file the imports read, read the same way by Odoo's import."""

import base64
from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from ..tools import cells
from .common import READER_LOGGER, csv_bytes, spreadsheet_files, xlsx_bytes

ROWS = [
    ["Courriel", "Date", "Heures", "Activité"],
    ["anaïs@home.coop", date(2026, 5, 2), "2,5", "Épicerie"],
    ["", "", "", ""],
    ["bob@home.coop", date(2026, 5, 4), "1'000.50", "Caisse"],
]


@tagged("post_install", "-at_install")
class TestReader(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader = cls.env["coop.spreadsheet.import.mixin"]

    def test_every_format_reads_the_same_rows(self):
        """Separators, encodings and workbooks: the same text cells, blank
        rows left out; a date is typed in a workbook, text elsewhere."""
        for filename, content in spreadsheet_files(ROWS, "heures"):
            with self.subTest(filename=filename):
                rows = self.reader._coop_read_spreadsheet(filename, content)
                self.assertEqual(len(rows), 3)
                self.assertEqual(rows[0], ["Courriel", "Date", "Heures", "Activité"])
                self.assertEqual(
                    [(row[0], row[2], row[3]) for row in rows[1:]],
                    [
                        ("anaïs@home.coop", "2,5", "Épicerie"),
                        ("bob@home.coop", "1'000.50", "Caisse"),
                    ],
                )
                self.assertIn(
                    rows[1][1], ("02.05.2026", "2026-05-02", "2026-05-02 00:00:00")
                )

    def test_a_file_without_extension_is_csv(self):
        rows = self.reader._coop_read_spreadsheet("hours", csv_bytes([["a", "b"]]))
        self.assertEqual(rows, [["a", "b"]])

    def test_empty_file_has_no_row(self):
        self.assertEqual(self.reader._coop_read_spreadsheet("empty.csv", b""), [])

    def test_workbook_datetime_cells(self):
        """A workbook's date and time cells read as text the date rule
        reads."""
        content = xlsx_bytes(
            [["date"], [datetime(2026, 3, 9, 0, 0)], [datetime(2026, 3, 9, 10, 30)]]
        )
        rows = self.reader._coop_read_spreadsheet("march.xlsx", content)
        self.assertEqual(rows[1:], [["2026-03-09"], ["2026-03-09 10:30:00"]])
        self.assertEqual(
            {cells.parse_date(row[0]) for row in rows[1:]}, {date(2026, 3, 9)}
        )

    def test_unreadable_files(self):
        """A clear error in the words of the import, with row 1."""
        with self.assertRaises(UserError) as error:
            self.reader._coop_read_spreadsheet("march.pdf", b"%PDF-1.4")
        self.assertEqual(
            str(error.exception),
            "Nothing was imported, 1 error(s) found:\n"
            "Row 1: Only CSV, XLSX, XLS and ODS files can be imported (march.pdf).",
        )
        for filename in ("march.xlsx", "march.xls", "march.ods"):
            with (
                self.subTest(filename=filename),
                mute_logger(READER_LOGGER),
                self.assertRaisesRegex(UserError, "Row 1: The file cannot be read"),
            ):
                self.reader._coop_read_spreadsheet(filename, b"not a workbook")

    def test_uploaded_bytes(self):
        """Bytes as they are, base64 text decoded (wrapped or not), anything
        else refused."""
        content = "Référence\n".encode()
        encoded = base64.b64encode(content).decode()
        wrapped = "\n".join(encoded[i : i + 4] for i in range(0, len(encoded), 4))
        for value in (content, encoded, wrapped):
            with self.subTest(value=value):
                self.assertEqual(self.reader._coop_spreadsheet_bytes(value), content)
        for value in ("not base64!", 12, None, ["a"]):
            with (
                self.subTest(value=value),
                self.assertRaisesRegex(UserError, "bytes or base64-encoded text"),
            ):
                self.reader._coop_spreadsheet_bytes(value)

    def test_report_names_every_row(self):
        message = self.reader._coop_spreadsheet_report(
            [(3, "bad_date", "31.02.2026"), (5, "empty", "")]
        )
        self.assertEqual(
            message,
            "Nothing was imported, 2 error(s) found:\n"
            "Row 3: the date 31.02.2026 is not a valid date (YYYY-MM-DD, "
            "DD.MM.YYYY, DD/MM/YYYY or DD-MM-YYYY)\n"
            "Row 5: The file holds no line.",
        )
