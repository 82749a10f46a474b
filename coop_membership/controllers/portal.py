# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.coop_membership_directory import DIRECTORY_CHOICES, DIRECTORY_STATES

DIRECTORY_PAGE_SIZE = 20
MAX_SEARCH = 100


class CoopMembershipPortal(CustomerPortal):
    def _coop_memberships(self):
        """Memberships the portal user may see (record rules apply)."""
        Membership = request.env["coop.membership"]
        if not Membership.has_access("read"):
            return Membership
        return Membership.search([])

    def _coop_current_memberships(self):
        """The user's memberships that open the member directory."""
        return self._coop_memberships().filtered(
            lambda member: member.state in DIRECTORY_STATES
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_membership_count" in counters:
            values["coop_membership_count"] = len(self._coop_memberships())
        if "coop_directory_count" in counters:
            current = self._coop_current_memberships()
            values["coop_directory_count"] = (
                request.env["coop.membership"]
                .sudo()
                .search_count(current._directory_domain(current.company_id))
                if current
                else 0
            )
        return values

    @http.route(["/my/membership"], type="http", auth="user", website=True)
    def portal_my_membership(self, saved=None, **kw):
        memberships = self._coop_memberships()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_membership",
                "memberships": memberships,
                "coop_saved": bool(saved),
                "company": request.env.company,
                "invoices": request.env["account.move"].search(
                    [
                        ("coop_membership_id", "in", memberships.ids),
                        ("state", "=", "posted"),
                    ]
                ),
            }
        )
        return request.render("coop_membership.portal_my_membership", values)

    @http.route(
        ["/my/membership/directory"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_directory_choices(self, membership_id=None, **post):
        """The member's own consent and choices for the directory."""
        try:
            member = request.env["coop.membership"].browse(int(membership_id))
            member.check_access("read")
            member.ensure_one()
        except (TypeError, ValueError, AccessError, MissingError):
            return request.not_found()
        if member not in self._coop_memberships():
            return request.not_found()
        member._directory_set_choices(
            {name: post.get(name) == "on" for name in DIRECTORY_CHOICES}
        )
        return request.redirect("/my/membership?saved=1")

    @http.route(
        ["/my/members", "/my/members/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_member_directory(self, page=1, search="", **kw):
        try:
            page = max(int(page), 1)
        except (TypeError, ValueError):
            page = 1
        current = self._coop_current_memberships()
        search = (search or "").strip()[:MAX_SEARCH]
        Membership = request.env["coop.membership"].sudo()
        entries, total = [], 0
        if current:
            domain = current._directory_domain(current.company_id, search)
            total = Membership.search_count(domain)
        pager = portal_pager(
            url="/my/members",
            url_args={"search": search},
            total=total,
            page=page,
            step=DIRECTORY_PAGE_SIZE,
        )
        if total:
            # ordered by the member's name (res.partner's order), paginated
            others = Membership.search(
                domain,
                order="partner_id, id",
                limit=DIRECTORY_PAGE_SIZE,
                offset=pager["offset"],
            )
            entries = [member._directory_entry() for member in others]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_members",
                "entries": entries,
                "pager": pager,
                "search": search,
                "is_member": bool(current),
                "company": request.env.company,
            }
        )
        return request.render("coop_membership.portal_member_directory", values)
