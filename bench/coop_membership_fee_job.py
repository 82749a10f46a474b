# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A fee run of N members (100,000 by default) as the cron's batched job.

The run is queued as the *Invoice Fees* button queues it, then driven the way
Odoo's cron drives it: one ``_cron_run_fee_batch`` call per batch and a commit
after each, ten calls to a unit of work (Odoo 18's cron batching). Printed:
the total, the time per 1,000 members at the start, at the end and at each
tenth of the run (flat when the run does not slow down as the invoice tables
grow), the longest batch and the longest unit of work against Odoo's default
worker limits (60 s CPU, 120 s real). Then a batch is killed half-way (its
transaction rolled back) and the job resumes with nothing lost or doubled.

``python -m bench coop_membership_fee_job --n 100000`` (about 45 minutes on a
2-core machine, most of it the invoices).
"""

import datetime
import time

from .coop_membership_fees import CRON_CALLS, seed_fee_scheme
from .harness import drive_cron, longest_cron_call, seconds_per

MODULES = ["coop_membership"]
DEFAULT_N = 100000
SEED_CHUNK = 5000


def _seed(ctx):
    """N members of a yearly scheme, committed in chunks; return the period."""
    env = ctx.env
    product = env["product.product"].create(
        {"name": "Bench membership fee", "type": "service", "list_price": 100}
    )
    scheme = None
    for start in range(0, ctx.n, SEED_CHUNK):
        partners = env["res.partner"].create(
            [
                {"name": f"Bench member {i}"}
                for i in range(start, min(ctx.n, start + SEED_CHUNK))
            ]
        )
        if scheme is None:
            scheme = seed_fee_scheme(env, env.company, product, partners, False)
        else:
            category = env["coop.member.category"].search(
                [("fee_scheme_id", "=", scheme.id)]
            )
            env["coop.membership"].create(
                [
                    {
                        "partner_id": partner.id,
                        "category_id": category.id,
                        "company_id": env.company.id,
                        "state": "active",
                        "join_date": "2025-01-01",
                    }
                    for partner in partners
                ]
            )
        env.cr.commit()
        env.invalidate_all()
    period = scheme._get_or_create_period(datetime.date(2026, 1, 1))
    env.cr.commit()
    return period


def _kill_and_resume(ctx, period):
    """A batch killed after its invoices were made: rolled back, then redone."""
    env = ctx.env
    before = period.run_done
    moves = env["account.move"].search_count([])
    period._run_fee_batch(period._fee_run_batch_size())
    env.cr.rollback()  # the worker killed before its commit
    env.invalidate_all()
    assert period.run_done == before, (period.run_done, before)
    assert env["account.move"].search_count([]) == moves
    return before


def run(ctx):
    env = ctx.env
    t0 = time.perf_counter()
    period = _seed(ctx)
    ctx.measure("coop_membership.fee_job.seed", time.perf_counter() - t0, "s", ctx.n, 0)
    period._queue_fee_run(env["res.users"])
    env.cr.commit()
    size = period._fee_run_batch_size()
    per_1000 = max(1, 1000 // size)
    t1 = time.perf_counter()
    batch = env["coop.fee.period"]._cron_run_fee_batch
    batches = drive_cron(ctx, batch, limit=(ctx.n // size) // 2)
    resumed_at = _kill_and_resume(ctx, period)
    batches += drive_cron(ctx, batch)
    total = time.perf_counter() - t1
    env.invalidate_all()
    lines = env["coop.fee.line"].search_count([("period_id", "=", period.id)])
    assert period.run_state == "done", period.run_state
    assert period.run_done == ctx.n == lines, (period.run_done, ctx.n, lines)
    tenth = max(1, len(batches) // 10)
    ctx.measure(
        "coop_membership.fee_job",
        total,
        "s",
        ctx.n,
        sum(b[2] for b in batches),
        batch_size=size,
        batches=len(batches),
        killed_and_resumed_at=resumed_at,
        fee_lines=lines,
        s_per_1000_at_start=seconds_per(batches[:per_1000], 1000),
        s_per_1000_at_end=seconds_per(batches[-per_1000:], 1000),
        s_per_1000_by_tenth=[
            seconds_per(batches[i : i + tenth], 1000)
            for i in range(0, len(batches), tenth)
        ],
        longest_batch_s=round(max(b[1] for b in batches), 3),
        longest_batch_queries=max(b[2] for b in batches),
        longest_cron_call_s=longest_cron_call(batches, CRON_CALLS),
        limits="60 s CPU, 120 s real per request or cron call",
    )
