# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CoopFeeSchemeTier(models.Model):
    _name = "coop.fee.scheme.tier"
    _description = "Fee Proration Tier"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "scheme_id, from_month"

    scheme_id = fields.Many2one("coop.fee.scheme", required=True, ondelete="cascade")
    from_month = fields.Integer(
        string="From Month of Period",
        required=True,
        default=1,
        help="1 = first month of the period (January for a calendar year).",
    )
    percent = fields.Float(
        string="Fee Due (%)", required=True, default=100.0, digits=(5, 2)
    )

    _sql_constraints = (
        (
            "scheme_month_uniq",
            "unique(scheme_id, from_month)",
            "Only one tier may start at a given month of the period.",
        ),
    )

    @api.constrains("from_month", "percent")
    def _check_values(self):
        for tier in self:
            if tier.from_month < 1 or tier.from_month > 12:
                raise ValidationError(
                    self.env._("A tier starts at a month between 1 and 12.")
                )
            if tier.percent < 0 or tier.percent > 100:
                raise ValidationError(
                    self.env._("A tier percentage lies between 0 and 100.")
                )
