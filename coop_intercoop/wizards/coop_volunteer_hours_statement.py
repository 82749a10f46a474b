# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import volunteer_hours_csv


class CoopVolunteerHoursStatement(models.TransientModel):
    _name = "coop.volunteer.hours.statement"
    _description = "Volunteer Hours Statement per Partner Cooperative"

    agreement_id = fields.Many2one("coop.intercoop.agreement", required=True)
    partner_coop_id = fields.Many2one(related="agreement_id.partner_coop_id")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    here_line_ids = fields.Many2many(
        "coop.volunteer.hours",
        compute="_compute_lines",
        string="Done Here by Their Members",
    )
    there_line_ids = fields.Many2many(
        "coop.volunteer.hours",
        compute="_compute_lines",
        string="Done There by Our Members",
    )
    here_hours = fields.Float(compute="_compute_lines", string="Hours Done Here")
    there_hours = fields.Float(compute="_compute_lines", string="Hours Done There")
    csv_file = fields.Binary(string="CSV File", readonly=True, attachment=False)
    csv_filename = fields.Char(
        string="File Name",
    )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(
                    self.env._("The statement period cannot end before it starts.")
                )

    @api.depends("agreement_id", "date_from", "date_to")
    def _compute_lines(self):
        Hours = self.env["coop.volunteer.hours"]
        for wizard in self:
            if not (wizard.agreement_id and wizard.date_from and wizard.date_to):
                wizard.here_line_ids = wizard.there_line_ids = Hours
                wizard.here_hours = wizard.there_hours = 0.0
                continue
            period = [
                ("company_id", "=", wizard.agreement_id.company_id.id),
                ("date", ">=", wizard.date_from),
                ("date", "<=", wizard.date_to),
            ]
            wizard.here_line_ids = Hours.search(
                period
                + [
                    (
                        "partner_id.coop_intercoop_agreement_id",
                        "=",
                        wizard.agreement_id.id,
                    ),
                    ("is_external", "=", False),
                ]
            )
            wizard.there_line_ids = Hours.search(
                period
                + [("cooperative_id", "=", wizard.agreement_id.partner_coop_id.id)]
            )
            wizard.here_hours = sum(wizard.here_line_ids.mapped("hours"))
            wizard.there_hours = sum(wizard.there_line_ids.mapped("hours"))

    def _csv_rows(self):
        self.ensure_one()
        return [
            {
                "member_email": line.partner_id.email_normalized
                or line.partner_id.email,
                "member_name": line.partner_id.name,
                "date": line.date,
                "hours": line.hours,
                "activity": line.activity,
            }
            for line in self.here_line_ids.sorted(lambda r: (r.date, r.id))
        ]

    def action_export_csv(self):
        """CSV of the hours done here by the partner's members, to send them."""
        self.ensure_one()
        text = volunteer_hours_csv.rows_to_csv(self._csv_rows())
        self.write(
            {
                "csv_file": base64.b64encode(text.encode()),
                "csv_filename": "volunteer_hours_%s_%s_%s.csv"
                % (
                    # the name goes in a URL: keep letters, digits, - and .
                    re.sub(r"[^\w.-]+", "_", self.partner_coop_id.name or "coop"),
                    self.date_from,
                    self.date_to,
                ),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/coop.volunteer.hours.statement/%s/csv_file/%s"
            "?download=true" % (self.id, self.csv_filename),
            "target": "self",
        }
