# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CoopWalletTransfer(models.TransientModel):
    _name = "coop.wallet.transfer"
    _inherit = "coop.wallet.manager.wizard.mixin"
    _description = "Wallet Transfer"

    partner_from_id = fields.Many2one("res.partner", required=True, string="From")
    partner_to_id = fields.Many2one("res.partner", required=True, string="To")
    amount = fields.Monetary(required=True)
    reason = fields.Char(required=True)

    def _coop_wallet_records(self):
        return [self.partner_from_id | self.partner_to_id]

    def _coop_wallet_confirm(self):
        self.ensure_one()
        company = self.company_id
        currency = company.currency_id
        source = self.partner_from_id._coop_wallet_holder(company)
        target = self.partner_to_id._coop_wallet_holder(company)
        if source == target:
            raise UserError(self.env._("A wallet cannot be transferred to itself."))
        if not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the transfer."))
        amount = currency.round(self.amount)
        Balance = self.env["coop.wallet.balance"].sudo()
        Balance._check_spend(source, company, amount)
        Balance._lock(target, company)
        account = company.coop_wallet_account_id
        move = self.env["account.move"]._coop_wallet_create_move(
            company,
            [(source, account, amount), (target, account, -amount)],
            "transfer",
            self.env._(
                "Wallet transfer %(giver)s → %(receiver)s",
                giver=source.display_name,
                receiver=target.display_name,
            ),
            reason=self.reason,
        )
        body = self.env._(
            "Wallet transfer of %(amount)s from %(giver)s to %(receiver)s: %(reason)s",
            amount=self._coop_wallet_format(amount),
            giver=source.display_name,
            receiver=target.display_name,
            reason=self.reason,
        )
        for record in (source, target, move):
            record.sudo().message_post(body=body, author_id=self.env.user.partner_id.id)
        return move
