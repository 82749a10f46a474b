# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure rules of Cooperation.net's client satisfaction (seed 001, RULES.md N).

001: the client gives "un commentaire final (indicateur de satisfaction)",
the section sets up "un système d'indication de satisfaction des clients",
each mediator gives "un indicateur périodique d'autoévaluation de ses
prestations (indices de satisfaction des clients du médiateur)", the section
delivers "un rapport semestriel d'évaluation".

Plain values in, plain values out (no ORM).
"""

from dateutil.relativedelta import relativedelta

# Odoo's rating scale (rating.rating: 0 means "not rated")
MIN_SCORE = 1
MAX_SCORE = 5
# a self-assessment's comment, in characters
MAX_COMMENT = 2000
# interval between two rating requests to a client, in months
MAX_INTERVAL_MONTHS = 120


def satisfaction_index(ratings, date_from, date_to):
    """Satisfaction index of a mediator over a period.

    :param ratings: iterable of ``(date, score)`` of the ratings its clients
        gave (score 1-5; 0 = asked but not rated, left out)
    :return: ``(index, count)``: the average score of the ratings given from
        ``date_from`` to ``date_to`` included, rounded to 2 decimals, and
        their number; ``(None, 0)`` when there is none
    """
    scores = [
        score
        for day, score in ratings
        if date_from <= day <= date_to and MIN_SCORE <= score <= MAX_SCORE
    ]
    if not scores:
        return None, 0
    return round(sum(scores) / len(scores), 2), len(scores)


def next_rating_request(signed_on, last_request, interval_months):
    """Day the client of a hosting contract is next asked for a rating.

    The first request goes when the contract is signed; then one every
    ``interval_months`` after the last request (0: never again). ``None``
    without a signed contract.
    """
    if not signed_on:
        return None
    if not last_request or last_request < signed_on:
        return signed_on
    if interval_months <= 0:
        return None
    return last_request + relativedelta(months=interval_months)


def assessment_error(score, comment, max_comment=MAX_COMMENT):
    """Why a self-assessment cannot be recorded (None: it can).

    :param score: the self-assessed satisfaction, a whole number from 1 to 5
        (a form posts it as text)
    :return: ``"score"`` or ``"comment"``
    """
    text = str(score).strip() if isinstance(score, (str, int)) else ""
    if isinstance(score, bool) or not text.isdigit():
        return "score"
    if not MIN_SCORE <= int(text) <= MAX_SCORE:
        return "score"
    if comment is not None and not isinstance(comment, str):
        return "comment"
    if comment and len(comment) > max_comment:
        return "comment"
    return None
