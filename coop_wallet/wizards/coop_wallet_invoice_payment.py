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
        amount = self._coop_wallet_check_invoice()
        holder = invoice.commercial_partner_id._coop_wallet_holder(company)
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        ).account_id[:1]
        lines, kind = self._coop_wallet_invoice_lines(holder, receivable, amount)
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

    def _coop_wallet_check_invoice(self):
        """The amount to settle, rounded with the company currency, once the
        invoice and the amount are checked."""
        invoice = self.move_id
        currency = invoice.company_id.currency_id
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
        return amount

    def _coop_wallet_invoice_lines(self, holder, receivable, amount):
        """(lines of the wallet entry, kind): an invoice is paid from the
        wallet (checked and locked), a credit note is refunded onto it."""
        company = self.move_id.company_id
        wallet_account = company.coop_wallet_account_id
        Balance = self.env["coop.wallet.balance"].sudo()
        if self.move_id.move_type == "out_invoice":
            Balance._check_spend(holder, company, amount)
            sign, kind = 1, "payment"
        else:
            Balance._lock(holder, company)
            sign, kind = -1, "refund"
        lines = [
            (holder, wallet_account, sign * amount),
            (holder, receivable, -sign * amount),
        ]
        return lines, kind
