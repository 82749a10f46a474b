# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A remote assembly (003 §6): codes by email, votes with proxies (003
§5.1), results; admission on the day."""

from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..tools import vote_codes
from .assembly_common import CoopVoteMixin
from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestAssemblyRemoteVote(CoopVoteMixin, CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_vote(mode="remote")

    def test_codes_sent_by_email(self):
        a = self.voters[0]
        codes = self._open()
        # one email per voter, each with their own code; only hashes stored
        self.assertEqual(set(codes), set(self.voters))
        self.assertEqual(len(set(codes.values())), 5)
        participation = self._participation(a)
        self.assertEqual(participation.code_state, "sent")
        self.assertNotIn(codes[a], str(participation.sudo().code_hash))
        self.assertTrue(
            vote_codes.code_matches(
                self.assembly.sudo().vote_salt,
                codes[a],
                participation.sudo().code_hash,
            )
        )
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "coop.assembly.participation"),
                ("res_id", "=", participation.id),
            ]
        )
        self.assertEqual(mail.recipient_ids, a.partner_id)
        self.assertTrue(mail.auto_delete)  # the code leaves no copy once sent

    def test_voter_without_email(self):
        a, b = self.voters[:2]
        b.partner_id.email = False
        codes = self._open()
        self.assertNotIn(b, codes)
        self.assertEqual(self._participation(b).code_state, "none")
        self.assertIn(
            "no voting code sent to: Voter B", self.assembly.message_ids[0].body
        )
        with self.assertRaisesRegex(UserError, "never sent"):
            self._vote(b, codes[a], {b: self._ballot("For")})
        b.partner_id.email = "b@example.com"
        self._participation(b).action_send_code()
        self.assertEqual(self._participation(b).code_state, "sent")

    def test_remote_vote_with_codes_and_proxies(self):
        a, b, c, d, _e = self.voters
        self._proxy(b, a)  # signed form: counts
        self._proxy(c, a, authenticated=False)  # not authenticated: does not
        codes = self._open()
        participation = self._participation(a)
        # A votes for herself and for B (authenticated), not for C
        self.assertEqual(
            participation._voting_rights(),
            self._participation(a) | self._participation(b),
        )
        self.assertTrue(
            self._vote(
                a,
                codes[a],
                {
                    a: self._ballot("For", ["Ada", "Bob"]),
                    b: self._ballot("For", ["Ada"]),
                },
            )
        )
        self.assertEqual(participation.code_state, "used")
        self.assertTrue(self._vote(c, codes[c], {c: self._ballot("Against", ["Cyd"])}))
        # D hands in a blank election ballot; E does not vote (abstains)
        self.assertTrue(self._vote(d, codes[d], {d: self._ballot("Abstain")}))
        self.assertEqual(self.assembly.voted_count, 4)
        via = {p.membership_id: p.voted_via for p in self.assembly.participation_ids}
        self.assertEqual(via, {a: "self", b: "proxy", c: "self", d: "self", _e: False})
        self.assembly.action_close_vote()
        self.assertEqual(
            self._votes(),
            {
                ("Approve the accounts", "For"): 2,
                ("Approve the accounts", "Against"): 1,
                ("Approve the accounts", "Abstain"): 1,
                ("Elect the board", "Ada"): 2,
                ("Elect the board", "Bob"): 1,
                ("Elect the board", "Cyd"): 1,
            },
        )
        self.assertEqual(self.motion.ballot_count, 4)
        self.assertEqual(self.election.ballot_count, 4)  # the blank one too
        self.assertEqual(self.motion.result, "adopted")
        # Bob and Cyd tied for the second seat
        self.assertEqual(self.election.result, "tie")
        messages = self.assembly.message_ids.mapped("body")
        self.assertTrue(any("4 of 5 members voted" in body for body in messages))

    def test_new_code(self):
        a = self.voters[0]
        codes = self._open()
        participation = self._participation(a)
        mails = self.env["mail.mail"].search([])
        participation.action_send_code()
        new = self._codes_from(self.env["mail.mail"].search([]) - mails)[a]
        self.assertNotEqual(new, codes[a])
        # the old code no longer works: a wrong attempt
        self.assertFalse(self._vote(a, codes[a], {a: self._ballot("For")}))
        self.assertEqual(participation.code_attempts, 1)
        self.assertTrue(self._vote(a, new, {a: self._ballot("For")}))

    def test_admit_on_the_day(self):
        """003 §6: regularising on the day of the assembly, as far as people
        and tools allow: a manager admits the member with a reason."""
        late = self._member("Late Laura", self.cat_provider, "active")
        late.partner_id.email = "laura@example.com"
        period = self.scheme_year._get_or_create_period(self.assembly.date)
        fee = period._run_fees().filtered(lambda m: m.partner_id == late.partner_id)
        self._pay(
            period.fee_line_ids.move_id - fee,
            payment_date=self.assembly.date - timedelta(days=3),
        )
        self.assertNotIn(late, self.assembly._get_electorate())
        codes = self._open()
        self.assertNotIn(late, codes)
        with self.assertRaisesRegex(UserError, "not paid on the day"):
            self.assembly._admit_on_day(late, "Paid at the door")
        self._pay(fee, payment_date=self.assembly.date)
        with self.assertRaisesRegex(UserError, "Give the reason"):
            self.assembly._admit_on_day(late, "  ")
        with self.assertRaisesRegex(UserError, "already in the electorate"):
            self.assembly._admit_on_day(self.voters[0], "Paid")
        outsider = self._member("Cand Carl", self.cat_provider, "candidate")
        with self.assertRaisesRegex(UserError, "not a voting member"):
            self.assembly._admit_on_day(outsider, "Paid")
        mails = self.env["mail.mail"].search([])
        wizard = self.env["coop.assembly.admit.wizard"].create(
            {
                "assembly_id": self.assembly.id,
                "membership_id": late.id,
                "reason": "Paid 40 EUR in cash at the entrance, receipt 17",
            }
        )
        wizard.action_admit()
        participation = self._participation(late)
        self.assertTrue(participation.admitted_on_day)
        self.assertIn(late, self.assembly._get_electorate())
        self.assertIn("receipt 17", self.assembly.message_ids[0].body)
        code = self._codes_from(self.env["mail.mail"].search([]) - mails)[late]
        self.assertTrue(self._vote(late, code, {late: self._ballot("Against")}))

    def test_admit_only_on_the_day(self):
        late = self._member("Late Laura", self.cat_provider, "candidate")
        self.assembly.action_convene()
        self.assembly.date = fields.Date.context_today(self.env.user) + timedelta(
            days=1
        )
        with self.assertRaisesRegex(UserError, "on the day of the assembly only"):
            self.assembly._admit_on_day(late, "Paid")
        self.assertFalse(self.assembly.participation_ids)

    def test_vote_query_count(self):
        """Casting a ballot and a proxy's: a fixed number of queries."""
        a, b = self.voters[:2]
        self._proxy(b, a)
        codes = self._open()
        ballots = {
            self._participation(a).id: self._ballot("For", ["Ada", "Bob"]),
            self._participation(b).id: self._ballot("Against", ["Cyd"]),
        }
        participation = self._participation(a)
        self.env.invalidate_all()
        with self.assertQueryCount(19):
            participation._submit_ballots(codes[a], ballots)
        self.assertEqual(self.assembly.voted_count, 2)
