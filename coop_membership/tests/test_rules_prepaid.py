# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Table tests of the prepaid periods (Electrolab 003 §2.1: a counter of
periods paid in advance, at 40 EUR a period)."""

from decimal import Decimal

from odoo.tests import BaseCase, tagged

from ..tools import prepaid


@tagged("post_install", "-at_install")
class TestPrepaid(BaseCase):
    def test_consume(self):
        for count, expected in [(6, 5), (1, 0), (0, 0), (-2, 0), (None, 0)]:
            with self.subTest(count=count):
                self.assertEqual(prepaid.consume(count), expected)

    def test_reexpress(self):
        cases = [
            # periods, credit, old, new -> periods, credit
            (3, 0, 40, 50, 2, "20"),  # price up: 120 = 2 x 50 + 20
            (3, 0, 40, 20, 6, "0"),  # price down: 120 = 6 x 20
            (6, 0, 20, 40, 3, "0"),
            (1, 0, 40, 50, 0, "40"),
            (2, 15, 40, 50, 1, "45"),
            (4, 0, 40, 40, 4, "0"),
            (2, 0, 40, 0, 0, "80"),  # free fee: money kept as credit
        ]
        for periods_, credit, old, new, exp_periods, exp_credit in cases:
            with self.subTest(periods=periods_, old=old, new=new):
                result = prepaid.reexpress(periods_, credit, old, new)
                self.assertEqual(result, (exp_periods, Decimal(exp_credit)))
                # nothing lost
                if new:
                    self.assertEqual(
                        result[0] * Decimal(new) + result[1],
                        Decimal(periods_ * old) + Decimal(credit),
                    )

    def test_apply_credit(self):
        for amount, credit, due, left in [
            (40, 20, "20", "0"),
            (40, 45, "0", "5"),
            (40, 0, "40", "0"),
        ]:
            with self.subTest(amount=amount, credit=credit):
                self.assertEqual(
                    prepaid.apply_credit(amount, credit), (Decimal(due), Decimal(left))
                )

    def test_consume_joining(self):
        """The joining period is prorated before a prepaid period pays it:
        what it did not cost stays as credit."""
        cases = [
            # periods, credit, price, ratio -> periods, credit
            (3, 0, 40, "0.75", 2, "10"),  # 2nd month of Feb-May: 3/4 of 40
            (3, 0, 40, "0.5", 2, "20"),  # 3rd month: 2/4
            (3, 0, 40, "0.25", 2, "30"),  # last month: 1/4
            (3, 0, 40, "1", 2, "0"),  # a whole period
            (1, 5, 40, "0.75", 0, "15"),  # credit kept and added to
            (0, 5, 40, "0.75", 0, "5"),  # nothing prepaid: nothing changes
            (2, 0, 20, "0.75", 1, "5"),  # reduced fee (student): 20
        ]
        for count, credit, price, ratio, exp_count, exp_credit in cases:
            with self.subTest(count=count, credit=credit, ratio=ratio):
                self.assertEqual(
                    prepaid.consume_joining(count, credit, price, Decimal(ratio)),
                    (exp_count, Decimal(exp_credit)),
                )
