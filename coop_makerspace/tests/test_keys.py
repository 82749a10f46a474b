# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Key sets and RFID badges (003 §8.2): only the bureau lends them; a key
is issued, then returned or lost, one holder at a time."""

import math

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .keys_common import KeysCommon

ISSUE = r"only an available or returned key can be issued"
RETURN = r"only an issued key can be returned"
LOST = r"only an issued key can be declared lost"


@tagged("post_install", "-at_install")
class TestKeys(KeysCommon):
    def test_issue_return_and_lose(self):
        dana = self.members["Dana"].partner_id
        key = self._key()
        self.assertEqual(key.state, "available")
        action = key.action_issue()
        self.assertEqual(action["context"], {"default_key_id": key.id})
        issue = self._issue(key, dana)
        self.assertEqual((key.state, key.holder_partner_id), ("issued", dana))
        self.assertEqual(key.current_issue_id, issue)
        key.action_return()
        self.assertEqual((key.state, issue.state), ("returned", "returned"))
        self.assertFalse(key.holder_partner_id)
        self.assertTrue(issue.date_returned)
        eli = self.members["Eli"].partner_id
        second = self._issue(key, eli)
        key.action_declare_lost()
        self.assertEqual((key.state, second.state), ("lost", "lost"))
        self.assertEqual(len(key.issue_ids), 2)

    def _key_in(self, state, name):
        key = self._key(name=name)
        if state == "available":
            return key
        self._issue(key, self.members["Dana"].partner_id)
        if state == "returned":
            key.action_return()
        elif state == "lost":
            key.action_declare_lost()
        return key

    def test_wrong_transitions_refused(self):
        cases = [
            ("available", "action_return", RETURN),
            ("available", "action_declare_lost", LOST),
            ("issued", "action_issue", ISSUE),
            ("issued", "second_issue", ISSUE),
            ("returned", "action_return", RETURN),
            ("returned", "action_declare_lost", LOST),
            ("lost", "action_issue", ISSUE),
            ("lost", "second_issue", ISSUE),
            ("lost", "action_return", RETURN),
            ("lost", "action_declare_lost", LOST),
        ]
        eli = self.members["Eli"].partner_id
        for index, (state, action, message) in enumerate(cases):
            with self.subTest(state=state, action=action):
                key = self._key_in(state, f"K-{index}")
                self.assertEqual(key.state, state)
                before = self._counts_keys()
                with self.assertRaisesRegex(UserError, message):
                    if action == "second_issue":
                        self._issue(key, eli)
                    else:
                        getattr(key, action)()
                self.assertEqual(self._counts_keys(), before)
                self.assertEqual(key.state, state)

    def test_one_open_issue_per_key(self):
        key = self._key()
        first = self._issue(key, self.members["Dana"].partner_id)
        key.action_return()
        second = self._issue(key, self.members["Eli"].partner_id)
        with self.assertRaisesRegex(UserError, r"can no longer change"):
            first.date_returned = False
        with self.assertRaisesRegex(ValidationError, r"returned or lost, not both"):
            second.write({"date_returned": "2026-02-01", "date_lost": "2026-02-01"})
        with self.assertRaisesRegex(ValidationError, r"before it was issued"):
            second.date_returned = "2025-12-31"
        self.assertEqual(key.current_issue_id, second)

    def test_low_privilege_user_cannot_issue(self):
        key = self._key()
        dana = self.members["Dana"].partner_id
        as_user = key.with_user(self.maker_user)
        self.assertEqual(as_user.state, "available")  # users read the keys
        Issue = self.env["coop.makerspace.key.issue"].with_user(self.maker_user)
        before = self._counts_keys()
        for call in (
            as_user.action_issue,
            as_user.action_return,
            as_user.action_declare_lost,
            Issue.action_invoice_key_fees,
            lambda: Issue.create({"key_id": key.id, "holder_partner_id": dana.id}),
            lambda: as_user.write({"name": "SET-99"}),
        ):
            with self.assertRaises(AccessError):
                call()
        self.assertEqual(self._counts_keys(), before)
        self.assertEqual((key.state, key.name), ("available", "SET-01"))
        outsider = new_test_user(self.env, "maker_outsider", "base.group_user")
        with self.assertRaises(AccessError):
            key.with_user(outsider).read(["name"])

    def test_bad_input_writes_nothing(self):
        self._key(name="SET-01")
        cases = [
            ({"name": "S" * 33}, ValidationError, r"limited to 32 characters"),
            ({"name": "SET-01"}, ValidationError, r"already used"),
            ({"name": "   "}, ValidationError, r"needs a reference"),
        ]
        for vals, error, message in cases:
            with self.subTest(vals=vals):
                before = self._counts_keys()
                with self.assertRaisesRegex(error, message):
                    self._key(**vals)
                self.assertEqual(self._counts_keys(), before)
        self.assertEqual(self._key(name="S" * 32).name, "S" * 32)

    def test_negative_or_infinite_fee_refused(self):
        for amount in (-30.0, math.nan, math.inf):
            with self.subTest(amount=amount):
                with self.assertRaisesRegex(ValidationError, r"Key Set Fee"):
                    self.company.write({"coop_key_fee_amount": amount})
                self.assertEqual(self.company.coop_key_fee_amount, 30.0)
        with self.assertRaisesRegex(ValidationError, r"Key Set Fee"):
            self.env["res.config.settings"].create(
                {"coop_key_fee_amount": -1.0}
            ).execute()
        self.assertEqual(self.company.coop_key_fee_amount, 30.0)
        with self.assertRaisesRegex(ValidationError, r"Official Opening"):
            self.company.write({"coop_opening_official_min_board": -2})
