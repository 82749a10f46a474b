# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Order requests by email: N raw emails (70 % new requests, 30 % replies)
through the real mail gateway (``mail.thread.message_process``) to the shop's
order alias (draft quotations + acknowledgement + activity), and the same
emails to a stock CRM lead alias, for comparison.

As in production (the incoming mail server's fetch, the mailgate script), the
gateway runs without ``tracking_disable``: creation messages, followers and
tracking are part of both paths. Fairness: the two streams are interleaved,
one email of each per round, the order alternating, so both paths see the
same database size and machine load."""

import uuid

MODULES = ["coop_shop_orders", "crm"]
DEFAULT_N = 1000
DOMAIN = "bench-shop.example.com"


def _emails(n, to, run, first=0):
    """Raw RFC 822 messages: every 10th sender writes new requests; about 30 %
    of the messages reply (In-Reply-To) to an earlier one of the same sender."""
    messages, last_by_sender = [], {}
    for i in range(n):
        sender = i % 100
        msg_id = "<bench-%s-%s-%d@client.example.com>" % (run, uuid.uuid4().hex[:6], i)
        headers = [
            "From: Member %d <member%d@example.com>" % (sender, sender),
            "To: %s" % to,
            "Message-ID: %s" % msg_id,
            "Date: Mon, 9 Nov 2026 10:00:00 +0100",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
        ]
        previous = last_by_sender.get(sender)
        if previous and i % 10 in (3, 6, 9):
            headers += ["Subject: Re: request", "In-Reply-To: %s" % previous]
            body = "Any news? Message %d" % i
        else:
            headers.append("Subject: %d-%d Laptop and screen" % (2026, first + i))
            body = (
                "Hello,\nPlease quote a refurbished laptop.\n"
                "Delay: 2 weeks\nQuality: used\n"
            )
            last_by_sender[sender] = msg_id
        messages.append(("\r\n".join(headers) + "\r\n\r\n" + body).encode())
    return messages


def setup(ctx):
    """Aliases, members and warm caches; return the gateway and the targets."""
    # the production context of the gateway: no tracking_disable
    env = ctx.env(context={})
    company = env.company
    domain = env["mail.alias.domain"].create(
        {"name": DOMAIN, "bounce_alias": "bounce", "catchall_alias": "catchall"}
    )
    company.alias_domain_id = domain
    company.shop_order_sender_policy = "known"
    # the shop's responsible gets the "Prepare quote" activities and follows
    # the requests in Odoo's inbox (as the CRM leads' gateway user does)
    admin = env.ref("base.user_admin")
    admin.notification_type = "inbox"
    company.shop_order_user_id = admin
    company._shop_order_set_alias("orders")
    # the stock CRM lead alias: the one crm's data gives the Sales team
    # ("info@", leads of that team, anyone may write)
    crm_alias = env.ref("sales_team.team_sales_department").alias_id
    crm_alias.alias_domain_id = domain
    env["res.partner"].create(
        [
            {"name": "Member %d" % i, "email": "member%d@example.com" % i}
            for i in range(100)
        ]
    )
    thread = env["mail.thread"]
    targets = {"shop": "orders@" + DOMAIN, "crm": crm_alias.display_name}
    # warm the caches of both paths (not measured)
    for label, to in targets.items():
        for raw in _emails(10, to, "warm-" + label, first=100_000):
            thread.message_process(False, raw.replace(b"Member ", b"Warm "))
    return env, thread, targets


def run(ctx):
    env, thread, targets = setup(ctx)
    emails = {label: _emails(ctx.n, to, label) for label, to in targets.items()}
    figures = {label: {"seconds": 0.0, "queries": 0} for label in targets}
    for i in range(ctx.n):
        for label in ("shop", "crm") if i % 2 == 0 else ("crm", "shop"):
            with ctx.timed() as t:
                thread.message_process(False, emails[label][i])
            figures[label]["seconds"] += t["seconds"]
            figures[label]["queries"] += t["queries"]
    for label, t in figures.items():
        ctx.measure(
            "gateway.%s.per_email" % label,
            t["seconds"] / ctx.n * 1000,
            "ms",
            ctx.n,
            t["queries"],
            queries_per_email=round(t["queries"] / ctx.n, 1),
            emails_per_second=round(ctx.n / t["seconds"], 1),
        )
    orders = env["sale.order"].search_count(
        [("shop_is_email_request", "=", True), ("client_order_ref", "!=", False)]
    )
    leads = env["crm.lead"].search_count([("email_from", "ilike", "member")])
    shop, crm = figures["shop"], figures["crm"]
    ctx.measure(
        "gateway.shop_vs_crm.time_ratio",
        round(shop["seconds"] / crm["seconds"], 2),
        "x",
        ctx.n,
        shop["queries"],
        quotations=orders,
        crm_leads=leads,
    )
