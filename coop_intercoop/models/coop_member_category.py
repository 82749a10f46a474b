# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import shift_duty

# a board mandate limit beyond a century is a typo
MAX_MANDATE_MONTHS = 1200


class CoopMemberCategory(models.Model):
    _inherit = "coop.member.category"

    shift_duty_hours = fields.Float(
        string="Shift Duty (hours per cycle)",
        digits=(16, 2),
        tracking=True,
        help="Hours each member of the category owes per cycle, done here or at "
        "a partner cooperative pooling volunteer hours with us (the food "
        "cooperatives of 004: 3 hours every 4 weeks). 0: no shift duty.",
    )
    shift_cycle_length = fields.Integer(
        string="Shift Cycle",
        default=4,
        tracking=True,
        help="Length of a cycle of the shift duty, in the unit beside it.",
    )
    shift_cycle_unit = fields.Selection(
        [(shift_duty.DAY, "Days"), (shift_duty.WEEK, "Weeks")],
        required=True,
        default=shift_duty.WEEK,
        tracking=True,
    )
    shift_duty_date_start = fields.Date(
        string="Shift Duty Counted From",
        tracking=True,
        help="Cycles before this day owe nothing (e.g. the day the duty was "
        "introduced). Empty: from the day each member entered the category.",
    )

    board_mandate_max_months = fields.Integer(
        string="Board Mandate Limit (months)",
        tracking=True,
        help="The longest board or core-group mandate of a member standing for "
        "the category, after which it rotates (komunigi, 002: 24 months for the "
        "cooperative supermarkets' members). 0: no limit.",
    )

    @api.model
    def _coop_bounds(self):
        limits = super()._coop_bounds()
        limits.update(
            {
                "shift_duty_hours": (0, shift_duty.MAX_DUTY_HOURS),
                "shift_cycle_length": (0, shift_duty.MAX_CYCLE_LENGTH),
                "board_mandate_max_months": (0, MAX_MANDATE_MONTHS),
            }
        )
        return limits

    @api.constrains("shift_duty_hours", "shift_cycle_length")
    def _check_shift_duty(self):
        for category in self:
            if category.shift_duty_hours > 0 and category.shift_cycle_length < 1:
                raise ValidationError(
                    self.env._(
                        "A shift duty needs a cycle of at least one day or week."
                    )
                )

    def _shift_cycle_days(self):
        """Length of the category's shift cycle in days (0: no cycle)."""
        self.ensure_one()
        return shift_duty.cycle_days(self.shift_cycle_length, self.shift_cycle_unit)
