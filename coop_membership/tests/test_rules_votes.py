# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Table tests of the voting rules (003 §5.1, §6) and of the voting codes."""

from odoo.tests import BaseCase, tagged

from ..tools import vote_codes, votes

SIMPLE = (1, 2, True)  # more than 1/2 of the votes cast
TWO_THIRDS = (2, 3, False)  # at least 2/3 of the votes cast


@tagged("post_install", "-at_install")
class TestVoteOutcomes(BaseCase):
    def test_quorum(self):
        cases = [
            # ballots, electorate, numerator, denominator, needed, met
            (0, 40, 0, 1, 0, True),  # no quorum
            (10, 40, 1, 4, 10, True),  # a quarter of 40
            (9, 40, 1, 4, 10, False),
            (14, 41, 1, 3, 14, True),  # 13.67 rounded up
            (13, 41, 1, 3, 14, False),
            (21, 40, 1, 2, 20, True),
        ]
        for ballots, electorate, num, den, needed, met in cases:
            with self.subTest(ballots=ballots, electorate=electorate, q=(num, den)):
                self.assertEqual(votes.quorum_needed(electorate, num, den), needed)
                self.assertEqual(votes.quorum_met(ballots, electorate, num, den), met)

    def test_motion_majority(self):
        cases = [
            # for, against, abstain, rule, abstentions cast, adopted
            (6, 4, 0, SIMPLE, False, True),
            (5, 5, 0, SIMPLE, False, False),  # a tie is not more than half
            (5, 4, 3, SIMPLE, False, True),  # abstentions left out
            (5, 4, 3, SIMPLE, True, False),  # ... or weighing against
            (0, 0, 7, SIMPLE, False, False),  # nothing cast
            (20, 10, 0, TWO_THIRDS, False, True),  # exactly 2/3
            (19, 10, 0, TWO_THIRDS, False, False),
            (20, 10, 0, (2, 3, True), False, False),  # strictly more than 2/3
        ]
        for yes, no, abstain, (num, den, strict), count_abst, adopted in cases:
            with self.subTest(yes=yes, no=no, abstain=abstain, rule=(num, den)):
                self.assertEqual(
                    votes.motion_adopted(
                        yes, no, abstain, num, den, strict, count_abst
                    ),
                    adopted,
                )

    def test_election(self):
        cases = [
            # votes, seats, elected, tied
            ({"A": 5, "B": 4, "C": 3, "D": 1}, 3, {"A", "B", "C"}, set()),
            ({"A": 5, "B": 4, "C": 4, "D": 1}, 2, {"A"}, {"B", "C"}),
            ({"A": 5, "B": 4, "C": 4, "D": 1}, 3, {"A", "B", "C"}, set()),
            ({"A": 2, "B": 0}, 3, {"A"}, set()),  # no vote, not elected
            ({"A": 3, "B": 3, "C": 3}, 1, set(), {"A", "B", "C"}),
            ({}, 2, set(), set()),
        ]
        for counts, seats, elected, tied in cases:
            with self.subTest(counts=counts, seats=seats):
                self.assertEqual(votes.election_result(counts, seats), (elected, tied))

    def test_paper_count(self):
        cases = [
            # ballots, void, counts, seats (None: motion), error
            (10, 1, [5, 3, 1], None, None),
            (10, 0, [5, 3, 1], None, votes.PAPER_MOTION_SUM),
            (3, 4, [0, 0, 0], None, votes.PAPER_VOID_EXCEEDS),
            (10, 0, [-1, 11, 0], None, votes.PAPER_NEGATIVE),
            (10, 2, [8, 8, 7], 3, None),  # 8 valid ballots, 3 names each
            (10, 2, [9, 1, 0], 3, votes.PAPER_CANDIDATE_EXCEEDS),
            (10, 2, [8, 8, 8, 1], 3, votes.PAPER_NAMES_EXCEED),
            (0, 0, [], 3, None),
        ]
        for ballots, void, counts, seats, error in cases:
            with self.subTest(ballots=ballots, void=void, counts=counts):
                self.assertEqual(
                    votes.paper_count_error(ballots, void, counts, seats), error
                )

    def test_remote_ballot(self):
        motion = [11, 12, 13]
        candidates = [21, 22, 23, 24]
        cases = [
            ("motion", [11], motion, 0, True),
            ("motion", [], motion, 0, False),  # answer each motion
            ("motion", [11, 12], motion, 0, False),
            ("motion", [21], motion, 0, False),
            ("election", [21, 22, 23], candidates, 3, True),
            ("election", [], candidates, 3, True),  # blank
            ("election", [21, 22, 23, 24], candidates, 3, False),  # > seats
            ("election", [21, 21], candidates, 3, False),
            ("election", [99], candidates, 3, False),  # an added name
        ]
        for kind, selected, choices, seats, valid in cases:
            with self.subTest(kind=kind, selected=selected):
                self.assertEqual(
                    votes.remote_ballot_is_valid(kind, selected, choices, seats),
                    valid,
                )


