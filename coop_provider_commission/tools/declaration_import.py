# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Validate the rows of a provider's monthly declaration spreadsheet (pure).

The file is read by coop_spreadsheet_import (Odoo's import: CSV with any
separator and encoding, XLSX, XLS, ODS) and its cells by the rules all the
imports share (``coop_spreadsheet_import/tools/cells.py``). Nothing here
touches the database: the caller passes the rows and what it knows (the
network clients, the invoice references already declared, the period) and
gets back either the valid lines or the list of every bad row.
"""

import math
import re
from datetime import date

from odoo.addons.coop_spreadsheet_import.tools.cells import (
    cell_text,
    map_header,
    normalize_key,
    parse_date,
    parse_number,
)

REQUIRED = ("client", "invoice_ref", "date", "amount")
OPTIONAL = ("quantity", "product")

# header titles of each column, in English and French (any case or accents)
ALIASES = {
    "client": ("client", "customer"),
    "invoice_ref": (
        "invoice_ref",
        "invoice",
        "invoice_reference",
        "reference",
        "facture",
        "reference_facture",
    ),
    "date": ("date", "invoice_date", "date_facture"),
    "amount": ("amount", "montant"),
    "quantity": ("quantity", "qty", "units", "quantite"),
    "product": ("product", "produit", "article"),
}

# size of the invoice reference column (unique index): longer ones refused
REF_MAX_LENGTH = 64
# sanity bound of a declared amount or quantity (not a business rule: no
# provider declares a trillion on one invoice)
MAX_AMOUNT = 1e12
MAX_AMOUNT_TEXT = f"{MAX_AMOUNT:,.0f}"
# first year a declaration may cover
MIN_YEAR = 2000
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class SpreadsheetError(Exception):
    """The file cannot be read at all (code, value)."""

    def __init__(self, code, value=""):
        super().__init__(code, value)
        self.code = code
        self.value = value


def map_columns(header):
    """Column index per field, or raise SpreadsheetError('columns', ...)
    naming the missing and the unknown titles."""
    columns, unknown = map_header(header, ALIASES)
    missing = [field for field in REQUIRED if field not in columns]
    if missing or unknown:
        raise SpreadsheetError("columns", ", ".join(missing + unknown))
    return columns


def amount_error(number):
    """Error code of a parsed amount or quantity (None: fine)."""
    if number is None or not math.isfinite(number):
        return "bad"
    if number < 0:
        return "negative"
    if number > MAX_AMOUNT:
        return "huge"
    return None


def bad_numbers(vals, names):
    """Names of ``vals`` that are not finite numbers within
    :data:`MAX_AMOUNT` (values as written through the ORM or RPC, before
    they are rounded; the sign is left to the models' constraints)."""
    numbers = {name: parse_number(vals[name] or 0.0) for name in names if name in vals}
    return [
        name
        for name, number in numbers.items()
        if number is None or amount_error(abs(number))
    ]


def parse_month(text, today):
    """First day of the month ``YYYY-MM`` typed on the portal, and an error
    code (``month``: not a month, ``future_month``: not started yet)."""
    match = MONTH_RE.match(str(text or "").strip())
    if not match:
        return None, "month"
    year, month = int(match.group(1)), int(match.group(2))
    if not (MIN_YEAR <= year and 1 <= month <= 12):
        return None, "month"
    day = date(year, month, 1)
    if day > today:
        return None, "future_month"
    return day, None


def _check_client(number, text, clients, provider_id):
    """``(client id, errors)`` of the client cell."""
    client = clients.get(normalize_key(text))
    if not client:
        return None, [(number, "unknown_client", text)]
    if client[1] != provider_id:
        return None, [(number, "not_in_portfolio", text)]
    return client[0], []


def _check_ref(number, ref, existing_refs, seen):
    """Errors of the invoice reference cell (``seen``: the file's so far)."""
    key = normalize_key(ref)
    errors = []
    if not ref:
        errors.append((number, "missing_ref", ""))
    elif len(ref) > REF_MAX_LENGTH:
        errors.append((number, "long_ref", ""))
    elif key in seen:
        errors.append((number, "duplicate_ref", ref))
    elif key in existing_refs:
        errors.append((number, "existing_ref", ref))
    seen.setdefault(key, number)
    return errors


def _check_date(number, value, date_from, date_to):
    """``(date, errors)`` of the date cell."""
    day = parse_date(value)
    if not day:
        return None, [(number, "bad_date", cell_text(value)[:40])]
    if not date_from <= day <= date_to:
        return None, [(number, "date_outside", day.isoformat())]
    return day, []


def _check_numbers(number, raw_amount, raw_quantity):
    """``(amount, quantity, errors)``; an empty quantity is one unit."""
    errors = []
    amount = parse_number(raw_amount)
    error = amount_error(amount)
    if error:
        errors.append((number, error + "_amount", cell_text(raw_amount)[:40]))
    quantity = 1.0
    if cell_text(raw_quantity):
        quantity = parse_number(raw_quantity)
        if amount_error(quantity):
            errors.append((number, "bad_quantity", cell_text(raw_quantity)[:40]))
    return amount, quantity, errors


def _check_product(number, text, products):
    """``(product id or False, errors)`` of the optional product cell."""
    if not text:
        return False, []
    product = products.get(normalize_key(text))
    if not product:
        return False, [(number, "unknown_product", text)]
    return product, []


def validate_row(number, row, columns, context):
    """``(line, errors)`` of one data row (see :func:`validate_rows`)."""
    clients, provider_id, existing_refs, seen, date_from, date_to, products = context

    def cell(field):
        return row[columns[field]] if field in columns else None

    client_id, errors = _check_client(
        number, cell_text(cell("client")), clients, provider_id
    )
    ref = cell_text(cell("invoice_ref"))
    errors += _check_ref(number, ref, existing_refs, seen)
    day, date_errors = _check_date(number, cell("date"), date_from, date_to)
    amount, quantity, number_errors = _check_numbers(
        number, cell("amount"), cell("quantity")
    )
    product, product_errors = _check_product(
        number, cell_text(cell("product")), products
    )
    errors += date_errors + number_errors + product_errors
    if errors:
        return None, errors
    line = {
        "product_id": product,
        "row": number,
        "client_id": client_id,
        "invoice_ref": ref,
        "date": day,
        "amount": amount,
        "quantity": quantity,
    }
    return line, []


def validate_rows(
    rows, clients, provider_id, existing_refs, date_from, date_to, products=None
):
    """Validate every data row of a declaration spreadsheet.

    :param rows: rows as read, the first one being the header
    :param clients: ``{normalize_key(name or ref): (client_id, provider_id)}``
        of the network clients
    :param existing_refs: normalized invoice references already declared by
        this provider (any month)
    :param products: ``{normalize_key(name or internal reference): product_id}``
        for the optional ``product`` column
    :returns: ``(lines, errors)``; ``lines`` are dicts (client_id,
        invoice_ref, date, amount, quantity, row); ``errors`` are
        ``(row number, code, value)`` tuples, the header being row 1.
    """
    if not rows:
        return [], [(1, "empty", "")]
    try:
        columns = map_columns(rows[0])
    except SpreadsheetError as exc:
        return [], [(1, exc.code, exc.value)]
    context = (
        clients,
        provider_id,
        existing_refs,
        {},
        date_from,
        date_to,
        products or {},
    )
    lines, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        row = list(row) + [None] * (len(rows[0]) - len(row))
        if all(cell_text(cell) == "" for cell in row):
            continue
        line, row_errors = validate_row(number, row, columns, context)
        errors.extend(row_errors)
        if line:
            lines.append(line)
    if not lines and not errors:
        errors.append((1, "empty", ""))
    return lines, errors
