# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopMembershipCategoryHistory(models.Model):
    _name = "coop.membership.category.history"
    _description = "Member Category History"
    _order = "membership_id, date_from desc, id desc"

    membership_id = fields.Many2one(
        "coop.membership", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="membership_id.company_id", store=True)
    category_id = fields.Many2one(
        "coop.member.category", required=True, ondelete="restrict"
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To")
    reason = fields.Char()
