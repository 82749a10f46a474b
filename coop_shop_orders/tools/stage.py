# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stage of an order request, from plain facts (no ORM inside)."""

from odoo.tools import float_compare

STAGES = [
    ("new", "New"),
    ("quoted", "Quoted"),
    ("confirmed", "Confirmed"),
    ("ordered", "Ordered"),
    ("arrived", "Arrived"),
    ("invoiced", "Invoiced"),
    ("cancelled", "Cancelled"),
]

# purchase states in which the goods are ordered from the vendor
ORDERED_PURCHASE_STATES = frozenset({"purchase", "done"})


def request_stage(state, ordered=False, arrived=False, invoiced=False):
    """Return the request stage for an order ``state`` (draft/sent/sale/cancel)
    and the facts: purchase confirmed, goods arrived, invoice posted."""
    if state == "cancel":
        return "cancelled"
    if state in ("draft", False, None):
        return "new"
    if state == "sent":
        return "quoted"
    if invoiced:
        return "invoiced"
    if arrived:
        return "arrived"
    if ordered:
        return "ordered"
    return "confirmed"


def is_ordered(purchase_states):
    """Ordered from the vendors: at least one purchase buying the request's
    goods is confirmed (a cancelled or draft purchase orders nothing)."""
    return any(state in ORDERED_PURCHASE_STATES for state in purchase_states)


def is_invoiced(posted_quantities):
    """Invoiced: at least one line has a positive quantity on posted
    customer invoices net of posted credit notes (a cancelled or fully
    reversed invoice invoices nothing).

    ``posted_quantities``: ``(quantity, uom_rounding)`` pairs, one per line.
    """
    return any(
        float_compare(quantity, 0.0, precision_rounding=rounding or 0.01) > 0
        for quantity, rounding in posted_quantities
    )
