# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Table tests of the pure rules with the source documents' numbers."""

from datetime import date
from decimal import Decimal

from odoo.tests import BaseCase, tagged

from ..tools import bounds, fees, notice, periods, review, shares, votes

ITOPIE_TIERS = [(1, 100), (8, 50), (11, 0)]  # itopie §3.1.3
ELECTROLAB = (2, 6, 10)  # Electrolab §2.1


@tagged("post_install", "-at_install")
class TestPeriods(BaseCase):
    def test_parse_start_months(self):
        for text, expected in [
            ("1", (1,)),
            ("2,6,10", (2, 6, 10)),
            (" 10; 2 , 6", (2, 6, 10)),
        ]:
            with self.subTest(text=text):
                self.assertEqual(periods.parse_start_months(text), expected)
        for text in ["", "0", "13", "a,b", None]:
            with self.subTest(text=text), self.assertRaises(ValueError):
                periods.parse_start_months(text)

    def test_period_bounds(self):
        cases = [
            (date(2026, 3, 10), (1,), date(2026, 1, 1), date(2026, 12, 31)),
            (date(2026, 2, 1), ELECTROLAB, date(2026, 2, 1), date(2026, 5, 31)),
            (date(2026, 5, 31), ELECTROLAB, date(2026, 2, 1), date(2026, 5, 31)),
            (date(2026, 6, 15), ELECTROLAB, date(2026, 6, 1), date(2026, 9, 30)),
            (date(2026, 10, 1), ELECTROLAB, date(2026, 10, 1), date(2027, 1, 31)),
            (date(2027, 1, 20), ELECTROLAB, date(2026, 10, 1), date(2027, 1, 31)),
            (date(2024, 1, 31), ELECTROLAB, date(2023, 10, 1), date(2024, 1, 31)),
        ]
        for day, months, start, end in cases:
            with self.subTest(day=day, months=months):
                self.assertEqual(periods.period_bounds(day, months), (start, end))

    def test_itopie_tiers(self):
        start = date(2026, 1, 1)
        cases = [
            (date(2025, 12, 1), Decimal(1)),  # joined before: full fee
            (date(2026, 1, 1), Decimal(1)),
            (date(2026, 7, 31), Decimal(1)),
            (date(2026, 8, 1), Decimal("0.5")),
            (date(2026, 10, 31), Decimal("0.5")),
            (date(2026, 11, 1), Decimal(0)),
            (date(2026, 12, 31), Decimal(0)),
        ]
        for join, ratio in cases:
            with self.subTest(join=join):
                self.assertEqual(periods.tier_ratio(join, start, ITOPIE_TIERS), ratio)
        self.assertEqual(periods.tier_ratio(date(2026, 5, 1), start, []), 1)

    def test_electrolab_monthly_prorata(self):
        start, end = date(2026, 2, 1), date(2026, 5, 31)
        cases = [
            (date(2026, 2, 1), "1"),
            (date(2026, 2, 28), "1"),
            (date(2026, 3, 1), "0.75"),  # 2nd month pays 3/4 (§2.1)
            (date(2026, 3, 31), "0.75"),
            (date(2026, 4, 15), "0.5"),
            (date(2026, 5, 31), "0.25"),
        ]
        for join, ratio in cases:
            with self.subTest(join=join):
                self.assertEqual(
                    periods.monthly_ratio(join, start, end), Decimal(ratio)
                )
        # the period straddling the year end: Oct-Jan
        self.assertEqual(
            periods.monthly_ratio(
                date(2027, 1, 5), date(2026, 10, 1), date(2027, 1, 31)
            ),
            Decimal("0.25"),
        )

    def test_prorate_rounding(self):
        cases = [
            (40, Decimal("0.75"), Decimal("30.00")),
            (20, Decimal("0.25"), Decimal("5.00")),
            (100, Decimal("0.5"), Decimal("50.00")),
            # exact fractions, one rounding only: 100 x 1/3 = 33.33
            (100, Decimal(1) / Decimal(3), Decimal("33.33")),
            (10.01, Decimal("0.5"), Decimal("5.01")),  # half-up, not banker's
            (0.05, Decimal("0.5"), Decimal("0.03")),
        ]
        for amount, ratio, expected in cases:
            with self.subTest(amount=amount, ratio=ratio):
                self.assertEqual(periods.prorate(amount, ratio), expected)


