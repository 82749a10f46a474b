# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import csv
import io
from datetime import date

from odoo.tests import BaseCase

from ..tools import volunteer_hours_csv as v

HEADER = "member_email,member_name,date,hours,activity\n"
KNOWN = {"ana@home.coop", "bob@home.coop"}

# a CSV body after HEADER, and the errors it gives: (row, code, value);
# bob's 2026-05-01 shop shift is already imported
ERROR_CASES = [
    ("ana@home.coop,Ana,2026-05-02,3,Shop shift\n", []),
    ("ANA@home.coop,Ana,2026-05-02,2.5,Shop shift\n", []),
    (
        "zoe@else.coop,Zoe,2026-05-02,3,Shop shift\n",
        [(2, "unknown_member", "zoe@else.coop")],
    ),
    (",Nobody,2026-05-02,3,Shop shift\n", [(2, "missing_member", "")]),
    ("ana@home.coop,Ana,02/05/2026,3,Shop shift\n", []),
    (
        "ana@home.coop,Ana,05/31/2026,3,Shop shift\n",
        [(2, "bad_date", "05/31/2026")],
    ),
    ("ana@home.coop,Ana,2026-05-02,-1,Shop shift\n", [(2, "bad_hours", "-1")]),
    ("ana@home.coop,Ana,2026-05-02,0,Shop shift\n", [(2, "bad_hours", "0")]),
    ("ana@home.coop,Ana,2026-05-02,24,Shop shift\n", []),
    (
        "ana@home.coop,Ana,2026-05-02,24.01,Shop shift\n",
        [(2, "bad_hours", "24.01")],
    ),
    (
        "ana@home.coop,Ana,2026-05-02,abc,Shop shift\n",
        [(2, "bad_hours", "abc")],
    ),
    ('ana@home.coop,Ana,2026-05-02,"2,5",Shop shift\n', []),
    (
        "ana@home.coop,Ana,2026-05-02,nan,Shop shift\n",
        [(2, "bad_hours", "nan")],
    ),
    (
        "ana@home.coop,Ana,2026-05-02,inf,Shop shift\n",
        [(2, "bad_hours", "inf")],
    ),
    ('"Ana <Ana@Home.coop>",Ana,2026-05-02,3,Shop shift\n', []),
    ("ana@home.coop,Ana,2026-05-02,3,\n", [(2, "missing_activity", "")]),
    (
        (
            "ana@home.coop,Ana,2026-05-02,3,Shop shift\n"
            "ana@home.coop,Ana,2026-05-02,3,shop shift\n"
        ),
        [(3, "duplicate_in_file", "ana@home.coop")],
    ),
    (
        "bob@home.coop,Bob,2026-05-01,3,Shop shift\n",
        [(2, "already_imported", "bob@home.coop")],
    ),
    ("", [(1, "empty", "")]),
    (
        f"ana@home.coop,Ana,2026-05-02,3,{'a' * 129}\n",
        [(2, "activity_too_long", "128")],
    ),
    (f"ana@home.coop,Ana,2026-05-02,3,{'a' * 128}\n", []),
    (
        "ana@home.coop,Ana,2026-05-02,1e400,Shop shift\n",
        [(2, "bad_hours", "1e400")],
    ),
    (
        "ana@home.coop,Ana,2026-05-02,3,Shop shift,extra,cells\n",
        [],
    ),
]


def table(text):
    """The rows of CSV text, blank ones left out (as Odoo's import reads)."""
    return [row for row in csv.reader(io.StringIO(text)) if any(row)]


class TestVolunteerHoursCsv(BaseCase):
    def test_round_trip(self):
        rows = [
            {
                "member_email": "ana@home.coop",
                "member_name": "Ana",
                "date": date(2026, 5, 2),
                "hours": 3.0,
                "activity": "Shop shift",
            }
        ]
        text = v.rows_to_csv(rows)
        self.assertEqual(
            text, HEADER + "ana@home.coop,Ana,2026-05-02,3.00,Shop shift\n"
        )
        lines, errors = v.parse_rows(table(text), KNOWN, set())
        self.assertEqual(errors, [])
        self.assertEqual(lines[0]["hours"], 3.0)
        self.assertEqual(lines[0]["date"], date(2026, 5, 2))
        self.assertEqual(v.emails_in_rows(table(text)), {"ana@home.coop"})

    def test_errors_by_row(self):
        existing = {v.line_key("bob@home.coop", date(2026, 5, 1), "Shop shift")}
        for body, expected in ERROR_CASES:
            with self.subTest(body=body):
                _lines, errors = v.parse_rows(table(HEADER + body), KNOWN, existing)
                self.assertEqual(errors, expected)

    def test_missing_columns(self):
        _lines, errors = v.parse_rows(
            table("member_email,date\nana@home.coop,2026-05-02\n"), KNOWN, set()
        )
        self.assertEqual(errors, [(1, "missing_columns", "hours, activity")])

    def test_empty(self):
        self.assertEqual(v.parse_rows([], KNOWN, set())[1], [(1, "empty", "")])
        self.assertEqual(
            v.parse_rows(table(HEADER), KNOWN, set())[1], [(1, "empty", "")]
        )
        self.assertEqual(v.emails_in_rows([]), set())
        self.assertEqual(v.emails_in_rows([["who"], ["ana@home.coop"]]), set())

    def test_too_many_rows(self):
        body = "ana@home.coop,Ana,2026-05-02,3,Shift\n" * (v.MAX_ROWS + 1)
        _lines, errors = v.parse_rows(table(HEADER + body), KNOWN, set())
        self.assertEqual(errors, [(v.MAX_ROWS + 2, "too_many_rows", str(v.MAX_ROWS))])

    def test_french_headers(self):
        """Headers as the declarations of coop_provider_commission: case,
        accents and blanks ignored, English or French titles."""
        row = ["ana@home.coop", "02.05.2026", "2,5", "Caisse"]
        for header in (
            ["Courriel", "Date", "Heures", "Activité"],
            ["E-mail", "Jour", "Durée", "Tâche"],
            ["MEMBER EMAIL", "date", "Hours", "Activity"],
            ["member_email", "Date", "heures", "activite"],
        ):
            with self.subTest(header=header):
                lines, errors = v.parse_rows([header, row], KNOWN, set())
                self.assertEqual(errors, [])
                self.assertEqual(
                    [(x["date"], x["hours"], x["activity"]) for x in lines],
                    [(date(2026, 5, 2), 2.5, "Caisse")],
                )
        for header, missing in (
            (["Courriel", "Date", "Heures"], "activity"),
            (["Membre", "Date", "Heures", "Activité"], "member_email"),
        ):
            with self.subTest(header=header):
                _lines, errors = v.parse_rows([header, row], KNOWN, set())
                self.assertEqual(errors, [(1, "missing_columns", missing)])
