# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Settle one month of provider declarations: 200 providers x N/200 lines.

Anchor in the same run: OCA ``commission_oca`` + ``account_commission_oca``
settling the same number of posted invoice lines for 200 agents and making
their 200 vendor bills.
"""

import os
import sys
from datetime import date

from odoo import Command

MODULES = ["coop_provider_commission", "commission_oca", "account_commission_oca"]
PIP = ["odoo-addon-account-commission-oca==18.0.*"]
DEFAULT_N = 50000
PROVIDERS = 200
CLIENTS_PER_PROVIDER = 25
MONTH = date(2026, 3, 1)


def _seed_network(env):
    """200 providers and their network clients."""
    providers = env["res.partner"].create(
        [{"name": f"Bench provider {i}"} for i in range(PROVIDERS)]
    )
    clients = env["res.partner"].create(
        [
            {"name": f"Bench client {i}-{j}"}
            for i in range(PROVIDERS)
            for j in range(CLIENTS_PER_PROVIDER)
        ]
    )
    env["coop.network.client"].create(
        [
            {
                "client_id": client.id,
                "provider_id": providers[index // CLIENTS_PER_PROVIDER].id,
                "date_entered": date(2025, 1, 1),
            }
            for index, client in enumerate(clients)
        ]
    )
    return providers, clients


def _seed_declarations(env, per_provider):
    """The providers' validated declarations; the 20 % agreement on them."""
    providers, clients = _seed_network(env)
    declarations = env["coop.commission.declaration"].create(
        [{"provider_id": provider.id, "date_from": MONTH} for provider in providers]
    )
    env["coop.commission.declaration.line"].create(
        [
            {
                "declaration_id": declaration.id,
                "client_id": clients[
                    p * CLIENTS_PER_PROVIDER + k % CLIENTS_PER_PROVIDER
                ].id,
                "invoice_ref": f"INV-{p}-{k}",
                "date": date(2026, 3, 1 + k % 28),
                "amount": 100.0 + k % 7,
            }
            for p, declaration in enumerate(declarations)
            for k in range(per_provider)
        ]
    )
    declarations.action_validate()
    product = env["product.product"].create(
        {"name": "Bench commission", "type": "service", "taxes_id": []}
    )
    return env["coop.commission.agreement"].create(
        {
            "name": "Bench 20 % of network turnover",
            "basis": "declared",
            "rate": 20.0,
            "date_start": date(2025, 1, 1),
            "product_id": product.id,
        }
    )


def _ours(ctx, per_provider):
    env = ctx.env
    agreement = _seed_declarations(env, per_provider)
    lines = PROVIDERS * per_provider
    with ctx.timed() as t:
        settlements = env["coop.commission.settlement"]._settle(agreement, MONTH)
    ctx.measure(
        "coop_provider_commission.settle",
        t["seconds"],
        "s",
        lines,
        t["queries"],
        settlements=len(settlements),
        ms_per_line=round(t["seconds"] / lines * 1000, 4),
        queries_per_line=round(t["queries"] / lines, 4),
    )
    settle_seconds = t["seconds"]
    with ctx.timed() as t:
        settlements.action_validate()
        moves = settlements._create_documents()
    ctx.measure(
        "coop_provider_commission.documents",
        t["seconds"],
        "s",
        len(moves),
        t["queries"],
        queries_per_document=round(t["queries"] / max(len(moves), 1), 2),
    )
    ctx.measure(
        "coop_provider_commission.settle_and_documents",
        settle_seconds + t["seconds"],
        "s",
        lines,
        None,
    )
    # re-running the period never counts twice
    assert not env["coop.commission.settlement"]._settle(agreement, MONTH)


def _seed_agents(env):
    """200 agents with one customer each."""
    commission = env["commission"].create(
        {"name": "Bench 20 %", "fix_qty": 20.0, "commission_type": "fixed"}
    )
    agents = env["res.partner"].create(
        [
            {
                "name": f"Bench agent {i}",
                "agent": True,
                "commission_id": commission.id,
                "settlement": "monthly",
            }
            for i in range(PROVIDERS)
        ]
    )
    return env["res.partner"].create(
        [
            {"name": f"Bench customer {i}", "agent_ids": [Command.set(agent.ids)]}
            for i, agent in enumerate(agents)
        ]
    )


def _seed_invoices(env, per_provider):
    """A posted invoice of ``per_provider`` lines for each agent's customer;
    the product invoiced."""
    customers = _seed_agents(env)
    product = env["product.product"].create(
        {"name": "Bench service", "type": "service", "taxes_id": []}
    )
    batch = 20
    for start in range(0, PROVIDERS, batch):
        moves = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_date": date(2026, 3, 15),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": 1,
                                "price_unit": 100.0 + k % 7,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for k in range(per_provider)
                    ],
                }
                for customer in customers[start : start + batch]
            ]
        )
        moves.action_post()
        env.flush_all()
        env.invalidate_all()
    return product


def _oca(ctx, per_provider):
    env = ctx.env
    product = _seed_invoices(env, per_provider)
    lines = PROVIDERS * per_provider
    agent_lines = env["account.invoice.line.agent"].search_count([])
    wizard = env["commission.make.settle"].create(
        {"date_to": date(2026, 4, 1), "settlement_type": "sale_invoice"}
    )
    with ctx.timed() as t:
        wizard.action_settle()
    settlements = env["commission.settlement"].search([("state", "=", "settled")])
    ctx.measure(
        "oca_commission.settle",
        t["seconds"],
        "s",
        lines,
        t["queries"],
        anchor="commission_oca+account_commission_oca 18.0",
        agent_lines=agent_lines,
        settlements=len(settlements),
        ms_per_line=round(t["seconds"] / lines * 1000, 4),
        queries_per_line=round(t["queries"] / lines, 4),
    )
    settle_seconds = t["seconds"]
    journal = env["account.journal"].search(
        [("type", "=", "purchase"), ("company_id", "=", env.company.id)], limit=1
    )
    with ctx.timed() as t:
        bills = settlements.make_invoices(journal, product)
    ctx.measure(
        "oca_commission.documents",
        t["seconds"],
        "s",
        len(bills),
        t["queries"],
        anchor="commission_oca+account_commission_oca 18.0",
    )
    ctx.measure(
        "oca_commission.settle_and_documents",
        settle_seconds + t["seconds"],
        "s",
        lines,
        None,
        anchor="commission_oca+account_commission_oca 18.0",
    )


def run(ctx):
    per_provider = max(ctx.n // PROVIDERS, 1)
    _ours(ctx, per_provider)
    if os.environ.get("COOP_BENCH_NO_ANCHOR"):
        # e.g. 500,000 lines: the anchor's seeding alone would take hours
        print("bench: COOP_BENCH_NO_ANCHOR set, no OCA anchor", file=sys.stderr)
        return
    if "commission" not in ctx.env:
        # the OCA wheels could not be installed (e.g. offline): no anchor
        print("bench: commission_oca is not installed, no OCA anchor", file=sys.stderr)
        return
    _oca(ctx, per_provider)
