# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

from ..tools import wallet_rules


class ReportWalletStatement(models.AbstractModel):
    """Wallet statement: ``/report`` does not enforce the report's groups and
    the statement reads the ledger with sudo, so access is checked here."""

    _name = "report.coop_wallet.report_wallet_statement"
    _description = "Wallet Statement Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        if not isinstance(docids, list | tuple) or not all(
            isinstance(pid, int) and not isinstance(pid, bool) for pid in docids
        ):
            raise UserError(self.env._("Invalid contacts for a wallet statement."))
        partners = self.env["res.partner"].browse(docids).exists()
        self._coop_wallet_check_access(partners)
        month = None
        if data.get("month"):
            month = wallet_rules.parse_month(data["month"])
            if not month:
                raise UserError(
                    self.env._("Invalid month: give it as YYYY-MM (e.g. 2026-04).")
                )
        return {
            "doc_ids": partners.ids,
            "doc_model": "res.partner",
            "docs": partners,
            "statements": {
                partner.id: partner._coop_wallet_statement(month)
                for partner in partners
            },
        }

    @api.model
    def _coop_wallet_check_access(self, partners):
        user = self.env.user
        if user.has_group("coop_wallet.group_coop_wallet_user"):
            partners.sudo(False).check_access("read")
            return
        own = user.partner_id | user.partner_id.commercial_partner_id
        if partners - own:
            raise AccessError(
                self.env._("You may only print the statement of your own wallet.")
            )
