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
    # the requests in Odoo's inbox
    admin = env.ref("base.user_admin")
    admin.notification_type = "inbox"
    company.shop_order_user_id = admin
    company._shop_order_set_alias("orders")
    # the stock CRM lead alias: the one crm's data gives the Sales team
    # ("info@", leads of that team, anyone may write)
    team = env.ref("sales_team.team_sales_department")
    crm_alias = team.alias_id
    crm_alias.alias_domain_id = domain
    # the same alias of a second team whose leads go to a salesperson (alias
    # default values): the same responsible as the shop's, who then follows
    # the leads in the inbox, as the shop's responsible follows the requests
    assigned = env["crm.team"].create(
        {
            "name": "Bench assigned leads",
            "alias_name": "leads",
            "use_leads": True,
            "user_id": admin.id,
        }
    )
    assigned.alias_id.write(
        {
            "alias_domain_id": domain.id,
            "alias_defaults": repr({"team_id": assigned.id, "user_id": admin.id}),
        }
    )
    env["res.partner"].create(
        [
            {"name": "Member %d" % i, "email": "member%d@example.com" % i}
            for i in range(100)
        ]
    )
    thread = env["mail.thread"]
    targets = {
        "shop": "orders@" + DOMAIN,
        "crm": crm_alias.display_name,
        "crm_assigned": assigned.alias_id.display_name,
    }
    # warm the caches of both paths (not measured)
    for label, to in targets.items():
        for raw in _emails(10, to, "warm-" + label, first=100_000):
            thread.message_process(False, raw.replace(b"Member ", b"Warm "))
    return env, thread, targets


def run(ctx):
    env, thread, targets = setup(ctx)
    emails = {label: _emails(ctx.n, to, label) for label, to in targets.items()}
    figures = {label: {"seconds": 0.0, "queries": 0} for label in targets}
    labels = list(targets)
    for i in range(ctx.n):
        # one email of each stream per round, the order rotating
        shift = i % len(labels)
        for label in labels[shift:] + labels[:shift]:
            with ctx.timed() as t:
                thread.message_process(False, emails[label][i])
            figures[label]["seconds"] += t["seconds"]
            figures[label]["queries"] += t["queries"]
    anchors = {
        "crm": "stock CRM alias (Sales team, leads unassigned)",
        "crm_assigned": "stock CRM alias, leads assigned to the shop's responsible",
    }
    for label, t in figures.items():
        ctx.measure(
            "gateway.%s.per_email" % label,
            t["seconds"] / ctx.n * 1000,
            "ms",
            ctx.n,
            t["queries"],
            anchor=anchors.get(label),
            queries_per_email=round(t["queries"] / ctx.n, 1),
            emails_per_second=round(ctx.n / t["seconds"], 1),
        )
    orders = env["sale.order"].search_count(
        [("shop_is_email_request", "=", True), ("client_order_ref", "!=", False)]
    )
    leads = env["crm.lead"].search_count(
        [("email_from", "ilike", "member"), ("user_id", "=", False)]
    )
    assigned_leads = env["crm.lead"].search_count(
        [("email_from", "ilike", "member"), ("user_id", "!=", False)]
    )
    shop = figures["shop"]
    for label in ("crm", "crm_assigned"):
        ctx.measure(
            "gateway.shop_vs_%s.time_ratio" % label,
            round(shop["seconds"] / figures[label]["seconds"], 2),
            "x",
            ctx.n,
            shop["queries"],
            quotations=orders,
            crm_leads=leads,
            crm_assigned_leads=assigned_leads,
        )
