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
