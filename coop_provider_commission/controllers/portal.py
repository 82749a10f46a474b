# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..tools import commission, declaration_import

# a database id typed in a form: digits, within PostgreSQL's integer
MAX_ID = 2**31 - 1


class CoopCommissionPortal(CustomerPortal):
    def _coop_is_provider(self):
        """Whether the portal user's company is a provider with network
        clients in the current company (the declarations concern it)."""
        partner = request.env.user.partner_id.commercial_partner_id
        return bool(
            request.env["coop.network.client"]
            .sudo()
            .search_count(
                [
                    ("provider_id", "=", partner.id),
                    ("company_id", "=", request.env.company.id),
                ],
                limit=1,
            )
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if not counters:
            # the home page itself (not a /my/counters call): a provider's
            # declarations tile shows even before its first declaration
            values["coop_is_provider"] = self._coop_is_provider()
        if "coop_declaration_count" in counters:
            model = request.env["coop.commission.declaration"]
            values["coop_declaration_count"] = (
                model.search_count([]) if model.has_access("read") else 0
            )
        if "coop_statement_count" in counters:
            model = request.env["coop.commission.settlement"]
            values["coop_statement_count"] = (
                model.search_count([]) if model.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/commissions", "/my/commissions/declarations"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_coop_declarations(self, **kw):
        return self._coop_declarations_page()

    def _coop_declarations_page(self, error=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_declarations",
                "declarations": request.env["coop.commission.declaration"].search([]),
                "coop_is_provider": self._coop_is_provider(),
                "coop_company": request.env.company.sudo(),
                "error": error,
            }
        )
        # a refused request is a client error: the page says why, with 400
        return request.render(
            "coop_provider_commission.portal_my_coop_declarations",
            values,
            status=400 if error else 200,
        )

    def _coop_new_declaration_error(self, month):
        """Why ``month`` cannot be declared by the portal user (None: it can)."""
        _ = request.env._
        today = fields.Date.context_today(request.env.user)
        day, error = declaration_import.parse_month(month, today)
        if error == "month":
            return day, _("Please choose a valid month (YYYY-MM).")
        if error == "future_month":
            return day, _("A month can only be declared once it has started.")
        if not self._coop_is_provider():
            return day, _("Only providers with network clients declare their turnover.")
        return day, None

    @http.route(
        "/my/commissions/declaration/new",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_coop_declaration_new(self, month=None, **kw):
        partner = request.env.user.partner_id.commercial_partner_id
        day, error = self._coop_new_declaration_error(month)
        if error:
            return self._coop_declarations_page(error=error)
        start, end = commission.period_bounds(day, "month")
        declarations = request.env["coop.commission.declaration"].sudo()
        declaration = declarations.search(
            [
                ("provider_id", "=", partner.id),
                ("company_id", "=", request.env.company.id),
                ("date_from", "=", start),
            ],
            limit=1,
        ) or declarations.create(
            {
                "provider_id": partner.id,
                "company_id": request.env.company.id,
                "date_from": start,
                "date_to": end,
            }
        )
        return request.redirect(declaration.access_url)

    def _coop_declaration_page(self, declaration, error=None, message=None):
        values = self._prepare_portal_layout_values()
        clients = (
            request.env["coop.network.client"]
            .sudo()
            .search(
                [
                    ("provider_id", "=", declaration.provider_id.id),
                    ("company_id", "=", declaration.company_id.id),
                ]
            )
        )
        values.update(
            {
                "page_name": "coop_declaration",
                "declaration": declaration,
                "network_clients": clients,
                "error": error,
                "message": message,
            }
        )
        return request.render(
            "coop_provider_commission.portal_coop_declaration",
            values,
            status=400 if error else 200,
        )

    def _coop_get_declaration(self, declaration_id, access_token=None):
        return self._document_check_access(
            "coop.commission.declaration", declaration_id, access_token
        )

    @http.route(
        "/my/commissions/declaration/<int:declaration_id>",
        type="http",
        auth="public",
        website=True,
    )
    def portal_coop_declaration(self, declaration_id, access_token=None, **kw):
        try:
            declaration = self._coop_get_declaration(declaration_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        return self._coop_declaration_page(declaration)

    @http.route(
        "/my/commissions/declaration/<int:declaration_id>/<string:operation>",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_coop_declaration_post(self, declaration_id, operation, **post):
        try:
            declaration = self._coop_get_declaration(declaration_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        try:
            with request.env.cr.savepoint():
                self._coop_declaration_operation(declaration, operation, post)
        except (UserError, ValidationError) as exc:
            return self._coop_declaration_page(declaration, error=exc.args[0])
        return request.redirect(declaration.access_url)

    def _coop_declaration_operation(self, declaration, operation, post):
        """Run a portal operation on a draft declaration (sudo: the access
        was checked); bad input raises a UserError."""
        _ = declaration.env._
        declaration._check_draft()
        if operation == "line":
            if not all(
                isinstance(post.get(name), str) and post[name].strip()
                for name in ("client_id", "invoice_ref", "date", "amount")
            ):
                raise UserError(_("Please fill in every field."))
            client_id = post["client_id"].strip()
            if not client_id.isdigit() or int(client_id) > MAX_ID:
                raise UserError(_("This client is not in your network portfolio."))
            # the checks of a spreadsheet row (the form posts text)
            declaration._add_manual_line(
                int(client_id), post["invoice_ref"], post["date"], post["amount"]
            )
        elif operation == "upload":
            upload = post.get("file")
            if not hasattr(upload, "read") or not upload.filename:
                raise UserError(_("Please choose a file to upload."))
            declaration._import_spreadsheet(
                upload.filename, upload.read(), user=request.env.user
            )
        elif operation == "submit":
            declaration.action_submit()
        else:
            raise UserError(_("Unknown operation."))

    @http.route("/my/commissions/statements", type="http", auth="user", website=True)
    def portal_my_coop_statements(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_statements",
                "statements": request.env["coop.commission.settlement"].search([]),
                "coop_company": request.env.company.sudo(),
            }
        )
        return request.render(
            "coop_provider_commission.portal_my_coop_statements", values
        )

    @http.route(
        "/my/commissions/statement/<int:settlement_id>",
        type="http",
        auth="public",
        website=True,
    )
    def portal_coop_statement(
        self, settlement_id, access_token=None, report_type=None, download=False, **kw
    ):
        try:
            statement = self._document_check_access(
                "coop.commission.settlement", settlement_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=statement,
                report_type=report_type,
                report_ref="coop_provider_commission.action_report_settlement_statement",
                download=download in (True, "1", "true", "True"),
            )
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "coop_statement", "statement": statement})
        return request.render("coop_provider_commission.portal_coop_statement", values)
