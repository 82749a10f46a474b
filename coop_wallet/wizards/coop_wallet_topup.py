# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError


class CoopWalletTopup(models.TransientModel):
    _name = "coop.wallet.topup"
    _inherit = "coop.wallet.wizard.mixin"
    _description = "Wallet Top-up"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one("res.partner", required=True, string="Customer")
    amount = fields.Monetary(required=True)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
    )
    journal_id = fields.Many2one(
        "account.journal",
        required=True,
        string="Paid With",
        domain="[('type', 'in', ('cash', 'bank')), ('company_id', '=', company_id)]",
        default=lambda self: self.env["account.journal"].search(
            [("type", "=", "cash"), ("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    memo = fields.Char()

    @api.model
    def _check_amount_currency(self, amount, currency, company):
        if currency != company.currency_id:
            raise UserError(
                self.env._(
                    "Wallets are kept in %(company_currency)s: a top-up in "
                    "%(currency)s is not possible.",
                    company_currency=company.currency_id.name,
                    currency=currency.name,
                )
            )
        if company.currency_id.compare_amounts(amount, 0.0) <= 0:
            raise UserError(self.env._("The amount must be positive."))

    def _coop_wallet_records(self):
        return [self.partner_id, self.journal_id]

    def _coop_wallet_confirm(self):
        self.ensure_one()
        company = self.company_id
        self._check_amount_currency(self.amount, self.currency_id, company)
        journal = self.journal_id
        if journal.company_id != company or journal.type not in ("cash", "bank"):
            raise UserError(
                self.env._(
                    "A top-up is paid into a cash or bank journal of %s.", company.name
                )
            )
        if not company.coop_wallet_account_id:
            raise UserError(
                self.env._("Configure the wallet account of %s first.", company.name)
            )
        holder = self.partner_id._coop_wallet_holder(company)
        amount = company.currency_id.round(self.amount)
        payment = (
            self.env["account.payment"]
            .sudo()
            .with_company(company)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": holder.id,
                    "amount": amount,
                    "currency_id": self.currency_id.id,
                    "journal_id": self.journal_id.id,
                    "destination_account_id": company.coop_wallet_account_id.id,
                    "memo": self.memo or self.env._("Wallet top-up"),
                }
            )
        )
        payment.action_post()
        payment.move_id.with_context(coop_wallet_sync=True).coop_wallet_kind = "topup"
        holder.sudo().message_post(
            body=self.env._(
                "Wallet topped up with %(amount)s (%(journal)s).",
                amount=tools.format_amount(self.env, amount, self.currency_id),
                journal=self.journal_id.name,
            ),
            author_id=self.env.user.partner_id.id,
        )
        return payment
