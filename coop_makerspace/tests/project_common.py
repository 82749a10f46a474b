# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Electrolab's labelled projects (003 §10) in the test company: the board of
coop_membership's tests, a steering meeting at the start of the February-May
period, a makerspace user and the board as makerspace managers."""

from datetime import date, timedelta

from freezegun import freeze_time

from odoo.tests import new_test_user

from odoo.addons.coop_membership.tests.board_common import BoardMixin

# the steering meeting at the start of the February-May period
STEERING_DAY = date(2026, 2, 3)
# 15 calendar days ahead (003 §10.2)
IN_TIME = date(2026, 1, 19)
LATE = date(2026, 1, 20)
USER = "coop_makerspace.group_coop_makerspace_user"
MANAGER = "coop_makerspace.group_coop_makerspace_manager"


class ProjectMixin(BoardMixin):
    @classmethod
    def _setup_projects(cls):
        cls._setup_board()
        cls.env.user.groups_id |= cls.env.ref(MANAGER)
        cls.company.write(
            {
                "coop_project_notice_days": 15,
                "coop_project_period_months": 4,
                "coop_project_period_first_month": 2,
            }
        )
        users = {"company_id": cls.company.id, "company_ids": [(6, 0, cls.company.ids)]}
        cls.ms_user = new_test_user(
            cls.env, "ms_user", f"base.group_user,{USER}", name="Leo Leader", **users
        )
        cls.ms_other = new_test_user(
            cls.env, "ms_other", f"base.group_user,{USER}", name="Olga Other", **users
        )
        cls.ms_manager = new_test_user(
            cls.env,
            "ms_manager",
            f"base.group_user,{MANAGER},account.group_account_invoice",
            name="Board Manager",
            **users,
        )
        cls.leader = cls.ms_user.partner_id
        cls.membership_leader = cls.env["coop.membership"].create(
            {
                "partner_id": cls.leader.id,
                "category_id": cls.cat_elab.id,
                "company_id": cls.company.id,
                "state": "active",
                "join_date": "2025-01-01",
            }
        )
        cls.sponsor = cls.members["Dana"].partner_id
        cls.licence = cls.env.ref("coop_makerspace.licence_cern_ohl_s_2")

    def _steering(self, day=STEERING_DAY):
        return self._meeting(day, name="Steering meeting")

    def _project_vals(self, meeting, proposed_on=IN_TIME, **vals):
        return dict(
            {
                "name": "Open-source plotter",
                "coop_labelled": True,
                "company_id": self.company.id,
                "coop_leader_id": self.leader.id,
                "coop_goals": "A pen plotter from recovered parts.",
                "coop_budget_estimate": 450.0,
                "coop_meeting_id": meeting.id,
                "coop_proposal_date": proposed_on,
            },
            **vals,
        )

    def _propose(self, meeting, proposed_on=IN_TIME, **vals):
        return self.env["project.project"].create(
            self._project_vals(meeting, proposed_on, **vals)
        )

    def _hold(self, meeting):
        """Convene 7 days ahead, open with a quorum and hold ``meeting``."""
        with freeze_time(meeting.date - timedelta(days=7)):
            meeting.action_convene()
        lines = self._lines(meeting)
        for name in ("President", "Dana", "Eli", "Fay"):
            lines[name].state = "present"
        with freeze_time(meeting.date):
            meeting.action_open()
            meeting.action_held()
        return meeting

    def _decide(self, project, meeting, decision="accepted", user=None, **vals):
        Wizard = self.env["coop.makerspace.project.decision"]
        if user:
            Wizard = Wizard.with_user(user)
        wizard = Wizard.create(
            dict(
                {
                    "project_id": project.id,
                    "decision": decision,
                    "meeting_id": meeting.id,
                    "voted_budget": 450.0,
                    "sponsor_id": self.sponsor.id,
                },
                **vals,
            )
        )
        return wizard.action_decide()

    def _labelled_count(self):
        return self.env["project.project"].search_count([("coop_labelled", "=", True)])
