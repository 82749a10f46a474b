# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CoopWalletAdjustment(models.TransientModel):
    _name = "coop.wallet.adjustment"
    _inherit = "coop.wallet.manager.wizard.mixin"
    _description = "Wallet Adjustment"

    partner_id = fields.Many2one("res.partner", required=True, string="Customer")
    amount = fields.Monetary(
        required=True,
        help="Positive to credit the wallet, negative to debit it.",
    )
    account_id = fields.Many2one(
        "account.account",
        required=True,
        string="Counterpart Account",
        domain="[('company_ids', 'in', company_id)]",
    )
    reason = fields.Char(required=True)

    def _coop_wallet_records(self):
        return [self.partner_id, self.account_id]

    def _coop_wallet_confirm(self):
        self.ensure_one()
        company = self.company_id
        currency = company.currency_id
        amount = currency.round(self.amount)
        if currency.is_zero(amount):
            raise UserError(self.env._("The adjustment amount cannot be zero."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the adjustment."))
        if company not in self.account_id.company_ids:
            raise UserError(
                self.env._("The counterpart account must belong to %s.", company.name)
            )
        if self.account_id == company.coop_wallet_account_id:
            raise UserError(
                self.env._("The counterpart cannot be the wallet account itself.")
            )
        holder = self.partner_id._coop_wallet_holder(company)
        self.env["coop.wallet.balance"].sudo()._lock(holder, company)
        move = self.env["account.move"]._coop_wallet_create_move(
            company,
            [
                (holder, company.coop_wallet_account_id, -amount),
                (holder, self.account_id, amount),
            ],
            "adjustment",
            self.env._("Wallet adjustment: %s", self.reason),
            reason=self.reason,
        )
        body = self.env._(
            "Wallet adjusted by %(amount)s: %(reason)s",
            amount=self._coop_wallet_format(amount),
            reason=self.reason,
        )
        for record in (holder, move):
            record.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        return move
