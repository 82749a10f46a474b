# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Electrolab's board (003 §4-5) in the test company: 8 members, of whom a
bureau of 3, all seated on 1 January 2026."""

from datetime import date, timedelta

from freezegun import freeze_time

from .common import CoopCommon, CoopHttpCommon

BOARD_START = date(2026, 1, 1)
BUREAU = ("President", "Treasurer", "Secretary")
OUTSIDE = ("Dana", "Eli", "Fay", "Gus", "Hal")


class BoardMixin:
    @classmethod
    def _setup_board(cls):
        cls.company.write(
            {
                "coop_board_size": 8,
                "coop_bureau_size": 3,
                "coop_board_notice_days": 7,
                "coop_board_quorum_members": 4,
                "coop_board_quorum_outside_bureau": 1,
                "coop_board_quorum_bureau": 1,
                "coop_board_max_proxies": 2,
                "coop_board_absence_limit": 2,
            }
        )
        Mandate = cls.env["coop.board.mandate"]
        cls.members = {
            name: cls._member(name, cls.cat_elab, "active") for name in BUREAU + OUTSIDE
        }
        cls.mandates = {
            name: Mandate.create(
                {"membership_id": member.id, "date_start": BOARD_START}
            )
            for name, member in cls.members.items()
        }
        functions = ("president", "treasurer", "secretary")
        cls.bureau_mandates = Mandate.create(
            [
                {
                    "membership_id": cls.members[name].id,
                    "role": "bureau",
                    "bureau_function": function,
                    "date_start": BOARD_START,
                }
                for name, function in zip(BUREAU, functions, strict=True)
            ]
        )

    def _meeting(self, day, name="Board meeting", **vals):
        return self.env["coop.board.meeting"].create(
            dict(vals, name=name, date=day, agenda="<p>Accounts</p>")
        )

    def _lines(self, meeting):
        return {line.partner_id.name: line for line in meeting.attendance_ids}

    def _run_meeting(self, day, attendance, convene_on=None, name="Board meeting"):
        """Convene 7 days ahead, record ``attendance`` ({name: state}),
        open and close the meeting on ``day``; the others are not recorded."""
        meeting = self._meeting(day, name=name)
        with freeze_time(convene_on or day - timedelta(days=7)):
            meeting.action_convene()
        lines = self._lines(meeting)
        for member, state in attendance.items():
            lines[member].state = state
        with freeze_time(day):
            meeting.action_open()
            meeting.action_held()
        return meeting


class BoardCommon(BoardMixin, CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_board()


class BoardHttpCommon(BoardMixin, CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_board()
