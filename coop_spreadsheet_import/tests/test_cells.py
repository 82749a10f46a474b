# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The cell rules of every import, one table each."""

from datetime import date, datetime

from odoo.tests import BaseCase, tagged

from ..tools import cells

ALIASES = {
    "client": ("client", "customer"),
    "invoice_ref": ("invoice_ref", "Référence facture", "facture"),
    "amount": ("amount", "montant"),
}


@tagged("post_install", "-at_install")
class TestCells(BaseCase):
    def test_normalize_key(self):
        cases = [
            ("Référence facture", "reference_facture"),
            ("REFERENCE-FACTURE", "reference_facture"),
            ("  reference__facture ", "reference_facture"),
            ("Invoice Ref.", "invoice_ref"),
            ("E-mail", "e_mail"),
            ("Tâche", "tache"),
            ("", ""),
            (None, ""),
            (12, "12"),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(cells.normalize_key(text), expected)

    def test_cell_text(self):
        cases = [(None, ""), ("  a b ", "a b"), (3.0, "3"), (2.5, "2.5"), (7, "7")]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(cells.cell_text(value), expected)

    def test_map_header(self):
        cases = [
            # header, columns, unknown titles
            (
                ["Client", "Facture", "Montant"],
                {"client": 0, "invoice_ref": 1, "amount": 2},
                [],
            ),
            (
                ["CUSTOMER", "reference-facture", ""],
                {"client": 0, "invoice_ref": 1},
                [],
            ),
            (
                ["client", "colour", None, "amount"],
                {"client": 0, "amount": 3},
                ["colour"],
            ),
            (["client", "customer"], {"client": 0}, ["customer"]),
            ([], {}, []),
            (None, {}, []),
        ]
        for header, columns, unknown in cases:
            with self.subTest(header=header):
                self.assertEqual(cells.map_header(header, ALIASES), (columns, unknown))

    def test_parse_date(self):
        cases = [
            ("2026-03-05", date(2026, 3, 5)),
            ("05.03.2026", date(2026, 3, 5)),
            ("05/03/2026", date(2026, 3, 5)),
            ("05-03-2026", date(2026, 3, 5)),
            (" 05.03.2026 ", date(2026, 3, 5)),
            # a date cell of a workbook, as Odoo's import reads it
            ("2026-03-05 00:00:00", date(2026, 3, 5)),
            (datetime(2026, 3, 5, 0, 0), date(2026, 3, 5)),
            (date(2026, 3, 5), date(2026, 3, 5)),
            ("2026-02-30", None),
            ("31.02.2026", None),
            # month first (US) is not one of the formats: 31 is no month
            ("03/31/2026", None),
            ("soon", None),
            ("", None),
            (None, None),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(cells.parse_date(value), expected)

    def test_parse_number(self):
        cases = [
            ("3", 3.0),
            ("1000", 1000.0),
            ("2.5", 2.5),
            ("2,5", 2.5),
            (" 2.50 ", 2.5),
            ("1'000.50", 1000.5),
            ("1\u2019000,50", 1000.5),
            ("1 000,5", 1000.5),
            ("1\u00a0000,5", 1000.5),
            ("1,000.50", 1000.5),
            ("1.000,50", 1000.5),
            ("1.000.000,5", 1000000.5),
            ("1,000,000.5", 1000000.5),
            ("1,000,5", None),
            ("-3", -3.0),
            (1000, 1000.0),
            (12.5, 12.5),
            ("abc", None),
            ("", None),
            (None, None),
            (True, None),
            # not numbers, although Python's float() reads them
            ("nan", None),
            ("NaN", None),
            ("inf", None),
            ("-Infinity", None),
            ("1e400", None),
            (float("nan"), None),
            (float("inf"), None),
            (10**400, None),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                self.assertEqual(cells.parse_number(value), expected)

    def test_csv_encoding(self):
        cases = [
            # bytes, encoding given to Odoo's reader ("": it guesses)
            (b"", "utf-8-sig"),
            (b"a,b\n1,2\n", "utf-8-sig"),
            ("Référence".encode(), "utf-8-sig"),
            ("\ufeffRéférence".encode(), "utf-8-sig"),
            ("Référence".encode("latin-1"), ""),
            (b"\xff\xfe\x00\x01", ""),
            (None, ""),
        ]
        for content, expected in cases:
            with self.subTest(content=content):
                self.assertEqual(cells.csv_encoding(content), expected)
