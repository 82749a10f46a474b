# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopMakerspacePortal(CustomerPortal):
    """The member's workshop page: the equipment with its level and whether
    they may use it alone, their qualifications, and a danger report form."""

    def _coop_workshop_equipment(self):
        Equipment = request.env["maintenance.equipment"]
        if not Equipment.has_access("read"):
            return Equipment
        return Equipment.search([], order="name, id")

    def _coop_workshop_qualifications(self):
        Qualification = request.env["coop.makerspace.qualification"]
        if not Qualification.has_access("read"):
            return Qualification
        return Qualification.search(
            [("partner_id", "=", request.env.user.partner_id.id)]
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_equipment_count" in counters:
            values["coop_equipment_count"] = len(self._coop_workshop_equipment())
        return values

    def _coop_equipment_values(self, **extra):
        partner = request.env.user.partner_id
        equipment = self._coop_workshop_equipment()
        rows = []
        for item in equipment:
            allowed, reason = item._coop_check_access(partner, alone=True)
            rows.append({"equipment": item, "alone": allowed, "reason": reason})
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_equipment",
                "rows": rows,
                "qualifications": self._coop_workshop_qualifications(),
                "danger_error": False,
                "danger_done": False,
            }
        )
        values.update(extra)
        return values

    @http.route(["/my/equipment"], type="http", auth="user", website=True)
    def portal_my_equipment(self, reported=None, **_kw):
        values = self._coop_equipment_values(danger_done=bool(reported))
        return request.render("coop_makerspace.portal_my_equipment", values)

    @http.route(
        ["/my/equipment/<string:equipment_id>/danger"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_report_danger(self, equipment_id=None, description=None, **_post):
        try:
            equipment = request.env["maintenance.equipment"].browse(int(equipment_id))
            equipment.check_access("read")
            equipment.ensure_one()
        except (TypeError, ValueError, AccessError, MissingError):
            return request.not_found()
        try:
            equipment.report_danger(description)
        except AccessError:
            return request.make_response(
                request.env._("You may not report on this equipment."), status=403
            )
        except UserError as exc:
            values = self._coop_equipment_values(danger_error=str(exc))
            return request.render(
                "coop_makerspace.portal_my_equipment", values, status=400
            )
        return request.redirect("/my/equipment?reported=1")
