# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Validate the rows of a provider's monthly declaration spreadsheet (pure).

The file is read by Odoo's import (``base_import``: CSV with any separator
and encoding, XLSX, XLS, ODS), see ``_read_spreadsheet`` of the declaration.
Nothing here touches the database: the caller passes the rows and what it
knows (the network clients, the invoice references already declared, the
period) and gets back either the valid lines or the list of every bad row.
"""

import math
import re
import unicodedata
from datetime import date, datetime

REQUIRED = ("client", "invoice_ref", "date", "amount")
OPTIONAL = ("quantity", "product")

ALIASES = {
    "client": "client",
    "customer": "client",
    "invoice_ref": "invoice_ref",
    "invoice": "invoice_ref",
    "invoice_reference": "invoice_ref",
    "reference": "invoice_ref",
    "facture": "invoice_ref",
    "reference_facture": "invoice_ref",
    "date": "date",
    "invoice_date": "date",
    "date_facture": "date",
    "amount": "amount",
    "montant": "amount",
    "quantity": "quantity",
    "qty": "quantity",
    "units": "quantity",
    "quantite": "quantity",
    "product": "product",
    "produit": "product",
    "article": "product",
}

# a date cell of a workbook is read as "YYYY-MM-DD HH:MM:SS" text
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S")

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


def normalize(text):
    """Lower-case, accents removed, blanks and dashes as underscores."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore")
    text = text.decode().strip().lower()
    for char in " -.":
        text = text.replace(char, "_")
    return "_".join(part for part in text.split("_") if part)


def map_columns(header):
    """Column index per field, or raise SpreadsheetError('columns', ...)."""
    columns = {}
    unknown = []
    for index, title in enumerate(header or []):
        if title in (None, ""):
            continue
        field = ALIASES.get(normalize(title))
        if not field or field in columns:
            unknown.append(str(title))
            continue
        columns[field] = index
    missing = [field for field in REQUIRED if field not in columns]
    if missing or unknown:
        raise SpreadsheetError(
            "columns",
            ", ".join(missing + unknown),
        )
    return columns


def parse_amount(value):
    """Float of a cell ('1'000.50', '1000,5', 1000.5) or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value or "").strip().replace("'", "").replace(" ", "")
        text = text.replace("\u00a0", "").replace("\u2019", "")
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        else:
            text = text.replace(",", "")
        try:
            number = float(text)
        except ValueError:
            return None
    # "nan", "inf": not amounts (PostgreSQL would store NaN)
    return number if math.isfinite(number) else None


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
    numbers = {name: parse_amount(vals[name] or 0.0) for name in names if name in vals}
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


def parse_date(value):
    """date of a cell (datetime, date, ISO or Swiss/French text) or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _check_client(number, text, clients, provider_id):
    """``(client id, errors)`` of the client cell."""
    client = clients.get(normalize(text))
    if not client:
        return None, [(number, "unknown_client", text)]
    if client[1] != provider_id:
        return None, [(number, "not_in_portfolio", text)]
    return client[0], []


def _check_ref(number, ref, existing_refs, seen):
    """Errors of the invoice reference cell (``seen``: the file's so far)."""
    key = normalize(ref)
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
    amount = parse_amount(raw_amount)
    error = amount_error(amount)
    if error:
        errors.append((number, error + "_amount", cell_text(raw_amount)[:40]))
    quantity = 1.0
    if cell_text(raw_quantity):
        quantity = parse_amount(raw_quantity)
        if amount_error(quantity):
            errors.append((number, "bad_quantity", cell_text(raw_quantity)[:40]))
    return amount, quantity, errors


def _check_product(number, text, products):
    """``(product id or False, errors)`` of the optional product cell."""
    if not text:
        return False, []
    product = products.get(normalize(text))
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
    :param clients: ``{normalize(name or ref): (client_id, provider_id)}``
        of the network clients
    :param existing_refs: normalized invoice references already declared by
        this provider (any month)
    :param products: ``{normalize(name or internal reference): product_id}``
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


def csv_encoding(content):
    """Encoding of a CSV file for Odoo's reader: UTF-8 (its BOM dropped)
    when the bytes are UTF-8, else "" (Odoo guesses it, e.g. latin-1): a
    guess on a short UTF-8 file may read "É" as "Ã‰"."""
    try:
        content.decode("utf-8")
    except (UnicodeDecodeError, AttributeError):
        return ""
    return "utf-8-sig"
