# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import binascii
import csv
import os

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.base_import.models.base_import import (
    FILE_TYPE_DICT,
    ImportValidationError,
)

from ..tools import volunteer_hours_csv

# file type of each extension Odoo's import reads (no name: CSV text)
FILE_TYPES = {"." + ext: mime for mime, (ext, _h, _r) in FILE_TYPE_DICT.items()}
FILE_TYPES.update({".txt": "text/csv", "": "text/csv"})
# what Odoo's reader raises on a file it cannot read (chardet finds no
# encoding in binary data: AttributeError)
READ_ERRORS = (
    UserError,
    ValueError,
    UnicodeError,
    AttributeError,
    binascii.Error,
    csv.Error,
    ImportValidationError,
)


class CoopVolunteerHoursImport(models.TransientModel):
    _name = "coop.volunteer.hours.import"
    _description = "Import Volunteer Hours Done at a Partner Cooperative"

    agreement_id = fields.Many2one(
        "coop.intercoop.agreement",
        required=True,
        help="The partner cooperative where the hours in the file were done.",
    )
    csv_file = fields.Binary(
        string="File",
        required=True,
        help="CSV (any separator and encoding), XLSX, XLS or ODS spreadsheet.",
    )
    csv_filename = fields.Char(
        string="File Name",
    )

    def _error_message(self, code, value):
        messages = {
            "missing_columns": self.env._("missing columns: %s", value),
            "missing_member": self.env._("no member e-mail"),
            "unknown_member": self.env._("unknown member %s", value),
            "bad_date": self.env._(
                "invalid date %s (expected YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or "
                "DD-MM-YYYY)",
                value,
            ),
            "bad_hours": self.env._("invalid hours %s", value),
            "missing_activity": self.env._("no activity"),
            "duplicate_in_file": self.env._("duplicate line for %s", value),
            "already_imported": self.env._("hours of %s already recorded", value),
            "empty": self.env._("the file has no line"),
            "too_many_rows": self.env._(
                "the file has more than %s lines: split it by period", value
            ),
            "activity_too_long": self.env._(
                "the activity is longer than %s characters", value
            ),
        }
        return messages[code]

    def _members_by_email(self, emails):
        company = self.agreement_id.company_id
        partners = self.env["res.partner"].search(
            [("email_normalized", "in", list(emails))]
        )
        members = {}
        for partner in partners:
            if not partner._coop_intercoop_is_member(company):
                continue
            members.setdefault(partner.email_normalized, partner)
        return members

    def _read_rows(self):
        """Rows of the file as Odoo's import reads them: CSV in any encoding
        with a , ; tab | or space separator, XLSX, XLS or ODS (blank rows
        left out, as on Odoo's Import screen)."""
        name = self.csv_filename or ""
        extension = os.path.splitext(name)[1].lower()
        if extension not in FILE_TYPES:
            raise UserError(
                self.env._(
                    "Only CSV, XLSX, XLS and ODS files can be imported (%s).", name
                )
            )
        try:
            content = base64.b64decode(self.csv_file or b"")
            options = {
                "quoting": '"',
                "separator": "",
                "encoding": volunteer_hours_csv.csv_encoding(content),
                "has_headers": True,
            }
            reader = self.env["base_import.import"].new(
                {
                    "res_model": "coop.volunteer.hours",
                    "file": content,
                    "file_name": name,
                    "file_type": FILE_TYPES[extension],
                }
            )
            return reader._read_file(options)[1] if reader.file else []
        except READ_ERRORS as err:
            raise UserError(
                self.env._("The file cannot be read: %s", str(err))
            ) from err

    def _existing_keys(self, members):
        """:func:`line_key` of the hours of ``members`` already recorded at
        the partner cooperative."""
        agreement = self.agreement_id
        existing = self.env["coop.volunteer.hours"].search(
            [
                ("company_id", "=", agreement.company_id.id),
                ("cooperative_id", "=", agreement.partner_coop_id.id),
                ("partner_id", "in", [p.id for p in members.values()]),
            ]
        )
        return {
            volunteer_hours_csv.line_key(
                line.partner_id.email_normalized, line.date, line.activity
            )
            for line in existing
        }

    def _raise_errors(self, errors):
        report = "\n".join(
            self.env._(
                "Row %(row)s: %(error)s",
                row=row,
                error=self._error_message(code, value),
            )
            for row, code, value in errors
        )
        raise UserError(self.env._("Nothing was imported. Fix the file:\n%s", report))

    def action_import(self):
        """Validate the whole file, then create every line or none."""
        self.ensure_one()
        agreement = self.agreement_id
        agreement._check_in_force()
        rows = self._read_rows()
        members = self._members_by_email(volunteer_hours_csv.emails_in_rows(rows))
        lines, errors = volunteer_hours_csv.parse_rows(
            rows, set(members), self._existing_keys(members)
        )
        if errors:
            self._raise_errors(errors)
        records = self.env["coop.volunteer.hours"].create(
            [
                {
                    "partner_id": members[line["member_email"]].id,
                    "company_id": agreement.company_id.id,
                    "cooperative_id": agreement.partner_coop_id.id,
                    "date": line["date"],
                    "hours": line["hours"],
                    "activity": line["activity"],
                    "origin": "import",
                }
                for line in lines
            ]
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Imported Volunteer Hours"),
            "res_model": "coop.volunteer.hours",
            "view_mode": "list,form",
            "domain": [("id", "in", records.ids)],
        }
