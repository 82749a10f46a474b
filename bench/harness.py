# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import contextlib
import importlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import coopdev


class Context:
    """What a benchmark gets: a scratch database, an environment, measure()."""

    def __init__(self, env, n, figures):
        self.env = env
        self.n = n
        self.figures = figures

    @property
    def cr(self):
        return self.env.cr

    def query_count(self):
        return self.env.cr.sql_log_count

    @contextlib.contextmanager
    def timed(self):
        """Yield a dict filled with ``seconds`` and ``queries`` on exit."""
        self.env.flush_all()
        out = {}
        q0 = self.query_count()
        t0 = time.perf_counter()
        yield out
        self.env.flush_all()
        out["seconds"] = time.perf_counter() - t0
        out["queries"] = self.query_count() - q0

    def measure(self, name, value, unit, n, queries, anchor=None, **extra):
        figure = {
            "name": name,
            "value": round(value, 4),
            "unit": unit,
            "N": n,
            "sql_queries": queries,
        }
        if anchor is not None:
            figure["anchor"] = anchor
        figure.update(extra)
        self.figures.append(figure)
        print(json.dumps(figure), flush=True)
        return figure


def drive_cron(ctx, batch, limit=None):
    """Call ``batch`` (one batch of a cron job, returning how many items it
    handled) as Odoo's cron does, a commit after each, until it handles
    nothing or ``limit`` calls; return [(handled, seconds, queries)]."""
    batches = []
    while limit is None or len(batches) < limit:
        with ctx.timed() as t:
            done = batch()
            ctx.env.cr.commit()
        if not done:
            break
        batches.append((done, t["seconds"], t["queries"]))
        ctx.env.invalidate_all()
    return batches


def seconds_per(batches, items):
    """Seconds per ``items`` items over ``batches`` (as drive_cron returns)."""
    handled = sum(b[0] for b in batches)
    return round(sum(b[1] for b in batches) / handled * items, 3) if handled else 0


def longest_cron_call(batches, calls):
    """The longest run of ``calls`` batches in a row (one unit of work of a
    cron worker), in seconds."""
    return round(
        max(
            sum(b[1] for b in batches[i : i + calls])
            for i in range(max(1, len(batches) - calls + 1))
        ),
        3,
    )


def run_benchmark(name, n=None, keep=False):
    bench = importlib.import_module(f"bench.{name}")
    env = coopdev.Env()
    db = env.new_db(f"coop_bench_{name}")
    pip_reqs = list(getattr(bench, "PIP", []))  # anchors, e.g. OCA wheels
    if pip_reqs:
        coopdev.run(
            [str(coopdev.venv_python()), "-m", "pip", "install", "-q", *pip_reqs],
        )
    modules = list(getattr(bench, "MODULES", []))
    if modules:
        log = coopdev.LOCAL / "logs" / f"{db}.log"
        if coopdev.install_db(env.src, env.conf, db, modules, log):
            raise coopdev.SetupError(f"installing {modules} failed: read {log}.")
    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config(["-c", str(env.conf), "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    figures = []
    try:
        with registry.cursor() as cr:
            oenv = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            ctx = Context(oenv, n or getattr(bench, "DEFAULT_N", 1000), figures)
            bench.run(ctx)
            cr.rollback()
    finally:
        odoo.sql_db.close_all()
        if not keep:
            env.drop_db(db)
    return figures
