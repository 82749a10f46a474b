# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CSV exchange of volunteer hours between cooperatives (pure functions)."""

import csv
import io
from datetime import date

from odoo.tools import email_normalize

COLUMNS = ["member_email", "member_name", "date", "hours", "activity"]
REQUIRED_COLUMNS = ["member_email", "date", "hours", "activity"]
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


def parse_csv(text, known_emails, existing_keys):
    """Parse and validate an hours CSV.

    :param text: CSV content (first line is the header)
    :param known_emails: set of lower-case e-mails of our members
    :param existing_keys: set of :func:`line_key` already recorded
    :return: ``(lines, errors)``; ``lines`` are dicts (member_email, date, hours,
        activity, row), ``errors`` are ``(row_number, code, value)`` tuples
        where row 1 is the header. Callers create nothing when ``errors``.
    """
    if not (text or "").strip():
        return [], [(1, "empty", "")]
    try:
        return _parse_rows(text, known_emails, existing_keys)
    except csv.Error as err:
        return [], [(1, "not_csv", str(err))]


def _parse_rows(text, known_emails, existing_keys):
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        return [], [(1, "missing_columns", ", ".join(missing))]
    lines, errors, seen = [], [], set()
    for row_number, raw in enumerate(reader, start=2):
        if row_number > MAX_ROWS + 1:
            return [], [(row_number, "too_many_rows", str(MAX_ROWS))]
        row = {(k or "").strip(): _cell(v) for k, v in raw.items()}
        line, row_errors = _parse_row(row_number, row, known_emails)
        if not row_errors:
            key = line_key(line["member_email"], line["date"], line["activity"])
            if key in seen:
                row_errors.append((row_number, "duplicate_in_file", key[0]))
            elif key in existing_keys:
                row_errors.append((row_number, "already_imported", key[0]))
            seen.add(key)
        errors.extend(row_errors)
        if not row_errors:
            lines.append(line)
    if not lines and not errors:
        errors.append((1, "empty", ""))
    return lines, errors


def _cell(value):
    """A cell as text (extra cells of a row come as a list)."""
    if isinstance(value, list):
        value = ",".join(value)
    return (value or "").strip()


def _parse_row(row_number, row, known_emails):
    """One row: ``(line, errors)``."""
    email = _normalize(row.get("member_email", ""))
    row_errors = []
    if not email:
        row_errors.append((row_number, "missing_member", ""))
    elif email not in known_emails:
        row_errors.append((row_number, "unknown_member", email))
    try:
        day = date.fromisoformat(row.get("date", ""))
    except ValueError:
        day = None
        row_errors.append((row_number, "bad_date", row.get("date", "")))
    try:
        hours = float(row.get("hours", "").replace(",", "."))
    except ValueError:
        hours = None
    # "nan" parses as a float and compares false with everything
    if hours is None or not 0 < hours <= MAX_HOURS_PER_LINE:
        row_errors.append((row_number, "bad_hours", row.get("hours", "")[:20]))
    activity = row.get("activity", "")
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


def emails_in_csv(text):
    """Lower-case member e-mails of an hours CSV (to look the members up once)."""
    try:
        return {
            _normalize(row.get("member_email") or "")
            for row in csv.DictReader(io.StringIO(text or ""))
            if isinstance(row.get("member_email"), str) and row["member_email"].strip()
        }
    except csv.Error:
        return set()  # parse_csv reports the broken file
