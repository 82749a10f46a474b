# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

DIRECTORY_STATES = ("active", "passive", "leaving")


class CoopMembershipPortal(CustomerPortal):
    def _coop_memberships(self):
        """Memberships the portal user may see (record rules apply)."""
        return request.env["coop.membership"].search([])

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_membership_count" in counters:
            Membership = request.env["coop.membership"]
            values["coop_membership_count"] = (
                Membership.search_count([]) if Membership.has_access("read") else 0
            )
        return values

    @http.route(["/my/membership"], type="http", auth="user", website=True)
    def portal_my_membership(self, **kw):
        memberships = self._coop_memberships()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_membership",
                "memberships": memberships,
                "invoices": request.env["account.move"].search(
                    [
                        ("coop_membership_id", "in", memberships.ids),
                        ("state", "=", "posted"),
                    ]
                ),
            }
        )
        return request.render("coop_membership.portal_my_membership", values)

    @http.route(["/my/members"], type="http", auth="user", website=True)
    def portal_member_directory(self, **kw):
        memberships = self._coop_memberships()
        names = []
        if memberships:
            # Only the names of the other members are published (no other data).
            others = (
                request.env["coop.membership"]
                .sudo()
                .search(
                    [
                        ("company_id", "in", memberships.company_id.ids),
                        ("state", "in", DIRECTORY_STATES),
                    ]
                )
            )
            names = sorted(set(others.mapped("partner_id.name")))
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "coop_members", "member_names": names})
        return request.render("coop_membership.portal_member_directory", values)