@tagged("post_install", "-at_install")
class TestNotice(BaseCase):
    def test_effective_leave_date(self):
        cases = [
            # employee / provider: 3 months, end of a month (§3.2.8, §3.3.7)
            (date(2026, 3, 10), 3, "month", 0, date(2026, 6, 30)),
            (date(2026, 3, 31), 3, "month", 0, date(2026, 6, 30)),
            (date(2026, 11, 30), 3, "month", 0, date(2027, 2, 28)),
            (date(2026, 1, 1), 3, "month", 0, date(2026, 4, 30)),
            # provider without documentation: up to 6 months
            (date(2026, 3, 10), 3, "month", 6, date(2026, 9, 30)),
            # beneficiary: 3 months before the end of a calendar year (§3.4.4)
            (date(2026, 9, 30), 3, "year", 0, date(2026, 12, 31)),
            (date(2026, 10, 1), 3, "year", 0, date(2027, 12, 31)),
            (date(2026, 2, 1), 3, "year", 0, date(2026, 12, 31)),
            # partner / supporter: 1 month before the end of the year (§3.5.7)
            (date(2026, 11, 30), 1, "year", 0, date(2026, 12, 31)),
            (date(2026, 12, 15), 1, "year", 0, date(2027, 12, 31)),
            # no notice period
            (date(2026, 3, 10), 0, "month", 0, date(2026, 3, 31)),
        ]
        for given, months, end, extension, expected in cases:
            with self.subTest(given=given, months=months, end=end):
                self.assertEqual(
                    notice.effective_leave_date(given, months, end, extension),
                    expected,
                )


@tagged("post_install", "-at_install")
class TestShares(BaseCase):
    def test_minimum_shares(self):
        cases = [
            ("fixed", 10, 0, 0, 10),  # employee
            ("fixed", 5, 0, 0, 5),  # provider
            ("fixed", 1, 0, 0, 1),  # partner, supporter
            ("per_fte", 0, 5, 23, 5),  # beneficiary: 23 FTE -> 5
            ("per_fte", 0, 5, 25, 5),
            ("per_fte", 0, 5, 25.5, 6),
            ("per_fte", 0, 5, 0, 1),  # at least 1
            ("per_fte", 0, 5, 2, 1),
            ("per_fte", 0, 0, 40, 1),
        ]
        for mode, fixed, per, fte, expected in cases:
            with self.subTest(mode=mode, fte=fte):
                self.assertEqual(shares.minimum_shares(mode, fixed, per, fte), expected)

    def test_valid_share_count(self):
        for value, valid in [
            (1, True),
            (10, True),
            (2.0, True),
            (0, False),
            (-1, False),
            (1.5, False),
            ("x", False),
        ]:
            with self.subTest(value=value):
                self.assertEqual(shares.is_valid_share_count(value), valid)

    def test_reimbursement_lines(self):
        D = Decimal
        cases = [
            (500, 5, D("0.01"), [(5, D("100"))]),  # one price
            (200, 3, D("0.01"), [(1, D("66.66")), (2, D("66.67"))]),
            (100.01, 2, D("0.01"), [(1, D("50")), (1, D("50.01"))]),
            (1000, 3, D("1"), [(2, D("333")), (1, D("334"))]),  # whole units
            (0.1 + 0.2, 1, D("0.01"), [(1, D("0.3"))]),  # no float residue
        ]
        for amount, quantity, step, expected in cases:
            with self.subTest(amount=amount, quantity=quantity):
                lines = shares.reimbursement_lines(amount, quantity, step)
                self.assertEqual(lines, expected)
                self.assertEqual(sum(count for count, _unit in lines), quantity)
                self.assertEqual(
                    sum(count * unit for count, unit in lines),
                    D(str(amount)).quantize(step),
                )


