# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopBoardMemberMixin(models.AbstractModel):
    """A member's place on the board (a mandate, a candidacy): the member,
    their contact and cooperative."""

    _name = "coop.board.member.mixin"
    _description = "Board Member Record"
    _rec_name = "membership_id"

    membership_id = fields.Many2one(
        "coop.membership",
        string="Member",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="membership_id.partner_id", store=True, string="Contact"
    )
    company_id = fields.Many2one(
        related="membership_id.company_id", store=True, index=True
    )
