# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.coop_membership.tools import bounds

from ..tools import projects as project_rules

PROJECT_NUMBERS = ("coop_project_notice_days",)


class ResCompany(models.Model):
    """The numbers of the labelled projects, one set per cooperative
    (Electrolab's by default, 003 §10)."""

    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    coop_project_notice_days = fields.Integer(
        string="Project Proposal Notice (days)",
        default=15,
        help="Calendar days between a labelled project's proposal and the "
        "board's steering meeting that debates it.",
    )
    coop_project_period_months = fields.Integer(
        string="Project Period (months)",
        default=4,
        help="Length of the periods at whose start the board steers the "
        "labelled projects and at whose end the leaders report.",
    )
    coop_project_period_first_month = fields.Integer(
        string="Project Period Starting Month",
        default=2,
        help="A month (1-12) in which a period starts: 2 gives Electrolab's "
        "periods February-May, June-September, October-January.",
    )
    coop_project_analytic_plan_id = fields.Many2one(
        "account.analytic.plan",
        string="Labelled Projects Analytic Plan",
        help="Plan of the budget lines opened for the accepted labelled "
        "projects (the addon's plan when empty).",
    )

    @api.model
    def _coop_bounds(self):
        limits = super()._coop_bounds()
        limits.update(dict.fromkeys(PROJECT_NUMBERS, (0, bounds.MAX_COUNT)))
        limits["coop_project_period_first_month"] = (1, 12)
        limits["coop_project_period_months"] = (1, 12)
        return limits

    @api.constrains("coop_project_period_months")
    def _check_coop_project_period_months(self):
        for company in self:
            if not project_rules.valid_period_months(
                company.coop_project_period_months
            ):
                raise ValidationError(
                    self.env._(
                        "A project period divides the year: 1, 2, 3, 4, 6 or 12 months."
                    )
                )

    def _coop_project_plan(self):
        self.ensure_one()
        return self.coop_project_analytic_plan_id or self.env.ref(
            "coop_makerspace.analytic_plan_labelled_projects"
        )

    def _coop_project_period(self, day):
        """``(first_day, last_day)`` of the project period containing ``day``."""
        self.ensure_one()
        return project_rules.period_bounds(
            day, self.coop_project_period_first_month, self.coop_project_period_months
        )
