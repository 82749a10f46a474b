# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spreadsheet exchange of volunteer hours between cooperatives (pure).

The export is CSV text (:func:`rows_to_csv`). An imported file is read by
coop_spreadsheet_import (Odoo's import: CSV with any separator and encoding,
XLSX, XLS, ODS) into rows of text cells, then :func:`parse_rows` checks them
with the cell rules every import shares (``coop_spreadsheet_import/tools/
cells.py``: headers in English or French, case, accents and blanks ignored;
dates as YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or DD-MM-YYYY; numbers with a
decimal point or comma and ' or blank thousands).
"""

import csv
import io

from odoo.tools import email_normalize

from odoo.addons.coop_spreadsheet_import.tools.cells import (
    cell_text,
    map_header,
    parse_date,
    parse_number,
)

COLUMNS = ["member_email", "member_name", "date", "hours", "activity"]
REQUIRED_COLUMNS = ["member_email", "date", "hours", "activity"]
# header titles of each column, in English and French (any case or accents)
ALIASES = {
    "member_email": ("member_email", "email", "e_mail", "courriel", "mail"),
    "member_name": ("member_name", "member", "name", "membre", "nom"),
    "date": ("date", "day", "jour"),
    "hours": ("hours", "heures", "duree"),
    "activity": ("activity", "activite", "task", "tache"),
}
# a line is one day's work at one activity: more than a day's hours is a typo
MAX_HOURS_PER_LINE = 24
# the length limit of an activity (an indexed search key of the lines)
MAX_ACTIVITY_SIZE = 128
# one exchange covers a period of a partner cooperative, not its history
MAX_ROWS = 10000


def _normalize(email):
    """The address as Odoo stores ``email_normalized`` ("Ana <ANA@x.org>" ->
    "ana@x.org"); an invalid one is kept, lower-cased, to be reported."""
    email = (email or "").strip()
    return email_normalize(email) or email.lower()


def column_indexes(header):
    """``{column: index}`` of the known titles of ``header`` (others are
    left out, the first of two titles of one column wins)."""
    return map_header(header, ALIASES)[0]


def rows_to_csv(rows):
    """Serialise dicts with :data:`COLUMNS` keys to CSV text (dates ISO)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                "member_email": row["member_email"] or "",
                "member_name": row.get("member_name") or "",
                "date": row["date"].isoformat(),
                "hours": f"{row['hours']:.2f}",
                "activity": row["activity"] or "",
            }
        )
    return out.getvalue()


def line_key(email, day, activity):
    """What makes two hour lines the same: member, day and activity."""
    return ((email or "").strip().lower(), day, (activity or "").strip().lower())


def parse_rows(rows, known_emails, existing_keys):
    """Validate the rows of an hours spreadsheet.

    :param rows: lists of text cells, the first one being the header
    :param known_emails: set of lower-case e-mails of our members
    :param existing_keys: set of :func:`line_key` already recorded
    :return: ``(lines, errors)``; ``lines`` are dicts (member_email, date, hours,
        activity, row), ``errors`` are ``(row_number, code, value)`` tuples
        where row 1 is the header. Callers create nothing when ``errors``.
    """
    if not rows:
        return [], [(1, "empty", "")]
    columns = column_indexes(rows[0])
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        return [], [(1, "missing_columns", ", ".join(missing))]
    lines, errors, seen = [], [], set()
    for row_number, raw in enumerate(rows[1:], start=2):
        if row_number > MAX_ROWS + 1:
            return [], [(row_number, "too_many_rows", str(MAX_ROWS))]
        row = {name: _cell(raw, index) for name, index in columns.items()}
        line, row_errors = _parse_row(row_number, row, known_emails)
        if not row_errors:
            row_errors = _duplicate_errors(line, seen, existing_keys)
        errors.extend(row_errors)
        if not row_errors:
            lines.append(line)
    if not lines and not errors:
        errors.append((1, "empty", ""))
    return lines, errors


def _cell(row, index):
    """The text of a cell (a short row has empty cells)."""
    return cell_text(row[index] if index < len(row) else "")


def _duplicate_errors(line, seen, existing_keys):
    """A line twice in the file, or already recorded (``seen``: the file's
    lines so far)."""
    key = line_key(line["member_email"], line["date"], line["activity"])
    errors = []
    if key in seen:
        errors.append((line["row"], "duplicate_in_file", key[0]))
    elif key in existing_keys:
        errors.append((line["row"], "already_imported", key[0]))
    seen.add(key)
    return errors


def _parse_row(row_number, row, known_emails):
    """One row: ``(line, errors)``."""
    email = _normalize(row.get("member_email", ""))
    row_errors = []
    if not email:
        row_errors.append((row_number, "missing_member", ""))
    elif email not in known_emails:
        row_errors.append((row_number, "unknown_member", email))
    day = parse_date(row["date"])
    if not day:
        row_errors.append((row_number, "bad_date", row["date"][:40]))
    hours = parse_number(row["hours"])
    if hours is None or not 0 < hours <= MAX_HOURS_PER_LINE:
        row_errors.append((row_number, "bad_hours", row["hours"][:20]))
    activity = row["activity"]
    if not activity:
        row_errors.append((row_number, "missing_activity", ""))
    elif len(activity) > MAX_ACTIVITY_SIZE:
        row_errors.append((row_number, "activity_too_long", str(MAX_ACTIVITY_SIZE)))
    line = {
        "member_email": email,
        "date": day,
        "hours": hours,
        "activity": activity,
        "row": row_number,
    }
    return line, row_errors


def emails_in_rows(rows):
    """Lower-case member e-mails of an hours table (to look the members up
    once)."""
    index = column_indexes(rows[0]).get("member_email") if rows else None
    if index is None:
        return set()
    return {_normalize(_cell(row, index)) for row in rows[1:] if _cell(row, index)}
