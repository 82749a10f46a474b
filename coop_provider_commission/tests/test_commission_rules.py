# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import commission as c

ENTRUSTED = date(2026, 1, 10)
# the currencies' rounding: Swiss francs (itopie) and CFA francs (Cooperation.net)
CHF = 0.01
XOF = 1.0


@tagged("post_install", "-at_install")
class TestCommissionRules(BaseCase):
    def test_period_bounds(self):
        cases = [
            (date(2026, 3, 15), "month", date(2026, 3, 1), date(2026, 3, 31)),
            (date(2024, 2, 29), "month", date(2024, 2, 1), date(2024, 2, 29)),
            (date(2026, 5, 2), "quarter", date(2026, 4, 1), date(2026, 6, 30)),
            (date(2026, 3, 15), "semester", date(2026, 1, 1), date(2026, 6, 30)),
            (date(2026, 7, 1), "semester", date(2026, 7, 1), date(2026, 12, 31)),
            (date(2026, 12, 31), "year", date(2026, 1, 1), date(2026, 12, 31)),
        ]
        for day, period, start, end in cases:
            with self.subTest(day=day, period=period):
                self.assertEqual(c.period_bounds(day, period), (start, end))

    def test_period_label(self):
        """Stored titles read in the reader's language."""
        nov = (date(2026, 11, 1), date(2026, 11, 30))
        sem = (date(2026, 7, 1), date(2026, 12, 31))
        days = (date(2026, 3, 10), date(2026, 4, 5))
        cases = [
            (nov, "en_US", "November 2026"),
            (nov, "fr_FR", "novembre 2026"),
            (nov, "de_DE", "November 2026"),
            ((date(2024, 2, 1), date(2024, 2, 29)), "fr_FR", "février 2024"),
            (sem, "en_US", "Jul \u2013 Dec 2026"),
            (sem, "fr_FR", "juil.\u2013déc. 2026"),
            (sem, "de_DE", "Juli\u2013Dez. 2026"),
            (days, "fr_FR", "10 mars \u2013 5 avr. 2026"),
            ((date(2026, 3, 1), None), "fr_FR", ""),
        ]
        for (date_from, date_to), locale, label in cases:
            with self.subTest(locale=locale, date_from=date_from, date_to=date_to):
                self.assertEqual(c.period_label(date_from, date_to, locale), label)

    def test_month_index_and_first_year(self):
        # the seed: 20 % of an entrusted client's turnover "during the first year"
        cases = [
            (date(2026, 1, 10), 1, True),
            (date(2026, 3, 20), 3, True),  # its 3rd month
            (date(2027, 1, 9), 12, True),  # last day of the first year
            (date(2027, 1, 10), 13, False),  # its 13th month
            (date(2027, 2, 15), 14, False),
        ]
        for day, index, in_window in cases:
            with self.subTest(day=day):
                self.assertEqual(c.month_index(ENTRUSTED, day), index)
                self.assertEqual(c.within_first_months(ENTRUSTED, day, 12), in_window)
        self.assertFalse(c.within_first_months(None, date(2026, 3, 1), 12))
        self.assertFalse(c.within_first_months(ENTRUSTED, date(2026, 1, 9), 12))

    def test_commission_amount(self):
        declared20 = c.Rule(basis="declared", rate=20.0)
        hosting = c.Rule(basis="units", amount=2500.0)
        cases = [
            # network turnover 10,000 -> the provider owes 2,000
            (declared20, 10000.0, 0, CHF, 2000.0),
            # entrusted client's turnover 5,000 -> the cooperative owes 1,000
            (c.Rule(basis="invoiced", rate=20.0), 5000.0, 0, CHF, 1000.0),
            # mandated work invoiced 1,000 -> the provider's bill is 700
            (c.Rule(basis="invoiced", rate=70.0), 1000.0, 0, CHF, 700.0),
            (c.Rule(basis="units", amount=20.0), 0.0, 4, CHF, 80.0),
            (c.Rule(basis="fixed", amount=300.0), 0.0, 0, CHF, 300.0),
            # a section passes on 10 % of what its mediators paid it
            (c.Rule(basis="chained", rate=10.0), 200.0, 0, CHF, 20.0),
            (declared20, 333.33, 0, CHF, 66.67),
            (declared20, 0.125, 0, CHF, 0.03),  # half a cent: rounded up
            # Cooperation.net in CFA francs (XOF): whole francs
            (declared20, 10000.0, 0, XOF, 2000.0),
            (declared20, 333.0, 0, XOF, 67.0),  # 66.6
            (declared20, 332.0, 0, XOF, 66.0),  # 66.4
            (declared20, 12.5, 0, XOF, 3.0),  # 2.5: half a franc, rounded up
            (c.Rule(basis="invoiced", rate=70.0), 15001.0, 0, XOF, 10501.0),  # .7
            (c.Rule(basis="chained", rate=15.0), 7510.0, 0, XOF, 1127.0),  # .5
            # a mediator's 6 hostings a semester at 2,500 F
            (hosting, 0.0, 6, XOF, 15000.0),
            (c.Rule(basis="fixed", amount=49999.6), 0.0, 0, XOF, 50000.0),
        ]
        for rule, base, units, rounding, expected in cases:
            with self.subTest(rule=rule.basis, base=base, rounding=rounding):
                amount = c.commission_amount(rule, base, units, rounding)
                self.assertEqual(amount, expected)
                if rounding == XOF:
                    self.assertTrue(amount.is_integer(), amount)

    def test_aggregate_scope(self):
        rule = c.Rule(
            basis="invoiced",
            rate=20.0,
            date_start=date(2026, 1, 1),
            origin="provider",
            client_months=12,
        )
        lines = [
            # 3rd month after entrusted: counts
            c.Line(1, 10, date(2026, 3, 20), 5000.0, 1, "provider", 0, ENTRUSTED),
            # 13th month: does not count
            c.Line(1, 10, date(2027, 1, 20), 5000.0, 1, "provider", 0, ENTRUSTED),
            # never entrusted: does not count
            c.Line(1, 11, date(2026, 3, 20), 700.0, 1, "provider", 0, None),
            # found by the cooperative: out of scope
            c.Line(2, 12, date(2026, 3, 20), 900.0, 1, "cooperative", 0, ENTRUSTED),
        ]
        self.assertEqual(c.aggregate(rule, lines), {(1, 10): [5000.0, 1.0]})
        scoped = c.Rule(basis="units", product_ids=frozenset({7}))
        lines = [
            c.Line(1, 10, date(2026, 3, 1), 60.0, 2, "provider", 7, None),
            c.Line(1, 10, date(2026, 3, 2), 60.0, 2, "provider", 8, None),
            c.Line(1, 11, date(2026, 3, 3), 60.0, 2, "provider", 7, None),
        ]
        self.assertEqual(
            c.aggregate(scoped, lines), {(1, 10): [60.0, 2.0], (1, 11): [60.0, 2.0]}
        )
        ended = c.Rule(basis="declared", rate=20, date_end=date(2026, 2, 28))
        self.assertEqual(c.aggregate(ended, lines), {})

    def test_validity_error(self):
        cases = [
            (date(2026, 1, 1), date(2025, 12, 31), 20, "declared", "validity"),
            (date(2026, 1, 1), None, 120, "declared", "rate"),
            (date(2026, 1, 1), None, -1, "invoiced", "rate"),
            (date(2026, 1, 1), date(2026, 1, 1), 100, "declared", None),
            (date(2026, 1, 1), None, 0, "fixed", None),
            (date(2026, 1, 1), None, 101, "chained", "rate"),
        ]
        for start, end, rate, basis, expected in cases:
            with self.subTest(rate=rate, end=end):
                self.assertEqual(c.validity_error(start, end, rate, basis), expected)

    def test_target_progress(self):
        cases = [
            (4, 6, 66.67, 2),  # a mediator's semester: 4 hostings, target 6
            (6, 6, 100.0, 0),
            (1, 1, 100.0, 0),
            (8, 6, 133.33, 0),
            (3, 0, 0.0, 0),
        ]
        for units, target, progress, missing in cases:
            with self.subTest(units=units, target=target):
                self.assertEqual(c.target_progress(units, target), (progress, missing))

    def test_net_direction(self):
        cases = [
            ([2000.0], CHF, "out_invoice", 2000.0),
            ([-1000.0], CHF, "in_invoice", 1000.0),
            ([2000.0, -1000.0, -700.0], CHF, "out_invoice", 300.0),
            ([500.0, -1200.0], CHF, "in_invoice", 700.0),
            ([700.0, -700.0], CHF, None, 0.0),
            ([0.1, 0.2, -0.3], CHF, None, 0.0),  # float noise is no balance
            ([100.01, -100.0], CHF, "out_invoice", 0.01),
            # XOF: a mediator owes 15,000 F, the section pays a 4,000 F bonus
            ([15000.0, -4000.0], XOF, "out_invoice", 11000.0),
            ([2000.0, -10501.0], XOF, "in_invoice", 8501.0),
            ([5000.0, -5000.0], XOF, None, 0.0),
            ([0.4], XOF, None, 0.0),  # less than half a franc
        ]
        for amounts, rounding, move_type, total in cases:
            with self.subTest(amounts=amounts, rounding=rounding):
                self.assertEqual(c.net_direction(amounts, rounding), (move_type, total))
