# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Category review (M4): when a member's time in a category is reviewed."""

from dateutil.relativedelta import relativedelta


def review_date(date_from, months, date_to=None):
    """Day the member's category is due for review: ``months`` after they
    entered it; None when the category is not reviewed (0 months) or the
    member already left it (``date_to``)."""
    if not months or not date_from or date_to:
        return None
    return date_from + relativedelta(months=months)
