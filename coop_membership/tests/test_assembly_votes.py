# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Votes at an assembly (003 §6): paper count and remote ballots with
one-time codes, to the published results."""

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .assembly_common import CoopVoteMixin
from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestAssemblyPaperVote(CoopVoteMixin, CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_vote(mode="paper")

    def _count(self, item, ballots, void, counts):
        item.write({"paper_ballot_count": ballots, "paper_void_count": void})
        for name, count in counts.items():
            self._choice(item, name).paper_count = count

    def test_paper_count_to_results(self):
        with self.assertRaisesRegex(UserError, "while the vote of a paper"):
            self.motion.paper_ballot_count = 10  # not open yet
        self.assembly.action_convene()
        self.assembly.action_open_vote()
        self.assertEqual(len(self.assembly.participation_ids), 5)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("model", "=", "coop.assembly.participation")]
            )
        )
        # 10 ballots, one void: 5 for, 3 against, 1 abstaining
        self._count(self.motion, 10, 1, {"For": 5, "Against": 3, "Abstain": 1})
        # 10 ballots, 2 void (3 names kept, or an added name): 2 seats
        self._count(self.election, 10, 2, {"Ada": 7, "Bob": 6, "Cyd": 3})
        self.assembly.action_close_vote()
        self.assertEqual(self.assembly.vote_state, "closed")
        self.assertEqual(self.motion.result, "adopted")  # 5 > (5 + 3) / 2
        self.assertEqual(self.motion.ballot_count, 10)
        self.assertIn("For 5, against 3, abstaining 1", self.motion.result_note)
        self.assertEqual(self.election.result, "elected")
        elected = self.election.choice_ids.filtered(lambda c: c.outcome == "elected")
        self.assertEqual(elected.mapped("name"), ["Ada", "Bob"])
        self.assertEqual(self._votes()[("Elect the board", "Cyd")], 3)
        # published: the minutes of the results
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "coop_membership.action_report_assembly_results", self.assembly.ids
        )
        html = html.decode()
        for text in ("Approve the accounts", "Adopted", "Ada", "Elected"):
            self.assertIn(text, html)
        action = self.assembly.with_context(
            discard_logo_check=True
        ).action_print_results()
        self.assertEqual(
            action["report_name"], "coop_membership.report_assembly_results"
        )
        # closed: the count stays as it is
        with self.assertRaisesRegex(UserError, "while the vote of a paper"):
            self._choice(self.election, "Cyd").paper_count = 9
        with self.assertRaisesRegex(UserError, "Results are computed"):
            self.motion.result = "rejected"
        self.assembly.action_done()
        self.assertEqual(self.assembly.state, "done")

    def test_paper_count_impossible(self):
        self.assembly.action_convene()
        self.assembly.action_open_vote()
        # 10 valid ballots but 5 + 3 + 1 answers
        self._count(self.motion, 10, 0, {"For": 5, "Against": 3, "Abstain": 1})
        self._count(self.election, 4, 0, {"Ada": 5})
        with self.assertRaisesRegex(UserError, "do not add up") as cm:
            self.assembly.action_close_vote()
        self.assertIn(
            "a candidate has more votes than valid ballots", str(cm.exception)
        )
        self.assertEqual(self.assembly.vote_state, "open")
        self.assertFalse(self.motion.result)

    def test_quorum_not_met(self):
        """A quorum of half the electorate (5): 2 ballots do not decide."""
        self.simple.write({"quorum_numerator": 1, "quorum_denominator": 2})
        self.assembly.action_convene()
        self.assembly.action_open_vote()
        self._count(self.motion, 2, 0, {"For": 2})
        self._count(self.election, 2, 0, {"Ada": 2, "Bob": 1})
        self.assembly.action_close_vote()
        self.assertEqual(self.motion.result, "no_quorum")
        self.assertEqual(
            self.motion.result_note,
            "Quorum not met: 2 ballots, 3 needed (5 members in the electorate).",
        )
        self.assertEqual(self.election.result, "no_quorum")
        self.assertFalse(self.election.choice_ids.filtered("outcome"))

    def test_tie_for_the_last_seat(self):
        self.assembly.action_convene()
        self.assembly.action_open_vote()
        self._count(self.motion, 5, 0, {"For": 2, "Against": 2, "Abstain": 1})
        self._count(self.election, 5, 0, {"Ada": 4, "Bob": 3, "Cyd": 3})
        self.assembly.action_close_vote()
        self.assertEqual(self.motion.result, "rejected")  # 2 is not more than 2
        self.assertEqual(self.election.result, "tie")
        outcomes = {c.name: c.outcome for c in self.election.choice_ids}
        self.assertEqual(outcomes, {"Ada": "elected", "Bob": "tie", "Cyd": "tie"})

    def test_vote_lifecycle(self):
        with self.assertRaisesRegex(UserError, "Convene the assembly"):
            self.assembly.action_open_vote()
        self.assembly.action_convene()
        empty = self.env["coop.assembly"].create(
            {"name": "Empty", "date": self.assembly.date, "state": "convened"}
        )
        with self.assertRaisesRegex(UserError, "Add the items"):
            empty.action_open_vote()
        self.election.choice_ids.unlink()
        with self.assertRaisesRegex(UserError, "Declare the candidates"):
            self.assembly.action_open_vote()
        self.election.choice_ids = [(0, 0, {"name": "Ada"})]
        self.assembly.action_open_vote()
        with self.assertRaisesRegex(UserError, "already open"):
            self.assembly.action_open_vote()
        with self.assertRaisesRegex(UserError, "Close the vote"):
            self.assembly.action_done()
        with self.assertRaisesRegex(UserError, "cannot go back to draft"):
            self.assembly.action_draft()
        with self.assertRaisesRegex(UserError, "its mode cannot change"):
            self.assembly.vote_mode = "remote"
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.motion.name = "Another text"
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.election.choice_ids = [(0, 0, {"name": "Eve"})]
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            self.assembly.unlink()
        self.assertEqual(self.motion.name, "Approve the accounts")
        self.assertEqual(self.election.choice_ids.mapped("name"), ["Ada"])

    def test_motion_choices(self):
        """A motion is voted for, against or abstaining; candidates stand at
        elections only."""
        self.assertEqual(
            self.motion.choice_ids.mapped("value"), ["for", "against", "abstain"]
        )
        with self.assertRaisesRegex(ValidationError, "Candidates stand at elections"):
            self.motion.choice_ids = [(0, 0, {"name": "Eve"})]
        self.motion.kind = "election"
        self.assertFalse(self.motion.choice_ids)
        self.election.kind = "motion"
        self.assertEqual(len(self.election.choice_ids), 3)
        self.assertEqual(
            set(self.election.choice_ids.mapped("value")), {"for", "against", "abstain"}
        )
