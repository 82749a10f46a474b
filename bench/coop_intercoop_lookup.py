# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""POS lookup of a customer's intercoop status, and POS customer data load.

``N`` partners (default 100,000), ``N / 5`` trial cards (20,000) and ``N / 100``
visiting members of a partner-coop agreement. Measures:

* ``lookup``: server time per ``res.partner.coop_intercoop_pos_status`` call
  (what the till calls when a customer is selected) and its SQL queries, for a
  card holder, a visiting member and a plain customer (queries must be equal);
* ``pos_load``: ``pos.session.load_data`` of the POS customer data
  (``res.partner``) with this addon's pricelist override, against the same load
  with the override's lookup switched off (the stock cost, "without the addon").
"""

import random
import time
from unittest.mock import patch

MODULES = ["coop_intercoop"]
DEFAULT_N = 100_000
LOOKUPS = 300
MODELS_LOADED = ["pos.config", "pos.session", "pos.order", "res.partner"]


def _populate(ctx):
    env = ctx.env
    company = env.company
    n_cards = ctx.n // 5
    n_visitors = ctx.n // 100
    batch = 10_000
    partner_ids = []
    for start in range(0, ctx.n, batch):
        # card holders sort first by name: the POS loads them (worst case)
        vals = [
            {
                "name": f"Bench {'card holder' if i < n_cards else 'customer'} {i:06d}",
                "email": f"c{i}@example.com",
            }
            for i in range(start, min(start + batch, ctx.n))
        ]
        partner_ids += env["res.partner"].create(vals).ids
        env.invalidate_all()
    formula = env["coop.trial.formula"].create(
        {"name": "Bench visitor card", "max_purchases": 3, "company_id": company.id}
    )
    card_holders = partner_ids[:n_cards]
    env.cr.execute(
        """
        INSERT INTO coop_trial_card
            (name, partner_id, formula_id, company_id, start_date, cancelled,
             purchases_used, create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH/' || p, p, %s, %s, CURRENT_DATE, FALSE, p %% 4, 1, 1,
               now(), now()
          FROM unnest(%s::int[]) AS p
        """,
        [formula.id, company.id, card_holders],
    )
    partner_coop = env["res.partner"].create({"name": "Bench coop", "is_company": True})
    agreement = env["coop.intercoop.agreement"].create(
        {
            "name": "Bench agreement",
            "partner_coop_id": partner_coop.id,
            "state": "active",
            "company_id": company.id,
        }
    )
    visitors = partner_ids[n_cards : n_cards + n_visitors]
    env.cr.execute(
        "UPDATE res_partner SET coop_intercoop_agreement_id = %s WHERE id = ANY(%s)",
        [agreement.id, visitors],
    )
    env.cr.execute("ANALYZE res_partner")
    env.cr.execute("ANALYZE coop_trial_card")
    env.invalidate_all()
    plain = partner_ids[n_cards + n_visitors :]
    return card_holders, visitors, plain


def _lookup(ctx, label, ids):
    Partner = ctx.env["res.partner"]
    sample = random.Random(7).sample(ids, min(LOOKUPS, len(ids)))
    queries = set()
    total = 0.0
    for partner_id in sample:
        ctx.env.invalidate_all()
        q0 = ctx.query_count()
        t0 = time.perf_counter()
        Partner.coop_intercoop_pos_status(partner_id)
        total += time.perf_counter() - t0
        queries.add(ctx.query_count() - q0)
    ctx.measure(
        f"coop_intercoop.lookup.{label}",
        total / len(sample) * 1000,
        "ms",
        ctx.n,
        max(queries),
        lookups=len(sample),
        query_counts=sorted(queries),
    )
    return max(queries)


def _load_once(ctx, session):
    ctx.env.invalidate_all()
    with ctx.timed() as t:
        data = session.load_data(
            ["pos.config", "pos.session", "pos.order", "res.partner"]
        )
    return t["seconds"], t["queries"], len(data["res.partner"]["data"])


def _pos_load(ctx, session, runs=7):
    """Best of ``runs`` loads with and without the lookup, interleaved."""
    Partner = type(ctx.env["res.partner"])
    best = {}
    for _run in range(runs):
        for label in ("with_addon", "without_addon_lookup"):
            if label == "with_addon":
                figures = _load_once(ctx, session)
            else:
                with patch.object(Partner, "_coop_intercoop_benefits", lambda s: {}):
                    figures = _load_once(ctx, session)
            if label not in best or figures[0] < best[label][0]:
                best[label] = figures
    for label, (seconds, queries, loaded) in best.items():
        ctx.measure(
            f"coop_intercoop.pos_load.{label}",
            seconds * 1000,
            "ms",
            ctx.n,
            queries,
            partners_loaded=loaded,
        )
    return best["with_addon"][0], best["without_addon_lookup"][0]


def run(ctx):
    card_holders, visitors, plain = _populate(ctx)
    counts = {
        _lookup(ctx, "card_holder", card_holders),
        _lookup(ctx, "visiting_member", visitors),
        _lookup(ctx, "plain_customer", plain),
    }
    print(f"# query counts per lookup: {sorted(counts)}")

    env = ctx.env
    config = env["pos.config"].search([("company_id", "=", env.company.id)], limit=1)
    if not config:
        config = env["pos.config"].create({"name": "Bench shop"})
    env["ir.config_parameter"].set_param("point_of_sale.limited_customer_count", 1000)
    admin = env.ref("base.user_admin")
    config.with_user(admin).open_ui()
    session = config.current_session_id.with_user(admin)
    with_addon, without = _pos_load(ctx, session)
    ctx.measure(
        "coop_intercoop.pos_load.ratio", with_addon / without, "x", ctx.n, 0, goal=1.2
    )
