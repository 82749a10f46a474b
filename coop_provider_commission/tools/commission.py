# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure commission rules: plain values in, plain values out (no ORM)."""

from collections import namedtuple
from datetime import date

from babel.dates import format_interval
from dateutil.relativedelta import relativedelta

from odoo.tools.float_utils import float_compare, float_round

PERIOD_MONTHS = {"month": 1, "quarter": 3, "semester": 6, "year": 12}

BASIS_DECLARED = "declared"
BASIS_INVOICED = "invoiced"
BASIS_UNITS = "units"
BASIS_FIXED = "fixed"
BASIS_CHAINED = "chained"
RATE_BASES = (BASIS_DECLARED, BASIS_INVOICED, BASIS_CHAINED)

Rule = namedtuple(
    "Rule",
    "basis rate amount date_start date_end origin client_ids product_ids client_months",
    defaults=(0.0, 0.0, None, None, False, (), (), 0),
)
"""A commission agreement reduced to the values the rules need.

``origin``: False (any client), ``provider`` or ``cooperative``.
``client_ids`` / ``product_ids``: empty means no restriction.
``client_months``: when > 0, only the first N months after the client was
entrusted to the cooperative count (clients never entrusted do not count).
"""

Line = namedtuple(
    "Line",
    "partner_id client_id date amount quantity origin product_id entrusted_date",
    defaults=(0.0, 0.0, False, False, None),
)
"""One declared or invoiced line, attributed to a provider (``partner_id``)."""


def period_bounds(day, period):
    """First and last day of the ``period`` (month, quarter, semester, year)
    that contains ``day``."""
    months = PERIOD_MONTHS[period]
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    end = start + relativedelta(months=months, days=-1)
    return start, end


def period_label(date_from, date_to, locale="en_US"):
    """A period in the reader's language (a babel locale or its name):
    ``November 2026`` for a calendar month, ``Jul – Dec 2026`` for whole
    months, the days otherwise (``Mar 10 – Apr 5, 2026``)."""
    if not date_from or not date_to:
        return ""
    whole_months = date_from.day == 1 and (date_to + relativedelta(days=1)).day == 1
    if not whole_months:
        skeleton = "yMMMd"
    elif (date_from.year, date_from.month) == (date_to.year, date_to.month):
        skeleton = "yMMMM"
    else:
        skeleton = "yMMM"
    return format_interval(date_from, date_to, skeleton, locale=locale)


def month_index(start, day):
    """1-based month number of ``day`` counted from ``start``: the day it
    starts is in month 1, one month later month 2, ..."""
    delta = relativedelta(day, start)
    return delta.years * 12 + delta.months + 1


def within_first_months(start, day, months):
    """True when ``day`` falls in the first ``months`` months after ``start``."""
    if not start or day < start:
        return False
    return day < start + relativedelta(months=months)


def validity_error(date_start, date_end, rate, basis):
    """Error code for an invalid agreement, or None."""
    if date_start and date_end and date_end < date_start:
        return "validity"
    # NaN compares False: refused as well
    if basis in RATE_BASES and not 0 <= rate <= 100:
        return "rate"
    return None


def line_counts(rule, line):
    """Does ``line`` fall in the agreement's scope and validity?"""
    if rule.date_start and line.date < rule.date_start:
        return False
    if rule.date_end and line.date > rule.date_end:
        return False
    if rule.origin and line.origin != rule.origin:
        return False
    if rule.client_ids and line.client_id not in rule.client_ids:
        return False
    if rule.product_ids and line.product_id not in rule.product_ids:
        return False
    return not rule.client_months or within_first_months(
        line.entrusted_date, line.date, rule.client_months
    )


def aggregate(rule, lines):
    """Sum the lines in scope per (provider, client): ``{key: [base, units]}``."""
    totals = {}
    for line in lines:
        if not line_counts(rule, line):
            continue
        key = (line.partner_id, line.client_id)
        total = totals.setdefault(key, [0.0, 0.0])
        total[0] += line.amount
        total[1] += line.quantity
    return totals


def commission_amount(rule, base, units, rounding):
    """Commission on a base turnover / a number of units, rounded to the
    currency's ``rounding`` (1.0 for XOF: whole francs, 0.01 for EUR)."""
    if rule.basis in RATE_BASES:
        value = base * rule.rate / 100.0
    elif rule.basis == BASIS_UNITS:
        value = units * rule.amount
    else:
        value = rule.amount
    return float_round(value, precision_rounding=rounding)


def target_progress(units, target):
    """(progress in %, units missing) against a target of units per period."""
    if not target:
        return 0.0, 0.0
    progress = float_round(units * 100.0 / target, precision_digits=2)
    return progress, max(target - units, 0.0)


def net_direction(amounts, rounding):
    """Net signed amounts (> 0: the partner owes the company), in a currency
    of ``rounding`` (1.0 for XOF, 0.01 for EUR).

    Returns ``(move_type, total)``: ``out_invoice`` when the partner owes the
    company, ``in_invoice`` when the company owes the partner, None when the
    amounts cancel out (to the currency's rounding)."""
    total = float_round(sum(amounts), precision_rounding=rounding)
    sign = float_compare(total, 0.0, precision_rounding=rounding)
    if sign > 0:
        return "out_invoice", total
    if sign < 0:
        return "in_invoice", -total
    return None, 0.0
