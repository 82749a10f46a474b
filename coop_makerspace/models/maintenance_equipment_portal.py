# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

STAFF = "base.group_user"


class MaintenanceEquipment(models.Model):
    """What the members read of the equipment on the portal: its name, place,
    level, owner and serial number, not its purchase (vendor, reference,
    cost, warranty) nor the staff's notes, which stay with internal users."""

    _inherit = "maintenance.equipment"  # pylint: disable=consider-merging-classes-inherited

    partner_id = fields.Many2one(groups=STAFF)
    partner_ref = fields.Char(groups=STAFF)
    cost = fields.Float(groups=STAFF)
    note = fields.Html(groups=STAFF)
    warranty_date = fields.Date(groups=STAFF)
