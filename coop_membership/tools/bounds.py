# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Technical bounds of numbers typed by users (pure functions, no ORM).

These are not business rules: they keep values finite and inside what the
database columns and the accounting can hold.
"""

import math

# PostgreSQL ``integer`` columns
MAX_INT = 2**31 - 1
# shares, prepaid periods and other counts typed in a form
MAX_COUNT = 1_000_000
# money amounts (fees, payroll, share value)
MAX_AMOUNT = 10**12
# full-time equivalents of one member organisation
MAX_FTE = 1_000_000


def is_finite(value):
    """True for a real number that is neither NaN nor infinite."""
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError, OverflowError):
        return False


def in_range(value, low, high):
    """True when ``value`` is finite and ``low <= value <= high``."""
    return is_finite(value) and low <= float(value) <= high


def is_count(value, maximum=MAX_COUNT):
    """A count: a whole number from 1 to ``maximum``."""
    if not in_range(value, 1, maximum):
        return False
    return float(value) == int(float(value))


def out_of_bounds(value, minimum, maximum):
    """True unless ``value`` is a finite number from ``minimum`` to ``maximum``.

    An empty value (``False``/``None``) counts as 0, as the ORM stores it.
    NaN compares false with everything and infinity is not a quantity: both
    are refused, as is anything that is not a number (``True`` included).
    """
    if isinstance(value, bool) and value:
        return True
    try:
        number = float(value or 0)
    except (TypeError, ValueError, OverflowError):
        return True
    return not math.isfinite(number) or not minimum <= number <= maximum


def bad_fields(vals, limits):
    """Names of the fields of ``vals`` out of their ``{field: (min, max)}``."""
    return [
        fname
        for fname, (minimum, maximum) in limits.items()
        if fname in vals and out_of_bounds(vals[fname], minimum, maximum)
    ]


def text_too_long(value, size):
    """True when a text ``value`` is longer than ``size`` characters."""
    return bool(size) and isinstance(value, str) and len(value) > size
