# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stage of an order request, from plain facts (no ORM inside)."""

STAGES = [
    ("new", "New"),
    ("quoted", "Quoted"),
    ("confirmed", "Confirmed"),
    ("ordered", "Ordered"),
    ("arrived", "Arrived"),
    ("invoiced", "Invoiced"),
    ("cancelled", "Cancelled"),
]


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
