# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure rules of komunigi's co-financed developments (seed 002, RULES.md K).

002: "les cotisations ne financent pas les développements d'amélioration du
logiciel. Les structures intéressées par un développement le financent en se
partageant le nombre d'heures prestées." A development is financed by the
structures interested in it, who share the hours worked.

The rules, on plain values (no ORM):

- A participant's **weight** is its percent share, or the hours it pledged;
  each hour worked is shared among the participants who had joined by the day
  it was worked, in proportion to their weights (a participant joining later
  does not pay the hours worked before it joined, unless it buys in).
- Amounts are split in currency units by the largest remainder: the shares
  always add up to the whole, rounded with the currency (a cent, or a franc
  CFA in a currency without decimals), the larger remainders first and the
  earlier participants first among equal ones.
- A participant joining later **buys in** at the group's rule: it pays the
  percentage the group sets (0 to 100 %) of its share of what was already
  invoiced, its share being its weight among all participants once it joins.
"""

from decimal import ROUND_HALF_UP, Decimal

# input bounds: an hour line is one person's day, a rate and a budget in the
# currency's units, a percent share
MAX_HOURS_PER_LINE = 24
MAX_RATE = 10_000
MAX_BUDGET_HOURS = 100_000
MAX_PLEDGED_HOURS = 100_000
MAX_PERCENT = 100


def _units(amount, rounding):
    """``amount`` as an integer count of currency units of ``rounding``."""
    step = Decimal(str(rounding))
    return int((Decimal(str(amount)) / step).quantize(Decimal(1), ROUND_HALF_UP))


def _to_amount(units, rounding):
    return float(units * Decimal(str(rounding)))


def split_amount(total, weights, rounding):
    """``{key: amount}`` of ``total`` shared in proportion to ``weights``
    (``{key: weight}``, in insertion order), in units of ``rounding``.

    The amounts add up to ``total`` rounded with ``rounding``; keys of weight
    0 get 0. Raises ``ValueError`` when no weight is positive."""
    units = _split_units(_units(total, rounding), weights)
    return {key: _to_amount(units.get(key, 0), rounding) for key in weights}


def _split_units(units, weights):
    """``{key: units}`` of ``units`` split by the largest remainder."""
    positive = {key: Decimal(str(w)) for key, w in weights.items() if w > 0}
    if not positive:
        raise ValueError("no participant with a share")
    whole = Decimal(sum(positive.values()))
    exact = {key: units * weight / whole for key, weight in positive.items()}
    floors = {key: int(value) for key, value in exact.items()}
    left = units - sum(floors.values())
    order = list(positive)
    by_remainder = sorted(
        order, key=lambda key: (-(exact[key] - floors[key]), order.index(key))
    )
    for key in by_remainder[:left]:
        floors[key] += 1
    return floors


def eligible(joined, day):
    """Keys of ``joined`` (``{key: join date}``) who had joined by ``day``."""
    return [key for key, date in joined.items() if date <= day]


def period_shares(lines, weights, joined, rate, rounding):
    """``({key: amount}, {key: hours})`` of a period's hour ``lines``
    (``[(day, hours)]``) at ``rate`` per hour.

    The lines are grouped by who had joined on their day; each group's cost
    (its hours at ``rate``, rounded) is split by :func:`split_amount` among
    the group's participants; a participant's hours are its weighted share of
    the group's hours. Raises ``ValueError`` for a line worked before any
    participant with a share had joined."""
    groups = {}
    for day, hours in lines:
        keys = tuple(k for k in eligible(joined, day) if weights.get(k, 0) > 0)
        if not keys:
            raise ValueError(f"no participant on {day}")
        groups[keys] = groups.get(keys, 0.0) + hours
    units = dict.fromkeys(weights, 0)
    hours_share = dict.fromkeys(weights, 0.0)
    for keys, hours in groups.items():
        group_weights = {key: weights[key] for key in keys}
        split = _split_units(_units(hours * rate, rounding), group_weights)
        whole = sum(group_weights.values())
        for key in keys:
            units[key] += split[key]
            hours_share[key] += hours * group_weights[key] / whole
    amounts = {key: _to_amount(value, rounding) for key, value in units.items()}
    return amounts, {key: round(value, 2) for key, value in hours_share.items()}


def buy_in_amount(invoiced, weight, all_weights, percent, rounding):
    """What a participant of ``weight`` joining later pays: ``percent`` of its
    share (its weight among ``all_weights``, itself included) of the amount
    already ``invoiced``, rounded in units of ``rounding``."""
    whole = sum(w for w in all_weights if w > 0)
    if not whole or weight <= 0 or percent <= 0:
        return 0.0
    return _to_amount(
        _units(invoiced * weight / whole * percent / 100, rounding), rounding
    )
