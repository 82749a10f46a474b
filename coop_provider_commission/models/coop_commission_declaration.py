# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount
from odoo.tools.misc import babel_locale_parse

from ..tools import commission, security

# what a submitted or validated declaration keeps: the workflow moves its
# state, its lines and period stay as declared
REMINDER_BATCH = 200  # reminders a cron call sends before it commits
LOCKED_FIELDS = {"provider_id", "company_id", "date_from", "date_to", "line_ids"}


class CoopCommissionDeclaration(models.Model):
    _name = "coop.commission.declaration"
    _description = "Provider Turnover Declaration"
    _inherit = (
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "coop.spreadsheet.import.mixin",
    )
    _order = "date_from desc, provider_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, string="Reference")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    provider_id = fields.Many2one(
        "res.partner", required=True, index=True, tracking=True
    )
    date_from = fields.Date(
        string="Period Start",
        required=True,
        default=lambda self: commission.period_bounds(
            fields.Date.context_today(self) - relativedelta(months=1), "month"
        )[0],
    )
    date_to = fields.Date(
        string="Period End", compute="_compute_date_to", store=True, readonly=False
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("validated", "Validated")],
        default="draft",
        required=True,
        tracking=True,
        string="Status",
    )
    line_ids = fields.One2many(
        "coop.commission.declaration.line", "declaration_id", string="Lines"
    )
    amount_total = fields.Monetary(
        compute="_compute_totals", store=True, string="Declared Turnover"
    )
    line_count = fields.Integer(
        compute="_compute_totals", store=True, string="Number of Lines"
    )
    reminder_sent = fields.Boolean(readonly=True, copy=False)

    _sql_constraints = (
        (
            "provider_period_uniq",
            "unique(company_id, provider_id, date_from)",
            "A provider declares once per period.",
        ),
    )

    @api.depends("provider_id", "date_from")
    def _compute_name(self):
        for declaration in self:
            declaration.name = "%s %s" % (
                declaration.provider_id.name or "",
                declaration.date_from.strftime("%Y-%m")
                if declaration.date_from
                else "",
            )

    @api.depends("provider_id", "date_from", "date_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        """The stored name keeps ISO dates (searchable, language-neutral);
        the title shows the period in the reader's language."""
        locale = babel_locale_parse(self.env.lang or "en_US")
        for declaration in self:
            period = commission.period_label(
                declaration.date_from, declaration.date_to, locale
            )
            declaration.display_name = " – ".join(
                part for part in (declaration.provider_id.name, period) if part
            )

    @api.depends("date_from")
    def _compute_date_to(self):
        for declaration in self:
            if declaration.date_from:
                _start, end = commission.period_bounds(declaration.date_from, "month")
                declaration.date_to = end

    @api.depends("line_ids.amount")
    def _compute_totals(self):
        groups = self.env["coop.commission.declaration.line"]._read_group(
            [("declaration_id", "in", self.ids)],
            ["declaration_id"],
            ["amount:sum", "__count"],
        )
        totals = {decl.id: (amount, count) for decl, amount, count in groups}
        for declaration in self:
            declaration.amount_total, declaration.line_count = totals.get(
                declaration.id, (0.0, 0)
            )

    def _compute_access_url(self):
        for declaration in self:
            declaration.access_url = "/my/commissions/declaration/%s" % declaration.id

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for declaration in self:
            if declaration.date_to < declaration.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))

    def _check_draft(self):
        for declaration in self:
            if declaration.state != "draft":
                raise UserError(
                    self.env._(
                        "Declaration %(name)s is no longer a draft.",
                        name=declaration.display_name,
                    )
                )

    def write(self, vals):
        if LOCKED_FIELDS.intersection(vals):
            self._check_draft()
            self._check_import_idle()
        return super().write(vals)

    def unlink(self):
        self._check_draft()
        return super().unlink()

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        """The provider (portal, through the controller) or a Commission
        User submits a draft declaration."""
        self.check_access("write")
        self._check_draft()
        self._check_import_idle()
        self.write({"state": "submitted"})
        self.activity_ids.action_feedback()
        return True

    def action_validate(self):
        security.check_manager(self.env)
        self.check_access("write")
        self._check_import_idle()
        for declaration in self:
            if declaration.state == "validated":
                raise UserError(
                    self.env._(
                        "Declaration %(name)s is already validated.",
                        name=declaration.display_name,
                    )
                )
        self.write({"state": "validated"})
        self.activity_ids.action_feedback()
        for declaration in self:
            declaration.message_post(
                body=self.env._(
                    "Declaration validated: turnover of %(amount)s with the "
                    "network clients.",
                    amount=format_amount(
                        self.env, declaration.amount_total, declaration.currency_id
                    ),
                )
            )
        return True

    def action_reset_draft(self):
        security.check_manager(self.env)
        self.check_access("write")
        if not self:
            return True
        settled = self.env["coop.commission.settlement"].search_count(
            [
                ("company_id", "in", self.company_id.ids),
                ("partner_id", "in", self.provider_id.ids),
                ("state", "in", ("validated", "invoiced")),
                ("date_from", "<=", max(self.mapped("date_to"))),
                ("date_to", ">=", min(self.mapped("date_from"))),
            ],
            limit=1,
        )
        if settled:
            raise UserError(
                self.env._("A validated settlement already covers this period.")
            )
        self.write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_reminders(self, today=None, batch_size=REMINDER_BATCH):
        """Remind the providers who have not declared last month's turnover
        once the company's reminder day has passed: a draft declaration is
        opened, the provider is emailed and the responsible gets an activity.

        ``batch_size`` reminders a call: Odoo's cron commits and calls again
        while some remain (a reminded declaration leaves the selection)."""
        today = today or fields.Date.context_today(self)
        start, end = commission.period_bounds(today - relativedelta(months=1), "month")
        reminded = self.browse()
        remaining = 0
        for company in self.env["res.company"].search([]):
            if today.day < (company.coop_declaration_reminder_day or 1):
                continue
            todo = self._declarations_to_remind(company, start, end)
            now = todo[: max(batch_size - len(reminded), 0)]
            now._send_reminder(company, today)
            reminded |= now
            remaining += len(todo) - len(now)
        self.env["ir.cron"]._notify_progress(done=len(reminded), remaining=remaining)
        return reminded

    @api.model
    def _declarations_to_remind(self, company, start, end):
        """The draft declarations of the month from ``start`` to ``end`` not
        reminded yet, one for every provider with network clients (opened for
        the providers who have none)."""
        groups = self.env["coop.network.client"]._read_group(
            [("company_id", "=", company.id)], ["provider_id"]
        )
        providers = self.env["res.partner"].union(*[g[0] for g in groups])
        existing = self.search(
            [
                ("company_id", "=", company.id),
                ("date_from", "=", start),
                ("provider_id", "in", providers.ids),
            ]
        )
        new = self.create(
            [
                {
                    "company_id": company.id,
                    "provider_id": provider.id,
                    "date_from": start,
                    "date_to": end,
                }
                for provider in providers - existing.provider_id
            ]
        )
        return (existing | new).filtered(
            lambda d: d.state == "draft" and not d.reminder_sent
        )

    def _send_reminder(self, company, today):
        """Email the providers of these declarations and give the company's
        commission responsible an activity on each."""
        template = self.env.ref(
            "coop_provider_commission.mail_template_declaration_reminder"
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        user = (
            company.coop_commission_user_id
            or self.env.ref("base.user_admin", raise_if_not_found=False)
            or self.env.user
        )
        for declaration in self:
            declaration.message_post_with_source(
                template, subtype_xmlid="mail.mt_comment"
            )
            declaration.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=today + timedelta(days=5),
                summary=self.env._("Missing turnover declaration"),
                user_id=user.id,
            )
        self.reminder_sent = True
