# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The mediator's client satisfaction on the portal: its clients' ratings,
its index per semester and its own self-assessment (001)."""

from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from ..tools import commission, satisfaction
from .portal import CoopCommissionPortal

# ratings listed on the page, latest first
RATINGS_SHOWN = 50
# semesters of index shown, latest first
SEMESTERS_SHOWN = 4


class CoopSatisfactionPortal(CoopCommissionPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_assessment_count" in counters:
            model = request.env["coop.mediator.assessment"]
            values["coop_assessment_count"] = (
                model.search_count([]) if model.has_access("read") else 0
            )
        return values

    def _coop_ratings(self, mediator):
        """The ratings the mediator's clients gave it here, latest first (as
        superuser: only the mediator's own, of this company's network)."""
        ratings = (
            request.env["rating.rating"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "coop.network.client"),
                    ("rated_partner_id", "=", mediator.id),
                    ("consumed", "=", True),
                    ("rating", ">=", satisfaction.MIN_SCORE),
                ],
                order="create_date desc, id desc",
            )
        )
        clients = (
            request.env["coop.network.client"]
            .sudo()
            .with_context(active_test=False)
            .browse(ratings.mapped("res_id"))
        )
        here = set(clients.filtered(lambda c: c.company_id == request.env.company).ids)
        return ratings.filtered(lambda r: r.res_id in here)

    def _coop_semester_indexes(self, ratings, today):
        """``[(date_from, date_to, index, count)]`` of the last semesters."""
        scores = [(r.create_date.date(), r.rating) for r in ratings]
        rows = []
        day = today
        for _i in range(SEMESTERS_SHOWN):
            start, end = commission.period_bounds(day, "semester")
            index, count = satisfaction.satisfaction_index(scores, start, end)
            rows.append((start, end, index, count))
            day = start - timedelta(days=1)
        return rows

    def _coop_satisfaction_page(self, error=None, status=200, saved=False):
        mediator = request.env.user.partner_id.commercial_partner_id
        today = fields.Date.context_today(request.env.user)
        start, end = commission.period_bounds(today, "semester")
        assessments = request.env["coop.mediator.assessment"].search(
            [("company_id", "=", request.env.company.id)]
        )
        ratings = self._coop_ratings(mediator)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_satisfaction",
                "coop_is_provider": self._coop_is_provider(),
                "coop_company": request.env.company.sudo(),
                "ratings": ratings[:RATINGS_SHOWN],
                "semesters": self._coop_semester_indexes(ratings, today),
                "assessments": assessments,
                "current": assessments.filtered(lambda a: a.date_from == start),
                "semester": (start, end),
                "max_comment": satisfaction.MAX_COMMENT,
                "error": error,
                "saved": saved,
            }
        )
        return request.render(
            "coop_provider_commission.portal_my_coop_satisfaction",
            values,
            status=status,
        )

    @http.route("/my/commissions/satisfaction", type="http", auth="user", website=True)
    def portal_my_coop_satisfaction(self, saved=None, **kw):
        return self._coop_satisfaction_page(saved=bool(saved))

    @http.route(
        "/my/commissions/satisfaction/assessment",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_coop_assessment(self, score=None, comment=None, **kw):
        """The mediator's self-assessment of the current semester (created
        or corrected until the semester's report is sent)."""
        _ = request.env._
        if not self._coop_is_provider():
            return self._coop_satisfaction_page(
                error=_("Only mediators with network clients assess themselves."),
                status=403,
            )
        comment = comment.strip() if isinstance(comment, str) else comment
        error = satisfaction.assessment_error(score, comment)
        if error:
            message = (
                _("Please choose your clients' satisfaction from 1 to 5.")
                if error == "score"
                else _(
                    "Your comment is limited to %s characters.",
                    satisfaction.MAX_COMMENT,
                )
            )
            return self._coop_satisfaction_page(error=message, status=400)
        try:
            with request.env.cr.savepoint():
                self._coop_save_assessment(int(score), comment or False)
        except (UserError, ValidationError) as exc:
            return self._coop_satisfaction_page(error=exc.args[0], status=400)
        return request.redirect("/my/commissions/satisfaction?saved=1")

    def _coop_save_assessment(self, score, comment):
        """Create or update the portal user's own assessment of the current
        semester (as superuser: the mediator and the values were checked)."""
        mediator = request.env.user.partner_id.commercial_partner_id
        company = request.env.company
        today = fields.Date.context_today(request.env.user)
        start, _end = commission.period_bounds(today, "semester")
        Assessment = request.env["coop.mediator.assessment"].sudo()
        assessment = Assessment.search(
            [
                ("mediator_id", "=", mediator.id),
                ("company_id", "=", company.id),
                ("date_from", "=", start),
            ],
            limit=1,
        )
        values = {"score": score, "comment": comment}
        if assessment:
            assessment.write(values)
        else:
            Assessment.create(
                dict(values, mediator_id=mediator.id, company_id=company.id, date=today)
            )
