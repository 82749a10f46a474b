# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    coop_board_size = fields.Integer(
        related="company_id.coop_board_size", readonly=False
    )
    coop_bureau_size = fields.Integer(
        related="company_id.coop_bureau_size", readonly=False
    )
    coop_board_notice_days = fields.Integer(
        related="company_id.coop_board_notice_days", readonly=False
    )
    coop_board_quorum_members = fields.Integer(
        related="company_id.coop_board_quorum_members", readonly=False
    )
    coop_board_quorum_outside_bureau = fields.Integer(
        related="company_id.coop_board_quorum_outside_bureau", readonly=False
    )
    coop_board_quorum_bureau = fields.Integer(
        related="company_id.coop_board_quorum_bureau", readonly=False
    )
    coop_board_quorum_proxies = fields.Boolean(
        related="company_id.coop_board_quorum_proxies", readonly=False
    )
    coop_board_max_proxies = fields.Integer(
        related="company_id.coop_board_max_proxies", readonly=False
    )
    coop_board_absence_limit = fields.Integer(
        related="company_id.coop_board_absence_limit", readonly=False
    )
    coop_board_admission = fields.Boolean(
        related="company_id.coop_board_admission", readonly=False
    )
