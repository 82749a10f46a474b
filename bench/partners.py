# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Proves the harness: create N partners in one ``create`` call."""

MODULES = []
DEFAULT_N = 1000


def run(ctx):
    vals = [
        {"name": f"Bench partner {i}", "email": f"p{i}@example.com"}
        for i in range(ctx.n)
    ]
    with ctx.timed() as t:
        ctx.env["res.partner"].create(vals)
    ctx.measure("partners.create", t["seconds"], "s", ctx.n, t["queries"])
    ctx.measure(
        "partners.create.per_partner",
        t["seconds"] / ctx.n * 1000,
        "ms",
        ctx.n,
        t["queries"],
        queries_per_item=round(t["queries"] / ctx.n, 3),
    )
