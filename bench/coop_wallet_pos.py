# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""coop_wallet: (a) balance read with a long history, (b) POS sync and close.

(a) a partner with 100,000 wallet journal items: read
    the balance (stored row) against the naive SUM over the journal items.
(b) N orders per variant synced one by one through ``pos.order.sync_from_ui``
    then each session closed, paid (1) with the wallet, (2) in cash, (3) with
    Odoo's eWallet (``pos_loyalty``: validate_coupon_programs + sync_from_ui +
    confirm_coupon_programs + add_loyalty_history_lines, the calls its
    payment screen makes), (4) with Odoo's customer account (a payment method
    without journal that splits transactions: the floor of a close that keeps
    one journal item per payment, as the wallet does).

Fairness: the four sessions are open at the same time and the orders are
synced in rounds, one order of each variant per round in a shuffled order,
so every variant sees the same database size and machine load. Each session
is closed four times, inside a savepoint rolled back afterwards, in four
passes where each variant takes each position once; the figure is the
median of the four closes.
"""

import os
import random
import statistics
import time
import uuid

from odoo.tools import SQL

MODULES = ["coop_wallet", "pos_loyalty"]
DEFAULT_N = 2000
# wallet journal items of the partner whose balance is read in (a)
HISTORY = 100_000
# distinct members paying in (b) (COOP_BENCH_MEMBERS overrides it); at close
# the session entry has one wallet line per wallet payment, whatever the number
# of members
MEMBERS = int(os.environ.get("COOP_BENCH_MEMBERS", "200"))


def _topup(env, company, partner, amount):
    journal = env["account.journal"].search(
        [("type", "=", "cash"), ("company_id", "=", company.id)], limit=1
    )
    return (
        env["coop.wallet.topup"]
        .with_company(company)
        .create(
            {
                "partner_id": partner.id,
                "amount": amount,
                "journal_id": journal.id,
                "company_id": company.id,
            }
        )
        ._coop_wallet_confirm()
    )


def bench_balance_read(ctx, company, lines):
    env = ctx.env
    partner = env["res.partner"].create({"name": "Bench wallet history"})
    payment = _topup(env, company, partner, 1.0)
    move = payment.move_id
    wallet_line = move.line_ids.filtered(
        lambda line: line.account_id == company.coop_wallet_account_id
    )
    other_line = move.line_ids - wallet_line
    env.flush_all()
    # clone the two lines of the posted top-up to build a long history
    # (balanced pairs in the same posted move)
    columns = [
        "move_id",
        "journal_id",
        "company_id",
        "company_currency_id",
        "currency_id",
        "account_id",
        "partner_id",
        "date",
        "parent_state",
        "display_type",
        "name",
        "debit",
        "credit",
        "balance",
        "amount_currency",
        "amount_residual",
        "amount_residual_currency",
        "reconciled",
    ]
    col_sql = SQL(", ").join(SQL.identifier(column) for column in columns)
    for line in (wallet_line, other_line):
        env.cr.execute(
            SQL(
                "INSERT INTO account_move_line (%s) SELECT %s FROM account_move_line,"
                " generate_series(1, %s) WHERE id = %s",
                col_sql,
                col_sql,
                lines - 1,
                line.id,
            )
        )
    env["coop.wallet.balance"]._refresh_posted({(company.id, partner.id)})
    env.invalidate_all()
    count = env["account.move.line"].search_count(
        [
            ("partner_id", "=", partner.id),
            ("account_id", "=", company.coop_wallet_account_id.id),
        ]
    )
    # median of 21 cold reads (all caches invalidated before each read)
    timings = []
    for _i in range(21):
        env.invalidate_all()
        with ctx.timed() as t:
            balance = partner.with_company(company).coop_wallet_balance
        timings.append((t["seconds"], t["queries"]))
    timings.sort()
    seconds, queries = timings[len(timings) // 2]
    ctx.measure(
        "coop_wallet.balance_read",
        seconds * 1000,
        "ms",
        count,
        queries,
        balance=balance,
        min_ms=round(timings[0][0] * 1000, 3),
    )
    env.invalidate_all()
    with ctx.timed() as t:
        rows = env["account.move.line"]._read_group(
            [
                ("partner_id", "=", partner.id),
                ("account_id", "=", company.coop_wallet_account_id.id),
                ("parent_state", "=", "posted"),
            ],
            aggregates=["balance:sum"],
        )
    ctx.measure(
        "coop_wallet.balance_read.naive_sum",
        t["seconds"] * 1000,
        "ms",
        count,
        t["queries"],
        anchor="SUM over account.move.line",
        balance=-rows[0][0],
    )


class _Undo(Exception):
    """Raised to roll back the savepoint around a measured session close."""


class Variant:
    """One way of paying: a POS session of its own and how an order syncs."""

    label = None
    anchor = None

    def __init__(self, bench):
        self.bench = bench
        self.env = bench.env
        self.seconds = 0.0
        self.queries = 0
        self.closes = []

    def methods(self):
        raise NotImplementedError

    def open(self):
        self.config, self.session = self.bench.new_config(
            "Bench %s" % self.label, self.methods()
        )

    def order(self, partner):
        raise NotImplementedError

    def sync(self, data):
        return self.env["pos.order"].sync_from_ui([data])


class WalletVariant(Variant):
    label = "wallet"

    def methods(self):
        return self.bench.wallet_pm | self.bench.new_cash_pm("BCW")

    def order(self, partner):
        return self.bench.order_data(
            self.session, self.config, partner, [(self.bench.wallet_pm, 10.0)]
        )


class CashVariant(Variant):
    label = "cash"
    anchor = "cash"

    def methods(self):
        self.cash_pm = self.bench.new_cash_pm("BCC")
        return self.cash_pm

    def order(self, partner):
        return self.bench.order_data(
            self.session, self.config, partner, [(self.cash_pm, 10.0)]
        )


class PayLaterVariant(Variant):
    """The floor of a close with one journal item per payment: Odoo's own
    customer account method (no journal, one receivable line per payment)."""

    label = "pay_later"
    anchor = "Odoo customer account (split pay later)"

    def methods(self):
        self.pm = self.env["pos.payment.method"].create(
            {
                "name": "Bench customer account",
                "split_transactions": True,
                "company_id": self.bench.company.id,
            }
        )
        return self.pm | self.bench.new_cash_pm("BCP")

    def order(self, partner):
        return self.bench.order_data(
            self.session, self.config, partner, [(self.pm, 10.0)]
        )


class EwalletVariant(Variant):
    """Odoo's eWallet: a reward line paid from the member's eWallet card."""

    label = "ewallet"
    anchor = "pos_loyalty eWallet"

    def methods(self):
        return self.bench.new_cash_pm("BCE")

    def open(self):
        super().open()
        env = self.env
        self.program = env["loyalty.program"].create(
            {
                "name": "Bench eWallet",
                "program_type": "ewallet",
                "trigger": "auto",
                "applies_on": "future",
                "reward_ids": [
                    (
                        0,
                        0,
                        {
                            "reward_type": "discount",
                            "discount_mode": "per_point",
                            "discount": 1,
                            "discount_applicability": "order",
                            "required_points": 1,
                        },
                    )
                ],
                "rule_ids": [
                    (0, 0, {"reward_point_amount": 1, "reward_point_mode": "money"})
                ],
            }
        )
        self.reward = self.program.reward_ids[:1]
        self.cards = {
            card.partner_id.id: card
            for card in env["loyalty.card"].create(
                [
                    {
                        "program_id": self.program.id,
                        "partner_id": partner.id,
                        "points": self.bench.credit,
                    }
                    for partner in self.bench.members
                ]
            )
        }

    def order(self, partner):
        card = self.cards[partner.id]
        code = str(uuid.uuid4())
        reward_line = (
            0,
            0,
            {
                "product_id": self.reward.discount_line_product_id.id,
                "qty": 1,
                "price_unit": -10.0,
                "price_subtotal": -10.0,
                "price_subtotal_incl": -10.0,
                "discount": 0,
                "tax_ids": [],
                "pack_lot_ids": [],
                "reward_id": self.reward.id,
                "coupon_id": card.id,
                "reward_identifier_code": code,
                "points_cost": 10.0,
                "is_reward_line": True,
            },
        )
        data = self.bench.order_data(
            self.session, self.config, partner, [], extra_lines=[reward_line]
        )
        return data, card, code

    def sync(self, prepared):
        data, card, code = prepared
        Order = self.env["pos.order"]
        Order.validate_coupon_programs({str(card.id): -10.0}, [])
        result = Order.sync_from_ui([data])
        order = Order.browse(result["pos.order"][0]["id"])
        coupon_data = {
            str(card.id): {
                "points": -10.0,
                "program_id": self.program.id,
                "coupon_id": card.id,
                "line_codes": [code],
            }
        }
        updates = order.confirm_coupon_programs(coupon_data)
        order.add_loyalty_history_lines(
            [{"order_id": order.id, "card_id": str(card.id), "spent": 10.0, "won": 0}],
            [{"id": u["id"], "old_id": u["old_id"]} for u in updates["coupon_updates"]],
        )
        return result


class PosBench:
    def __init__(self, ctx, company, n):
        self.ctx = ctx
        # a real POS manager (the superuser has no POS group)
        self.env = ctx.env(user=ctx.env.ref("base.user_admin"))
        self.company = company
        env = self.env
        self.product = env["product.product"].create(
            {
                "name": "Bench apples",
                "available_in_pos": True,
                "list_price": 10.0,
                "taxes_id": [(5, 0, 0)],
                "type": "consu",
            }
        )
        self.wallet_pm = env["pos.payment.method"].search(
            [("coop_is_wallet", "=", True), ("company_id", "=", company.id)], limit=1
        )
        self.members = env["res.partner"].create(
            [{"name": "Bench member %03d" % i} for i in range(MEMBERS)]
        )
        # enough for each member's share of the N orders of a variant
        self.credit = 10.0 * (n // MEMBERS + 1) + 100

    def new_cash_pm(self, code):
        cash_journal = self.env["account.journal"].create(
            {
                "name": "Bench cash %s" % code,
                "code": code,
                "type": "cash",
                "company_id": self.company.id,
            }
        )
        return self.env["pos.payment.method"].create(
            {
                "name": "Bench cash %s" % code,
                "journal_id": cash_journal.id,
                "company_id": self.company.id,
            }
        )

    def new_config(self, name, methods):
        config = self.env["pos.config"].create(
            {
                "name": name,
                "payment_method_ids": [(6, 0, methods.ids)],
                "company_id": self.company.id,
            }
        )
        config.open_ui()
        session = config.current_session_id
        session.set_opening_control(0, None)
        return config, session

    def order_data(self, session, config, partner, payments, extra_lines=()):
        uid = str(uuid.uuid4())
        lines = [
            (
                0,
                0,
                {
                    "product_id": self.product.id,
                    "qty": 1,
                    "price_unit": 10.0,
                    "price_subtotal": 10.0,
                    "price_subtotal_incl": 10.0,
                    "discount": 0,
                    "tax_ids": [],
                    "pack_lot_ids": [],
                },
            ),
            *extra_lines,
        ]
        total = sum(line[2]["price_subtotal_incl"] for line in lines)
        return {
            "amount_paid": sum(amount for _pm, amount in payments),
            "amount_return": 0,
            "amount_tax": 0,
            "amount_total": total,
            "date_order": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
            "fiscal_position_id": False,
            "pricelist_id": config.pricelist_id.id,
            "name": "Order %s" % uid,
            "last_order_preparation_change": "{}",
            "lines": lines,
            "partner_id": partner.id,
            "session_id": session.id,
            "sequence_number": 1,
            "payment_ids": [
                (
                    0,
                    0,
                    {
                        "amount": amount,
                        "payment_method_id": pm.id,
                        "name": time.strftime("%Y-%m-%d %H:%M:%S"),
                    },
                )
                for pm, amount in payments
            ],
            "uuid": uid,
            "user_id": self.env.uid,
            "to_invoice": False,
        }

    def close(self, variant):
        """Close the variant's session, measure, and roll the close back."""
        env = self.env
        try:
            with env.cr.savepoint():
                with self.ctx.timed() as t:
                    variant.session.action_pos_session_closing_control()
                t["state"] = variant.session.state
                raise _Undo
        except _Undo:
            pass
        env.invalidate_all()
        variant.closes.append(t)


