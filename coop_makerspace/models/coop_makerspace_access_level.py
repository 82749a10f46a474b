# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopMakerspaceAccessLevel(models.Model):
    """An access level of the workshop's equipment (003 §8): the colour of the
    label on the device and the rule it stands for. The board may only raise
    an equipment's level, to a higher ``rank``."""

    _name = "coop.makerspace.access.level"
    _description = "Equipment Access Level"
    _order = "rank, id"

    name = fields.Char(required=True, translate=True, size=64)
    rank = fields.Integer(
        required=True,
        default=10,
        help="The strictness of the level: the board may only move an "
        "equipment to a level of a higher rank.",
    )
    color = fields.Integer(string="Color Index")
    active = fields.Boolean(default=True)
    requires_qualification = fields.Boolean(
        help="Only members the board qualified (trained) may use it."
    )
    alone_allowed = fields.Boolean(
        string="May Be Used Alone",
        default=True,
        help="Unticked: never alone, a second qualified person is present.",
    )
    requires_owner_or_board = fields.Boolean(
        string="Requires Owner or Board Member",
        help="Only with its owner present, or a board member for the "
        "association's equipment.",
    )
    description = fields.Text(translate=True)

    _sql_constraints = (
        ("rank_uniq", "unique(rank)", "Two access levels cannot share a rank."),
    )
