# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import escape_psql

from ..tools import volunteer_hours_csv


class CoopVolunteerHours(models.Model):
    _name = "coop.volunteer.hours"
    _description = "Volunteer Hours"
    _order = "date desc, id desc"
    _inherit = ("coop.membership.bounds.mixin",)
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner", string="Member", required=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Home Cooperative",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    cooperative_id = fields.Many2one(
        "res.partner",
        string="Done At",
        required=True,
        domain=[("is_company", "=", True)],
        default=lambda self: self.env.company.partner_id,
        help="Cooperative where the hours were done.",
    )
    agreement_id = fields.Many2one(
        "coop.intercoop.agreement",
        compute="_compute_agreement_id",
        store=True,
        index="btree_not_null",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    hours = fields.Float(required=True, digits=(16, 2))
    activity = fields.Char(required=True, size=volunteer_hours_csv.MAX_ACTIVITY_SIZE)
    origin = fields.Selection(
        [("manual", "Recorded here"), ("import", "Imported")],
        default="manual",
        required=True,
    )
    is_external = fields.Boolean(
        string="Done at a Partner Coop", compute="_compute_counts_at_home", store=True
    )
    counts_at_home = fields.Boolean(
        string="Counts at Home", compute="_compute_counts_at_home", store=True
    )

    _sql_constraints = (
        ("hours_positive", "CHECK(hours > 0)", "Hours must be positive."),
    )

    @api.model
    def _coop_bounds(self):
        # one line is one day's work at one activity
        return {"hours": (0.01, volunteer_hours_csv.MAX_HOURS_PER_LINE)}

    @api.depends("cooperative_id", "company_id", "date")
    def _compute_agreement_id(self):
        """The signed agreement with the cooperative that was in force on the
        day of the hours (a later end of the agreement does not undo them)."""
        Agreement = self.env["coop.intercoop.agreement"].sudo()
        for line in self:
            if line.cooperative_id == line.company_id.partner_id or not line.date:
                line.agreement_id = Agreement
                continue
            line.agreement_id = Agreement.search(
                [
                    ("company_id", "=", line.company_id.id),
                    ("partner_coop_id", "=", line.cooperative_id.id),
                    ("state", "=", "active"),
                    ("date_start", "<=", line.date),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", line.date),
                ],
                limit=1,
            )

    @api.model
    def _recompute_agreements(self, companies, cooperatives):
        """Link again the hours of ``companies``' members done at
        ``cooperatives`` (an agreement was signed, cancelled or redated)."""
        lines = self.sudo().search(
            [
                ("company_id", "in", companies.ids),
                ("cooperative_id", "in", cooperatives.ids),
            ]
        )
        if lines:
            # counts_at_home reads the new agreement when it is recomputed
            for fname in ("agreement_id", "counts_at_home"):
                self.env.add_to_compute(self._fields[fname], lines)

    @api.depends(
        "cooperative_id",
        "company_id",
        "agreement_id.pool_volunteer_hours",
        "agreement_id.state",
    )
    def _compute_counts_at_home(self):
        for line in self:
            line.is_external = line.cooperative_id != line.company_id.partner_id
            line.counts_at_home = not line.is_external or bool(
                line.agreement_id.pool_volunteer_hours
                and line.agreement_id.state == "active"
            )

    @api.constrains("partner_id", "cooperative_id", "date", "activity", "company_id")
    def _check_duplicate(self):
        for line in self:
            duplicate = self.search_count(
                [
                    ("id", "!=", line.id),
                    ("company_id", "=", line.company_id.id),
                    ("partner_id", "=", line.partner_id.id),
                    ("cooperative_id", "=", line.cooperative_id.id),
                    ("date", "=", line.date),
                    # =ilike with the wildcards escaped: case-insensitive equality
                    ("activity", "=ilike", escape_psql(line.activity)),
                ]
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "Hours of %(member)s on %(date)s for %(activity)s are "
                        "already recorded.",
                        member=line.partner_id.display_name,
                        date=line.date,
                        activity=line.activity,
                    )
                )