@tagged("post_install", "-at_install")
class TestVotingRights(BaseCase):
    def test_voting_rights(self):
        """003 §5.1: one's own vote plus at most 2 proxies, authenticated."""
        cases = [
            # voted, gave, held (giver, authenticated, voted), max, rights
            (False, False, [], 2, [1]),
            (True, False, [], 2, []),  # a second vote
            (False, True, [], 2, []),  # their holder votes for them
            (False, False, [(2, True, False), (3, True, False)], 2, [1, 2, 3]),
            (False, False, [(2, False, False), (3, True, False)], 2, [1, 3]),
            (False, False, [(2, True, True), (3, True, False)], 2, [1, 3]),
            (True, False, [(2, True, False)], 2, [2]),  # the proxy later
            # a third proxy (the maximum lowered since): beyond two, ignored
            (
                False,
                False,
                [(2, True, False), (3, True, False), (4, True, False)],
                2,
                [1, 2, 3],
            ),
            (False, False, [(2, True, False), (3, True, False)], 1, [1, 2]),
        ]
        for voted, gave, held, maximum, rights in cases:
            with self.subTest(voted=voted, gave=gave, held=held, maximum=maximum):
                self.assertEqual(
                    votes.voting_rights(1, voted, gave, held, maximum), rights
                )


@tagged("post_install", "-at_install")
class TestVoteCodes(BaseCase):
    def test_code_shape(self):
        codes = {vote_codes.new_code() for _i in range(50)}
        self.assertEqual(len(codes), 50)
        for code in codes:
            self.assertEqual(len(code), vote_codes.CODE_LENGTH)
            self.assertTrue(set(code) <= set(vote_codes.ALPHABET))
        self.assertEqual(vote_codes.display_code("ABCDEFGHJK"), "ABCDE-FGHJK")

    def test_code_check(self):
        salt = "s" * 32
        stored = vote_codes.code_hash(salt, "ABCDEFGHJK")
        self.assertNotIn("ABCDEFGHJK", stored)
        cases = [
            ("ABCDEFGHJK", stored, True),
            ("abcde-fghjk", stored, True),  # as typed from the email
            (" ABCDE FGHJK ", stored, True),
            ("ABCDEFGHJM", stored, False),  # forged
            ("", stored, False),
            (None, stored, False),
            (12345, stored, False),
            ("A" * 500, stored, False),
            ("ABCDEFGHJK", False, False),  # used: the hash is gone
        ]
        for typed, hashed, ok in cases:
            with self.subTest(typed=typed, hashed=bool(hashed)):
                self.assertEqual(vote_codes.code_matches(salt, typed, hashed), ok)
        # another assembly's salt: another hash
        self.assertFalse(vote_codes.code_matches("t" * 32, "ABCDEFGHJK", stored))

    def test_token_check(self):
        token = vote_codes.new_secret()
        stored = vote_codes.token_hash(token)
        self.assertTrue(vote_codes.token_matches(token, stored))
        for typed in ("", token[:-1] + "0" if token[-1] != "0" else "1", None):
            with self.subTest(typed=typed):
                self.assertFalse(vote_codes.token_matches(typed, stored))
        self.assertFalse(vote_codes.token_matches(token, False))
