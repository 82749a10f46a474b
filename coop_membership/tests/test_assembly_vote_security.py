# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bad ballots and attacks on a remote vote: each refused with a clear
message, nothing counted."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import vote_codes
from .assembly_common import CoopVoteMixin
from .common import CoopHttpCommon


@tagged("post_install", "-at_install")
class TestAssemblyVoteBadInput(CoopVoteMixin, CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        others = [
            cls._member(f"Voter {letter}", cls.cat_supporter, "active")
            for letter in "CDE"
        ]
        cls._setup_vote(voters=[cls.member_a, cls.member_b, *others])
        a, b, c, d, e = cls.voters
        # C holds the authenticated proxies of D and E; B's to A is not
        # authenticated (it does not count)
        cls._proxy(d, c)
        cls._proxy(e, c)
        cls._proxy(b, a, authenticated=False)

    def setUp(self):
        super().setUp()
        self.codes = self._open()
        self.a, self.b, self.c, self.d, self.e = self.voters

    def assertRefused(self, member, code, ballots, regex):
        """The vote is refused with ``regex`` and nothing is counted."""
        before = self._tally()
        voted = self.assembly.participation_ids.filtered("has_voted")
        with self.assertRaisesRegex(UserError, regex):
            self._vote(member, code, ballots)
        self.assertEqual(self._tally(), before)
        self.assertEqual(self.assembly.participation_ids.filtered("has_voted"), voted)

    def _new_code(self, member):
        mails = self.env["mail.mail"].search([])
        self._participation(member)._send_code()
        return self._codes_from(self.env["mail.mail"].search([]) - mails)[member]

    def test_second_vote(self):
        a = self.a
        self.assertTrue(self._vote(a, self.codes[a], {a: self._ballot("For")}))
        # with a new code, the vote already cast is still refused
        self.assertRefused(
            a, self._new_code(a), {a: self._ballot("Against")}, "already voted"
        )

    def test_reused_code(self):
        c, d = self.c, self.d
        self.assertTrue(self._vote(c, self.codes[c], {c: self._ballot("For")}))
        self.assertRefused(c, self.codes[c], {d: self._ballot("For")}, "already used")
        self.assertEqual(self._participation(c).code_state, "used")

    def test_vote_after_closing(self):
        self.assembly.action_close_vote()
        self.assertRefused(
            self.a, self.codes[self.a], {self.a: self._ballot("For")}, "is closed"
        )

    def test_vote_outside_the_electorate(self):
        outsider = self._member("Late Lou", self.cat_supporter, "candidate")
        with self.assertRaisesRegex(UserError, "not in the electorate"):
            self._participation(outsider)

    def test_forged_code_and_attempts(self):
        a = self.a
        participation = self._participation(a)
        for attempt in range(1, vote_codes.MAX_ATTEMPTS + 1):
            self.assertFalse(self._vote(a, "ABCDE-FGHJK", {a: self._ballot("For")}))
            self.assertEqual(participation.code_attempts, attempt)
        self.assertEqual(participation.code_state, "locked")
        # locked: even the right code is refused now
        self.assertRefused(a, self.codes[a], {a: self._ballot("For")}, "locked")
        self.assertFalse(any(self._tally().values()))

    def test_ballot_beyond_the_seats(self):
        a = self.a
        self.assertRefused(
            a,
            self.codes[a],
            {a: self._ballot("For", ["Ada", "Bob", "Cyd"])},
            "keeps at most 2 names",
        )
        # an added name: a choice of another item
        ballot = self._ballot("For")
        ballot[self.election.id] = self.motion.choice_ids[:1].ids
        self.assertRefused(a, self.codes[a], {a: ballot}, "among the declared")
        # two answers to a motion, or none
        ballot = self._ballot("For")
        ballot[self.motion.id] = self.motion.choice_ids[:2].ids
        self.assertRefused(a, self.codes[a], {a: ballot}, "Choose one answer")
        self.assertRefused(
            a, self.codes[a], {a: {self.election.id: []}}, "Choose one answer"
        )
        self.assertRefused(a, self.codes[a], {}, "No ballot")
        self.assertEqual(self._participation(a).code_attempts, 0)

    def test_proxy_votes_beyond_two(self):
        """003 §5.1: two proxies at most; lowered to one, the second giver's
        vote is refused."""
        c, d, e = self.c, self.d, self.e
        self.company.coop_max_proxies = 1
        self.assertRefused(
            c,
            self.codes[c],
            {c: self._ballot("For"), d: self._ballot("For"), e: self._ballot("For")},
            "more proxies than the 1 counted",
        )
        self.company.coop_max_proxies = 2
        self.assertTrue(
            self._vote(
                c,
                self.codes[c],
                {
                    c: self._ballot("For"),
                    d: self._ballot("For"),
                    e: self._ballot("For"),
                },
            )
        )
        self.assertEqual(self.assembly.voted_count, 3)

    def test_proxy_not_authenticated_or_not_held(self):
        a, b, d = self.a, self.b, self.d
        for giver in (b, d):
            with self.subTest(giver=giver.partner_id.name):
                self.assertRefused(
                    a,
                    self.codes[a],
                    {a: self._ballot("For"), giver: self._ballot("For")},
                    "hold no authenticated proxy",
                )
        # B's proxy does not count: B votes herself
        self.assertTrue(self._vote(b, self.codes[b], {b: self._ballot("For")}))

    def test_giver_and_holder_of_the_same_vote(self):
        c, d = self.c, self.d
        self.assertRefused(
            d, self.codes[d], {d: self._ballot("For")}, "cast by its holder"
        )
        self.assertTrue(self._vote(c, self.codes[c], {d: self._ballot("For")}))
        self.assertRefused(
            c,
            self._new_code(c),
            {d: self._ballot("Against")},
            "Voter D was already cast",
        )

    def test_paper_count_on_remote_vote(self):
        with self.assertRaisesRegex(UserError, "paper assembly is open"):
            self.motion.paper_ballot_count = 3
