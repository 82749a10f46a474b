# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopFeeRunWizard(models.TransientModel):
    _name = "coop.fee.run.wizard"
    _description = "Invoice Membership Fees"
    _inherit = ("coop.membership.bounds.mixin",)
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    scheme_id = fields.Many2one(
        "coop.fee.scheme", string="Fee Scheme", required=True, check_company=True
    )
    date = fields.Date(
        string="Period Containing",
        required=True,
        default=fields.Date.context_today,
    )

    def action_run(self):
        self.ensure_one()
        self.env["coop.membership"]._check_manager()
        period = self.scheme_id._get_or_create_period(self.date)
        return period.action_run_fees()
