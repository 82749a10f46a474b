# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, fields, models

from ..tools import satisfaction

SETTLED = ("validated", "invoiced")


class CoopSectionReportLine(models.Model):
    _name = "coop.section.report.line"
    _description = "Section Semester Report: Mediator"
    _order = "report_id, mediator_id"

    report_id = fields.Many2one(
        "coop.section.report", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="report_id.company_id", store=True, string="Section"
    )
    currency_id = fields.Many2one(related="report_id.currency_id")
    date_from = fields.Date(related="report_id.date_from", store=True)
    mediator_id = fields.Many2one("res.partner", required=True)
    commission_amount = fields.Monetary(
        string="Commissions",
        currency_field="currency_id",
        help="Balance of the mediator's validated settlements of the semester "
        "(positive: the mediator owes the section).",
    )
    client_count = fields.Integer(string="Clients")
    rating_count = fields.Integer(string="Client Ratings")
    satisfaction_index = fields.Float(digits=(16, 2), aggregator="avg")
    self_score = fields.Integer(string="Self-Assessment", aggregator="avg")
    self_comment = fields.Text(string="Self-Assessment Comment")

    @api.model
    def _section_settled(self, company, date_from, date_to):
        """``[(partner, direction, balance)]`` of the semester's validated
        settlements of the section."""
        return self.env["coop.commission.settlement"]._read_group(
            [
                ("company_id", "=", company.id),
                ("state", "in", SETTLED),
                ("date_from", ">=", date_from),
                ("date_to", "<=", date_to),
            ],
            ["partner_id", "direction"],
            ["amount_signed:sum"],
        )

    @api.model
    def _section_clients(self, company, date_from, date_to):
        """``[(mediator, count)]`` of the network clients of the section
        during the semester (entered by its end, not left before it)."""
        clients = self.env["coop.network.client"].with_context(active_test=False)
        return clients._read_group(
            [
                ("company_id", "=", company.id),
                ("date_entered", "<=", date_to),
                "|",
                ("date_left", "=", False),
                ("date_left", ">=", date_from),
            ],
            ["provider_id"],
            ["__count"],
        )

    @api.model
    def _section_figures(self, company, date_from, date_to):
        """``{mediator id: values}`` of a section's semester, in a few
        queries: commissions settled, network clients, ratings (with their
        ``scores``) and the self-assessment."""
        settled = self._section_settled(company, date_from, date_to)
        clients = self._section_clients(company, date_from, date_to)
        assessments = self.env["coop.mediator.assessment"].search(
            [("company_id", "=", company.id), ("date_from", "=", date_from)]
        )
        scores = self.env["coop.network.client"]._coop_rating_scores(
            None, company, date_from, date_to
        )
        Partner = self.env["res.partner"]
        mediators = Partner.union(
            *[p for p, direction, _a in settled if direction == "to_company"],
            *[p for p, _c in clients],
            assessments.mediator_id,
            Partner.browse([mediator_id for mediator_id, _c in scores]),
        )
        figures = defaultdict(dict)
        for mediator in mediators:
            mine = scores.get((mediator.id, company.id), [])
            index, count = satisfaction.satisfaction_index(mine, date_from, date_to)
            figures[mediator.id].update(
                scores=mine,
                commission_amount=0.0,
                client_count=0,
                rating_count=count,
                satisfaction_index=index or 0.0,
            )
        for partner, _direction, amount in settled:
            if partner.id in figures:
                figures[partner.id]["commission_amount"] += amount
        for provider, count in clients:
            figures[provider.id]["client_count"] = count
        for assessment in assessments:
            figures[assessment.mediator_id.id].update(
                self_score=assessment.score, self_comment=assessment.comment
            )
        return figures
