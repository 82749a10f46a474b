# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""CSV exchange of volunteer hours between cooperatives (pure functions)."""

import csv
import io
from datetime import date

COLUMNS = ["member_email", "member_name", "date", "hours", "activity"]
REQUIRED_COLUMNS = ["member_email", "date", "hours", "activity"]


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
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        return [], [(1, "missing_columns", ", ".join(missing))]
    lines, errors, seen = [], [], set()
    for row_number, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
        email = row.get("member_email", "").lower()
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
        if hours is None or hours <= 0 or hours > 24:
            row_errors.append((row_number, "bad_hours", row.get("hours", "")))
        activity = row.get("activity", "")
        if not activity:
            row_errors.append((row_number, "missing_activity", ""))
        if not row_errors:
            key = line_key(email, day, activity)
            if key in seen:
                row_errors.append((row_number, "duplicate_in_file", email))
            elif key in existing_keys:
                row_errors.append((row_number, "already_imported", email))
            seen.add(key)
        errors.extend(row_errors)
        if not row_errors:
            lines.append(
                {
                    "member_email": email,
                    "date": day,
                    "hours": hours,
                    "activity": activity,
                    "row": row_number,
                }
            )
    if not lines and not errors:
        errors.append((1, "empty", ""))
    return lines, errors


def emails_in_csv(text):
    """Lower-case member e-mails of an hours CSV (to look the members up once)."""
    reader = csv.DictReader(io.StringIO(text))
    return {
        (row.get("member_email") or "").strip().lower()
        for row in reader
        if (row.get("member_email") or "").strip()
    }
