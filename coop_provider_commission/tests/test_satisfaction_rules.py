# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client satisfaction rules (tools/satisfaction.py) in 001's terms: Odoo's
ratings from 1 to 5, a semester report, a request when the hosting contract
is signed then every 6 months."""

from datetime import date

from odoo.tests import BaseCase

from ..tools import satisfaction as s

H1_START, H1_END = date(2026, 1, 1), date(2026, 6, 30)


class TestSatisfactionRules(BaseCase):
    def test_satisfaction_index(self):
        jan, jun, jul = date(2026, 1, 15), date(2026, 6, 30), date(2026, 7, 1)
        cases = [
            # (date, score) of the ratings, (index, count) over the semester
            ([], (None, 0)),
            ([(jan, 5)], (5.0, 1)),
            ([(jan, 5), (jun, 4)], (4.5, 2)),
            ([(jan, 5), (jan, 5), (jun, 4)], (4.67, 3)),  # rounded to 2 decimals
            ([(jan, 1), (jan, 3), (jan, 5)], (3.0, 3)),  # Odoo's three faces
            ([(jan, 5), (jul, 1)], (5.0, 1)),  # July is the next semester
            ([(date(2025, 12, 31), 1), (H1_START, 2)], (2.0, 1)),
            ([(jan, 0), (jan, 4)], (4.0, 1)),  # 0: asked, not rated
        ]
        for ratings, expected in cases:
            with self.subTest(ratings=ratings):
                self.assertEqual(
                    s.satisfaction_index(ratings, H1_START, H1_END), expected
                )

    def test_next_rating_request(self):
        signed = date(2026, 3, 10)
        cases = [
            # signed on, last request, interval (months), next request
            (None, None, 6, None),  # no hosting contract: never
            (signed, None, 6, signed),  # first request when signed
            (signed, signed, 6, date(2026, 9, 10)),  # then every 6 months
            (signed, date(2026, 9, 10), 6, date(2027, 3, 10)),
            (signed, signed, 0, None),  # interval 0: only once
            (signed, signed, 1, date(2026, 4, 10)),
            # a contract signed again after the last request: asked again
            (signed, date(2025, 5, 1), 6, signed),
        ]
        for signed_on, last, months, expected in cases:
            with self.subTest(signed_on=signed_on, last=last, months=months):
                self.assertEqual(
                    s.next_rating_request(signed_on, last, months), expected
                )

    def test_assessment_error(self):
        cases = [
            # score, comment, error
            (4, "Clients are satisfied", None),
            ("1", "", None),  # a form posts text
            (" 5 ", None, None),
            (5, "x" * s.MAX_COMMENT, None),
            (0, "", "score"),
            (6, "", "score"),
            ("3.5", "", "score"),
            ("abc", "", "score"),
            ("", "", "score"),
            (None, "", "score"),
            (True, "", "score"),
            (-1, "", "score"),
            (10**12, "", "score"),
            (4.0, "", "score"),
            (4, "x" * (s.MAX_COMMENT + 1), "comment"),
            (4, ["not", "text"], "comment"),
        ]
        for score, comment, expected in cases:
            with self.subTest(score=score, comment=str(comment)[:20]):
                self.assertEqual(s.assessment_error(score, comment), expected)
