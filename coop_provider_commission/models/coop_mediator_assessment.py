# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import commission, satisfaction


class CoopMediatorAssessment(models.Model):
    """A mediator's self-assessment of its clients' satisfaction over a
    semester (001: "fournir un indicateur périodique d'autoévaluation de ses
    prestations"), given on the portal or recorded by the section's staff."""

    _name = "coop.mediator.assessment"
    _description = "Mediator Self-Assessment"
    _inherit = ("mail.thread",)
    _order = "date_from desc, mediator_id"
    _rec_name = "mediator_id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    mediator_id = fields.Many2one(
        "res.partner", required=True, index=True, tracking=True
    )
    date = fields.Date(
        string="Semester Of",
        required=True,
        default=fields.Date.context_today,
        help="Any day of the semester assessed.",
    )
    date_from = fields.Date(
        string="Semester Start", compute="_compute_period", store=True, index=True
    )
    date_to = fields.Date(string="Semester End", compute="_compute_period", store=True)
    score = fields.Integer(
        string="Self-Assessed Satisfaction",
        required=True,
        tracking=True,
        aggregator="avg",
        help="How satisfied the mediator thinks its clients are, from 1 (not "
        "at all) to 5 (very).",
    )
    comment = fields.Text(tracking=True)

    _sql_constraints = (
        (
            "mediator_semester_uniq",
            "unique(mediator_id, company_id, date_from)",
            "A mediator assesses each semester once.",
        ),
    )

    @api.depends("date")
    def _compute_period(self):
        for record in self:
            record.date_from, record.date_to = (
                commission.period_bounds(record.date, "semester")
                if record.date
                else (False, False)
            )

    def _check_vals(self, vals):
        """A score from 1 to 5 and a comment of bounded length, refused before
        the database sees them (a huge number would not even fit)."""
        error = satisfaction.assessment_error(
            vals.get("score", 1), vals.get("comment") or None
        )
        if error == "score":
            raise ValidationError(
                self.env._("The self-assessment is a score from 1 to 5.")
            )
        if error == "comment":
            raise ValidationError(
                self.env._(
                    "The comment is limited to %s characters.",
                    satisfaction.MAX_COMMENT,
                )
            )

    def _check_open(self):
        """A semester whose report was sent keeps its self-assessments."""
        sent = (
            self.env["coop.section.report"]
            .sudo()
            .search_count(
                [
                    ("state", "=", "sent"),
                    ("company_id", "in", self.company_id.ids),
                    ("date_from", "in", self.mapped("date_from")),
                ],
                limit=1,
            )
        )
        if sent:
            raise UserError(
                self.env._(
                    "The semester report was sent to the head office: its "
                    "self-assessments can no longer change."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_vals(vals)
        records = super().create(vals_list)
        records._check_open()
        return records

    def write(self, vals):
        self._check_vals(vals)
        self._check_open()
        res = super().write(vals)
        if {"date", "company_id"} & set(vals):
            self._check_open()
        return res

    def unlink(self):
        self._check_open()
        return super().unlink()
