# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who must be present for the premises to open (003 §8.1), pure functions.

An official opening needs ``official_min_board`` board members present; an
unofficial one ``unofficial_min_board`` board members and at most
``unofficial_max_members`` other members. Members may stay only while the
board members the opening needs are there.
"""

from collections import namedtuple

OFFICIAL = "official"
UNOFFICIAL = "unofficial"

# shortfall codes
BOARD_MISSING = "board_missing"
TOO_MANY_MEMBERS = "too_many_members"

OpeningRules = namedtuple(
    "OpeningRules",
    "official_min_board unofficial_min_board unofficial_max_members",
)
Shortfall = namedtuple("Shortfall", "code required actual")


def min_board(kind, rules):
    """Board members an opening of ``kind`` needs."""
    if kind == OFFICIAL:
        return rules.official_min_board
    return rules.unofficial_min_board


def max_members(kind, rules):
    """Members (board members not counted) an opening of ``kind`` admits;
    ``None``: no limit."""
    return rules.unofficial_max_members if kind == UNOFFICIAL else None


def shortfalls(kind, board, members, rules, scheduling=False):
    """What an opening of ``kind`` with ``board`` board members and
    ``members`` other members lacks, as a list of ``Shortfall``.

    When ``scheduling`` (the planned attendance of an opening being
    confirmed) the board members are needed in any case; at a check-in
    (the attendance after it) they are needed as soon as a member is there.
    An empty list: the opening may take place.
    """
    found = []
    needed = min_board(kind, rules)
    if board < needed and (scheduling or members > 0):
        found.append(Shortfall(BOARD_MISSING, needed, board))
    limit = max_members(kind, rules)
    if limit is not None and members > limit:
        found.append(Shortfall(TOO_MANY_MEMBERS, limit, members))
    return found