@tagged("post_install", "-at_install")
class TestFees(BaseCase):
    def test_period_fee(self):
        cases = [
            ("exempt", 0, 0, 0, 0, "0.00"),  # employee
            ("fixed", 100, 0, 0, 0, "100.00"),  # provider, partner, supporter
            ("fixed", 40, 0, 0, 0, "40.00"),  # Electrolab employed
            ("fixed", 20, 0, 0, 0, "20.00"),  # Electrolab student
            # beneficiary: 100 + 1 per mille of payroll, capped at 2,000
            ("payroll", 100, 1, 500000, 2000, "600.00"),
            ("payroll", 100, 1, 1900000, 2000, "2000.00"),
            ("payroll", 100, 1, 3000000, 2000, "2000.00"),
            ("payroll", 100, 1, 0, 2000, "100.00"),
            ("payroll", 100, 1, 123456.78, 2000, "223.46"),
            ("payroll", 100, 1, 3000000, 0, "3100.00"),  # no cap
        ]
        for mode, fixed, permille, payroll, cap, expected in cases:
            with self.subTest(mode=mode, payroll=payroll):
                self.assertEqual(
                    fees.period_fee(mode, fixed, permille, payroll, cap),
                    Decimal(expected),
                )

    def test_discount(self):
        for amount, percent, expected in [
            (100, 10, "90.00"),
            (100, 0, "100.00"),
            (33.33, 10, "30.00"),
            (100, 100, "0.00"),
            (100, 150, "0.00"),
        ]:
            with self.subTest(amount=amount, percent=percent):
                self.assertEqual(
                    fees.apply_discount(amount, percent), Decimal(expected)
                )


@tagged("post_install", "-at_install")
class TestVotes(BaseCase):
    def test_proxy_error(self):
        cases = [
            (1, 2, 1, 2, None),
            (1, 2, 2, 2, None),  # a second proxy is fine
            (1, 2, 3, 2, votes.PROXY_TOO_MANY),  # a third one is not
            (1, 1, 1, 2, votes.PROXY_SELF),
        ]
        for giver, holder, held, maximum, expected in cases:
            with self.subTest(giver=giver, holder=holder, held=held):
                self.assertEqual(
                    votes.proxy_error(giver, holder, held, maximum), expected
                )

    def test_proxy_chain_refused(self):
        """Seed 003 section 5.1: at most 2 proxies held; no chains."""
        cases = [
            # giver, holder, held, max, holder gave, giver holds, expected
            (1, 2, 2, 2, False, False, None),
            (1, 2, 1, 2, True, False, votes.PROXY_HOLDER_GAVE),
            (1, 2, 1, 2, False, True, votes.PROXY_GIVER_HOLDS),
            (1, 2, 3, 2, True, True, votes.PROXY_TOO_MANY),
        ]
        for giver, holder, held, maximum, gave, holds, expected in cases:
            with self.subTest(held=held, gave=gave, holds=holds):
                self.assertEqual(
                    votes.proxy_error(giver, holder, held, maximum, gave, holds),
                    expected,
                )

    def test_ballot(self):
        candidates = ["Ada", "Bob", "Cyd", "Dan"]
        cases = [
            (["Ada", "Bob"], 2, True),
            (["Ada"], 2, True),
            ([], 2, True),
            (["Ada", "Bob", "Cyd"], 2, False),  # more names than seats
            (["Ada", "Ada"], 2, False),
            (["Eve"], 2, False),  # an added name voids the ballot
        ]
        for selected, seats, valid in cases:
            with self.subTest(selected=selected):
                self.assertEqual(
                    votes.ballot_is_valid(selected, seats, candidates), valid
                )


