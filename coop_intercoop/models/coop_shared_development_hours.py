# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import shared_development as rules


class CoopSharedDevelopmentHours(models.Model):
    """Hours worked on a co-financed development, recorded here or imported
    with Odoo's import (CSV, XLSX, ODS) from the list."""

    _name = "coop.shared.development.hours"
    _description = "Co-financed Development Hours"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "date desc, id desc"
    _check_company_auto = True

    development_id = fields.Many2one(
        "coop.shared.development",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("state", "=", "open")],
    )
    company_id = fields.Many2one(related="development_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    hours = fields.Float(required=True, digits=(16, 2))
    name = fields.Char(string="Work Done", required=True, size=256)
    worker = fields.Char(size=128, help="Who worked the hours.")
    period_id = fields.Many2one(
        "coop.shared.development.period",
        string="Invoiced In",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
    )

    _sql_constraints = (
        ("hours_positive", "CHECK(hours > 0)", "Hours must be positive."),
    )

    @api.model
    def _coop_bounds(self):
        # one line is one person's day of work
        return {"hours": (0.01, rules.MAX_HOURS_PER_LINE)}

    def _check_period_by_invoicing(self, vals):
        if "period_id" in vals and not self.env.su:
            raise UserError(
                self.env._("Hours are linked to a period by invoicing the period.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_period_by_invoicing(vals)
        records = super().create(vals_list)
        closed = records.development_id.filtered(lambda d: d.state != "open")
        if closed:
            raise UserError(
                self.env._(
                    "Hours are recorded on a development in progress only: %s.",
                    ", ".join(closed.mapped("name")),
                )
            )
        return records

    def write(self, vals):
        self._check_period_by_invoicing(vals)
        if set(vals) != {"period_id"}:
            self._check_not_invoiced()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        self._check_not_invoiced()

    def _check_not_invoiced(self):
        if self.filtered("period_id"):
            raise UserError(self.env._("Invoiced hours cannot be changed or deleted."))
