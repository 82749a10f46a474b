# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CoopWalletInvoicePayment(models.TransientModel):
    _name = "coop.wallet.invoice.payment"
    _inherit = "coop.wallet.wizard.mixin"
    _description = "Pay an Invoice from the Wallet"

    move_id = fields.Many2one("account.move", required=True, string="Invoice")
    company_id = fields.Many2one(related="move_id.company_id")
    currency_id = fields.Many2one(related="move_id.currency_id")
    amount = fields.Monetary(required=True)
    partner_id = fields.Many2one(
        string="Customer", related="move_id.commercial_partner_id"
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        move_id = res.get("move_id") or self.env.context.get("active_id")
        if isinstance(move_id, bool) or not isinstance(move_id, int):
            return res
        move = self.env["account.move"].browse(move_id).exists()
        if move and move.has_access("read"):
            res.setdefault("move_id", move.id)
            res.setdefault("amount", move.amount_residual)
        return res

    def _coop_wallet_records(self):
        return [self.move_id]

    def _coop_wallet_confirm(self):
        self.ensure_one()
        invoice = self.move_id
        company = invoice.company_id
        currency = company.currency_id
        if invoice.move_type not in ("out_invoice", "out_refund") or (
            invoice.state != "posted"
        ):
            raise UserError(self.env._("Only posted customer invoices can be settled."))
        if invoice.currency_id != currency:
            raise UserError(
                self.env._(
                    "Wallets are kept in %s: the invoice is in another currency.",
                    currency.name,
                )
            )
        amount = currency.round(self.amount)
        if currency.compare_amounts(amount, 0.0) <= 0:
            raise UserError(self.env._("The amount must be positive."))
        if currency.compare_amounts(amount, invoice.amount_residual) > 0:
            raise UserError(
                self.env._("The amount is larger than what remains due on the invoice.")
            )
        holder = invoice.commercial_partner_id._coop_wallet_holder(company)
        Balance = self.env["coop.wallet.balance"].sudo()
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        ).account_id[:1]
        if invoice.move_type == "out_invoice":
            Balance._check_spend(holder, company, amount)
            lines = [
                (holder, company.coop_wallet_account_id, amount),
                (holder, receivable, -amount),
            ]
            kind = "payment"
        else:
            # a credit note refunded to the wallet credits it
            Balance._lock(holder, company)
            lines = [
                (holder, company.coop_wallet_account_id, -amount),
                (holder, receivable, amount),
            ]
            kind = "refund"
        move = self.env["account.move"]._coop_wallet_create_move(
            company, lines, kind, self.env._("Wallet payment of %s", invoice.name)
        )
        (move.line_ids | invoice.line_ids).filtered(
            lambda line: line.account_id == receivable and not line.reconciled
        ).sudo().reconcile()
        invoice.sudo().message_post(
            body=self.env._(
                "%(amount)s settled from the wallet.",
                amount=self._coop_wallet_format(amount),
            ),
            author_id=self.env.user.partner_id.id,
        )
        return move
