# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import commission, declaration_import


class CoopCommissionDeclaration(models.Model):
    _name = "coop.commission.declaration"
    _description = "Provider Turnover Declaration"
    _inherit = ("portal.mixin", "mail.thread", "mail.activity.mixin")
    _order = "date_from desc, provider_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
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
    )
    line_ids = fields.One2many(
        "coop.commission.declaration.line", "declaration_id", string="Lines"
    )
    amount_total = fields.Monetary(compute="_compute_totals", store=True)
    line_count = fields.Integer(compute="_compute_totals", store=True)
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
                        name=declaration.name,
                    )
                )

    # ------------------------------------------------------------------
    # Spreadsheet import
    # ------------------------------------------------------------------
    def _import_error_messages(self):
        _ = self.env._
        return {
            "empty": _("The file holds no declaration line."),
            "file": _("The file cannot be read: %s"),
            "format": _("Only CSV and XLSX files can be imported (%s)."),
            "columns": _(
                "Wrong columns (expected client, invoice_ref, date, amount and "
                "optionally quantity, product): %s"
            ),
            "unknown_client": _("unknown client %s"),
            "not_in_portfolio": _("client %s is not in your network portfolio"),
            "missing_ref": _("the invoice reference is missing"),
            "duplicate_ref": _("invoice reference %s appears twice in the file"),
            "existing_ref": _("invoice reference %s was already declared"),
            "bad_date": _("the date %s is not a valid date"),
            "date_outside": _("the date %s is outside the declared period"),
            "bad_amount": _("the amount %s is not a number"),
            "negative_amount": _("the amount %s is negative"),
            "bad_quantity": _("the quantity %s is not a positive number"),
            "unknown_product": _("unknown product %s"),
        }

    def _import_error_texts(self, errors):
        """The message of each ``(row, code, value)`` error."""
        messages = self._import_error_messages()
        return [
            messages[code] % value if "%s" in messages[code] else messages[code]
            for _row, code, value in errors
        ]

    def _format_import_errors(self, errors):
        lines = [
            self.env._("Row %(row)s: %(error)s", row=error[0], error=text)
            for error, text in zip(
                errors, self._import_error_texts(errors), strict=True
            )
        ]
        return self.env._(
            "Nothing was imported, %(count)s error(s) found:\n%(errors)s",
            count=len(errors),
            errors="\n".join(lines),
        )

    def _network_clients_map(self):
        """{normalized name or reference: (client id, provider id)}."""
        self.ensure_one()
        clients = {}
        records = (
            self.env["coop.network.client"]
            .sudo()
            .search_fetch(
                [("company_id", "=", self.company_id.id)],
                ["client_id", "provider_id"],
            )
        )
        for record in records:
            value = (record.client_id.id, record.provider_id.id)
            for key in (record.client_id.name, record.client_id.ref):
                if key:
                    clients.setdefault(declaration_import.normalize(key), value)
        return clients

    def _declared_refs(self):
        self.ensure_one()
        lines = (
            self.env["coop.commission.declaration.line"]
            .sudo()
            .search_fetch(
                [
                    ("provider_id", "=", self.provider_id.id),
                    ("company_id", "=", self.company_id.id),
                ],
                ["invoice_ref"],
            )
        )
        return {
            declaration_import.normalize(ref) for ref in lines.mapped("invoice_ref")
        }

    def _products_map(self, rows):
        """``{normalized name or internal reference: product id}`` of the
        products named in the file's optional product column."""
        try:
            index = declaration_import.map_columns(rows[0]).get("product")
        except (declaration_import.SpreadsheetError, IndexError):
            return {}
        if index is None:
            return {}
        names = {
            declaration_import.cell_text(row[index])
            for row in rows[1:]
            if len(row) > index and declaration_import.cell_text(row[index])
        }
        if not names:
            return {}
        products = self.env["product.product"].search(
            ["|", ("name", "in", list(names)), ("default_code", "in", list(names))]
        )
        result = {}
        for product in products:
            for key in (product.name, product.default_code):
                if key:
                    result.setdefault(declaration_import.normalize(key), product.id)
        return result

    def import_spreadsheet(self, filename, content):
        """Validate every row of a CSV/XLSX file, then create all its lines
        at once; raise a UserError listing every bad row otherwise."""
        self.ensure_one()
        self._check_draft()
        try:
            rows = declaration_import.read_rows(filename, content)
        except declaration_import.SpreadsheetError as exc:
            raise UserError(
                self._format_import_errors([(1, exc.code, exc.value)])
            ) from exc
        lines, errors = declaration_import.validate_rows(
            rows,
            self._network_clients_map(),
            self.provider_id.id,
            self._declared_refs(),
            self.date_from,
            self.date_to,
            self._products_map(rows),
        )
        if errors:
            raise UserError(self._format_import_errors(errors))
        return self._create_validated_lines(lines)

    def _create_validated_lines(self, lines):
        """Create the lines the row validator returned."""
        return self.env["coop.commission.declaration.line"].create(
            [
                {
                    "declaration_id": self.id,
                    "client_id": line["client_id"],
                    "invoice_ref": line["invoice_ref"],
                    "date": line["date"],
                    "amount": line["amount"],
                    "quantity": line["quantity"],
                    "product_id": line["product_id"],
                }
                for line in lines
            ]
        )

    def add_manual_line(self, client_id, invoice_ref, date, amount):
        """One line typed on the portal, with the checks of a spreadsheet row
        (portfolio, reference not declared yet, date in the month, amount a
        positive number); raise a UserError naming every problem."""
        self.ensure_one()
        self._check_draft()
        client = self.env["res.partner"].sudo().browse(client_id).exists()
        name = client.display_name or str(client_id)
        entries = {
            entry
            for entry in self._network_clients_map().values()
            if entry[0] == client.id
        }
        # in this provider's portfolio, or in another one's (refused below)
        entry = (client.id, self.provider_id.id)
        if entry not in entries:
            entry = next(iter(entries), None)
        clients = {declaration_import.normalize(name): entry} if entry else {}
        lines, errors = declaration_import.validate_rows(
            [
                ["client", "invoice_ref", "date", "amount"],
                [name, invoice_ref, date, amount],
            ],
            clients,
            self.provider_id.id,
            self._declared_refs(),
            self.date_from,
            self.date_to,
        )
        if errors:
            raise UserError(
                "\n".join(
                    text[:1].upper() + text[1:]
                    for text in self._import_error_texts(errors)
                )
            )
        return self._create_validated_lines(lines)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        self._check_draft()
        self.write({"state": "submitted"})
        self.activity_ids.action_feedback()

    def action_validate(self):
        for declaration in self:
            if declaration.state == "validated":
                raise UserError(
                    self.env._(
                        "Declaration %(name)s is already validated.",
                        name=declaration.name,
                    )
                )
        self.write({"state": "validated"})
        self.activity_ids.action_feedback()

    def action_reset_draft(self):
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

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_reminders(self, today=None):
        """Remind the providers who have not declared last month's turnover
        once the company's reminder day has passed: a draft declaration is
        opened, the provider is emailed and the responsible gets an activity."""
        today = today or fields.Date.context_today(self)
        start, end = commission.period_bounds(today - relativedelta(months=1), "month")
        template = self.env.ref(
            "coop_provider_commission.mail_template_declaration_reminder"
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        reminded = self.browse()
        for company in self.env["res.company"].search([]):
            if today.day < (company.coop_declaration_reminder_day or 1):
                continue
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
            missing = providers - existing.provider_id
            new = self.create(
                [
                    {
                        "company_id": company.id,
                        "provider_id": provider.id,
                        "date_from": start,
                        "date_to": end,
                    }
                    for provider in missing
                ]
            )
            todo = (existing | new).filtered(
                lambda d: d.state == "draft" and not d.reminder_sent
            )
            user = (
                company.coop_commission_user_id
                or self.env.ref("base.user_admin", raise_if_not_found=False)
                or self.env.user
            )
            for declaration in todo:
                declaration.message_post_with_source(
                    template, subtype_xmlid="mail.mt_comment"
                )
                declaration.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=today + timedelta(days=5),
                    summary=self.env._("Missing turnover declaration"),
                    user_id=user.id,
                )
            todo.reminder_sent = True
            reminded |= todo
        return reminded
