# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import babel_locale_parse

from ..tools import commission, satisfaction, security


class CoopSectionReport(models.Model):
    """A section's semester evaluation report to the head office (001: "livrer
    un rapport semestriel d'évaluation"; the head office "centralise les
    rapports d'activités de toutes les sections"). Its figures are computed
    when it is sent, then kept as they were."""

    _name = "coop.section.report"
    _description = "Section Semester Report"
    _inherit = ("mail.thread", "mail.activity.mixin")
    _order = "date_from desc, company_id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company",
        string="Section",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(
        string="Semester Of",
        required=True,
        default=fields.Date.context_today,
        help="Any day of the semester reported.",
    )
    date_from = fields.Date(
        string="Semester Start", compute="_compute_period", store=True, index=True
    )
    date_to = fields.Date(string="Semester End", compute="_compute_period", store=True)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        tracking=True,
        string="Status",
    )
    date_sent = fields.Date(string="Sent On", readonly=True, copy=False)
    head_office_id = fields.Many2one(
        "res.partner",
        default=lambda self: self.env.company.coop_head_office_id,
        help="Receives the report by email when it is sent.",
    )
    line_ids = fields.One2many(
        "coop.section.report.line", "report_id", string="Mediators", readonly=True
    )
    commission_total = fields.Monetary(
        string="Commissions", currency_field="currency_id", readonly=True
    )
    client_count = fields.Integer(string="Clients", readonly=True)
    rating_count = fields.Integer(string="Client Ratings", readonly=True)
    satisfaction_index = fields.Float(
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
        help="Average score (1 to 5) of every rating of the section's clients "
        "in the semester.",
    )
    note = fields.Html(string="Evaluation")

    _sql_constraints = (
        (
            "section_semester_uniq",
            "unique(company_id, date_from)",
            "A section reports once per semester.",
        ),
    )

    @api.depends("date")
    def _compute_period(self):
        for report in self:
            report.date_from, report.date_to = (
                commission.period_bounds(report.date, "semester")
                if report.date
                else (False, False)
            )

    @api.depends("company_id.name", "date_from", "date_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        locale = babel_locale_parse(self.env.lang or "en_US")
        for report in self:
            report.display_name = " / ".join(
                part
                for part in (
                    report.company_id.name,
                    commission.period_label(report.date_from, report.date_to, locale),
                )
                if part
            )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Semester report %s", self.display_name)

    def write(self, vals):
        # the chatter and activities stay open on a sent report
        locked = [f for f in vals if not f.startswith(("message_", "activity_"))]
        if locked and any(report.state == "sent" for report in self):
            raise UserError(self.env._("A sent semester report can no longer change."))
        return super().write(vals)

    def unlink(self):
        if any(report.state == "sent" for report in self):
            raise UserError(self.env._("A sent semester report cannot be deleted."))
        return super().unlink()

    # Figures -----------------------------------------------------------------
    def action_compute(self):
        """Compute the figures of draft reports (a preview before sending)."""
        security.check_manager(self.env)
        self.check_access("write")
        self._check_draft()
        for report in self:
            report._compute_figures()
        return True

    def action_send(self):
        """Compute the figures, keep them and send the report to the head
        office."""
        self.action_compute()
        today = fields.Date.context_today(self)
        for report in self:
            report.write({"state": "sent", "date_sent": today})
            report._send_to_head_office()
        return True

    def _check_draft(self):
        if any(report.state != "draft" for report in self):
            raise UserError(self.env._("Only a draft semester report is computed."))

    def _compute_figures(self):
        """Lines per mediator and totals, from the semester's validated
        settlements, network clients, ratings and self-assessments."""
        self.ensure_one()
        Line = self.env["coop.section.report.line"]
        figures = Line._section_figures(self.company_id, self.date_from, self.date_to)
        scores = [s for line in figures.values() for s in line.pop("scores")]
        index, count = satisfaction.satisfaction_index(
            scores, self.date_from, self.date_to
        )
        self.line_ids.unlink()
        Line.create(
            [
                self._prepare_line_vals(mediator_id, values)
                for mediator_id, values in sorted(figures.items())
            ]
        )
        self.write(
            {
                "commission_total": sum(self.line_ids.mapped("commission_amount")),
                "client_count": sum(self.line_ids.mapped("client_count")),
                "rating_count": count,
                "satisfaction_index": index or 0.0,
            }
        )

    def _prepare_line_vals(self, mediator_id, values):
        """Values of the report's line of a mediator (hook)."""
        self.ensure_one()
        return dict(values, report_id=self.id, mediator_id=mediator_id)

    def _send_to_head_office(self):
        """Email the report (PDF) to the head office, when one is set."""
        self.ensure_one()
        if not self.head_office_id:
            return
        template = self.env.ref("coop_provider_commission.mail_template_section_report")
        self.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
