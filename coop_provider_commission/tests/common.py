# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import json
import re
import zipfile
from contextlib import contextmanager
from datetime import date

from odoo import Command, http
from odoo.tests import HttpCase, TransactionCase, new_test_user
from odoo.tools import mute_logger

from odoo.addons.coop_spreadsheet_import.tests.common import xlsx_bytes


def xlsx_without_sheet_bytes():
    """A workbook whose sheet list is empty (openpyxl cannot write one)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([["client"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data)
            target.writestr(item, data)
    return buffer.getvalue()


class CommissionCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        Partner = cls.env["res.partner"]
        cls.provider = Partner.create({"name": "Test Provider Anne", "email": "a@x.ch"})
        cls.provider2 = Partner.create({"name": "Test Provider Bruno"})
        cls.client_a = Partner.create({"name": "Client Alpha", "ref": "CA"})
        cls.client_b = Partner.create({"name": "Client Beta"})
        cls.client_c = Partner.create({"name": "Client Gamma"})
        cls._setup_network_clients()
        cls._setup_users_and_product()

    @classmethod
    def _setup_network_clients(cls):
        """Anne brought Alpha and Beta (Beta entrusted on 2026-01-10), the
        cooperative entrusted Gamma to Bruno."""
        Network = cls.env["coop.network.client"]
        cls.nc_a = Network.create(
            {
                "client_id": cls.client_a.id,
                "provider_id": cls.provider.id,
                "origin": "provider",
                "date_entered": date(2025, 1, 1),
            }
        )
        cls.nc_b = Network.create(
            {
                "client_id": cls.client_b.id,
                "provider_id": cls.provider.id,
                "origin": "provider",
                "date_entered": date(2025, 1, 1),
                "date_entrusted": date(2026, 1, 10),
            }
        )
        cls.nc_c = Network.create(
            {
                "client_id": cls.client_c.id,
                "provider_id": cls.provider2.id,
                "origin": "cooperative",
                "date_entered": date(2025, 6, 1),
            }
        )

    @classmethod
    def _setup_users_and_product(cls):
        cls.user = new_test_user(
            cls.env,
            login="commission_user",
            groups="coop_provider_commission.group_commission_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="commission_manager",
            groups="coop_provider_commission.group_commission_manager,"
            "account.group_account_invoice",
        )
        cls.product_commission = cls.env["product.product"].create(
            {
                "name": "Commission (test)",
                "type": "service",
                "taxes_id": [Command.clear()],
                "supplier_taxes_id": [Command.clear()],
            }
        )

    def _cron_batch(self, cron, model, method):
        """One call of a cron job's batch as the cron makes it (with its
        progress record); return the progress (done, remaining)."""
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": cron.id, "remaining": 0, "done": 0}
        )
        getattr(self.env[model].with_context(ir_cron_progress_id=progress.id), method)()
        return progress

    def _notifications(self, user):
        """The simple notifications sent to ``user``'s web client (created
        at commit, as the bus does)."""
        self.env.cr.precommit.run()
        channel = [self.env.cr.dbname, "res.partner", user.partner_id.id]
        return [
            json.loads(bus.message)["payload"]
            for bus in self.env["bus.bus"].sudo().search([], order="id")
            if json.loads(bus.channel) == channel
            and json.loads(bus.message)["type"] == "simple_notification"
        ]

    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        """Odoo's assertRaises (rolled back to a savepoint) + message check."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception.args[0]), regex)

    @classmethod
    def _agreement(cls, **vals):
        values = {
            "name": "Agreement",
            "direction": "to_company",
            "basis": "declared",
            "rate": 20.0,
            "period": "month",
            "date_start": date(2025, 1, 1),
            "product_id": cls.product_commission.id,
        }
        values.update(vals)
        return cls.env["coop.commission.agreement"].create(values)

    @classmethod
    def _declaration(cls, provider, day, lines, state="validated"):
        declaration = cls.env["coop.commission.declaration"].create(
            {
                "provider_id": provider.id,
                "date_from": day,
                "line_ids": [
                    Command.create(
                        {
                            "client_id": client.id,
                            "invoice_ref": ref,
                            "date": line_date,
                            "amount": amount,
                            **extra,
                        }
                    )
                    for client, ref, line_date, amount, *more in lines
                    for extra in [more[0] if more else {}]
                ],
            }
        )
        if state == "validated":
            declaration.action_validate()
        return declaration

    @classmethod
    def _portal_user(cls, login, partner=None):
        """A portal user, password ``<login>_pw``."""
        values = {
            "name": login,
            "login": login,
            "password": login + "_pw",
            "groups_id": [Command.set(cls.env.ref("base.group_portal").ids)],
        }
        if partner:
            values["partner_id"] = partner.id
        return cls.env["res.users"].with_context(no_reset_password=True).create(values)


class CommissionHttpCase(CommissionCase, HttpCase):
    """Over HTTP: form posts and JSON-RPC calls; an error is muted (it is
    logged at WARNING) and returned so that tests assert its message."""

    def _post(self, url, data=None, files=None):
        data = dict(data or {}, csrf_token=http.Request.csrf_token(self))
        with mute_logger("odoo.http"):
            return self.url_open(url, data=data, files=files)

    def _rpc(self, model, method, args, kwargs=None):
        """``(result, error message)`` of a JSON-RPC call_kw."""
        payload = {
            "id": 0,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/web/dataset/call_kw/{model}/{method}",
                data=json.dumps(payload).encode(),
                headers={"Content-Type": "application/json"},
            )
        self.assertEqual(response.status_code, 200)
        answer = response.json()
        self.env.invalidate_all()
        if "error" in answer:
            return None, answer["error"]["data"]["message"]
        return answer["result"], None

    def _rpc_error(self, model, method, args, kwargs=None):
        """The message of a JSON-RPC call that must fail."""
        result, error = self._rpc(model, method, args, kwargs)
        self.assertIsNotNone(error, f"{model}.{method} answered {result!r}")
        return error

    def _count(self, model, domain=None):
        return self.env[model].search_count(domain or [])