class TestReview(BaseCase):
    def test_review_date_table(self):
        cases = [
            # entered the category, months, left it, review day
            (date(2025, 11, 1), 12, None, date(2026, 11, 1)),
            (date(2025, 1, 31), 1, None, date(2025, 2, 28)),
            (date(2024, 2, 29), 12, None, date(2025, 2, 28)),
            (date(2025, 11, 1), 0, None, None),
            (date(2025, 11, 1), 12, date(2026, 3, 1), None),
            (None, 12, None, None),
        ]
        for date_from, months, date_to, expected in cases:
            with self.subTest(date_from=date_from, months=months, date_to=date_to):
                self.assertEqual(
                    review.review_date(date_from, months, date_to), expected
                )


@tagged("post_install", "-at_install")
class TestBounds(BaseCase):
    def test_share_count_bounds(self):
        cases = [
            (1, True),
            (1.0, True),
            (bounds.MAX_COUNT, True),
            (10**12, False),
            (0, False),
            (-3, False),
            (1.5, False),
            (float("nan"), False),
            (float("inf"), False),
            ("abc", False),
            (None, False),
        ]
        for quantity, valid in cases:
            with self.subTest(quantity=quantity):
                self.assertEqual(shares.is_valid_share_count(quantity), valid)

    def test_in_range_and_text(self):
        self.assertTrue(bounds.in_range(0, 0, 10))
        self.assertFalse(bounds.in_range(float("-inf"), -10, 10))
        self.assertFalse(bounds.in_range(float("nan"), 0, 10))
        self.assertFalse(bounds.in_range(11, 0, 10))
        self.assertTrue(bounds.text_too_long("x" * 33, 32))
        self.assertFalse(bounds.text_too_long("x" * 32, 32))
        self.assertFalse(bounds.text_too_long("x" * 99, None))

    def test_out_of_bounds(self):
        cases = [
            # value, minimum, maximum, refused
            (0, 0, 100, False),
            (100, 0, 100, False),
            (100.01, 0, 100, True),
            (-1, 0, 100, True),
            (False, 0, 100, False),
            (None, 0, 100, False),
            (False, 0.01, 24, True),
            ("12.5", 0, 100, False),
            ("many", 0, 100, True),
            ([1], 0, 100, True),
            (True, 0, 100, True),
            (float("nan"), 0, 100, True),
            (float("inf"), 0, 10**9, True),
            (float("-inf"), -(10**9), 0, True),
            (10**400, 0, 10**9, True),
        ]
        for value, minimum, maximum, refused in cases:
            with self.subTest(value=value, minimum=minimum, maximum=maximum):
                self.assertEqual(bounds.out_of_bounds(value, minimum, maximum), refused)

    def test_bad_fields(self):
        limits = {"hours": (0.01, 24), "days": (0, 10)}
        self.assertEqual(bounds.bad_fields({"hours": 3, "name": "x"}, limits), [])
        self.assertEqual(
            bounds.bad_fields({"hours": 30, "days": 11}, limits), ["hours", "days"]
        )
        self.assertEqual(bounds.bad_fields({}, limits), [])

    def test_notice_beyond_calendar(self):
        today = date(2026, 3, 1)
        cases = [
            # notice date, too far ahead, effective leave date (3 months)
            (date(2026, 3, 10), False, date(2026, 6, 30)),
            (date(2036, 3, 1), False, date(2036, 6, 30)),
            (date(2036, 3, 2), True, date(2036, 6, 30)),
            (date(9999, 12, 1), True, None),
        ]
        for given, too_far, leave in cases:
            with self.subTest(given=given):
                self.assertEqual(notice.notice_too_far(given, today), too_far)
                self.assertEqual(notice.effective_leave_date(given, 3), leave)
