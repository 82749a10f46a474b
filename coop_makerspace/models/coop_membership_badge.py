# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

BADGE_SIZE = 32


class CoopMembership(models.Model):
    """The member's RFID badge (003 §8.2), read by the workshop's badge
    readers."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    coop_badge_number = fields.Char(
        string="Badge Number",
        size=BADGE_SIZE,
        copy=False,
        index=True,
        tracking=True,
        help="The number of the member's RFID badge, as the badge readers "
        "send it. Unique in the company.",
    )

    _sql_constraints = (
        (
            "coop_badge_number_company_uniq",
            "unique(coop_badge_number, company_id)",
            "A badge number belongs to one member of the company.",
        ),
    )

    @api.constrains("coop_badge_number")
    def _check_coop_badge_number(self):
        for member in self:
            number = member.coop_badge_number
            if number and (number != number.strip() or not number.isprintable()):
                raise ValidationError(
                    self.env._(
                        "A badge number is printable text without surrounding spaces."
                    )
                )
