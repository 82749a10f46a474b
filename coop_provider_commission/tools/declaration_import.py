# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read and validate a provider's monthly declaration spreadsheet (pure).

Nothing here touches the database: the caller passes what it knows (the
network clients, the invoice references already declared, the period) and
gets back either the valid lines or the list of every bad row.
"""

import csv
import io
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

DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y")

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


def read_csv(content):
    """Rows (lists of strings) of a CSV file; the delimiter (, ; or tab) is
    the one the header line uses most."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("latin-1")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_xlsx(content):
    """Rows of the first sheet of an XLSX workbook (cell values)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(
            io.BytesIO(content), read_only=True, data_only=True
        )
    except Exception as exc:
        raise SpreadsheetError("file", str(exc)) from exc
    try:
        if not book.worksheets:
            raise SpreadsheetError("no_sheet")
        rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    except SpreadsheetError:
        raise
    except Exception as exc:
        raise SpreadsheetError("file", str(exc)) from exc
    finally:
        book.close()
    return rows


def read_rows(filename, content):
    """Rows of a CSV or XLSX file, chosen by its extension."""
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        return read_xlsx(content)
    if name.endswith((".csv", ".txt")):
        return read_csv(content)
    raise SpreadsheetError("format", filename or "")


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


def validate_row(number, row, columns, context):
    """``(line, errors)`` of one data row (see :func:`validate_rows`)."""
    clients, provider_id, existing_refs, seen, date_from, date_to, products = context
    errors = []
    client_name = cell_text(row[columns["client"]])
    client = clients.get(normalize(client_name))
    if not client:
        errors.append((number, "unknown_client", client_name))
    elif client[1] != provider_id:
        errors.append((number, "not_in_portfolio", client_name))
    ref = cell_text(row[columns["invoice_ref"]])
    key = normalize(ref)
    if not ref:
        errors.append((number, "missing_ref", ""))
    elif len(ref) > REF_MAX_LENGTH:
        errors.append((number, "long_ref", ""))
    elif key in seen:
        errors.append((number, "duplicate_ref", ref))
    elif key in existing_refs:
        errors.append((number, "existing_ref", ref))
    seen.setdefault(key, number)
    raw_date = row[columns["date"]]
    day = parse_date(raw_date)
    if not day:
        errors.append((number, "bad_date", cell_text(raw_date)[:40]))
    elif not date_from <= day <= date_to:
        errors.append((number, "date_outside", day.isoformat()))
    raw_amount = row[columns["amount"]]
    amount = parse_amount(raw_amount)
    error = amount_error(amount)
    if error:
        errors.append((number, error + "_amount", cell_text(raw_amount)[:40]))
    quantity = 1.0
    raw_quantity = row[columns["quantity"]] if "quantity" in columns else None
    if cell_text(raw_quantity):
        quantity = parse_amount(raw_quantity)
        if amount_error(quantity):
            errors.append((number, "bad_quantity", cell_text(raw_quantity)[:40]))
    product = False
    raw_product = cell_text(row[columns["product"]]) if "product" in columns else ""
    if raw_product:
        product = products.get(normalize(raw_product))
        if not product:
            errors.append((number, "unknown_product", raw_product))
    if errors:
        return None, errors
    line = {
        "product_id": product,
        "row": number,
        "client_id": client[0],
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
