# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .board_common import BoardHttpCommon


@tagged("post_install", "-at_install")
class TestBoardTour(BoardHttpCommon):
    """A member finds the minutes of the board's held meeting on the portal."""

    def test_member_reads_minutes(self):
        Meeting = self.env["coop.board.meeting"]
        held = self._run_meeting(
            date(2026, 6, 15),
            dict.fromkeys(("President", "Treasurer", "Dana", "Eli"), "present"),
            name="June board meeting",
        )
        held.minutes = "<p>PUBLISHED-MINUTES</p>"
        convened = Meeting.create(
            {"name": "July board meeting", "date": date(2026, 7, 15)}
        )
        with freeze_time("2026-07-01"):
            convened.action_convene()
        self.start_tour("/my", "coop_board_minutes", login="sec_portal_a")
