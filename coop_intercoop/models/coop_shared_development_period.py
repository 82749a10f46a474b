# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import shared_development as rules


class CoopSharedDevelopmentPeriod(models.Model):
    """A period of a co-financed development: its hours shared among the
    participants, an invoice to each and a statement."""

    _name = "coop.shared.development.period"
    _description = "Co-financed Development Period"
    _inherit = ("mail.thread",)
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    development_id = fields.Many2one(
        "coop.shared.development", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="development_id.company_id", store=True)
    currency_id = fields.Many2one(related="development_id.currency_id")
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("invoiced", "Invoiced")],
        default="draft",
        required=True,
        tracking=True,
    )
    hours_ids = fields.One2many(
        "coop.shared.development.hours", "period_id", string="Hours Invoiced"
    )
    line_ids = fields.One2many(
        "coop.shared.development.period.line", "period_id", string="Shares"
    )
    invoice_ids = fields.Many2many(
        "account.move", compute="_compute_invoice_ids", string="Invoices"
    )
    hours_total = fields.Float(compute="_compute_totals", digits=(16, 2))
    amount_total = fields.Monetary(compute="_compute_totals")

    @api.depends("development_id.name", "date_from", "date_to")
    def _compute_name(self):
        for period in self:
            period.name = "%s %s – %s" % (
                period.development_id.name or "",
                period.date_from or "",
                period.date_to or "",
            )

    @api.depends("line_ids.invoice_id")
    def _compute_invoice_ids(self):
        for period in self:
            period.invoice_ids = period.line_ids.invoice_id

    @api.depends("hours_ids.hours", "line_ids.amount")
    def _compute_totals(self):
        for period in self:
            period.hours_total = sum(period.hours_ids.mapped("hours"))
            period.amount_total = sum(period.line_ids.mapped("amount"))

    @api.constrains("date_from", "date_to", "development_id")
    def _check_dates(self):
        for period in self:
            if period.date_to < period.date_from:
                raise ValidationError(
                    self.env._("A period cannot end before it starts.")
                )
            overlapping = self.search_count(
                [
                    ("development_id", "=", period.development_id.id),
                    ("id", "!=", period.id),
                    ("date_from", "<=", period.date_to),
                    ("date_to", ">=", period.date_from),
                ]
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "The periods of %s cannot overlap.", period.development_id.name
                    )
                )

    def write(self, vals):
        if set(vals) & {"date_from", "date_to", "development_id"} and self.filtered(
            lambda p: p.state == "invoiced"
        ):
            raise UserError(self.env._("An invoiced period cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        if self.filtered(lambda p: p.state == "invoiced"):
            raise UserError(
                self.env._("An invoiced period cannot be deleted: reset it first.")
            )

    def _uninvoiced_hours(self):
        """The development's hours not invoiced yet, worked by the end of
        the period (earlier forgotten lines are invoiced too, never lost)."""
        self.ensure_one()
        return self.development_id.hours_ids.filtered(
            lambda h: not h.period_id and h.date <= self.date_to
        )

    def _compute_shares(self, hours):
        """``({participant: amount}, {participant: hours})`` of ``hours``."""
        self.ensure_one()
        development = self.development_id
        development._check_shares()
        weights = development._weights()
        joined = {p: p.date_join for p in development.participant_ids}
        try:
            return rules.period_shares(
                [(line.date, line.hours) for line in hours],
                weights,
                joined,
                development.hourly_rate,
                self.currency_id.rounding,
            )
        except ValueError as exc:
            raise UserError(
                self.env._(
                    "Some hours were worked before any participant with a share "
                    "had joined %s: correct their date or the joining dates.",
                    development.name,
                )
            ) from exc

    def _prepare_invoice_vals(self, line):
        """The invoice of one participant's share (``line``)."""
        self.ensure_one()
        development = self.development_id
        return {
            "move_type": "out_invoice",
            "partner_id": line.participant_id.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": self.name,
            "invoice_line_ids": [
                Command.create(self._prepare_invoice_line_vals(line, development))
            ],
        }

    def _prepare_invoice_line_vals(self, line, development):
        return {
            "product_id": development.product_id.id,
            "name": self.env._(
                "%(name)s, %(start)s to %(end)s: your share of %(hours)s of "
                "%(total)s hours worked",
                name=development.name,
                start=self.date_from,
                end=self.date_to,
                hours=line.hours,
                total=self.hours_total,
            ),
            "quantity": 1,
            "price_unit": line.amount,
        }

    def action_invoice(self):
        """Share the period's hours and invoice each participant (drafts)."""
        self.env["coop.shared.development"]._check_manager()
        self.check_access("write")
        for period in self:
            if period.state != "draft":
                raise UserError(self.env._("%s is already invoiced.", period.name))
            hours = period._uninvoiced_hours()
            if not hours:
                raise UserError(self.env._("%s has no hours to invoice.", period.name))
            amounts, hours_share = period._compute_shares(hours)
            hours.sudo().write({"period_id": period.id})
            period._create_lines(amounts, hours_share)
            period.state = "invoiced"
        return True

    def _create_lines(self, amounts, hours_share):
        self.ensure_one()
        Line = self.env["coop.shared.development.period.line"]
        for participant, amount in amounts.items():
            if self.currency_id.is_zero(amount):
                continue
            line = Line.create(
                {
                    "period_id": self.id,
                    "participant_id": participant.id,
                    "hours": hours_share[participant],
                    "amount": amount,
                }
            )
            # the manager's check is done: a manager without invoicing rights
            # still invoices the development (as the fee run does)
            line.invoice_id = (
                self.env["account.move"].sudo().create(self._prepare_invoice_vals(line))
            )

    def action_reset(self):
        """Undo the invoicing while its invoices are drafts."""
        self.env["coop.shared.development"]._check_manager()
        self.check_access("write")
        for period in self.filtered(lambda p: p.state == "invoiced"):
            if period.invoice_ids.filtered(lambda m: m.state == "posted"):
                raise UserError(
                    self.env._(
                        "%s has posted invoices: reverse them with credit notes.",
                        period.name,
                    )
                )
            period.invoice_ids.sudo().filtered(lambda m: m.state == "draft").unlink()
            period.line_ids.unlink()
            period.hours_ids.sudo().write({"period_id": False})
            period.state = "draft"
        return True

    def action_print_statement(self):
        self.check_access("read")
        return self.env.ref(
            "coop_intercoop.action_report_shared_development_statement"
        ).report_action(self)