def bench_pos(ctx, company, n):
    env = ctx.env
    pos = PosBench(ctx, company, n)
    for member in pos.members:
        _topup(env, company, member, pos.credit)
    variants = [
        WalletVariant(pos),
        CashVariant(pos),
        EwalletVariant(pos),
        PayLaterVariant(pos),
    ]
    for variant in variants:
        variant.open()
    rng = random.Random(2026)
    for i in range(n):
        partner = pos.members[i % MEMBERS]
        for variant in rng.sample(variants, len(variants)):
            prepared = variant.order(partner)
            with ctx.timed() as t:
                variant.sync(prepared)
            variant.seconds += t["seconds"]
            variant.queries += t["queries"]
            pos.env.invalidate_all()
    for variant in variants:
        ctx.measure(
            "coop_wallet.sync.%s.per_order" % variant.label,
            variant.seconds / n * 1000,
            "ms",
            n,
            variant.queries,
            anchor=variant.anchor,
            queries_per_order=round(variant.queries / n, 1),
        )
    # one pass per variant, each variant once in each position
    for shift in range(len(variants)):
        for variant in variants[shift:] + variants[:shift]:
            pos.close(variant)
    for variant in variants:
        seconds = sorted(close["seconds"] for close in variant.closes)
        ctx.measure(
            "coop_wallet.close.%s" % variant.label,
            statistics.median(seconds),
            "s",
            n,
            variant.closes[0]["queries"],
            anchor=variant.anchor,
            closes_s=[round(close["seconds"], 2) for close in variant.closes],
            members=MEMBERS,
            state=variant.closes[0]["state"],
        )
    # the flows really ran: member 0 paid ceil(N / MEMBERS) orders each way
    member = pos.members[0]
    spent = 10.0 * len(range(0, n, MEMBERS))
    wallet = member.with_company(company).coop_wallet_balance
    points = variants[2].cards[member.id].points
    currency = company.currency_id
    expected = pos.credit - spent
    if currency.compare_amounts(wallet, expected) or currency.compare_amounts(
        points, expected
    ):
        raise RuntimeError(
            "unexpected balances after the run: wallet %s, eWallet %s, expected %s"
            % (wallet, points, pos.credit - spent)
        )


def run(ctx):
    company = ctx.env.ref("base.main_company")
    bench_balance_read(ctx, company, HISTORY)
    bench_pos(ctx, company, ctx.n)
