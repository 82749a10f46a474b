# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Profile of the order alias path of ``coop_shop_orders_gateway``: the same
setup and emails, with cProfile on the order alias loop (top functions, stats
dumped to /tmp/coop_shop_orders_gateway.prof) and the SQL statements per email
by verb/table and by calling method. Not a figure: run it to find hot spots.
``PROFILE_TARGET=crm`` (or ``crm_assigned``) profiles a CRM lead alias instead."""

import collections
import cProfile
import io
import os
import pstats
import re
import sys

from . import coop_shop_orders_gateway as gateway

MODULES = gateway.MODULES
DEFAULT_N = 100
# frames to which a query is attributed (the first one met up the stack)
WHERE = (
    "coop_shop_orders/models",
    "/addons/mail/models/mail_thread",
    "/addons/mail/models/mail_activity",
    "/addons/sale/",
    "/addons/crm/",
)


def _where(frame):
    while frame and not any(part in frame.f_code.co_filename for part in WHERE):
        frame = frame.f_back
    if not frame:
        return "?"
    return "%s:%s" % (
        "/".join(frame.f_code.co_filename.rsplit("/", 3)[-3:]),
        frame.f_code.co_name,
    )


def run(ctx):
    env = ctx.env
    profiler = cProfile.Profile()
    state = {"on": False}
    by_table, by_caller = collections.Counter(), collections.Counter()
    cursor_cls = type(env.cr)
    real_execute = cursor_cls.execute

    def execute(cr, query, params=None, log_exceptions=True):
        if state["on"]:
            text = str(getattr(query, "code", query))
            match = re.search(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', text, re.IGNORECASE)
            verb = text.split(None, 1)[0].upper()
            by_table["%s %s" % (verb, match.group(1) if match else "?")] += 1
            by_caller[_where(sys._getframe(1))] += 1
        return real_execute(cr, query, params, log_exceptions)

    _env, thread, targets = gateway.setup(ctx)
    target = os.environ.get("PROFILE_TARGET", "shop")
    emails = gateway._emails(ctx.n, targets[target], "profile")
    ctx.env.flush_all()
    cursor_cls.execute = execute
    state["on"] = True
    profiler.enable()
    try:
        for raw in emails:
            thread.message_process(False, raw)
        ctx.env.flush_all()
    finally:
        profiler.disable()
        state["on"] = False
        cursor_cls.execute = real_execute
    profiler.dump_stats("/tmp/coop_shop_orders_gateway.prof")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
    print(out.getvalue())
    for counter in (by_table, by_caller):
        for key, count in counter.most_common(40):
            print("%6.2f  %s" % (count / ctx.n, key))
