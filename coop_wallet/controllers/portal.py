# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..tools import wallet_rules


class CoopWalletPortal(CustomerPortal):
    @staticmethod
    def _coop_wallet_month(month, report_type):
        """(first day of the month asked for, error message or None).

        No month is the current month; a malformed one or an unknown report
        type is answered by the current month's page with the error (400).
        """
        today = fields.Date.context_today(request.env.user).replace(day=1)
        if report_type not in (None, "", "html", "pdf"):
            return today, request.env._("Unknown report type.")
        if not month:
            return today, None
        month_date = wallet_rules.parse_month(month)
        if not month_date:
            return today, request.env._(
                "Invalid month: give it as YYYY-MM (e.g. 2026-04)."
            )
        return month_date, None

    @http.route(["/my/wallet"], type="http", auth="user", website=True)
    def portal_my_wallet(self, month=None, report_type=None, **kw):
        # always the wallet of the logged-in user: no partner id is accepted
        partner = request.env.user.partner_id
        month_date, error = self._coop_wallet_month(month, report_type)
        if report_type == "pdf" and not error:
            report = request.env.ref(
                "coop_wallet.action_report_wallet_statement"
            ).sudo()
            pdf, _type = report._render_qweb_pdf(
                report.report_name,
                res_ids=partner.ids,
                data={"month": month_date.isoformat()},
            )
            headers = [
                ("Content-Type", "application/pdf"),
                ("Content-Length", len(pdf)),
            ]
            return request.make_response(pdf, headers=headers)
        statement = partner.sudo()._coop_wallet_statement(month_date)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "coop_wallet",
                "statement": statement,
                "balance": partner.sudo().coop_wallet_balance,
                "month": month_date.strftime("%Y-%m"),
                "error": error,
            }
        )
        return request.render(
            "coop_wallet.portal_my_wallet", values, status=400 if error else 200
        )
