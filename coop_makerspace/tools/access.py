# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may use a piece of workshop equipment (003 §8, §9): pure rules on
plain values, no ORM.

The level of an equipment is given by three rules of its access level record
(green, yellow, red, blue are data, not constants here):

- ``requires_qualification``: the board qualified the member (yellow and up);
- ``alone_allowed``: the member may work with nobody else around (green,
  yellow); otherwise a second, qualified person is present (red, blue);
- ``requires_owner_or_board``: the owner is present, or a board member for the
  association's equipment (blue).
"""

ALLOWED = "allowed"
MEMBERSHIP_INACTIVE = "membership_inactive"
FEES_UNPAID = "fees_unpaid"
WITHDRAWN = "withdrawn_defect"
NOT_QUALIFIED = "not_qualified"
OWNER_OR_BOARD_ABSENT = "owner_or_board_absent"
NOT_ALONE = "not_alone"

REASON_CODES = (
    ALLOWED,
    MEMBERSHIP_INACTIVE,
    FEES_UNPAID,
    WITHDRAWN,
    NOT_QUALIFIED,
    OWNER_OR_BOARD_ABSENT,
    NOT_ALONE,
)


def check_access(
    member_active,
    fees_up_to_date,
    withdrawn,
    requires_qualification,
    alone_allowed,
    requires_owner_or_board,
    qualified,
    alone,
    owner_or_board_present,
):
    """``(allowed, reason_code)`` for one member on one equipment.

    The first failing condition gives the reason, in the order a board member
    at the door would check them: membership, fees, the device's condition,
    the member's qualification, who must be present, and company."""
    if not member_active:
        return False, MEMBERSHIP_INACTIVE
    if not fees_up_to_date:
        return False, FEES_UNPAID
    if withdrawn:
        return False, WITHDRAWN
    if requires_qualification and not qualified:
        return False, NOT_QUALIFIED
    if requires_owner_or_board and not owner_or_board_present:
        return False, OWNER_OR_BOARD_ABSENT
    if not alone_allowed and alone:
        return False, NOT_ALONE
    return True, ALLOWED


def may_set_level(old_rank, new_rank):
    """The board may only raise an equipment's level (003 §8): a first level,
    the same one or a higher one; never a lower one."""
    return old_rank is None or new_rank >= old_rank
