# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    coop_wallet_kind = fields.Selection(
        [
            ("topup", "Top-up"),
            ("payment", "Payment"),
            ("refund", "Refund"),
            ("transfer", "Transfer"),
            ("adjustment", "Adjustment"),
        ],
        string="Wallet Operation",
        readonly=True,
        copy=False,
    )
    coop_wallet_reason = fields.Char(string="Wallet Reason", readonly=True, copy=False)

    def write(self, vals):
        if (
            {"coop_wallet_kind", "coop_wallet_reason"}.intersection(vals)
            and not self.env.context.get("coop_wallet_sync")
            and any(move.state == "posted" for move in self)
        ):
            raise UserError(
                self.env._("The wallet operation of a posted entry cannot change.")
            )
        if "state" not in vals:
            return super().write(vals)
        keys = self.line_ids._coop_wallet_keys()
        res = super().write(vals)
        self.env["coop.wallet.balance"]._refresh_posted(keys)
        return res

    @api.model
    def _coop_wallet_create_move(self, company, lines, kind, ref, reason=False):
        """Create and post a wallet entry in the company's wallet journal.

        ``lines`` is a list of ``(partner, account, amount)`` where ``amount`` is
        the signed balance (debit positive) in company currency, optionally
        followed by a dict of other values of the journal item.
        """
        journal = company.coop_wallet_journal_id
        if not journal or not company.coop_wallet_account_id:
            raise UserError(
                self.env._(
                    "Configure the wallet account and journal of %s first.",
                    company.name,
                )
            )
        move = (
            self.sudo()
            .with_company(company)
            .create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "company_id": company.id,
                    "ref": ref,
                    "coop_wallet_kind": kind,
                    "coop_wallet_reason": reason,
                    "line_ids": [
                        Command.create(self._coop_wallet_line_vals(company, ref, *line))
                        for line in lines
                    ],
                }
            )
        )
        move.action_post()
        return move.sudo(False)

    @api.model
    def _coop_wallet_line_vals(
        self, company, name, partner, account, amount, extra=None
    ):
        """Values of a wallet entry's item: ``amount`` rounded with the company
        currency, debit when positive, credit when negative."""
        currency = company.currency_id
        amount = currency.round(amount)
        sign = currency.compare_amounts(amount, 0.0)
        return {
            "name": name,
            "partner_id": partner.id,
            "account_id": account.id,
            "debit": amount if sign > 0 else 0.0,
            "credit": -amount if sign < 0 else 0.0,
            **(extra or {}),
        }
