# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Which writes an order request refuses (pure, no ORM inside)."""

# set by the order email, the purchase, the receipt and the invoice, never by
# hand
PROGRESS_FIELDS = frozenset(
    {
        "shop_is_email_request",
        "shop_request_email_from",
        "shop_request_date",
        "shop_request_description",
        "shop_ack_state",
        "shop_ordered",
        "shop_arrived",
        "shop_invoiced",
    }
)
# the member's request: frozen once the quotation is confirmed or invoiced
REQUEST_FIELDS = frozenset(
    {
        "shop_request_title",
        "shop_request_deadline",
        "shop_request_delay",
        "shop_request_quality",
        "shop_request_quality_kind",
    }
)


def is_frozen(state, invoiced):
    """A confirmed or invoiced request no longer changes."""
    return state in ("sale", "done") or bool(invoiced)


def write_refusal(field_names, superuser, any_frozen):
    """Why a write of ``field_names`` is refused: ``"progress"`` (a progress
    flag written by a user), ``"frozen"`` (the request of a confirmed or
    invoiced order) or ``""`` (allowed)."""
    field_names = set(field_names)
    if field_names & PROGRESS_FIELDS and not superuser:
        return "progress"
    if field_names & REQUEST_FIELDS and any_frozen:
        return "frozen"
    return ""
