# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

WALLET_FIELDS = {
    "account_id",
    "partner_id",
    "balance",
    "debit",
    "credit",
    "amount_currency",
    "parent_state",
    "company_id",
}


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    coop_wallet_pos_order_id = fields.Many2one(
        "pos.order",
        string="Wallet POS Order",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The POS order whose wallet payment or top-up this wallet item "
        "books: the wallet history shows it under the order's reference.",
    )

    def _coop_wallet_keys(self, posted_only=False):
        """(company, partner) of the lines lying on their company's wallet account."""
        return {
            (line.company_id.id, line.partner_id.id)
            for line in self
            if line.partner_id
            and (not posted_only or line.parent_state == "posted")
            and line.account_id
            and line.account_id == line.company_id.coop_wallet_account_id
        }

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        self.env["coop.wallet.balance"]._refresh_posted(
            lines._coop_wallet_keys(posted_only=True)
        )
        return lines

    def write(self, vals):
        if not WALLET_FIELDS.intersection(vals):
            return super().write(vals)
        keys = self._coop_wallet_keys(posted_only=True)
        res = super().write(vals)
        keys |= self._coop_wallet_keys(posted_only=True)
        self.env["coop.wallet.balance"]._refresh_posted(keys)
        return res

    def unlink(self):
        keys = self._coop_wallet_keys(posted_only=True)
        res = super().unlink()
        self.env["coop.wallet.balance"]._refresh_posted(keys)
        return res
