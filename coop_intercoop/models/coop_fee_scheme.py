# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# a month holds 744 hours
MAX_COMMUNITY_HOURS = 744


class CoopFeeScheme(models.Model):
    """The community fee of a network of cooperatives (komunigi, 002): the fee
    pays hours of community work each period, some given by the provider."""

    _inherit = "coop.fee.scheme"

    community_hours = fields.Float(
        string="Community Work (hours per period)",
        digits=(16, 2),
        tracking=True,
        help="Hours of community work the fee pays each period (komunigi: 3 "
        "hours a month: newsletter, agenda, collecting and specifying "
        "improvement requests). The fee does not finance developments.",
    )
    provider_hours = fields.Float(
        string="Given by the Provider (hours per period)",
        digits=(16, 2),
        tracking=True,
        help="Hours of community work the provider gives on top of the fee "
        "(komunigi: Coop IT Easy, 1 hour a month).",
    )

    @api.model
    def _coop_bounds(self):
        limits = super()._coop_bounds()
        limits.update(
            {
                "community_hours": (0, MAX_COMMUNITY_HOURS),
                "provider_hours": (0, MAX_COMMUNITY_HOURS),
            }
        )
        return limits

    def _coop_check_bounds(self, vals):
        """Also refuse, before writing, a provider giving more hours than the
        fee pays."""
        super()._coop_check_bounds(vals)
        if not {"community_hours", "provider_hours"} & set(vals):
            return
        for scheme in self or [self]:
            community = vals.get("community_hours", scheme.community_hours or 0)
            given = vals.get("provider_hours", scheme.provider_hours or 0)
            if given > community:
                raise ValidationError(
                    self.env._(
                        "The provider gives part of the community hours: at most "
                        "%(hours)s, not %(given)s.",
                        hours=float(community),
                        given=float(given),
                    )
                )
