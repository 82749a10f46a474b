# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    shop_to_verify = fields.Boolean(
        string="To verify (created from an order email)",
        help="Contact created automatically from an order request email by an "
        "unknown sender: check it before quoting.",
    )

    def action_shop_mark_verified(self):
        self.write({"shop_to_verify": False})
