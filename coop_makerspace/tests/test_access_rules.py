# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workshop's access rule (003 §8, §9.2) as a table of plain values."""

from odoo.tests import BaseCase

from ..tools import access as rules

# level rules: (requires_qualification, alone_allowed, requires_owner_or_board)
GREEN = (False, True, False)
YELLOW = (True, True, False)
RED = (True, False, False)
BLUE = (True, False, True)

# (member active, fees up to date, withdrawn, level, qualified, alone,
#  owner or board present) -> (allowed, reason code)
TABLE = [
    ((True, True, False, GREEN, False, True, False), (True, rules.ALLOWED)),
    (
        (False, True, False, GREEN, False, True, False),
        (False, rules.MEMBERSHIP_INACTIVE),
    ),
    ((True, False, False, GREEN, False, True, False), (False, rules.FEES_UNPAID)),
    ((True, True, True, GREEN, True, False, True), (False, rules.WITHDRAWN)),
    ((True, True, False, YELLOW, False, True, False), (False, rules.NOT_QUALIFIED)),
    ((True, True, False, YELLOW, True, True, False), (True, rules.ALLOWED)),
    ((True, True, False, RED, False, False, False), (False, rules.NOT_QUALIFIED)),
    ((True, True, False, RED, True, True, False), (False, rules.NOT_ALONE)),
    ((True, True, False, RED, True, False, False), (True, rules.ALLOWED)),
    (
        (True, True, False, BLUE, True, False, False),
        (False, rules.OWNER_OR_BOARD_ABSENT),
    ),
    ((True, True, False, BLUE, True, True, True), (False, rules.NOT_ALONE)),
    ((True, True, False, BLUE, True, False, True), (True, rules.ALLOWED)),
    ((True, True, False, BLUE, False, False, True), (False, rules.NOT_QUALIFIED)),
    # the first failing condition gives the reason
    (
        (False, False, True, BLUE, False, True, False),
        (False, rules.MEMBERSHIP_INACTIVE),
    ),
    ((True, False, True, BLUE, False, True, False), (False, rules.FEES_UNPAID)),
]

# (old rank, new rank) -> may the board set it?
LEVEL_TABLE = [
    ((None, 10), True),
    ((10, 20), True),
    ((20, 20), True),
    ((30, 40), True),
    ((30, 20), False),
    ((40, 10), False),
]


class TestAccessRules(BaseCase):
    def test_access_table(self):
        for (
            active,
            fees,
            withdrawn,
            level,
            qualified,
            alone,
            present,
        ), expected in TABLE:
            with self.subTest(level=level, alone=alone, expected=expected):
                requires_qualification, alone_allowed, requires_owner = level
                self.assertEqual(
                    rules.check_access(
                        member_active=active,
                        fees_up_to_date=fees,
                        withdrawn=withdrawn,
                        requires_qualification=requires_qualification,
                        alone_allowed=alone_allowed,
                        requires_owner_or_board=requires_owner,
                        qualified=qualified,
                        alone=alone,
                        owner_or_board_present=present,
                    ),
                    expected,
                )

    def test_every_reason_is_known(self):
        for _inputs, (_allowed, code) in TABLE:
            self.assertIn(code, rules.REASON_CODES)

    def test_level_table(self):
        for (old, new), expected in LEVEL_TABLE:
            with self.subTest(old=old, new=new):
                self.assertEqual(rules.may_set_level(old, new), expected)
