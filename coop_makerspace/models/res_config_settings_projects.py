# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    coop_project_notice_days = fields.Integer(
        related="company_id.coop_project_notice_days", readonly=False
    )
    coop_project_period_months = fields.Integer(
        related="company_id.coop_project_period_months", readonly=False
    )
    coop_project_period_first_month = fields.Integer(
        related="company_id.coop_project_period_first_month", readonly=False
    )
    coop_project_analytic_plan_id = fields.Many2one(
        related="company_id.coop_project_analytic_plan_id", readonly=False
    )
