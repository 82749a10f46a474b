# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from odoo.addons.coop_membership.models.coop_membership_directory import (
    DIRECTORY_STATES,
)
from odoo.addons.coop_membership.tools import bounds
from odoo.addons.portal.controllers.portal import CustomerPortal

from ..tools import projects as project_rules

MAX_NAME = 128
MAX_TEXT = 10000
MAX_URL = 512
MAX_FILENAME = 256
MAX_STUDY_BYTES = 10 * 1024 * 1024
OPEN_MEETING_STATES = ("draft", "convened")


class PortalInputError(Exception):
    """A bad value typed on the portal: shown to the member, nothing written."""


class CoopProjectPortal(CustomerPortal):
    """A member's labelled projects: propose one, follow it, file its period
    reports (003 §10). Records are read with sudo() only after checking that
    the project is the member's own."""

    # ------------------------------------------------------------ helpers

    def _coop_partner(self):
        return request.env.user.partner_id

    def _coop_member_companies(self):
        partner = self._coop_partner().commercial_partner_id
        return (
            request.env["coop.membership"]
            .sudo()
            .search(
                [("partner_id", "=", partner.id), ("state", "in", DIRECTORY_STATES)]
            )
            .company_id
        )

    def _coop_my_projects(self):
        partner = self._coop_partner()
        return (
            request.env["project.project"]
            .sudo()
            .search(
                [
                    ("coop_labelled", "=", True),
                    "|",
                    ("coop_leader_id", "=", partner.id),
                    ("coop_team_ids", "in", partner.ids),
                ],
                order="id desc",
            )
        )

    def _coop_my_project(self, project_id):
        """The member's project with this id, or None."""
        projects = self._coop_my_projects()
        project = projects.filtered(lambda p: p.id == project_id)
        return project or None

    def _coop_meetings(self):
        """Upcoming steering meetings a proposal can still reach."""
        today = fields.Date.context_today(request.env.user)
        meetings = request.env["coop.board.meeting"].sudo()
        for company in self._coop_member_companies():
            # a meeting at least the notice ahead can still be reached
            earliest = today + timedelta(days=company.coop_project_notice_days)
            meetings |= meetings.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", OPEN_MEETING_STATES),
                    ("date", ">=", earliest),
                ],
                order="date",
            )
        return meetings

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_project_count" in counters:
            values["coop_project_count"] = len(self._coop_my_projects())
        return values

    # ------------------------------------------------------------ pages

    @http.route(["/my/labelled-projects"], type="http", auth="user", website=True)
    def portal_my_labelled_projects(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_labelled_projects",
                "projects": self._coop_my_projects(),
                "is_member": bool(self._coop_member_companies()),
            }
        )
        return request.render("coop_makerspace.portal_my_labelled_projects", values)

    @http.route(
        ["/my/labelled-projects/<int:project_id>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_labelled_project(self, project_id, **kw):
        project = self._coop_my_project(project_id)
        if project is None:
            raise request.not_found()
        return self._coop_render_project(project)

    def _coop_render_project(self, project, error=None, status=200):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_labelled_projects",
                "project": project,
                "is_leader": project.coop_leader_id == self._coop_partner(),
                "error": error,
            }
        )
        return request.render(
            "coop_makerspace.portal_my_labelled_project", values, status=status
        )

    # ------------------------------------------------------------ proposal

    def _coop_render_proposal(self, post=None, error=None, status=200):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_labelled_projects",
                "meetings": self._coop_meetings(),
                "licences": request.env["coop.makerspace.licence"].sudo().search([]),
                "post": post or {},
                "error": error,
            }
        )
        return request.render(
            "coop_makerspace.portal_labelled_project_propose", values, status=status
        )

    @http.route(
        ["/my/labelled-projects/new"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_labelled_project_new(self, **kw):
        if not self._coop_member_companies():
            raise request.not_found()
        return self._coop_render_proposal()

    @http.route(
        ["/my/labelled-projects/new"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_labelled_project_propose(self, **post):
        if not self._coop_member_companies():
            raise request.not_found()
        try:
            vals = self._coop_proposal_vals(post)
            with request.env.cr.savepoint():
                project = (
                    request.env["project.project"]
                    .sudo()
                    .with_company(vals["company_id"])
                    .create(vals)
                )
        except PortalInputError as error:
            return self._coop_render_proposal(post, str(error), status=400)
        except (UserError, ValidationError) as error:
            return self._coop_render_proposal(post, error.args[0], status=400)
        return request.redirect(f"/my/labelled-projects/{project.id}")

    def _coop_proposal_vals(self, post):
        """Values of the proposed project, read from the portal form."""
        env = request.env
        name = _text(post.get("name"), MAX_NAME, env._("Name"), required=True)
        goals = _text(post.get("goals"), MAX_TEXT, env._("Goals"), required=True)
        meeting = self._coop_meetings().filtered(
            lambda m: str(m.id) == (post.get("meeting_id") or "")
        )
        if not meeting:
            raise PortalInputError(env._("Choose one of the steering meetings listed."))
        vals = {
            "name": name,
            "coop_labelled": True,
            "coop_goals": goals,
            "coop_budget_estimate": _amount(post.get("budget_estimate")),
            "coop_leader_id": self._coop_partner().id,
            # the project manager is the board's choice, not the portal user
            "user_id": False,
            "coop_meeting_id": meeting.id,
            "company_id": meeting.company_id.id,
            "coop_proposal_date": fields.Date.context_today(env.user),
        }
        url = _text(post.get("publication_url"), MAX_URL, env._("Publication"))
        if url:
            if not project_rules.is_public_url(url):
                raise PortalInputError(
                    env._(
                        "The publication link must be a web address starting "
                        "with http:// or https://."
                    )
                )
            vals["coop_publication_url"] = url
        licence = post.get("licence_id") or ""
        if licence:
            found = env["coop.makerspace.licence"].sudo().search([])
            found = found.filtered(lambda lic: str(lic.id) == licence)
            if not found:
                raise PortalInputError(env._("Choose one of the licences listed."))
            vals["coop_licence_id"] = found.id
        vals.update(_study(post.get("feasibility_study")))
        return vals

    # ------------------------------------------------------------ reports

    def _coop_my_report(self, project_id, report_id):
        project = self._coop_my_project(project_id)
        if project is None or project.coop_leader_id != self._coop_partner():
            return None
        report = project.coop_report_ids.filtered(lambda r: r.id == report_id)
        return report or None

    def _coop_render_report(self, report, post=None, error=None, status=200):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_labelled_projects",
                "report": report,
                "project": report.project_id,
                "post": post or {},
                "error": error,
            }
        )
        return request.render(
            "coop_makerspace.portal_labelled_project_report", values, status=status
        )

    @http.route(
        ["/my/labelled-projects/<int:project_id>/reports/<int:report_id>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_labelled_project_report(self, project_id, report_id, **kw):
        report = self._coop_my_report(project_id, report_id)
        if report is None:
            raise request.not_found()
        return self._coop_render_report(report)

    @http.route(
        ["/my/labelled-projects/<int:project_id>/reports/<int:report_id>"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_labelled_project_report_submit(self, project_id, report_id, **post):
        report = self._coop_my_report(project_id, report_id)
        if report is None:
            raise request.not_found()
        env = request.env
        try:
            vals = {
                "progress": _text(
                    post.get("progress"), MAX_TEXT, env._("Progress"), required=True
                ),
                "difficulties": _text(
                    post.get("difficulties"), MAX_TEXT, env._("Difficulties")
                ),
                "cost_to_continue": _amount(post.get("cost_to_continue")),
            }
            with env.cr.savepoint():
                # the report is the member's (checked above); sudo() keeps the
                # member as the user who submits it
                report._coop_submit(vals)
        except PortalInputError as error:
            return self._coop_render_report(report, post, str(error), status=400)
        except (AccessError, UserError, ValidationError) as error:
            return self._coop_render_report(report, post, error.args[0], status=400)
        return request.redirect(f"/my/labelled-projects/{project_id}")

    # ------------------------------------------------------------ end of life

    @http.route(
        ["/my/labelled-projects/<int:project_id>/close"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_labelled_project_close(self, project_id, **post):
        """End of life decided by the project's leader (003 §10.7)."""
        project = self._coop_my_project(project_id)
        if project is None or project.coop_leader_id != self._coop_partner():
            raise request.not_found()
        env = request.env
        try:
            note = _text(
                post.get("assets_note"), MAX_TEXT, env._("Remaining Assets"), True
            )
            with env.cr.savepoint():
                # the member leads the project (checked above)
                project._coop_close("leader", note)
        except PortalInputError as error:
            return self._coop_render_project(project, str(error), status=400)
        except (AccessError, UserError, ValidationError) as error:
            return self._coop_render_project(project, error.args[0], status=400)
        return request.redirect(f"/my/labelled-projects/{project_id}")


def _text(value, size, label, required=False):
    text = (value or "").strip() if isinstance(value, str) else ""
    if required and not text:
        raise PortalInputError(request.env._("%s is required.", label))
    if len(text) > size:
        raise PortalInputError(
            request.env._(
                "%(field)s is limited to %(size)s characters.", field=label, size=size
            )
        )
    return text


def _amount(value):
    text = (value or "0").strip() if isinstance(value, str) else ""
    try:
        amount = float(text.replace(",", "."))
    except ValueError:
        amount = None
    if amount is None or not bounds.in_range(amount, 0, bounds.MAX_AMOUNT):
        raise PortalInputError(
            request.env._("Amounts are numbers from 0 to %s.", bounds.MAX_AMOUNT)
        )
    return amount


def _study(upload):
    """The feasibility study's file, if one was sent."""
    if not upload or not getattr(upload, "filename", None):
        return {}
    content = upload.read(MAX_STUDY_BYTES + 1)
    if len(content) > MAX_STUDY_BYTES:
        raise PortalInputError(
            request.env._("The feasibility study is limited to 10 MB.")
        )
    try:
        data = base64.b64encode(content)
    except (TypeError, binascii.Error) as error:
        raise PortalInputError(request.env._("The file cannot be read.")) from error
    return {
        "coop_feasibility_study": data,
        "coop_feasibility_filename": upload.filename[:MAX_FILENAME],
    }
