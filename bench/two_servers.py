# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Two Odoo servers in multi-process mode over one database, driven at once.

``.venv/bin/python -m bench.two_servers [--members N] [--orders K]``

Production scale (issue 17): several Odoo servers behind a proxy share one
PostgreSQL. This script seeds a scratch database, starts two ``odoo-bin``
servers on it (2 HTTP workers and 1 cron worker each, Odoo's default limits),
then drives both at the same time over JSON-RPC, as tills and staff would:

1. **one wallet, two tills**: a member's wallet holds 100; each server gets
   two threads syncing orders of 10 paid with that wallet from its own till
   (``pos.order.sync_from_ui``, the POS front end's call). A sync refused for
   lack of balance is final; one that failed on a concurrency error is sent
   again, as the POS keeps unsynced orders and retries. Checked in a fresh
   cursor: exactly 10 orders accepted, the wallet never below zero, balance
   equal to its ledger (posted minus pending at the POS), every accepted
   order stored once and no refused one stored.
2. **the same fee run started on both**: the "Invoice Fees" button of one
   period pressed on both servers at once (N members, batches of 50); the
   cron workers of both servers run the batches. Checked: one fee line and
   one invoice per member, none twice.

Prints one JSON line per scenario and exits 1 when a check fails.
"""

import argparse
import datetime
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests

from .harness import coopdev

DB = "coop_two_servers"
PORTS = (18310, 18320)
WALLET = 100.0
PRICE = 10.0
LOGIN = ("admin", "admin")
THROUGHPUT_TILLS = 8  # two tills per HTTP worker, up to four workers


# ------------------------------------------------------------------ seeding


def _seed_wallet(env, company):
    from .coop_wallet_pos import PosBench, _topup

    class _Ctx:
        pass

    ctx = _Ctx()
    ctx.env = env
    pos = PosBench(ctx, company, 1)
    holder = pos.members[0]
    _topup(env, company, holder, WALLET)
    tills = []
    for code in ("TSA", "TSB"):
        cash = pos.new_cash_pm(code)
        config, session = pos.new_config("Till %s" % code, pos.wallet_pm | cash)
        tills.append((pos, config, session, cash))
    return holder, tills


def _seed_fees(env, company, members):
    from .coop_membership_fees import seed_fee_scheme

    product = env["product.product"].create(
        {"name": "Two servers fee", "type": "service", "list_price": 100}
    )
    partners = env["res.partner"].create(
        [{"name": "Two servers member %05d" % i} for i in range(members)]
    )
    scheme = seed_fee_scheme(
        env, company, product, partners, auto_post=True, name="Two servers"
    )
    env["ir.config_parameter"].set_param("coop_membership.fee_run_batch_size", "50")
    return scheme._get_or_create_period(datetime.date.today())


def seed(conf, members, orders):
    """Seed the database and commit; return what the drivers need."""
    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config(["-c", str(conf), "--log-level=warn"])
    registry = odoo.modules.registry.Registry(DB)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        admin = env.ref("base.user_admin")
        admin.write(
            {
                "password": LOGIN[1],
                "groups_id": [
                    (4, env.ref("coop_membership.group_coop_manager").id),
                    (4, env.ref("point_of_sale.group_pos_manager").id),
                ],
            }
        )
        company = env.ref("base.main_company")
        env = env(user=admin)
        holder, tills = _seed_wallet(env, company)
        payloads = []
        for index in range(orders):
            pos, config, session, _cash = tills[index % 2]
            payloads.append(
                (
                    index % 2,
                    pos.order_data(session, config, holder, [(pos.wallet_pm, PRICE)]),
                )
            )
        cash_orders = []  # one till per client thread of the throughput runs
        for index in range(THROUGHPUT_TILLS):
            cash = pos.new_cash_pm("TT%s" % index)
            config, session = pos.new_config("Till T%s" % index, cash)
            cash_orders.append(
                pos.order_data(session, config, pos.members[1 + index], [(cash, PRICE)])
            )
        period = _seed_fees(env, company, members)
        cr.commit()
        return {
            "holder": holder.id,
            "company": company.id,
            "payloads": payloads,
            "cash_orders": cash_orders,
            "period": period.id,
        }


# ------------------------------------------------------------------ servers


def start_servers(env, ports=PORTS, workers=2, crons=1):
    procs = []
    for port in ports:
        log = coopdev.LOCAL / "logs" / f"{DB}-{port}.log"
        log.unlink(missing_ok=True)
        cmd = coopdev.odoo_cmd(
            env.src,
            env.conf,
            "-d",
            DB,
            f"--db-filter=^{DB}$",
            f"--workers={workers}",
            f"--max-cron-threads={crons}",
            "--limit-time-cpu=60",
            "--limit-time-real=120",
            "--limit-time-real-cron=120",
            "--http-interface=127.0.0.1",
            f"--http-port={port}",
            f"--gevent-port={port + 2}",
            f"--logfile={log}",
        )
        procs.append(
            subprocess.Popen(
                cmd,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        )
    for proc, port in zip(procs, ports, strict=True):
        _wait_for(proc, port)
    return procs


def _wait_for(proc, port):
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise coopdev.SetupError(f"the server on port {port} exited: read its log.")
        try:
            if requests.get(f"http://127.0.0.1:{port}/web/login", timeout=5).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise coopdev.SetupError(f"the server on port {port} did not answer in 120 s.")


def stop_servers(procs):
    for proc in procs:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
    for proc in procs:
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


class Client:
    """A logged-in JSON-RPC client of one server (one browser session)."""

    def __init__(self, port):
        self.url = f"http://127.0.0.1:{port}"
        self.http = requests.Session()
        self._post(
            "/web/session/authenticate",
            {"db": DB, "login": LOGIN[0], "password": LOGIN[1]},
        )

    def _post(self, path, params):
        response = self.http.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params},
            timeout=300,
        )
        response.raise_for_status()
        return response.json()

    def call(self, model, method, *args):
        """``(result, None)`` or ``(None, error data)``."""
        answer = self._post(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": {}},
        )
        if "error" in answer:
            return None, answer["error"]["data"]
        return answer["result"], None


# ------------------------------------------------------------------ scenarios


def _sync_orders(port, payloads, outcome, lock):
    client = Client(port)
    for payload in payloads:
        for _attempt in range(20):
            _result, error = client.call("pos.order", "sync_from_ui", [payload])
            if error is None:
                kind = "accepted"
            elif "Insufficient wallet balance" in error.get("message", ""):
                kind = "refused"
            else:  # a concurrency error: the POS keeps the order and retries
                with lock:
                    outcome["retries"] += 1
                continue
            with lock:
                outcome[kind].append(payload["uuid"])
            break
        else:
            with lock:
                outcome["unsynced"].append(payload["uuid"])


def scenario_wallet(seeded):
    outcome = {"accepted": [], "refused": [], "unsynced": [], "retries": 0}
    lock = threading.Lock()
    threads = []
    for server in (0, 1):
        mine = [p for till, p in seeded["payloads"] if till == server]
        for part in (mine[0::2], mine[1::2]):
            threads.append(
                threading.Thread(
                    target=_sync_orders, args=(PORTS[server], part, outcome, lock)
                )
            )
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome["seconds"] = round(time.perf_counter() - start, 2)
    return outcome


def check_wallet(cr, seeded, outcome):
    cr.execute(
        "SELECT balance, posted_balance, pos_pending FROM coop_wallet_balance"
        " WHERE partner_id = %s AND company_id = %s",
        (seeded["holder"], seeded["company"]),
    )
    balance, posted, pending = cr.fetchone()
    cr.execute(
        "SELECT uuid, count(*) FROM pos_order WHERE uuid = ANY(%s) GROUP BY uuid",
        ([p["uuid"] for _till, p in seeded["payloads"]],),
    )
    stored = dict(cr.fetchall())
    expected = int(WALLET // PRICE)
    failures = []
    if len(outcome["accepted"]) != expected:
        failures.append(
            "accepted %s orders, not %s" % (len(outcome["accepted"]), expected)
        )
    if balance < 0 or abs(balance - (posted - pending)) > 0.001:
        failures.append("balance %s, ledger %s - %s" % (balance, posted, pending))
    if abs(pending - PRICE * len(outcome["accepted"])) > 0.001:
        failures.append(
            "pending %s for %s orders" % (pending, len(outcome["accepted"]))
        )
    if any(stored.get(u) != 1 for u in outcome["accepted"]):
        failures.append("an accepted order is missing or stored twice")
    if any(u in stored for u in outcome["refused"]) or outcome["unsynced"]:
        failures.append("a refused order was stored, or an order never synced")
    return {"balance": balance, "posted": posted, "pending": pending}, failures


def scenario_fees(seeded):
    clients = [Client(port) for port in PORTS]
    answers = [None, None]

    def press(index):
        answers[index] = clients[index].call(
            "coop.fee.period", "action_run_fees", [seeded["period"]]
        )

    start = time.perf_counter()
    threads = [threading.Thread(target=press, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    state = None
    for _i in range(2400):
        rows, _error = clients[0].call(
            "coop.fee.period", "read", [seeded["period"]], ["run_state", "run_done"]
        )
        state = rows[0]["run_state"]
        if state in ("done", "failed"):
            break
        time.sleep(0.5)
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "state": state,
        "answers": [
            (r or {}).get("tag") or (e or {}).get("message", "")[:80]
            for r, e in answers
        ],
    }


def _sync_cash(port, template, until, counts, lock):
    """Sync cash orders of one till until ``until`` (at least one order: a
    warm-up when ``until`` is 0)."""
    client = Client(port)
    while True:
        key = str(uuid.uuid4())
        _result, error = client.call(
            "pos.order",
            "sync_from_ui",
            [dict(template, uuid=key, name="Order %s" % key)],
        )
        if lock is None:
            return
        with lock:
            counts["errors" if error else "orders"] += 1
        if time.perf_counter() >= until:
            return


def scenario_throughput(env, seeded, seconds):
    """POS order sync on one server with 1, 2 and 4 HTTP workers: orders per
    second from twice as many tills as workers, each till its own session
    and client (cash orders)."""
    figures = []
    for workers in (1, 2, 4):
        procs = start_servers(env, PORTS[:1], workers=workers, crons=0)
        try:
            for template in seeded["cash_orders"][: 2 * workers]:
                _sync_cash(PORTS[0], template, 0, {"orders": 0, "errors": 0}, None)
            counts = {"orders": 0, "errors": 0}
            lock = threading.Lock()
            until = time.perf_counter() + seconds
            threads = [
                threading.Thread(
                    target=_sync_cash,
                    args=(PORTS[0], template, until, counts, lock),
                )
                for template in seeded["cash_orders"][: 2 * workers]
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            stop_servers(procs)
        figures.append(
            {
                "workers": workers,
                "orders_per_s": round(counts["orders"] / seconds, 2),
                **counts,
            }
        )
    for figure in figures:
        figure["ratio_to_1"] = round(
            figure["orders_per_s"] / figures[0]["orders_per_s"], 2
        )
    return figures


def check_fees(cr, seeded, members):
    cr.execute(
        "SELECT count(*), count(DISTINCT membership_id), count(DISTINCT move_id)"
        " FROM coop_fee_line WHERE period_id = %s",
        (seeded["period"],),
    )
    lines, distinct, moves = cr.fetchone()
    cr.execute(
        "SELECT count(*) FROM account_move WHERE coop_fee_period_id = %s",
        (seeded["period"],),
    )
    (invoices,) = cr.fetchone()
    failures = []
    if not lines == distinct == moves == invoices == members:
        failures.append(
            "%s fee lines, %s members, %s invoices linked, %s invoices for %s"
            % (lines, distinct, moves, invoices, members)
        )
    return {"fee_lines": lines, "invoices": invoices}, failures


def batches_by_server():
    """How many fee run batches the cron workers of each server ran (the
    lines Odoo's cron logs after each call)."""
    counts = {}
    for port in PORTS:
        log = Path(coopdev.LOCAL / "logs" / f"{DB}-{port}.log")
        lines = log.read_text().splitlines() if log.exists() else []
        counts[port] = sum(
            "invoice membership fees'" in line and "records remaining" in line
            for line in lines
        )
    return counts


def report(cr, seeded, wallet, fees, members):
    """Print each scenario's figures from a fresh cursor; return failures."""
    figures, failures = check_wallet(cr, seeded, wallet)
    counts = {k: (len(v) if isinstance(v, list) else v) for k, v in wallet.items()}
    print(json.dumps({"scenario": "wallet", **figures, **counts}))
    figures, failed = check_fees(cr, seeded, members)
    failures += failed
    if fees["state"] != "done":
        failures.append("the fee run ended %s" % fees["state"])
    by_server = batches_by_server()
    print(json.dumps({"scenario": "fees", **figures, **fees, "batches": by_server}))
    return failures


def main():
    parser = argparse.ArgumentParser(prog="python -m bench.two_servers")
    parser.add_argument("--members", type=int, default=600)
    parser.add_argument("--orders", type=int, default=32)
    parser.add_argument(
        "--throughput",
        type=int,
        default=0,
        metavar="SECONDS",
        help="also measure POS sync with 1, 2 and 4 workers, SECONDS each",
    )
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    env = coopdev.Env()
    env.new_db(DB)
    log = coopdev.LOCAL / "logs" / f"{DB}.log"
    if coopdev.install_db(
        env.src, env.conf, DB, ["coop_membership", "coop_wallet"], log
    ):
        raise coopdev.SetupError(f"installing failed: read {log}.")
    seeded = seed(env.conf, args.members, args.orders)
    procs = start_servers(env)
    try:
        wallet = scenario_wallet(seeded)
        fees = scenario_fees(seeded)
    finally:
        stop_servers(procs)
    if args.throughput:
        for figure in scenario_throughput(env, seeded, args.throughput):
            print(json.dumps({"scenario": "pos_sync_throughput", **figure}))
    import odoo

    with odoo.modules.registry.Registry(DB).cursor() as cr:
        failures = report(cr, seeded, wallet, fees, args.members)
    odoo.sql_db.close_all()
    if not args.keep:
        env.drop_db(DB)
    for failure in failures:
        print("FAILED: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
