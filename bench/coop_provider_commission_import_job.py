# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A declaration file of N rows (500,000 by default) imported in the
background, as a provider's upload queues it.

The request only stores the file; the cron then checks every row in one batch
(nothing is written if a row is bad) and creates the lines in batches, a
commit after each, ten calls to a unit of work (Odoo 18's cron batching).
Printed: the request's time, the check's, the time per 10,000 lines at the
start and at the end (flat when the batches do not slow down as the table
grows), the longest batch and the longest unit of work against Odoo's
default worker limits (60 s CPU, 120 s real). Then a batch is killed
half-way (rolled back) and the import resumes with nothing lost or doubled.

``python -m bench coop_provider_commission_import_job --n 500000``
"""

from .coop_membership_fees import CRON_CALLS
from .coop_provider_commission_import import declaration_csv
from .coop_provider_commission_settle import MONTH, _seed_network
from .harness import drive_cron, longest_cron_call, seconds_per

MODULES = ["coop_provider_commission"]
DEFAULT_N = 500000


def run(ctx):
    env = ctx.env
    providers, clients = _seed_network(env)
    declaration = env["coop.commission.declaration"].create(
        {"provider_id": providers[0].id, "date_from": MONTH}
    )
    content = declaration_csv(clients, ctx.n, "JOB")
    env.cr.commit()
    with ctx.timed() as request:
        action = declaration.import_spreadsheet("declaration.csv", content)
        env.cr.commit()
    assert isinstance(action, dict), action
    batch = env["coop.commission.declaration"]._cron_import_batch
    check = drive_cron(ctx, batch, limit=1)[0]
    size = declaration._import_batch_size()
    batches = drive_cron(ctx, batch, limit=(ctx.n // size) // 2)
    killed_at = declaration.import_done
    declaration._import_batch()
    env.cr.rollback()  # the worker killed before its commit
    env.invalidate_all()
    assert declaration.import_done == killed_at
    batches += drive_cron(ctx, batch)
    env.invalidate_all()
    assert declaration.import_state == "done", declaration.import_error
    env.cr.execute(
        "SELECT count(*), count(DISTINCT invoice_ref)"
        " FROM coop_commission_declaration_line WHERE declaration_id = %s",
        (declaration.id,),
    )
    assert env.cr.fetchone() == (ctx.n, ctx.n)
    per = max(1, 10000 // size)
    units = [check] + batches
    ctx.measure(
        "coop_provider_commission.import_job",
        request["seconds"] + sum(b[1] for b in units),
        "s",
        ctx.n,
        sum(b[2] for b in units),
        bytes=len(content),
        request_s=round(request["seconds"], 3),
        check_batch_s=round(check[1], 3),
        batch_size=size,
        batches=len(batches),
        killed_and_resumed_at=killed_at,
        s_per_10k_lines_at_start=seconds_per(batches[:per], 10000),
        s_per_10k_lines_at_end=seconds_per(batches[-per:], 10000),
        longest_batch_s=round(max(b[1] for b in units), 3),
        longest_cron_call_s=longest_cron_call(units, CRON_CALLS),
        limits="60 s CPU, 120 s real per request or cron call",
    )
