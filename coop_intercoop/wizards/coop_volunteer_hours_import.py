# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import binascii

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import volunteer_hours_csv


class CoopVolunteerHoursImport(models.TransientModel):
    _name = "coop.volunteer.hours.import"
    _inherit = "coop.spreadsheet.import.mixin"
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

    def _coop_spreadsheet_messages(self):
        _ = self.env._
        return {
            **super()._coop_spreadsheet_messages(),
            "missing_columns": _("missing columns: %s"),
            "missing_member": _("no member e-mail"),
            "unknown_member": _("unknown member %s"),
            "bad_hours": _("invalid hours %s"),
            "missing_activity": _("no activity"),
            "duplicate_in_file": _("duplicate line for %s"),
            "already_imported": _("hours of %s already recorded"),
            "too_many_rows": _("the file has more than %s lines: split it by period"),
            "activity_too_long": _("the activity is longer than %s characters"),
        }

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
        """Rows of the uploaded file (see ``_coop_read_spreadsheet``)."""
        try:
            content = base64.b64decode(self.csv_file or b"")
        except (binascii.Error, ValueError) as exc:
            raise self._coop_spreadsheet_error("encoding") from exc
        return self._coop_read_spreadsheet(self.csv_filename or "", content)

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
            raise UserError(self._coop_spreadsheet_report(errors))
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
