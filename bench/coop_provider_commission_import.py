# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import a provider's declaration of N rows from a CSV file.

Ours: ``coop.commission.declaration.import_spreadsheet`` (the file read by
``base_import``, every row checked, then all lines created at once). Floor in
the same run: Odoo's own import of the same N rows (``load()``, what the
Import screen calls) into another declaration, with no row rules. Both must
stay within one request's limits (60 s CPU, 120 s real).
"""

import csv
import io
from datetime import date

from .coop_provider_commission_settle import CLIENTS_PER_PROVIDER, MONTH, _seed_network

MODULES = ["coop_provider_commission"]
DEFAULT_N = 50000


def declaration_csv(clients, n, prefix):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["client", "invoice_ref", "date", "amount"])
    for i in range(n):
        writer.writerow(
            [
                clients[i % CLIENTS_PER_PROVIDER].name,
                f"{prefix}-{i}",
                "2026-03-15",
                "100",
            ]
        )
    return out.getvalue().encode()


def run(ctx):
    env = ctx.env
    providers, clients = _seed_network(env)
    Declaration = env["coop.commission.declaration"]
    ours, floor = Declaration.create(
        [
            {"provider_id": providers[0].id, "date_from": MONTH},
            {"provider_id": providers[1].id, "date_from": MONTH},
        ]
    )
    content = declaration_csv(clients, ctx.n, "OURS")
    # in the request whatever its size (a larger file is queued by default:
    # bench coop_provider_commission_import_job)
    env["ir.config_parameter"].set_param(
        "coop_provider_commission.import_request_max_bytes", str(len(content))
    )
    env.invalidate_all()
    with ctx.timed() as t:
        ours.import_spreadsheet("declaration.csv", content)
    assert len(ours.line_ids) == ctx.n, len(ours.line_ids)
    ctx.measure(
        "coop_provider_commission.import",
        t["seconds"],
        "s",
        ctx.n,
        t["queries"],
        ms_per_row=round(t["seconds"] / ctx.n * 1000, 4),
        bytes=len(content),
    )
    mine = clients[CLIENTS_PER_PROVIDER : 2 * CLIENTS_PER_PROVIDER]
    rows = [
        [
            str(floor.id),
            str(mine[i % CLIENTS_PER_PROVIDER].id),
            f"FLOOR-{i}",
            date(2026, 3, 15).isoformat(),
            "100",
        ]
        for i in range(ctx.n)
    ]
    env.invalidate_all()
    with ctx.timed() as f:
        result = env["coop.commission.declaration.line"].load(
            ["declaration_id/.id", "client_id/.id", "invoice_ref", "date", "amount"],
            rows,
        )
    assert not result["messages"], result["messages"][:3]
    ctx.measure(
        "odoo.load.floor",
        f["seconds"],
        "s",
        ctx.n,
        f["queries"],
        anchor="Odoo's import (load) of the same rows, no row rules",
        ms_per_row=round(f["seconds"] / ctx.n * 1000, 4),
    )
    ctx.measure(
        "coop_provider_commission.import_vs_floor",
        t["seconds"] / f["seconds"],
        "x",
        ctx.n,
        t["queries"],
        anchor="Odoo's import (load)",
    )
