# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import declaration_import as di

HEADER = ["client", "invoice_ref", "date", "amount"]
CLIENTS = {"alpha": (10, 1), "ca": (10, 1), "beta": (11, 1), "gamma": (12, 2)}
START, END = date(2026, 3, 1), date(2026, 3, 31)


def validate(rows, existing=()):
    return di.validate_rows(rows, CLIENTS, 1, set(existing), START, END)


@tagged("post_install", "-at_install")
class TestDeclarationImportRules(BaseCase):
    def test_columns(self):
        cases = [
            (["Client", "Invoice Ref", "Date", "Amount"], None),
            (["Client", "Facture", "Date", "Montant", "Quantité"], None),
            (["client", "date", "amount"], "invoice_ref"),
            (["client", "invoice_ref", "date", "amount", "colour"], "colour"),
        ]
        for header, missing in cases:
            with self.subTest(header=header):
                if missing:
                    with self.assertRaises(di.SpreadsheetError) as error:
                        di.map_columns(header)
                    self.assertIn(missing, error.exception.value)
                else:
                    self.assertEqual(len(di.map_columns(header)), len(header))

    def test_valid_rows(self):
        lines, errors = validate(
            [
                HEADER,
                ["Alpha", "F-1", "2026-03-05", "6000"],
                ["", "", "", ""],
                ["CA", "F-2", "20.03.2026", "4'000"],
            ]
        )
        self.assertEqual(errors, [])
        self.assertEqual([line["row"] for line in lines], [2, 4])
        self.assertEqual(sum(line["amount"] for line in lines), 10000.0)

    def test_every_bad_row_is_reported(self):
        cases = [
            (["Nobody", "F-1", "2026-03-05", "10"], "unknown_client"),
            (["Gamma", "F-1", "2026-03-05", "10"], "not_in_portfolio"),
            (["Alpha", "", "2026-03-05", "10"], "missing_ref"),
            (["Alpha", "OLD-1", "2026-03-05", "10"], "existing_ref"),
            (["Alpha", "F-1", "2026-04-01", "10"], "date_outside"),
            (["Alpha", "F-1", "yesterday", "10"], "bad_date"),
            (["Alpha", "F-1", "2026-03-05", "ten"], "bad_amount"),
            (["Alpha", "F-1", "2026-03-05", "-10"], "negative_amount"),
        ]
        for row, code in cases:
            with self.subTest(code=code):
                lines, errors = validate(
                    [HEADER, ["Beta", "OK-1", "2026-03-02", "5"], row], {"old_1"}
                )
                self.assertEqual(lines and len(lines), 1)
                self.assertEqual([(e[0], e[1]) for e in errors], [(3, code)])

    def test_duplicate_in_file_and_many_errors(self):
        _lines, errors = validate(
            [
                HEADER,
                ["Alpha", "F-1", "2026-03-05", "10"],
                ["Beta", "f-1", "2026-03-06", "10"],
                ["Nobody", "F-3", "2026-05-06", "-1"],
            ]
        )
        self.assertEqual(
            [(e[0], e[1]) for e in errors],
            [
                (3, "duplicate_ref"),
                (4, "unknown_client"),
                (4, "date_outside"),
                (4, "negative_amount"),
            ],
        )

    def test_product_column(self):
        rows = [
            HEADER + ["product", "quantity"],
            ["Alpha", "H-1", "2026-03-05", "60", "HOST", "2"],
            ["Beta", "H-2", "2026-03-06", "60", "", ""],
            ["Beta", "H-3", "2026-03-07", "60", "Pizza", "1"],
        ]
        lines, errors = di.validate_rows(
            rows, CLIENTS, 1, set(), START, END, {"host": 7}
        )
        self.assertEqual(errors, [(4, "unknown_product", "Pizza")])
        self.assertEqual(
            [(line["product_id"], line["quantity"]) for line in lines],
            [(7, 2.0), (False, 1.0)],
        )

    def test_wrong_columns_and_empty(self):
        self.assertEqual(validate([["who", "what"]])[1][0][:2], (1, "columns"))
        self.assertEqual(validate([])[1], [(1, "empty", "")])
        self.assertEqual(validate([HEADER])[1], [(1, "empty", "")])

    def test_parse_month(self):
        today = date(2026, 5, 15)
        for text, expected in (
            ("2026-05", (date(2026, 5, 1), None)),
            (" 2000-01 ", (date(2000, 1, 1), None)),
            ("2026-06", (None, "future_month")),
            ("9999-12", (None, "future_month")),
            ("2026-13", (None, "month")),
            ("2026-00", (None, "month")),
            ("1999-12", (None, "month")),
            ("abc", (None, "month")),
            ("2026-5", (None, "month")),
            ("", (None, "month")),
            (None, (None, "month")),
        ):
            with self.subTest(text=text):
                self.assertEqual(di.parse_month(text, today), expected)

    def test_amount_bounds(self):
        for number, expected in (
            (0.0, None),
            (1e12, None),
            (1e12 + 1, "huge"),
            (-0.01, "negative"),
            (float("nan"), "bad"),
            (float("inf"), "bad"),
            (None, "bad"),
        ):
            with self.subTest(number=number):
                self.assertEqual(di.amount_error(number), expected)
        vals = {"a": 0, "b": "nan", "c": -5, "d": 1e300, "e": False, "f": "x"}
        self.assertEqual(di.bad_numbers(vals, "abcdefg"), ["b", "d", "f"])

    def test_long_reference(self):
        row = ["Alpha", "R" * (di.REF_MAX_LENGTH + 1), "2026-03-05", "1"]
        self.assertEqual(validate([HEADER, row])[1], [(2, "long_ref", "")])
        row[1] = "R" * di.REF_MAX_LENGTH
        self.assertFalse(validate([HEADER, row])[1])
