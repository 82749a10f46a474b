# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopMakerspaceBadgeDeviceKey(models.TransientModel):
    """Shows a badge reader's new key once; only its hash is kept."""

    _name = "coop.makerspace.badge.device.key"
    _description = "Badge Reader Key (shown once)"

    device_id = fields.Many2one(
        "coop.makerspace.badge.device", required=True, readonly=True
    )
    key = fields.Char(readonly=True, size=64)
