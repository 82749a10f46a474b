# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, models


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
            self._coop_wallet_complete_line_vals(vals)
        return vals

    def _coop_wallet_complete_line_vals(self, vals):
        """Give a per-holder wallet line of the session entry the values Odoo
        would compute for an untaxed line without product of a journal entry.

        A session can hold hundreds of them; computing these values line by
        line (taxes, totals, analytic distribution models) was most of their
        cost at closing. Odoo's own sales lines of the session entry set
        ``display_type``, ``tax_ids`` and the unit of measure the same way.
        """
        amount_currency = vals.get("amount_currency", vals["debit"] - vals["credit"])
        vals.update(
            display_type="product",
            tax_ids=[Command.clear()],
            product_uom_id=False,
            quantity=1.0,
            price_subtotal=amount_currency,
            price_total=amount_currency,
            amount_currency=amount_currency,
            currency_id=vals.get("currency_id", self.company_id.currency_id.id),
        )
        if self.env.context.get("coop_wallet_no_distribution_model"):
            vals["analytic_distribution"] = False
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
        # analytic distribution models: with none in the company, Odoo computes
        # no distribution, so skip its search for each holder
        models = self.env["account.analytic.distribution.model"].sudo()
        no_model = not models.search_count(
            [("company_id", "in", (False, self.company_id.id))], limit=1
        )
        move_line = data["MoveLine"]
        data["MoveLine"] = move_line.with_context(skip_analytic_sync=True)
        try:
            return super(
                PosSession,
                self.with_context(coop_wallet_no_distribution_model=no_model),
            )._create_pay_later_receivable_lines(data)
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
