# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Table tests of the labelled projects' pure rules, in Electrolab's numbers
(003 §10: 15 days' notice, four-month periods from February)."""

import math
from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import projects as rules


@tagged("post_install", "-at_install")
class TestProjectRules(BaseCase):
    def test_proposal_deadline(self):
        meeting = date(2026, 2, 3)
        cases = [
            (date(2026, 1, 1), 15, True),
            (date(2026, 1, 19), 15, True),  # 15 days before: accepted
            (date(2026, 1, 20), 15, False),  # 14 days before: refused
            (date(2026, 2, 3), 15, False),
            (date(2026, 2, 10), 15, False),
            (date(2026, 2, 3), 0, True),
            (date(2026, 1, 28), 7, False),
            (date(2026, 1, 27), 7, True),
        ]
        for proposed, days, expected in cases:
            with self.subTest(proposed=proposed, days=days):
                self.assertEqual(
                    rules.proposal_in_time(proposed, meeting, days), expected
                )
        self.assertEqual(rules.proposal_deadline(meeting, 15), date(2026, 1, 19))
        self.assertEqual(rules.days_before(date(2026, 1, 20), meeting), 14)

    def test_period_bounds(self):
        cases = [
            (date(2026, 2, 1), 2, 4, date(2026, 2, 1), date(2026, 5, 31)),
            (date(2026, 5, 31), 2, 4, date(2026, 2, 1), date(2026, 5, 31)),
            (date(2026, 6, 15), 2, 4, date(2026, 6, 1), date(2026, 9, 30)),
            (date(2026, 10, 1), 2, 4, date(2026, 10, 1), date(2027, 1, 31)),
            (date(2027, 1, 20), 2, 4, date(2026, 10, 1), date(2027, 1, 31)),
            (date(2026, 12, 3), 10, 4, date(2026, 10, 1), date(2027, 1, 31)),
            (date(2026, 7, 4), 1, 12, date(2026, 1, 1), date(2026, 12, 31)),
            (date(2026, 7, 4), 1, 6, date(2026, 7, 1), date(2026, 12, 31)),
            (date(2024, 2, 29), 3, 3, date(2023, 12, 1), date(2024, 2, 29)),
        ]
        for day, first, months, start, end in cases:
            with self.subTest(day=day, first=first, months=months):
                self.assertEqual(rules.period_bounds(day, first, months), (start, end))

    def test_previous_period(self):
        cases = [
            (date(2026, 6, 1), date(2026, 2, 1), date(2026, 5, 31)),
            (date(2026, 9, 30), date(2026, 2, 1), date(2026, 5, 31)),
            (date(2026, 2, 1), date(2025, 10, 1), date(2026, 1, 31)),
        ]
        for day, start, end in cases:
            with self.subTest(day=day):
                self.assertEqual(rules.previous_period_bounds(day, 2, 4), (start, end))

    def test_period_lengths(self):
        for months, expected in [
            (1, True),
            (2, True),
            (3, True),
            (4, True),
            (5, False),
            (6, True),
            (12, True),
            (0, False),
            (13, False),
            (24, False),
        ]:
            with self.subTest(months=months):
                self.assertEqual(rules.valid_period_months(months), expected)

    def test_publication_links(self):
        for url, expected in [
            ("https://wiki.electrolab.fr/Projets:Plotter", True),
            ("http://example.org", True),
            ("HTTPS://EXAMPLE.ORG/a?b=c", True),
            ("ftp://example.org/file", False),
            ("javascript:alert(1)", False),
            ("https://", False),
            ("example.org", False),
            ("https://exa mple.org", False),
            ("", False),
            (None, False),
            ("http://[::1", False),
        ]:
            with self.subTest(url=url):
                self.assertEqual(rules.is_public_url(url), expected)

    def test_steps(self):
        for old, new, expected in [
            ("proposed", "accepted", True),
            ("proposed", "refused", True),
            ("proposed", "running", False),
            ("accepted", "running", True),
            ("accepted", "closed", True),
            ("running", "closed", True),
            ("refused", "accepted", False),
            ("closed", "running", False),
            ("running", "proposed", False),
        ]:
            with self.subTest(old=old, new=new):
                self.assertEqual(rules.may_move(old, new), expected)

    def test_budget_line(self):
        spent, received = rules.split_amounts([-120.0, -30.0, 50.0, 0.0])
        self.assertEqual((spent, received), (150.0, 50.0))
        self.assertEqual(rules.split_amounts([]), (0, 0))
        for voted, spent, received, balance in [
            (450, 0, 0, 450),
            (450, 120, 0, 330),
            (450, 120, 50, 380),
            (100, 150, 0, -50),
        ]:
            with self.subTest(voted=voted, spent=spent, received=received):
                self.assertEqual(rules.budget_balance(voted, spent, received), balance)
        self.assertTrue(math.isfinite(rules.budget_balance(0, 0, 0)))
