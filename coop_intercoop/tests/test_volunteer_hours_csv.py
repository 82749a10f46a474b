# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import csv
from datetime import date
from unittest import mock

from odoo.tests import BaseCase

from ..tools import volunteer_hours_csv as v

HEADER = "member_email,member_name,date,hours,activity\n"
KNOWN = {"ana@home.coop", "bob@home.coop"}


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
        lines, errors = v.parse_csv(text, KNOWN, set())
        self.assertEqual(errors, [])
        self.assertEqual(lines[0]["hours"], 3.0)
        self.assertEqual(lines[0]["date"], date(2026, 5, 2))
        self.assertEqual(v.emails_in_csv(text), {"ana@home.coop"})

    def test_errors_by_row(self):
        existing = {v.line_key("bob@home.coop", date(2026, 5, 1), "Shop shift")}
        cases = [
            # body, expected errors
            ("ana@home.coop,Ana,2026-05-02,3,Shop shift\n", []),
            ("ANA@home.coop,Ana,2026-05-02,2.5,Shop shift\n", []),
            (
                "zoe@else.coop,Zoe,2026-05-02,3,Shop shift\n",
                [(2, "unknown_member", "zoe@else.coop")],
            ),
            (",Nobody,2026-05-02,3,Shop shift\n", [(2, "missing_member", "")]),
            (
                "ana@home.coop,Ana,02/05/2026,3,Shop shift\n",
                [(2, "bad_date", "02/05/2026")],
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
        for body, expected in cases:
            with self.subTest(body=body):
                _lines, errors = v.parse_csv(HEADER + body, KNOWN, existing)
                self.assertEqual(errors, expected)

    def test_missing_columns(self):
        _lines, errors = v.parse_csv(
            "member_email,date\nana@home.coop,2026-05-02\n", KNOWN, set()
        )
        self.assertEqual(errors, [(1, "missing_columns", "hours, activity")])

    def test_not_a_csv(self):
        self.assertEqual(v.parse_csv("", KNOWN, set())[1], [(1, "empty", "")])
        self.assertEqual(v.parse_csv(" \n\n", KNOWN, set())[1], [(1, "empty", "")])
        # whatever the csv module cannot read is reported, not raised
        broken = mock.patch.object(v.csv, "DictReader", side_effect=csv.Error("bad"))
        with broken:
            _lines, errors = v.parse_csv(HEADER, KNOWN, set())
            self.assertEqual(errors, [(1, "not_csv", "bad")])
            self.assertEqual(v.emails_in_csv(HEADER), set())

    def test_too_many_rows(self):
        body = "ana@home.coop,Ana,2026-05-02,3,Shift\n" * (v.MAX_ROWS + 1)
        _lines, errors = v.parse_csv(HEADER + body, KNOWN, set())
        self.assertEqual(errors, [(v.MAX_ROWS + 2, "too_many_rows", str(v.MAX_ROWS))])
