# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

MAX_OPENINGS = 100


class CoopMakerspaceOpeningPortal(CustomerPortal):
    """Read-only pages of a member: the coming openings, the keys and badges
    they hold. Record rules decide what each user sees."""

    def _coop_upcoming_openings(self):
        Opening = request.env["coop.makerspace.opening"]
        if not Opening.has_access("read"):
            return Opening
        return Opening.search(
            [
                ("date_end", ">=", fields.Datetime.now()),
                ("state", "=", "confirmed"),
            ],
            order="date_start, id",
            limit=MAX_OPENINGS,
        )

    def _coop_held_keys(self):
        Key = request.env["coop.makerspace.key"]
        if not Key.has_access("read"):
            return Key
        return Key.search(
            [
                ("holder_partner_id", "=", request.env.user.partner_id.id),
                ("state", "=", "issued"),
            ]
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_opening_count" in counters:
            values["coop_opening_count"] = len(self._coop_upcoming_openings())
        if "coop_key_count" in counters:
            values["coop_key_count"] = len(self._coop_held_keys())
        return values

    @http.route(["/my/openings"], type="http", auth="user", website=True)
    def portal_my_openings(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_openings",
                "openings": self._coop_upcoming_openings(),
            }
        )
        return request.render("coop_makerspace.portal_my_openings", values)

    @http.route(["/my/keys"], type="http", auth="user", website=True)
    def portal_my_keys(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "coop_keys", "keys": self._coop_held_keys()})
        return request.render("coop_makerspace.portal_my_keys", values)
