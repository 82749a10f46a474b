# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopBoardPortal(CustomerPortal):
    """The minutes of the held board meetings, for the cooperative's members
    (the record rules decide which meetings a user reads)."""

    def _coop_board_meetings(self):
        Meeting = request.env["coop.board.meeting"]
        if not Meeting.has_access("read"):
            return Meeting
        return Meeting.search([("state", "=", "held")])

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "coop_board_count" in counters:
            values["coop_board_count"] = len(self._coop_board_meetings())
        return values

    @http.route(["/my/board"], type="http", auth="user", website=True)
    def portal_my_board(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {"page_name": "coop_board", "meetings": self._coop_board_meetings()}
        )
        return request.render("coop_membership.portal_my_board", values)

    @http.route(["/my/board/<int:meeting_id>"], type="http", auth="user", website=True)
    def portal_my_board_meeting(self, meeting_id, **kw):
        meeting = request.env["coop.board.meeting"].browse(meeting_id)
        try:
            meeting.check_access("read")
            if meeting.state != "held":
                raise MissingError(meeting._name)
        except (AccessError, MissingError):
            return request.not_found()
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "coop_board", "meeting": meeting})
        return request.render("coop_membership.portal_my_board_meeting", values)
