# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo.tests import BaseCase, tagged

from ..tools import wallet_rules as rules

CENT = 0.01  # rounding of the euro
FRANC = 1.0  # rounding of the CFA franc (XOF): no decimals


@tagged("post_install", "-at_install")
class TestWalletRules(BaseCase):
    def test_spend_decision_table(self):
        cases = [
            # balance, minimum, amount, offline, expected
            (50.00, 0.0, 40.00, False, rules.OK),
            (50.00, 0.0, 50.00, False, rules.OK),
            (50.00, 0.0, 50.01, False, rules.REFUSE),
            (10.00, 0.0, 40.00, False, rules.REFUSE),
            (10.00, 0.0, 40.00, True, rules.REVIEW),
            (50.00, 5.0, 45.00, False, rules.OK),
            (50.00, 5.0, 45.01, False, rules.REFUSE),
            (50.00, -20.0, 70.00, False, rules.OK),
            (0.1 + 0.2, 0.0, 0.30, False, rules.OK),
        ]
        for balance, minimum, amount, offline, expected in cases:
            with self.subTest(balance=balance, minimum=minimum, amount=amount):
                self.assertEqual(
                    rules.spend_decision(
                        balance, minimum, amount, offline, rounding=CENT
                    ),
                    expected,
                )

    def test_item7_offline_cap_table(self):
        cases = [
            # balance, minimum, amount, offline, cap, expected
            (10.00, 0.0, 40.00, True, 30.0, rules.FLAG),
            (10.00, 0.0, 40.01, True, 30.0, rules.REVIEW),
            (10.00, 0.0, 40.00, False, 30.0, rules.REFUSE),
            (10.00, 5.0, 10.00, True, 5.0, rules.FLAG),
            (10.00, 0.0, 10.00, True, 0.0, rules.OK),
        ]
        for balance, minimum, amount, offline, cap, expected in cases:
            with self.subTest(balance=balance, amount=amount, cap=cap):
                self.assertEqual(
                    rules.spend_decision(
                        balance, minimum, amount, offline, cap, rounding=CENT
                    ),
                    expected,
                )

    def test_item7_was_offline_table(self):
        start = datetime(2026, 3, 1, 8, 0)
        now = datetime(2026, 3, 1, 12, 0)
        cases = [
            # created in the till, offline
            (now - timedelta(seconds=5), False),
            (now - timedelta(minutes=10), True),
            (start - timedelta(minutes=1), False),  # before the session opened
            (now + timedelta(minutes=10), False),  # in the future
            (None, False),
        ]
        for created, expected in cases:
            with self.subTest(created=created):
                self.assertEqual(rules.was_offline(created, now, start), expected)

    def test_amount_ok_and_month_table(self):
        for amount, expected in [
            (10.5, True),
            (-3, True),
            (float("nan"), False),
            (float("inf"), False),
            (1e12, False),
            ("12", False),
            (True, False),
        ]:
            with self.subTest(amount=amount):
                self.assertEqual(rules.amount_ok(amount), expected)
        for text, expected in [
            ("2026-04", date(2026, 4, 1)),
            ("2026-04-15", date(2026, 4, 1)),
            ("not-a-date", None),
            ("2026-13", None),
            ("9999-12", None),
            ("2026-02-30", None),
            (None, None),
        ]:
            with self.subTest(text=text):
                self.assertEqual(rules.parse_month(text), expected)

    def test_available_amount_table(self):
        cases = [
            # balance, minimum, rounding, available
            (50.00, 0.0, CENT, 50.00),
            (50.00, 5.0, CENT, 45.00),
            (12.5, 20.0, CENT, 0.0),
            (0.1 + 0.2, 0.0, CENT, 0.30),
            (5000.0, 1500.0, FRANC, 3500.0),
            (1000.4, 0.0, FRANC, 1000.0),
            (999.6, 0.0, FRANC, 1000.0),
        ]
        for balance, minimum, rounding, expected in cases:
            with self.subTest(balance=balance, minimum=minimum, rounding=rounding):
                self.assertEqual(
                    rules.available_amount(balance, minimum, rounding), expected
                )

    def test_xof_whole_francs_table(self):
        """With the CFA franc, amounts are compared in whole francs."""
        cases = [
            # balance, minimum, amount, offline, cap, expected
            (5000.0, 0.0, 5000.0, False, 0.0, rules.OK),
            (5000.0, 0.0, 5001.0, False, 0.0, rules.REFUSE),
            # below half a franc: the same amount once rounded
            (5000.0, 0.0, 5000.4, False, 0.0, rules.OK),
            (5000.0, 0.0, 5000.6, False, 0.0, rules.REFUSE),
            (5000.0, 1000.0, 4000.0, False, 0.0, rules.OK),
            (5000.0, 1000.0, 4001.0, False, 0.0, rules.REFUSE),
            (5000.0, 0.0, 6000.0, True, 1000.0, rules.FLAG),
            (5000.0, 0.0, 6001.0, True, 1000.0, rules.REVIEW),
        ]
        for balance, minimum, amount, offline, cap, expected in cases:
            with self.subTest(balance=balance, minimum=minimum, amount=amount):
                self.assertEqual(
                    rules.spend_decision(
                        balance, minimum, amount, offline, cap, rounding=FRANC
                    ),
                    expected,
                )
        self.assertEqual(rules.refundable_amount(3000.0, 999.6, FRANC), 2000.0)
        self.assertEqual(
            rules.running_balances([5000.0, -4500.0, -500.0], 0.0, FRANC),
            [5000.0, 500.0, 0.0],
        )
        self.assertTrue(rules.payment_sign_ok(1.0, False, FRANC))
        self.assertFalse(rules.payment_sign_ok(0.4, False, FRANC))

    def test_payment_sign_table(self):
        cases = [
            # amount, order refunds a wallet-paid order, accepted
            (30.00, False, True),
            (0.01, False, True),
            (0.0, False, False),
            (0.004, False, False),
            (-5.00, False, False),
            (-5.00, True, True),
            (5.00, True, False),
            (0.0, True, False),
        ]
        for amount, is_refund, expected in cases:
            with self.subTest(amount=amount, is_refund=is_refund):
                self.assertEqual(
                    rules.payment_sign_ok(amount, is_refund, CENT), expected
                )

    def test_refundable_amount_table(self):
        cases = [
            # paid from the wallet, already refunded, still refundable
            (30.00, 0.0, 30.00),
            (30.00, 10.00, 20.00),
            (30.00, 30.00, 0.0),
            (30.00, 35.00, 0.0),
            (12.50, 0.25, 12.25),
            (0.0, 0.0, 0.0),
        ]
        for paid, already, expected in cases:
            with self.subTest(paid=paid, already=already):
                self.assertEqual(rules.refundable_amount(paid, already, CENT), expected)

    def test_running_balances(self):
        self.assertEqual(
            rules.running_balances([50.0, -30.0, 25.0, -45.0], 0.0, CENT),
            [50.0, 20.0, 45.0, 0.0],
        )
        self.assertEqual(rules.running_balances([], 10.0, CENT), [])
        self.assertEqual(rules.running_balances([0.1, 0.2], 0.0, CENT), [0.1, 0.3])
