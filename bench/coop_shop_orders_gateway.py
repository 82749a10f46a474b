# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Order requests by email: N raw emails (70 % new requests, 30 % replies)
through the real mail gateway (``mail.thread.message_process``), first to the
shop's order alias (draft quotations + acknowledgement + activity), then the
same emails to a stock CRM lead alias, for comparison."""

import uuid

MODULES = ["coop_shop_orders", "crm"]
DEFAULT_N = 1000
DOMAIN = "bench-shop.example.com"


def _emails(n, to, run):
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
            headers.append("Subject: %d-%d Laptop and screen" % (2026, i))
            body = (
                "Hello,\nPlease quote a refurbished laptop.\n"
                "Delay: 2 weeks\nQuality: used\n"
            )
            last_by_sender[sender] = msg_id
        messages.append(("\r\n".join(headers) + "\r\n\r\n" + body).encode())
    return messages


def run(ctx):
    env = ctx.env
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
    env["mail.alias"].create(
        {
            "alias_name": "leads",
            "alias_model_id": env["ir.model"]._get_id("crm.lead"),
            "alias_domain_id": domain.id,
            "alias_contact": "everyone",
        }
    )
    env["res.partner"].create(
        [
            {"name": "Member %d" % i, "email": "member%d@example.com" % i}
            for i in range(100)
        ]
    )
    thread = env["mail.thread"]
    # warm the caches of both paths (not measured)
    for label, to in (("shop", "orders@" + DOMAIN), ("crm", "leads@" + DOMAIN)):
        for raw in _emails(10, to, "warm-" + label):
            thread.message_process(False, raw.replace(b"Member ", b"Warm "))
    figures = {}
    for label, to in (("shop", "orders@" + DOMAIN), ("crm", "leads@" + DOMAIN)):
        emails = _emails(ctx.n, to, label)
        with ctx.timed() as t:
            for raw in emails:
                thread.message_process(False, raw)
        figures[label] = t
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
