# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Invoice the fees of N members for one period, against OCA ``contract``.

Both sides create N draft customer invoices of one line on the same database
server: ``coop_membership`` through a fee run (``coop.fee.period._run_fees``),
OCA ``contract`` through its invoicing cron method for N yearly contracts.

The floor is what Odoo itself needs for the same N invoices, created with
``account.move.create`` in batches of the fee run's size with no membership
logic. The batched job is the next period's run as the cron makes it
(``_cron_run_fee_batch``, one batch a call, as Odoo's cron calls it between
commits): its total, the time per 1,000 members at the start and at the end
(flat when the run does not slow down as it goes) and its longest batch,
against Odoo's default worker limits (60 s CPU, 120 s real).
"""

import datetime
import os

from .harness import drive_cron, longest_cron_call, seconds_per

MODULES = ["coop_membership", "contract"]
PIP = ["odoo-addon-contract==18.0.*"]
DEFAULT_N = 10000
FLOOR_BATCH = 500  # the fee run in one transaction reads members by 500
CRON_CALLS = 10  # batches Odoo's cron runs in one unit of work (its limits')


def _setup_common(env, n):
    company = env.company
    product = env["product.product"].create(
        {"name": "Bench membership fee", "type": "service", "list_price": 100}
    )
    partners = env["res.partner"].create(
        [{"name": f"Bench member {i}"} for i in range(n)]
    )
    return company, product, partners


def seed_fee_scheme(env, company, product, partners, auto_post, name="Bench"):
    """A yearly scheme of 100 a member, its category and ``partners`` as its
    active members since 2025; return the scheme."""
    scheme = env["coop.fee.scheme"].create(
        {
            "name": "%s calendar year" % name,
            "period_start_months": "1",
            "proration": "none",
            "product_id": product.id,
            "auto_post": auto_post,
        }
    )
    category = env["coop.member.category"].create(
        {
            "name": "%s supporter" % name,
            "code": name.upper().replace(" ", "")[:8],
            "fee_mode": "fixed",
            "fee_amount": 100,
            "fee_scheme_id": scheme.id,
        }
    )
    env["coop.membership"].create(
        [
            {
                "partner_id": partner.id,
                "category_id": category.id,
                "company_id": company.id,
                "state": "active",
                "join_date": "2025-01-01",
            }
            for partner in partners
        ]
    )
    return scheme


def _bench_coop(ctx, company, product, partners, posted=False):
    env = ctx.env
    # draft invoices, as contract creates (posted: the scheme posts them)
    scheme = seed_fee_scheme(env, company, product, partners, auto_post=posted)
    period = scheme._get_or_create_period(datetime.date(2026, 1, 1))
    env.invalidate_all()
    with ctx.timed() as t:
        moves = period._run_fees()
    assert len(moves) == ctx.n, (len(moves), ctx.n)
    with ctx.timed() as again:
        assert not period._run_fees()  # idempotent
    ctx.measure(
        "coop_membership.fee_run",
        t["seconds"],
        "s",
        ctx.n,
        t["queries"],
        ms_per_member=round(t["seconds"] / ctx.n * 1000, 3),
        queries_per_member=round(t["queries"] / ctx.n, 3),
    )
    ctx.measure(
        "coop_membership.fee_run.second_run",
        again["seconds"],
        "s",
        ctx.n,
        again["queries"],
    )
    return t, period


def _bench_floor(ctx, company, product, partners, size, posted=False):
    """Odoo's own cost of the same draft invoices, in batches of ``size``
    (posted: each batch posted once created)."""
    env = ctx.env
    journal = company.coop_fee_journal_id or env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    Move = env["account.move"].with_company(company)
    env.invalidate_all()
    with ctx.timed() as t:
        for start in range(0, len(partners), size):
            moves = Move.create(
                [
                    {
                        "move_type": "out_invoice",
                        "partner_id": partner.id,
                        "journal_id": journal.id,
                        "invoice_date": datetime.date(2026, 1, 1),
                        "invoice_line_ids": [
                            (
                                0,
                                0,
                                {
                                    "product_id": product.id,
                                    "name": "Membership fee",
                                    "quantity": 1,
                                    "price_unit": 100,
                                },
                            )
                        ],
                    }
                    for partner in partners[start : start + size]
                ]
            )
            if posted:
                moves.action_post()
    ctx.measure(
        "account.move.create.floor",
        t["seconds"],
        "s",
        ctx.n,
        t["queries"],
        anchor="Odoo account.move.create%s, batches of %s"
        % (" and action_post" if posted else "", size),
        ms_per_invoice=round(t["seconds"] / ctx.n * 1000, 3),
    )
    return t


def _bench_batched_job(ctx, period):
    """The next period's run as the cron's batched job (a commit per batch):
    per-batch times."""
    env = ctx.env
    scheme = period.scheme_id
    following = scheme._get_or_create_period(datetime.date(2027, 1, 1))
    following._queue_fee_run(env["res.users"])
    size = following._fee_run_batch_size()
    env.invalidate_all()
    with ctx.timed() as total:
        batches = drive_cron(ctx, env["coop.fee.period"]._cron_run_fee_batch)
    assert following.run_state == "done", following.run_state
    assert following.run_done == ctx.n, (following.run_done, ctx.n)
    per_1000 = max(1, 1000 // size)
    longest = max(batches, key=lambda b: b[1])
    ctx.measure(
        "coop_membership.fee_run.batched_job",
        total["seconds"],
        "s",
        ctx.n,
        total["queries"],
        batch_size=size,
        batches=len(batches),
        s_per_1000_at_start=seconds_per(batches[:per_1000], 1000),
        s_per_1000_at_end=seconds_per(batches[-per_1000:], 1000),
        longest_batch_s=round(longest[1], 3),
        longest_batch_queries=longest[2],
        longest_cron_call_s=longest_cron_call(batches, CRON_CALLS),
        limits="60 s CPU, 120 s real per request or cron call",
    )
    return total


def _bench_contract(ctx, company, product, partners):
    env = ctx.env
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    env["contract.contract"].create(
        [
            {
                "name": f"Bench contract {i}",
                "partner_id": partner.id,
                "company_id": company.id,
                "journal_id": journal.id,
                "contract_type": "sale",
                "contract_line_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "name": "Membership fee",
                            "quantity": 1,
                            "price_unit": 100,
                            "recurring_rule_type": "yearly",
                            "recurring_interval": 1,
                            "date_start": "2026-01-01",
                            "recurring_next_date": "2026-01-01",
                        },
                    )
                ],
            }
            for i, partner in enumerate(partners)
        ]
    )
    env.invalidate_all()
    before = env["account.move"].search_count([])
    with ctx.timed() as t:
        env["contract.contract"].cron_recurring_create_invoice(
            datetime.date(2026, 1, 1)
        )
    created = env["account.move"].search_count([]) - before
    assert created == ctx.n, (created, ctx.n)
    ctx.measure(
        "contract.recurring_create_invoice",
        t["seconds"],
        "s",
        ctx.n,
        t["queries"],
        anchor="OCA contract 18.0",
        ms_per_contract=round(t["seconds"] / ctx.n * 1000, 3),
        queries_per_contract=round(t["queries"] / ctx.n, 3),
    )
    return t


def run(ctx):
    """``COOP_BENCH_POSTED=1``: the run and its floor post the invoices (no
    contract anchor: it makes drafts)."""
    posted = os.environ.get("COOP_BENCH_POSTED") == "1"
    company, product, partners = _setup_common(ctx.env, ctx.n)
    ours, period = _bench_coop(ctx, company, product, partners, posted)
    floor = _bench_floor(ctx, company, product, partners, FLOOR_BATCH, posted)
    job = _bench_batched_job(ctx, period)
    for name, measured in (("fee_run", ours), ("batched_job", job)):
        ctx.measure(
            "coop_membership.%s_vs_floor" % name,
            measured["seconds"] / floor["seconds"],
            "x",
            ctx.n,
            measured["queries"],
            anchor="Odoo account.move.create (floor)",
        )
    if posted:
        return
    theirs = _bench_contract(ctx, company, product, partners)
    ctx.measure(
        "coop_membership.speedup_vs_contract",
        theirs["seconds"] / ours["seconds"],
        "x",
        ctx.n,
        ours["queries"],
    )
