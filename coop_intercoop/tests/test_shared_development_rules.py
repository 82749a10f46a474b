# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The co-financing rules on plain values, by tables (002)."""

from datetime import date

from odoo.tests import BaseCase

from ..tools import shared_development as rules

JAN, NOV3, NOV10, NOV20 = (
    date(2026, 1, 1),
    date(2026, 11, 3),
    date(2026, 11, 10),
    date(2026, 11, 20),
)

# (total, weights, rounding) -> shares
SPLITS = [
    # 002's case: two structures share 10 hours at 80 an hour, 60 % / 40 %
    ((800, {"bees": 60, "spp": 40}, 0.01), {"bees": 480, "spp": 320}),
    # hours pledged: 6 and 4 hours share like 60 % / 40 %
    ((800, {"bees": 6, "spp": 4}, 0.01), {"bees": 480, "spp": 320}),
    # a cent left over goes to the larger remainder, then the first
    ((100, {"a": 1, "b": 1, "c": 1}, 0.01), {"a": 33.34, "b": 33.33, "c": 33.33}),
    ((0.05, {"a": 1, "b": 1}, 0.01), {"a": 0.03, "b": 0.02}),
    ((10, {"a": 2, "b": 1}, 0.01), {"a": 6.67, "b": 3.33}),
    # in francs CFA (no decimals), the franc left over likewise
    ((1000, {"a": 1, "b": 1, "c": 1}, 1), {"a": 334, "b": 333, "c": 333}),
    ((2501, {"a": 50, "b": 50}, 1), {"a": 1251, "b": 1250}),
    # a participant without a share pays nothing
    ((800, {"bees": 100, "spp": 0}, 0.01), {"bees": 800, "spp": 0}),
]

# lines (day, hours), weights, join dates -> amounts at 80 an hour
PERIODS = [
    # both from the start: 10 hours, 60 / 40
    (
        [(NOV3, 4), (NOV20, 6)],
        {"a": 60, "b": 40},
        {"a": JAN, "b": JAN},
        ({"a": 480, "b": 320}, {"a": 6.0, "b": 4.0}),
    ),
    # c joins on the 10th: the 4 hours of the 3rd are a's and b's only
    (
        [(NOV3, 4), (NOV20, 6)],
        {"a": 60, "b": 40, "c": 50},
        {"a": JAN, "b": JAN, "c": NOV10},
        ({"a": 384, "b": 256, "c": 160}, {"a": 4.8, "b": 3.2, "c": 2.0}),
    ),
    # the join day itself counts
    (
        [(NOV10, 1)],
        {"a": 50, "b": 50},
        {"a": JAN, "b": NOV10},
        ({"a": 40, "b": 40}, {"a": 0.5, "b": 0.5}),
    ),
]

# invoiced before joining, weight, all weights, percent -> buy-in
BUY_INS = [
    (1000, 50, [60, 40, 50], 100, 333.33),
    (1000, 50, [60, 40, 50], 50, 166.67),
    (1000, 50, [60, 40, 50], 0, 0),
    (0, 50, [60, 40, 50], 100, 0),
    (1000, 0, [60, 40, 0], 100, 0),
]


class TestSharedDevelopmentRules(BaseCase):
    def test_split_amount(self):
        for (total, weights, rounding), expected in SPLITS:
            with self.subTest(total=total, weights=weights, rounding=rounding):
                shares = rules.split_amount(total, weights, rounding)
                self.assertEqual(shares, expected)
                self.assertAlmostEqual(sum(shares.values()), total, places=6)

    def test_split_without_shares_refused(self):
        for weights in ({}, {"a": 0, "b": 0}):
            with self.subTest(weights=weights), self.assertRaises(ValueError):
                rules.split_amount(100, weights, 0.01)

    def test_period_shares(self):
        for lines, weights, joined, expected in PERIODS:
            with self.subTest(lines=lines, joined=joined):
                self.assertEqual(
                    rules.period_shares(lines, weights, joined, 80, 0.01), expected
                )

    def test_hours_before_anyone_joined_refused(self):
        with self.assertRaises(ValueError):
            rules.period_shares([(NOV3, 1)], {"a": 100}, {"a": NOV10}, 80, 0.01)

    def test_buy_in(self):
        for invoiced, weight, weights, percent, expected in BUY_INS:
            with self.subTest(invoiced=invoiced, weight=weight, percent=percent):
                self.assertEqual(
                    rules.buy_in_amount(invoiced, weight, weights, percent, 0.01),
                    expected,
                )
