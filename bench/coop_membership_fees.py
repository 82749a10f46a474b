# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Invoice the fees of N members for one period, against OCA ``contract``.

Both sides create N draft customer invoices of one line on the same database
server: ``coop_membership`` through a fee run (``coop.fee.period._run_fees``),
OCA ``contract`` through its invoicing cron method for N yearly contracts.
"""

import datetime

MODULES = ["coop_membership", "contract"]
PIP = ["odoo-addon-contract==18.0.*"]
DEFAULT_N = 10000


def _setup_common(env, n):
    company = env.company
    product = env["product.product"].create(
        {"name": "Bench membership fee", "type": "service", "list_price": 100}
    )
    partners = env["res.partner"].create(
        [{"name": f"Bench member {i}"} for i in range(n)]
    )
    return company, product, partners


def _bench_coop(ctx, company, product, partners):
    env = ctx.env
    scheme = env["coop.fee.scheme"].create(
        {
            "name": "Bench calendar year",
            "period_start_months": "1",
            "proration": "none",
            "product_id": product.id,
            "auto_post": False,  # contract creates draft invoices too
        }
    )
    category = env["coop.member.category"].create(
        {
            "name": "Bench supporter",
            "code": "BENCH",
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
    return t


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
    company, product, partners = _setup_common(ctx.env, ctx.n)
    ours = _bench_coop(ctx, company, product, partners)
    theirs = _bench_contract(ctx, company, product, partners)
    ctx.measure(
        "coop_membership.speedup_vs_contract",
        theirs["seconds"] / ours["seconds"],
        "x",
        ctx.n,
        ours["queries"],
    )
