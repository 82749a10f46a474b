# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools import volunteer_hours_csv


class CoopVolunteerHoursImport(models.TransientModel):
    _name = "coop.volunteer.hours.import"
    _description = "Import Volunteer Hours Done at a Partner Cooperative"

    agreement_id = fields.Many2one(
        "coop.intercoop.agreement",
        required=True,
        help="The partner cooperative where the hours in the file were done.",
    )
    csv_file = fields.Binary(string="CSV File", required=True)
    csv_filename = fields.Char(
        string="File Name",
    )

    def _error_message(self, code, value):
        messages = {
            "missing_columns": self.env._("missing columns: %s", value),
            "missing_member": self.env._("no member e-mail"),
            "unknown_member": self.env._("unknown member %s", value),
            "bad_date": self.env._("invalid date %s (expected YYYY-MM-DD)", value),
            "bad_hours": self.env._("invalid hours %s", value),
            "missing_activity": self.env._("no activity"),
            "duplicate_in_file": self.env._("duplicate line for %s", value),
            "already_imported": self.env._("hours of %s already recorded", value),
            "empty": self.env._("the file has no line"),
            "not_csv": self.env._("the file is not a readable CSV file (%s)", value),
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
            if hasattr(partner, "_coop_get_membership") and not (
                partner._coop_intercoop_is_member(company)
            ):
                continue
            members.setdefault(partner.email_normalized, partner)
        return members

    def action_import(self):
        """Validate the whole file, then create every line or none."""
        self.ensure_one()
        agreement = self.agreement_id
        agreement._check_in_force()
        try:
            text = base64.b64decode(self.csv_file or b"").decode("utf-8-sig")
        except (ValueError, UnicodeDecodeError) as err:
            raise UserError(self.env._("The file is not UTF-8 CSV text.")) from err
        emails = volunteer_hours_csv.emails_in_csv(text)
        members = self._members_by_email(emails)
        existing = self.env["coop.volunteer.hours"].search(
            [
                ("company_id", "=", agreement.company_id.id),
                ("cooperative_id", "=", agreement.partner_coop_id.id),
                ("partner_id", "in", [p.id for p in members.values()]),
            ]
        )
        existing_keys = {
            volunteer_hours_csv.line_key(
                line.partner_id.email_normalized, line.date, line.activity
            )
            for line in existing
        }
        lines, errors = volunteer_hours_csv.parse_csv(text, set(members), existing_keys)
        if errors:
            report = "\n".join(
                self.env._(
                    "Row %(row)s: %(error)s",
                    row=row,
                    error=self._error_message(code, value),
                )
                for row, code, value in errors
            )
            raise UserError(
                self.env._("Nothing was imported. Fix the file:\n%s", report)
            )
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
