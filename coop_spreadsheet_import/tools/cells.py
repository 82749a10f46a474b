# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules of a spreadsheet's cells, the same for every import of the
cooperative addons (pure: nothing here touches the database).

Odoo's import reads a file into rows of text cells (a workbook's date cell
becomes ``"YYYY-MM-DD HH:MM:SS"``, a number cell its text); these functions
read the cells the way a Swiss, French or German spreadsheet user writes
them: headers in any case, with or without accents, blanks or dashes; dates
as YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or DD-MM-YYYY; numbers with a decimal
point or comma and ``'`` or blank thousands separators.
"""

import math
import unicodedata
from datetime import date, datetime

# a date cell of a workbook is read as "YYYY-MM-DD HH:MM:SS" text
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S")
# thousands separators dropped from a number: apostrophes (Swiss) and blanks
THOUSANDS = ("'", "\u2019")


def normalize_key(text):
    """How titles and names are compared: lower-case, accents removed, blanks,
    dots, dashes and underscores as one underscore ("Référence facture",
    "REFERENCE-FACTURE" and "reference_facture" are the same)."""
    ascii_text = unicodedata.normalize("NFKD", str(text or "")).encode(
        "ascii", "ignore"
    )
    words = ascii_text.decode().lower()
    for char in "-._":
        words = words.replace(char, " ")
    return "_".join(words.split())


def cell_text(value):
    """The text of a cell: "" for an empty one, a whole number without
    ".0", blanks around removed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def map_header(header, aliases):
    """Where each column stands in a header row.

    :param header: the titles of the first row
    :param aliases: ``{column: titles}``, the titles in any form
        (:func:`normalize_key` compares them)
    :return: ``(columns, unknown)``: ``{column: index}``, the first title of
        a column winning, and the other non-empty titles (unknown, or a
        column's second title) in the order of the row
    """
    by_key = {
        normalize_key(title): column
        for column, titles in aliases.items()
        for title in titles
    }
    columns, unknown = {}, []
    for index, title in enumerate(header or []):
        text = cell_text(title)
        if not text:
            continue
        column = by_key.get(normalize_key(text))
        if column is None or column in columns:
            unknown.append(text)
            continue
        columns[column] = index
    return columns, unknown


def parse_date(value):
    """The date of a cell (a date, a datetime or text in one of
    :data:`DATE_FORMATS`), or None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_number(value):
    """The finite number of a cell ("1'000.50", "1 000,5", "1.000,50",
    "2,5", 12.5), or
    None (not a number, a boolean, NaN or an infinity: PostgreSQL would
    store NaN)."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            number = float(value)
        else:
            text = "".join(str(value or "").split())
            for char in THOUSANDS:
                text = text.replace(char, "")
            number = float(_decimal_point(text))
    except (ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _decimal_point(text):
    """``text`` with a decimal point and no thousands separator: of a point
    and a comma, the last one is the decimal separator ("1,000.50",
    "1.000,50"); a comma alone is a decimal one ("2,5")."""
    decimal = "," if text.rfind(",") > text.rfind(".") else "."
    thousands = "." if decimal == "," else ","
    return text.replace(thousands, "").replace(decimal, ".")


def csv_encoding(content):
    """Encoding of a CSV file for Odoo's reader: UTF-8 (its BOM dropped)
    when the bytes are UTF-8, else "" (Odoo guesses it, e.g. latin-1): a
    guess on a short UTF-8 file may read "É" as "Ã‰"."""
    try:
        content.decode("utf-8")
    except (UnicodeDecodeError, AttributeError):
        return ""
    return "utf-8-sig"
