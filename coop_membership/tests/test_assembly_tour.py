# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An Electrolab-style remote assembly end to end on the portal (003 §5.1,
§6): convened, a member votes with her code for herself and the proxy she
holds, the manager closes the vote, she reads the results; secrecy kept."""

from odoo.tests import tagged

from ..tools import vote_codes
from .assembly_common import CoopVoteMixin
from .common import CoopHttpCommon

TOUR_CODE = "KTQ7M-XP4WZ"  # the code the tour types (see the tour's file)


@tagged("post_install", "-at_install")
class TestAssemblyTour(CoopVoteMixin, CoopHttpCommon):
    def test_remote_assembly_tour(self):
        others = [
            self._member(f"Voter {letter}", self.cat_supporter, "active")
            for letter in "CD"
        ]
        self._setup_vote(voters=[self.member_a, self.member_b, *others])
        a, b, c, _d = self.voters
        # Bob gives his proxy to Alice and confirms it on his portal
        proxy = self._proxy(b, a, authenticated=False)
        proxy.sudo()._confirm_by_giver("portal")
        codes = self._open()
        # Alice's code as the tour types it (her emailed one, replaced)
        participation = self._participation(a)
        participation.sudo().code_hash = vote_codes.code_hash(
            self.assembly._get_vote_salt(), TOUR_CODE
        )
        self._vote(c, codes[c], {c: self._ballot("Against", ["Cyd"])})
        self.start_tour(
            f"/my/assembly/{self.assembly.id}",
            "coop_membership_remote_assembly",
            login="sec_portal_a",
        )
        self.assertTrue(participation.has_voted)
        self.assertEqual(self._participation(b).voted_via, "proxy")
        self.assembly.with_user(self.manager).action_close_vote()
        self.start_tour(
            f"/my/assembly/{self.assembly.id}",
            "coop_membership_remote_assembly_results",
            login="sec_portal_a",
        )
        # Alice: for, Ada and Bob; Bob by proxy: for, Ada; C: against, Cyd
        votes = self._votes()
        self.assertEqual(votes[("Approve the accounts", "For")], 2)
        self.assertEqual(votes[("Approve the accounts", "Against")], 1)
        self.assertEqual(votes[("Elect the board", "Ada")], 2)
        self.assertEqual(votes[("Elect the board", "Bob")], 1)
        self.assertEqual(votes[("Elect the board", "Cyd")], 1)
        self.assertEqual(self.motion.result, "adopted")
        self.assertEqual(self.assembly.voted_count, 3)
        # secrecy: the counters are all that holds the choices
        self.assertEqual(
            set(self.env["coop.assembly.tally"]._fields)
            - {"id", "display_name", "item_id", "choice_id", "votes"},
            set(),
        )
