# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, models


class PosSession(models.Model):
    """Closing of a session with wallet orders, through Odoo's public hooks.

    - Wallet payments: the wallet method identifies the customer
      (``split_transactions``) and has no journal, so Odoo already makes one
      journal item per payment (its split pay-later receivable lines); the
      ``_get_split_receivable_vals`` hook puts it on the wallet account, for
      the wallet holder, linked to its order.
    - Top-ups sold at the till: Odoo's sales line credits the product's income
      account (the wallet account) without a partner; once the session is
      closed, a wallet entry moves each order's top-up from that account to its
      holder's wallet, one item per order.
    """

    _inherit = "pos.session"

    def _get_split_receivable_vals(self, payment, amount, amount_converted):
        vals = super()._get_split_receivable_vals(payment, amount, amount_converted)
        if payment.payment_method_id.coop_is_wallet:
            order = payment.pos_order_id
            holder = order.coop_wallet_partner_id or (
                payment.partner_id._coop_wallet_holder(self.company_id)
            )
            vals.update(
                account_id=self.company_id.coop_wallet_account_id.id,
                partner_id=holder.id,
                coop_wallet_pos_order_id=order.id,
            )
            self._coop_wallet_complete_line_vals(vals)
        return vals

    def _coop_wallet_complete_line_vals(self, vals):
        """Give a wallet line of the session entry the values Odoo would
        compute for an untaxed line without product of a journal entry.

        A session can hold hundreds of them (one per wallet payment); computing
        these values line by line (taxes, totals, analytic distribution models)
        was most of their cost at closing. Odoo's own sales lines of the
        session entry set ``display_type``, ``tax_ids`` and the unit of measure
        the same way.
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

    def _create_pay_later_receivable_lines(self, data):
        # analytic distribution models: with none in the company, Odoo computes
        # no distribution, so the wallet lines skip its search line by line
        models = self.env["account.analytic.distribution.model"].sudo()
        no_model = not models.search_count(
            [("company_id", "in", (False, self.company_id.id))], limit=1
        )
        return super(
            PosSession, self.with_context(coop_wallet_no_distribution_model=no_model)
        )._create_pay_later_receivable_lines(data)

    def _validate_session(
        self,
        balancing_account=False,
        amount_to_balance=0,
        bank_payment_method_diffs=None,
    ):
        res = super()._validate_session(
            balancing_account, amount_to_balance, bank_payment_method_diffs
        )
        if self.state != "closed":
            # the closing wizard asks to balance the entry: nothing was booked
            return res
        orders = self._get_closed_orders().filtered("coop_wallet_partner_id")
        if orders:
            orders._coop_wallet_book_topups(self)
            self.env["coop.wallet.balance"].sudo()._refresh_pending(
                {(o.company_id.id, o.coop_wallet_partner_id.id) for o in orders}
            )
        return res
