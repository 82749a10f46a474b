# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..tools import bounds, vote_codes

BALLOT_FIELD = re.compile(r"^ballot-(\d{1,9})-(\d{1,9})$")
MAX_BALLOT_FIELDS = 1000


class CoopAssemblyPortal(CustomerPortal):
    """Members vote at remote assemblies, confirm the proxies they give and
    read the published results. Every page works on the user's own
    participation and proxies, found with an explicit domain on their own
    (commercial) partner before any elevated read."""

    def _coop_partner(self):
        return request.env.user.partner_id.commercial_partner_id

    def _coop_participations(self, assembly_id=None):
        domain = [("membership_id.partner_id", "=", self._coop_partner().id)]
        if assembly_id is not None:
            domain.append(("assembly_id", "=", assembly_id))
        return request.env["coop.assembly.participation"].sudo().search(domain)

    def _coop_proxies_given(self, assembly_id=None):
        domain = [("giver_id.partner_id", "=", self._coop_partner().id)]
        if assembly_id is not None:
            domain.append(("assembly_id", "=", assembly_id))
        return request.env["coop.assembly.proxy"].sudo().search(domain)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_assembly_count" in counters:
            values["coop_assembly_count"] = len(
                self._coop_participations().assembly_id
                | self._coop_proxies_given().assembly_id
            )
        return values

    @http.route(["/my/assemblies"], type="http", auth="user", website=True)
    def portal_my_assemblies(self, **kw):
        participations = self._coop_participations()
        proxies = self._coop_proxies_given()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_assemblies",
                "assemblies": (participations.assembly_id | proxies.assembly_id).sorted(
                    "date", reverse=True
                ),
                "participations": participations,
            }
        )
        return request.render("coop_membership.portal_my_assemblies", values)

    def _coop_assembly_page(self, assembly_id, status=200, **messages):
        """The assembly page of the user, or a 404 when they neither vote nor
        gave a proxy there."""
        participation = self._coop_participations(assembly_id)
        proxies = self._coop_proxies_given(assembly_id)
        assembly = participation.assembly_id | proxies.assembly_id
        if not assembly:
            return request.not_found()
        rights = participation._voting_rights() if participation else participation
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_assembly",
                "assembly": assembly,
                "participation": participation,
                "rights": rights,
                "proxies_given": proxies,
                "proxies_held": assembly.proxy_ids.filtered(
                    lambda p: (
                        p.holder_id == participation.membership_id
                        and p.is_authenticated
                    )
                ),
                "max_attempts": vote_codes.MAX_ATTEMPTS,
                **messages,
            }
        )
        return request.render(
            "coop_membership.portal_my_assembly", values, status=status
        )

    @http.route(
        ["/my/assembly/<int:assembly_id>"], type="http", auth="user", website=True
    )
    def portal_my_assembly(self, assembly_id, voted=None, confirmed=None, **kw):
        return self._coop_assembly_page(
            assembly_id, coop_voted=bool(voted), coop_confirmed=bool(confirmed)
        )

    @http.route(
        ["/my/assembly/<int:assembly_id>/vote"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_assembly_vote(self, assembly_id, code="", **post):
        participation = self._coop_participations(assembly_id)
        if not participation:
            return self._coop_not_voter(assembly_id)
        try:
            ballots = self._coop_parse_ballots()
        except ValueError:
            return self._coop_assembly_page(
                assembly_id,
                status=400,
                coop_error=request.env._("The ballot form is not valid."),
            )
        try:
            with request.env.cr.savepoint():
                counted = participation._submit_ballots(code, ballots)
        except UserError as error:
            return self._coop_assembly_page(
                assembly_id, status=400, coop_error=error.args[0]
            )
        if not counted:
            # the wrong attempt is counted (and kept: nothing raised)
            left = vote_codes.MAX_ATTEMPTS - participation.code_attempts
            return self._coop_assembly_page(
                assembly_id,
                status=403,
                coop_error=request.env._(
                    "Wrong voting code: nothing was counted (%s attempts left).",
                    max(left, 0),
                ),
            )
        return request.redirect(f"/my/assembly/{assembly_id}?voted=1")

    def _coop_not_voter(self, assembly_id):
        """403 with the reason for a member of the assembly's cooperative,
        404 for anybody else (an assembly of another cooperative)."""
        assembly = request.env["coop.assembly"].sudo().browse(assembly_id).exists()
        members = (
            request.env["coop.membership"]
            .sudo()
            .search_count(
                [
                    ("partner_id", "=", self._coop_partner().id),
                    ("company_id", "=", assembly.company_id.id),
                ]
            )
        )
        if not (assembly and members):
            return request.not_found()
        return request.render(
            "coop_membership.portal_assembly_message",
            {
                "coop_error": request.env._(
                    "You are not in the electorate of %s (fees not up to "
                    "date by the day before, or not a voting member).",
                    assembly.name,
                )
            },
            status=403,
        )

    def _coop_parse_ballots(self):
        """``{participation id: {item id: [choice ids]}}`` from the form:
        ``voter`` lists the ballots cast, ``ballot-<voter>-<item>`` their
        choices. ValueError on anything else than ids."""
        form = request.httprequest.form
        if len(form) > MAX_BALLOT_FIELDS:
            raise ValueError("too many fields")
        ballots = {self._coop_id(voter): {} for voter in form.getlist("voter")}
        for key in form:
            match = BALLOT_FIELD.match(key)
            if not match:
                continue
            voter, item = (self._coop_id(part) for part in match.groups())
            ballots.setdefault(voter, {})[item] = [
                self._coop_id(value) for value in form.getlist(key)
            ]
        return ballots

    @staticmethod
    def _coop_id(text):
        number = int(text)
        if not 0 < number <= bounds.MAX_INT:
            raise ValueError(text)
        return number

    @http.route(
        ["/my/assembly/<int:assembly_id>/results"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_assembly_results(self, assembly_id, **kw):
        assembly = (
            self._coop_participations(assembly_id).assembly_id
            | self._coop_proxies_given(assembly_id).assembly_id
        )
        if not assembly or assembly.vote_state != "closed":
            return request.not_found()
        pdf, _type = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(assembly.company_id)
            ._render_qweb_pdf(
                "coop_membership.action_report_assembly_results", assembly.ids
            )
        )
        return request.make_response(
            pdf,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
            ],
        )

    @http.route(
        ["/my/assembly/proxy/<int:proxy_id>/confirm"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_proxy_confirm(self, proxy_id, **post):
        proxy = request.env["coop.assembly.proxy"].sudo().browse(proxy_id).exists()
        if not proxy or not proxy._is_given_by(self._coop_partner()):
            return request.not_found()
        try:
            with request.env.cr.savepoint():
                proxy._confirm_by_giver("portal")
        except UserError as error:
            return self._coop_assembly_page(
                proxy.assembly_id.id, status=400, coop_error=error.args[0]
            )
        return request.redirect(f"/my/assembly/{proxy.assembly_id.id}?confirmed=1")

    @http.route(
        ["/coop/proxy/<int:proxy_id>/confirm"],
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
    )
    def proxy_confirm_by_link(self, proxy_id, token="", **post):
        """The giver confirms from the emailed link: the page asks, the
        button confirms (a mail scanner opening the link confirms nothing)."""
        proxy = request.env["coop.assembly.proxy"].sudo().browse(proxy_id).exists()
        if not proxy or not proxy._check_confirm_token(token):
            return request.render(
                "coop_membership.portal_assembly_message",
                {
                    "coop_error": request.env._(
                        "This confirmation link is not valid or was already used."
                    )
                },
                status=404,
            )
        values = {"proxy": proxy, "token": token}
        if request.httprequest.method == "POST":
            try:
                with request.env.cr.savepoint():
                    proxy._confirm_by_giver("email")
            except UserError as error:
                values["coop_error"] = error.args[0]
                return request.render(
                    "coop_membership.portal_proxy_confirm", values, status=400
                )
            values["coop_done"] = True
        return request.render("coop_membership.portal_proxy_confirm", values)
