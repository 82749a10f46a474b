# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.coop_membership.tools import bounds

from ..tools import openings

OPENING_NUMBERS = (
    "coop_opening_official_min_board",
    "coop_opening_unofficial_min_board",
    "coop_opening_unofficial_max_members",
)


class ResCompany(models.Model):
    """Keys and openings of the premises, one set of numbers per cooperative
    (Electrolab's by default, 003 §8.1-8.2)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    coop_key_fee_amount = fields.Monetary(
        string="Unreturned Key Set Fee",
        currency_field="currency_id",
        default=30.0,
        help="Invoiced to a board member who has not returned a key set at the "
        "end of the mandate, for its reproduction.",
    )
    coop_key_fee_product_id = fields.Many2one(
        "product.product",
        string="Key Set Fee Product",
        domain="[('type', '=', 'service')]",
        check_company=True,
        help="Product of the fee invoice line (the module's product when empty).",
    )
    coop_key_fee_post = fields.Boolean(
        string="Post Key Set Fee Invoices",
        help="Post the fee invoices at once; by default they stay in draft for "
        "the treasurer to check and post.",
    )
    coop_opening_official_min_board = fields.Integer(
        string="Official Opening: Board Members",
        default=2,
        help="Board members present throughout an official opening.",
    )
    coop_opening_unofficial_min_board = fields.Integer(
        string="Unofficial Opening: Board Members",
        default=1,
        help="Board members present for members to stay at an unofficial opening.",
    )
    coop_opening_unofficial_max_members = fields.Integer(
        string="Unofficial Opening: Maximum Members",
        default=5,
        help="Members, board members not counted, at an unofficial opening.",
    )

    @api.model
    def _coop_bounds(self):
        limits = super()._coop_bounds()
        limits.update(dict.fromkeys(OPENING_NUMBERS, (0, bounds.MAX_COUNT)))
        limits["coop_key_fee_amount"] = (0, bounds.MAX_AMOUNT)
        return limits

    def _coop_opening_rules(self):
        self.ensure_one()
        return openings.OpeningRules(
            self.coop_opening_official_min_board,
            self.coop_opening_unofficial_min_board,
            self.coop_opening_unofficial_max_members,
        )

    def _coop_key_fee_product(self):
        self.ensure_one()
        return self.coop_key_fee_product_id or self.env.ref(
            "coop_makerspace.product_key_set_fee"
        )
