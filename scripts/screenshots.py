# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Screenshots of the main screens for the readmes, from the demo database.

Run with the virtual environment's Python while `make run` serves the demo:

    .venv/bin/python scripts/screenshots.py [--url http://127.0.0.1:8069]

It logs in (admin / admin, and portal / portal for the member's pages), opens
each screen of ``SCREENS`` in headless Chromium and writes a PNG into the
addon's ``static/description/`` folder, where the readmes show them. Chromium
speaks the DevTools protocol over a websocket (``websocket-client``, which
Odoo's browser tests use too).
"""

import argparse
import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1366, 768
DEBUG_PORT = 9333

# addon -> [(file name, login, path)], the screens a readme shows
SCREENS = {
    "coop_membership": [
        ("members.png", "admin", "/odoo/action-coop_membership.coop_membership_action"),
        ("fees.png", "admin", "/odoo/action-coop_membership.coop_fee_line_action"),
        ("portal_member.png", "portal", "/my/membership"),
    ],
    "coop_provider_commission": [
        (
            "declarations.png",
            "admin",
            "/odoo/action-coop_provider_commission.coop_commission_declaration_action",
        ),
        (
            "settlements.png",
            "admin",
            "/odoo/action-coop_provider_commission.coop_commission_settlement_action",
        ),
    ],
    "coop_shop_orders": [
        (
            "requests.png",
            "admin",
            "/odoo/action-coop_shop_orders.sale_order_action_email_requests",
        ),
        (
            "mail_log.png",
            "admin",
            "/odoo/action-coop_shop_orders.coop_shop_order_mail_log_action",
        ),
    ],
    "coop_intercoop": [
        (
            "agreements.png",
            "admin",
            "/odoo/action-coop_intercoop.coop_intercoop_agreement_action",
        ),
        (
            "trial_cards.png",
            "admin",
            "/odoo/action-coop_intercoop.coop_trial_card_action",
        ),
    ],
    "coop_wallet": [
        (
            "balances.png",
            "admin",
            "/odoo/action-coop_wallet.coop_wallet_balance_action",
        ),
        ("portal_wallet.png", "portal", "/my/wallet"),
    ],
}
PASSWORDS = {"admin": "admin", "portal": "portal"}


def session_id(url, db, login):
    """Log in over JSON-RPC; return the session cookie's value."""
    response = requests.post(
        f"{url}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"db": db, "login": login, "password": PASSWORDS[login]},
        },
        timeout=30,
    )
    response.raise_for_status()
    if "error" in response.json():
        raise SystemExit(f"cannot log in as {login}: {response.json()['error']}")
    return response.cookies["session_id"]


class Browser:
    """Headless Chromium driven over the DevTools protocol."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="coop-screens-")
        self.proc = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                f"--window-size={WIDTH},{HEIGHT}",
                f"--remote-debugging-port={DEBUG_PORT}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ws = websocket.create_connection(
            self._page_socket(), timeout=60, suppress_origin=True
        )
        self.next_id = 0

    def _page_socket(self):
        for _ in range(50):
            try:
                pages = requests.get(
                    f"http://127.0.0.1:{DEBUG_PORT}/json", timeout=2
                ).json()
                return next(p for p in pages if p["type"] == "page")[
                    "webSocketDebuggerUrl"
                ]
            except (requests.RequestException, StopIteration):
                time.sleep(0.2)
        raise SystemExit("Chromium did not start")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def shoot(self, url, cookie, target, settle=4.0):
        self.call("Network.enable")
        self.call("Network.clearBrowserCookies")
        self.call(
            "Network.setCookie", name="session_id", value=cookie, url=url, path="/"
        )
        self.call("Page.navigate", url=url)
        time.sleep(settle)  # the web client loads its data after the page
        data = self.call("Page.captureScreenshot", format="png")["data"]
        target.write_bytes(base64.b64decode(data))

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="coop_demo")
    parser.add_argument("addons", nargs="*", default=sorted(SCREENS))
    args = parser.parse_args(argv)
    cookies = {login: session_id(args.url, args.db, login) for login in PASSWORDS}
    browser = Browser()
    try:
        for addon in args.addons:
            folder = ROOT / addon / "static" / "description"
            for name, login, path in SCREENS[addon]:
                browser.shoot(f"{args.url}{path}", cookies[login], folder / name)
                print(f"{addon}/static/description/{name}")
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
