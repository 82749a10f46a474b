# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo import fields, http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class CoopWalletPortal(CustomerPortal):
    @staticmethod
    def _coop_wallet_month(month):
        try:
            return datetime.strptime(month or "", "%Y-%m").date()
        except ValueError:
            return fields.Date.context_today(request.env.user)

    @http.route(["/my/wallet"], type="http", auth="user", website=True)
    def portal_my_wallet(self, month=None, report_type=None, **kw):
        # always the wallet of the logged-in user: no partner id is accepted
        partner = request.env.user.partner_id
        month_date = self._coop_wallet_month(month)
        if report_type == "pdf":
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
            }
        )
        return request.render("coop_wallet.portal_my_wallet", values)
