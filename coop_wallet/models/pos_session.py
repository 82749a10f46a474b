# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models


class PosSession(models.Model):
    _inherit = "pos.session"

    def _get_split_receivable_vals(self, payment, amount, amount_converted):
        vals = super()._get_split_receivable_vals(payment, amount, amount_converted)
        if payment.payment_method_id.coop_is_wallet:
            # the wallet line stays per holder on the wallet account
            holder = payment.pos_order_id.coop_wallet_partner_id or (
                payment.partner_id._coop_wallet_holder(self.company_id)
            )
            vals.update(
                account_id=self.company_id.coop_wallet_account_id.id,
                partner_id=holder.id,
            )
        return vals

    def _accumulate_amounts(self, data):
        data = super()._accumulate_amounts(data)
        account = self.company_id.coop_wallet_account_id
        if not account:
            return data
        self._coop_wallet_merge_payments(data)
        sales = data["sales"]
        wallet_keys = [key for key in sales if key[0] == account.id]
        if not wallet_keys:
            return data
        # top-ups sold at the till: one wallet line per holder instead of one
        # grouped sales line, so that the ledger stays per partner
        per_holder = defaultdict(lambda: {"amount": 0.0, "amount_converted": 0.0})
        company_currency = self.company_id.currency_id
        for order in self._get_closed_orders().filtered(
            lambda o: not o.is_invoiced and o.coop_wallet_partner_id
        ):
            for line in order.lines.filtered("product_id.coop_wallet_topup"):
                key = (order.coop_wallet_partner_id, line.tax_ids_after_fiscal_position)
                amount = -line.price_subtotal
                converted = order.currency_id._convert(
                    amount, company_currency, self.company_id, order.date_order
                )
                per_holder[key]["amount"] += amount
                per_holder[key]["amount_converted"] += converted
        for key in wallet_keys:
            del sales[key]
        data["coop_wallet_topups"] = per_holder
        return data

    def _coop_wallet_merge_payments(self, data):
        """One wallet line per holder (not per payment) in the session entry."""
        split = data["split_receivables_pay_later"]
        merged = {}
        for payment in list(split):
            if not payment.payment_method_id.coop_is_wallet:
                continue
            amounts = split.pop(payment)
            holder = payment.pos_order_id.coop_wallet_partner_id or payment.partner_id
            key = (holder, payment.payment_method_id)
            if key not in merged:
                merged[key] = (payment, dict(amounts))
            else:
                total = merged[key][1]
                total["amount"] += amounts["amount"]
                total["amount_converted"] += amounts["amount_converted"]
        for payment, amounts in merged.values():
            split[payment] = amounts

    def _create_pay_later_receivable_lines(self, data):
        # one wallet line per holder can mean hundreds of lines: they go into
        # the session entry while it is a draft, and posting it creates their
        # analytic lines, so skip the per-line analytic sync at creation
        move_line = data["MoveLine"]
        data["MoveLine"] = move_line.with_context(skip_analytic_sync=True)
        try:
            return super()._create_pay_later_receivable_lines(data)
        finally:
            data["MoveLine"] = move_line

    def _create_non_reconciliable_move_lines(self, data):
        data = super()._create_non_reconciliable_move_lines(data)
        topups = data.get("coop_wallet_topups")
        if topups:
            account = self.company_id.coop_wallet_account_id
            vals_list = []
            for (holder, taxes), amounts in topups.items():
                sign = -1 if amounts["amount"] > 0 else 1
                key = (account.id, sign, tuple(taxes.ids), (), False)
                vals = self._get_sale_vals(key, amounts)
                vals.update(
                    partner_id=holder.id,
                    name=self.env._("Wallet top-up %s", self.name),
                )
                vals_list.append(vals)
            data["MoveLine"].create(vals_list)
        return data

    def _validate_session(
        self,
        balancing_account=False,
        amount_to_balance=0,
        bank_payment_method_diffs=None,
    ):
        res = super()._validate_session(
            balancing_account, amount_to_balance, bank_payment_method_diffs
        )
        orders = self._get_closed_orders().filtered("coop_wallet_partner_id")
        if orders:
            self.env["coop.wallet.balance"].sudo()._refresh_pending(
                {(o.company_id.id, o.coop_wallet_partner_id.id) for o in orders}
            )
        return res
