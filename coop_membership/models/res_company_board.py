# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import bounds

BOARD_NUMBERS = (
    "coop_board_size",
    "coop_bureau_size",
    "coop_board_notice_days",
    "coop_board_quorum_members",
    "coop_board_quorum_outside_bureau",
    "coop_board_quorum_bureau",
    "coop_board_max_proxies",
    "coop_board_absence_limit",
)


class ResCompany(models.Model):
    """The board's numbers, one set per cooperative (Electrolab's by default)."""

    _inherit = "res.company"

    coop_board_size = fields.Integer(
        string="Board Seats",
        default=8,
        help="Board members in office at the same time, bureau included.",
    )
    coop_bureau_size = fields.Integer(
        string="Bureau Seats",
        default=3,
        help="Bureau members in office at the same time.",
    )
    coop_board_notice_days = fields.Integer(
        string="Board Notice (days)",
        default=7,
        help="Calendar days between the convocation and the board meeting; "
        "a later convocation needs a reason.",
    )
    coop_board_quorum_members = fields.Integer(
        string="Quorum: Board Members",
        default=4,
        help="Board members (bureau included) attending for the meeting to take "
        "place. Electrolab (003 §4): three board members, at least one of them "
        "outside the bureau, and a bureau member: 4.",
    )
    coop_board_quorum_outside_bureau = fields.Integer(
        string="Quorum: Outside the Bureau",
        default=1,
        help="Of which board members outside the bureau.",
    )
    coop_board_quorum_bureau = fields.Integer(
        string="Quorum: Bureau Members",
        default=1,
        help="Of which bureau members.",
    )
    coop_board_quorum_proxies = fields.Boolean(
        string="Represented Members Count for the Quorum",
        help="A board member represented by a proxy counts as attending.",
    )
    coop_board_max_proxies = fields.Integer(
        string="Board Proxies per Holder",
        default=2,
        help="How many absent board members one board member may represent "
        "at a board meeting.",
    )
    coop_board_absence_limit = fields.Integer(
        string="Unexcused Absences Before Resignation",
        default=2,
        help="A board member absent without excuse from this many consecutive "
        "held meetings may be considered resigned (0: never flagged).",
    )
    coop_board_admission = fields.Boolean(
        string="Admission Decided by the Board",
        help="Candidates become active only by a board decision taken at a "
        "board meeting.",
    )

    @api.model
    def _coop_bounds(self):
        limits = super()._coop_bounds()
        limits.update(dict.fromkeys(BOARD_NUMBERS, (0, bounds.MAX_COUNT)))
        return limits
