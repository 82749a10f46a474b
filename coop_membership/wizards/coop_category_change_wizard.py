# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class CoopCategoryChangeWizard(models.TransientModel):
    _name = "coop.category.change.wizard"
    _description = "Change Member Category"
    _inherit = ("coop.membership.bounds.mixin",)
    _check_company_auto = True

    membership_id = fields.Many2one("coop.membership", required=True)
    company_id = fields.Many2one(related="membership_id.company_id")
    category_id = fields.Many2one(
        "coop.member.category",
        string="New Category",
        required=True,
        check_company=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Char(required=True)

    @api.constrains("membership_id")
    def _check_membership_access(self):
        for wizard in self:
            wizard.membership_id.check_access("write")

    def action_confirm(self):
        self.ensure_one()
        self.membership_id._check_manager()
        self.membership_id.check_access("write")
        self.membership_id._change_category(self.category_id, self.date, self.reason)
        return {"type": "ir.actions.act_window_close"}
