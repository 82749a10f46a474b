# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..tools import wallet_rules

# set by the server only, never from what a till or a client sends
WALLET_ORDER_FIELDS = (
    "coop_wallet_partner_id",
    "coop_wallet_delta",
    "coop_wallet_balance_after",
    "coop_wallet_offline",
    "coop_wallet_overdrawn",
    "coop_wallet_to_review",
    "coop_wallet_processed",
)


class PosOrder(models.Model):
    _inherit = "pos.order"

    coop_wallet_partner_id = fields.Many2one(
        "res.partner",
        string="Wallet Holder",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    coop_wallet_delta = fields.Monetary(
        string="Wallet Spent",
        readonly=True,
        copy=False,
        help="Paid from the wallet minus topped up (negative for refunds/top-ups).",
    )
    coop_wallet_balance_after = fields.Monetary(
        string="Wallet Balance After", readonly=True, copy=False
    )
    coop_wallet_offline = fields.Boolean(
        string="Created Offline",
        readonly=True,
        copy=False,
        help="Decided by the server: the order reached it well after the till "
        "created it, so the till was offline. An overdraft within the company's "
        "maximum offline overdraft is then recorded and flagged instead of refused.",
    )
    coop_wallet_overdrawn = fields.Boolean(
        string="Overdrawn Wallet", readonly=True, copy=False, index="btree_not_null"
    )
    coop_wallet_to_review = fields.Boolean(
        string="Overdraft to Review",
        readonly=True,
        copy=False,
        help="Offline order beyond the maximum offline overdraft: kept, but the "
        "overdraft was not granted; the wallet managers have an activity.",
    )
    coop_wallet_processed = fields.Boolean(
        string="Wallet Processed", readonly=True, copy=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        self._coop_wallet_check_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._coop_wallet_check_vals([vals])
        return super().write(vals)

    @api.model
    def _coop_wallet_check_vals(self, vals_list):
        if self.env.context.get("coop_wallet_sync"):
            return
        if any(key in vals for vals in vals_list for key in WALLET_ORDER_FIELDS):
            raise UserError(
                self.env._("The wallet fields of a POS order are set by the server.")
            )

    @api.model
    def _process_order(self, order, existing_order):
        # what the till says about the wallet is ignored: the server decides
        for key in WALLET_ORDER_FIELDS:
            order.pop(key, None)
        order_id = super()._process_order(order, existing_order)
        self.browse(order_id)._coop_wallet_process()
        return order_id

    def _coop_wallet_was_offline(self):
        """Server-side evidence that the till was offline (see the rule)."""
        self.ensure_one()
        return wallet_rules.was_offline(
            self.date_order, fields.Datetime.now(), self.session_id.start_at
        )

    def _coop_wallet_amounts(self):
        """(wallet payments, wallet top-up lines) of the order, rounded."""
        self.ensure_one()
        currency = self.currency_id
        payments = self.payment_ids.filtered(
            lambda p: p.payment_method_id.coop_is_wallet
        )
        topup_lines = self.lines.filtered(
            lambda line: line.product_id.coop_wallet_topup
        )
        spent = currency.round(sum(payments.mapped("amount")))
        topup = currency.round(sum(topup_lines.mapped("price_subtotal_incl")))
        return payments, spent, topup

    def _coop_wallet_process(self):
        """Check and record the wallet movements of a paid order (server side)."""
        for order in self:
            if order.coop_wallet_processed or order.state not in (
                "paid",
                "done",
                "invoiced",
            ):
                continue
            payments, spent, topup = order._coop_wallet_amounts()
            if not payments and not topup:
                continue
            order._coop_wallet_check_order(payments)
            holder = order.partner_id._coop_wallet_holder(order.company_id)
            offline = order._coop_wallet_was_offline()
            decision = order._coop_wallet_decide(holder, spent, offline)
            new_balance = order._coop_wallet_book(holder, spent, topup)
            order._coop_wallet_record(
                holder, spent - topup, new_balance, offline, decision
            )

    def _coop_wallet_check_order(self, payments):
        """Refuse an order that cannot move a wallet: no customer, another
        currency than the company's, a wallet payment of the wrong sign."""
        self.ensure_one()
        currency = self.company_id.currency_id
        reference = self.pos_reference or self.name
        if not self.partner_id:
            raise UserError(
                self.env._(
                    "Select a customer: wallet payments and top-ups need one "
                    "(order %s).",
                    reference,
                )
            )
        if self.currency_id != currency:
            raise UserError(
                self.env._(
                    "Wallets are kept in %(currency)s: order %(order)s is in "
                    "another currency.",
                    currency=currency.name,
                    order=reference,
                )
            )
        is_refund = any(self.lines.mapped("refunded_orderline_id"))
        for payment in payments:
            if not wallet_rules.payment_sign_ok(
                payment.amount, is_refund, currency.rounding
            ):
                raise UserError(
                    self.env._(
                        "A wallet payment must be a positive amount (negative "
                        "only to refund a wallet-paid order)."
                    )
                )

    def _coop_wallet_decide(self, holder, spent, offline):
        """Lock the wallet; check a spending (or a refund) and return the
        decision of the rule (raises when refused)."""
        self.ensure_one()
        Balance = self.env["coop.wallet.balance"].sudo()
        company = self.company_id
        currency = company.currency_id
        if currency.compare_amounts(spent, 0.0) > 0:
            return Balance._check_spend(holder, company, spent, offline=offline)
        Balance._lock(holder, company)
        if currency.compare_amounts(spent, 0.0) < 0:
            self._coop_wallet_check_refund(-spent)
        return wallet_rules.OK

    def _coop_wallet_book(self, holder, spent, topup):
        """Book the order on the wallet: the invoice of an invoiced order is
        paid from it at once, any other order is pending until its session is
        closed. Returns the new balance."""
        self.ensure_one()
        Balance = self.env["coop.wallet.balance"].sudo()
        company = self.company_id
        if self.account_move:
            self._coop_wallet_pay_invoice(holder, spent)
            return Balance._get_balances(holder, company).get(holder.id)
        delta = company.currency_id.round(spent - topup)
        return Balance._add_pending(holder, company, delta)

    def _coop_wallet_record(self, holder, delta, new_balance, offline, decision):
        """Store the server's wallet figures on the order; flag an overdraft."""
        self.ensure_one()
        flagged = decision in (wallet_rules.FLAG, wallet_rules.REVIEW)
        self.with_context(coop_wallet_sync=True).write(
            {
                "coop_wallet_partner_id": holder.id,
                "coop_wallet_delta": self.company_id.currency_id.round(delta),
                "coop_wallet_balance_after": new_balance,
                "coop_wallet_processed": True,
                "coop_wallet_offline": offline,
                "coop_wallet_overdrawn": flagged,
                "coop_wallet_to_review": decision == wallet_rules.REVIEW,
            }
        )
        if flagged:
            self._coop_wallet_flag_overdraft(holder, new_balance, decision)

    def _coop_wallet_book_topups(self, session):
        """Credit the holders with the top-ups sold in the closed ``session``.

        Odoo's session entry credits each top-up line's income account (the
        wallet account) on a sales line without partner; this wallet entry
        debits that account and credits each holder, one item per order, so
        that the partner-less part nets to zero.
        """
        lines = []
        total_by_account = defaultdict(float)
        for order in self.filtered(lambda o: not o.is_invoiced):
            amounts = order._coop_wallet_topup_amounts()
            if not amounts:
                continue
            for account, amount in amounts.items():
                total_by_account[account] += amount
            lines.append(
                (
                    order.coop_wallet_partner_id,
                    session.company_id.coop_wallet_account_id,
                    -sum(amounts.values()),
                    {
                        "name": order.pos_reference or order.name,
                        "coop_wallet_pos_order_id": order.id,
                    },
                )
            )
        if not lines:
            return self.env["account.move"]
        no_partner = self.env["res.partner"]
        lines += [(no_partner, acc, amt) for acc, amt in total_by_account.items()]
        return self.env["account.move"]._coop_wallet_create_move(
            session.company_id,
            lines,
            "topup",
            self.env._("Wallet top-ups of %s", session.name),
        )

    def _coop_wallet_topup_amounts(self):
        """{income account: untaxed amount} of the order's top-up lines, the
        accounts and amounts of Odoo's sales lines of the session entry."""
        self.ensure_one()
        currency = self.company_id.currency_id
        amounts = defaultdict(float)
        for line in self.lines.filtered("product_id.coop_wallet_topup"):
            account = line._prepare_base_line_for_taxes_computation()["account_id"]
            amounts[account] += line.price_subtotal
        return {
            account: currency.round(amount)
            for account, amount in amounts.items()
            if not currency.is_zero(amount)
        }

    def _coop_wallet_check_refund(self, amount):
        """A wallet refund may not exceed what the refunded orders paid from it."""
        self.ensure_one()
        refunded = self.lines.refunded_orderline_id.order_id
        paid = sum(
            refunded.payment_ids.filtered(
                lambda p: p.payment_method_id.coop_is_wallet
            ).mapped("amount")
        )
        other_refunds = self.search(
            [
                ("lines.refunded_orderline_id.order_id", "in", refunded.ids),
                ("coop_wallet_processed", "=", True),
                ("id", "!=", self.id),
            ]
        )
        already = -sum(
            other_refunds.payment_ids.filtered(
                lambda p: p.payment_method_id.coop_is_wallet
            ).mapped("amount")
        )
        refundable = wallet_rules.refundable_amount(
            paid, already, self.currency_id.rounding
        )
        if self.currency_id.compare_amounts(amount, refundable) > 0:
            raise UserError(
                self.env._(
                    "The wallet refund (%(amount)s) is larger than what was paid "
                    "from the wallet (%(paid)s).",
                    amount=tools.format_amount(self.env, amount, self.currency_id),
                    paid=tools.format_amount(self.env, refundable, self.currency_id),
                )
            )

    def _coop_wallet_pay_invoice(self, holder, amount):
        """Invoiced order: settle the invoice from the wallet right away."""
        self.ensure_one()
        invoice = self.account_move
        currency = self.company_id.currency_id
        if not invoice or currency.is_zero(amount):
            return
        receivable = holder.with_company(self.company_id).property_account_receivable_id
        order_line = {"coop_wallet_pos_order_id": self.id}
        move = self.env["account.move"]._coop_wallet_create_move(
            self.company_id,
            [
                (holder, self.company_id.coop_wallet_account_id, amount, order_line),
                (holder, receivable, -amount),
            ],
            "refund" if currency.compare_amounts(amount, 0.0) < 0 else "payment",
            self.env._("Wallet payment of %s", invoice.name),
        )
        lines = (move.line_ids | invoice.line_ids).filtered(
            lambda line: line.account_id == receivable and not line.reconciled
        )
        if receivable.reconcile and len(lines) > 1:
            lines.sudo().reconcile()

    def _coop_wallet_flag_overdraft(self, holder, balance, decision):
        self.ensure_one()
        group = self.env.ref("coop_wallet.group_coop_wallet_manager")
        manager = group.sudo().users.filtered(
            lambda u: self.company_id in u.company_ids
        )[:1]
        values = {
            "order": self.pos_reference or self.name,
            "balance": tools.format_amount(self.env, balance, self.currency_id),
            "cap": tools.format_amount(
                self.env, self.company_id.coop_wallet_offline_cap, self.currency_id
            ),
        }
        if decision == wallet_rules.REVIEW:
            summary = self.env._("Offline overdraft to review")
            note = self.env._(
                "Order %(order)s, synchronised from an offline till, brought the "
                "wallet to %(balance)s, beyond the maximum offline overdraft "
                "(%(cap)s): the overdraft was not granted, settle it with the "
                "member.",
                **values,
            )
        else:
            summary = self.env._("Overdrawn wallet")
            note = self.env._(
                "Order %(order)s, synchronised from an offline till, brought the "
                "wallet to %(balance)s.",
                **values,
            )
        holder.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary,
            note=note,
            user_id=(manager or self.user_id or self.env.user).id,
        )
