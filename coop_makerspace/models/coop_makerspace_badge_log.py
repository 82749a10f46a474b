# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

BADGE_SIZE = 64
REASON_SIZE = 256


class CoopMakerspaceBadgeLog(models.Model):
    """One answer of a badge reader: who badged, on what, and the answer.
    Written by the badge endpoint only; read-only, for the board."""

    _name = "coop.makerspace.badge.log"
    _description = "Badge Reader Log"
    _order = "checked_at desc, id desc"
    _rec_name = "badge_number"

    checked_at = fields.Datetime(
        string="Date", required=True, readonly=True, default=fields.Datetime.now
    )
    device_id = fields.Many2one(
        "coop.makerspace.badge.device",
        string="Badge Reader",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="device_id.company_id", store=True, index=True)
    badge_number = fields.Char(size=BADGE_SIZE, readonly=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Member", readonly=True)
    equipment_id = fields.Many2one("maintenance.equipment", readonly=True)
    allowed = fields.Boolean(readonly=True)
    reason_code = fields.Char(size=32, readonly=True)
    reason = fields.Char(size=REASON_SIZE, readonly=True)

    def _check_written_by_system(self):
        if not self.env.su:
            raise AccessError(self.env._("The badge log cannot be changed."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_written_by_system()
        return super().create(vals_list)

    def write(self, vals):
        self._check_written_by_system()
        return super().write(vals)

    def unlink(self):
        self._check_written_by_system()
        return super().unlink()
