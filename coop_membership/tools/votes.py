# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Proxies and ballots (pure functions, no ORM)."""

PROXY_OK = None
PROXY_SELF = "self"
PROXY_TOO_MANY = "too_many"
PROXY_HOLDER_GAVE = "holder_gave"
PROXY_GIVER_HOLDS = "giver_holds"


def proxy_error(
    giver, holder, held_count, max_per_holder, holder_gave=False, giver_holds=False
):
    """Why a proxy ``giver -> holder`` is refused, or None when allowed.

    ``held_count`` counts the proxies the holder has with this one included;
    ``holder_gave``: the holder gave their own proxy at this assembly;
    ``giver_holds``: the giver holds proxies of others at this assembly. No
    chains: a proxy holder is not a proxy giver at the same assembly, and
    the other way round.
    """
    if giver == holder:
        return PROXY_SELF
    if held_count > max_per_holder:
        return PROXY_TOO_MANY
    if holder_gave:
        return PROXY_HOLDER_GAVE
    if giver_holds:
        return PROXY_GIVER_HOLDS
    return PROXY_OK


def ballot_is_valid(selected, seats, candidates=None):
    """A ballot is valid when it selects at most ``seats`` names, no name twice,
    and (when ``candidates`` is given) no name outside the declared candidates."""
    selected = list(selected)
    if len(set(selected)) != len(selected) or len(selected) > seats:
        return False
    return candidates is None or set(selected) <= set(candidates)


# Outcomes of items at an assembly (003 §6); the fractions are data (voting
# rules), the counts come from the paper count and the remote tally.

PAPER_NEGATIVE = "negative"
PAPER_VOID_EXCEEDS = "void_exceeds"
PAPER_MOTION_SUM = "motion_sum"
PAPER_CANDIDATE_EXCEEDS = "candidate_exceeds"
PAPER_NAMES_EXCEED = "names_exceed"


def quorum_needed(electorate, numerator, denominator):
    """Ballots needed for a quorum of ``numerator / denominator`` of the
    ``electorate`` (rounded up); 0 when there is no quorum."""
    return -(-numerator * electorate // denominator) if numerator else 0


def quorum_met(ballots, electorate, numerator, denominator):
    """True when ``ballots`` (handed in, void and blank included) reach
    ``numerator / denominator`` of the ``electorate``; 0 means no quorum."""
    return ballots >= quorum_needed(electorate, numerator, denominator)


def motion_adopted(
    votes_for,
    votes_against,
    abstentions,
    numerator,
    denominator,
    strict=True,
    count_abstentions=False,
):
    """True when the votes for reach the majority ``numerator / denominator``
    of the votes cast: strictly more than it when ``strict`` (simple
    majority: more than 1/2), at least it otherwise (two-thirds: at least
    2/3). Abstentions are left out of the votes cast unless
    ``count_abstentions``; no vote cast rejects the motion."""
    cast = votes_for + votes_against + (abstentions if count_abstentions else 0)
    if not cast:
        return False
    if strict:
        return votes_for * denominator > numerator * cast
    return votes_for * denominator >= numerator * cast


def election_result(votes, seats):
    """``(elected, tied)`` for ``votes`` (``{candidate: votes}``) and
    ``seats`` open: the candidates with the most votes (at least one) fill
    the seats; candidates tied for the last seats are returned in ``tied``
    and not elected when they outnumber the seats left."""
    ranked = sorted((count for count in votes.values() if count > 0), reverse=True)
    if len(ranked) <= seats:
        return {name for name, count in votes.items() if count > 0}, set()
    cutoff = ranked[seats - 1]
    above = {name for name, count in votes.items() if count > cutoff}
    at_cutoff = {name for name, count in votes.items() if count == cutoff}
    if len(above) + len(at_cutoff) <= seats:
        return above | at_cutoff, set()
    return above, at_cutoff


def paper_count_error(ballots, void, counts, seats=None):
    """Why the staff's count of paper ballots is impossible, or None.

    ``ballots`` handed in, ``void`` among them, ``counts`` the votes of each
    choice. A motion (``seats`` None) has one choice per valid ballot: the
    counts add up to the valid ballots. At an election each valid ballot
    keeps at most ``seats`` names, each name once.
    """
    if min([ballots, void, *counts], default=0) < 0:
        return PAPER_NEGATIVE
    if void > ballots:
        return PAPER_VOID_EXCEEDS
    valid = ballots - void
    if seats is None:
        return None if sum(counts) == valid else PAPER_MOTION_SUM
    if any(count > valid for count in counts):
        return PAPER_CANDIDATE_EXCEEDS
    if sum(counts) > valid * seats:
        return PAPER_NAMES_EXCEED
    return None


def voting_rights(member, member_voted, gave_proxy, held, max_proxies):
    """The members whose vote ``member`` casts now, themselves first.

    ``member_voted``: their own vote is cast; ``gave_proxy``: they gave an
    authenticated proxy (their vote is the holder's); ``held``: the proxies
    they hold as ``(giver, authenticated, giver_voted)``. Only authenticated
    proxies count, at most ``max_proxies`` of them (in the order given).
    """
    rights = [] if member_voted or gave_proxy else [member]
    counted = [(giver, voted) for giver, authenticated, voted in held if authenticated]
    rights += [giver for giver, voted in counted[:max_proxies] if not voted]
    return rights


def remote_ballot_is_valid(kind, selected, choices, seats=0):
    """A remote ballot of an item: exactly one of the ``choices`` of a
    motion; at most ``seats`` of the candidates (``choices``) of an election,
    each once (none is a blank ballot)."""
    if kind == "motion":
        return len(selected) == 1 and selected[0] in choices
    return ballot_is_valid(selected, seats, choices)
