# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import date

from odoo.tests import BaseCase

from ..tools import trial_rules as r

START = date(2026, 3, 1)


class TestTrialRules(BaseCase):
    def test_card_last_day(self):
        cases = [
            # start, max_days, expected last valid day
            (START, 60, date(2026, 4, 29)),  # Le Nid: 60 days, day 60 = 29 April
            (START, 1, START),
            (START, 0, None),  # no day limit (Coopalim, Au Baudet)
            (None, 60, None),
        ]
        for start, max_days, expected in cases:
            with self.subTest(start=start, max_days=max_days):
                self.assertEqual(r.card_last_day(start, max_days), expected)

    def test_remaining_purchases(self):
        cases = [
            # max, used, remaining
            (3, 0, 3),  # Coopalim: 3 trial purchases
            (3, 2, 1),
            (3, 3, 0),
            (3, 4, 0),
            (4, 1, 3),  # Au Baudet: 4 visits
            (0, 12, None),  # no purchase limit (Le Nid)
            (3, -1, 3),  # refunds never give more than the formula
        ]
        for max_purchases, used, expected in cases:
            with self.subTest(max_purchases=max_purchases, used=used):
                self.assertEqual(r.remaining_purchases(max_purchases, used), expected)

    def test_remaining_days(self):
        cases = [
            # today, max_days, remaining days (today included)
            (date(2026, 3, 1), 60, 60),  # day 1
            (date(2026, 4, 29), 60, 1),  # day 60
            (date(2026, 4, 30), 60, 0),  # day 61: expired
            (date(2026, 2, 1), 60, 60),  # not started yet
            (date(2027, 1, 1), 0, None),  # no day limit
        ]
        for today, max_days, expected in cases:
            with self.subTest(today=today):
                self.assertEqual(r.remaining_days(START, max_days, today), expected)

    def test_remaining_display(self):
        cases = [
            # remaining (None or -1: no limit), shown
            (3, "3"),
            (0, "0"),
            (None, "Unlimited"),
            (-1, "Unlimited"),
            (-5, "Unlimited"),
        ]
        for remaining, expected in cases:
            with self.subTest(remaining=remaining):
                self.assertEqual(r.remaining_display(remaining, "Unlimited"), expected)

    def test_card_state(self):
        cases = [
            # max_purchases, max_days, used, today, cancelled, state
            (3, 0, 0, START, False, r.ACTIVE),
            (3, 0, 2, START, False, r.ACTIVE),
            (3, 0, 3, START, False, r.EXHAUSTED),  # the 4th purchase is refused
            (4, 0, 3, START, False, r.ACTIVE),  # Au Baudet: 4th visit still ok
            (4, 0, 4, START, False, r.EXHAUSTED),
            (0, 60, 25, date(2026, 4, 29), False, r.ACTIVE),  # day 60
            (0, 60, 25, date(2026, 4, 30), False, r.EXPIRED),  # day 61
            (3, 60, 3, date(2026, 4, 30), False, r.EXPIRED),  # expiry wins
            (3, 0, 0, START, True, r.CANCELLED),
        ]
        for max_p, max_d, used, today, cancelled, expected in cases:
            with self.subTest(max_p=max_p, max_d=max_d, used=used, today=today):
                self.assertEqual(
                    r.card_state(max_p, max_d, START, used, today, cancelled),
                    expected,
                )

    def test_missing_registration_fields(self):
        required = ["lastname", "firstname", "email"]  # Le Nid
        cases = [
            ({"lastname": "Dupont", "firstname": "Marie", "email": "m@x.org"}, []),
            ({"lastname": "Dupont", "firstname": "Marie"}, ["email"]),
            (
                {"lastname": "  ", "firstname": "Marie", "email": "m@x.org"},
                ["lastname"],
            ),
            ({}, ["lastname", "firstname", "email"]),
        ]
        for values, expected in cases:
            with self.subTest(values=values):
                self.assertEqual(
                    r.missing_registration_fields(required, values), expected
                )

    def test_agreement_is_valid(self):
        cases = [
            ("active", START, None, date(2030, 1, 1), True),
            ("active", START, date(2026, 12, 31), date(2026, 12, 31), True),
            ("active", START, date(2026, 12, 31), date(2027, 1, 1), False),  # expired
            ("active", START, None, date(2026, 2, 28), False),  # not started
            ("draft", START, None, date(2026, 6, 1), False),
            ("cancelled", START, None, date(2026, 6, 1), False),
        ]
        for state, start, end, today, expected in cases:
            with self.subTest(state=state, end=end, today=today):
                self.assertEqual(
                    r.agreement_is_valid(state, start, end, today), expected
                )
