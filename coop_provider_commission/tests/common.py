# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import csv
import io
from contextlib import contextmanager
from datetime import date

import openpyxl

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


def csv_bytes(rows, delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode()


def xlsx_bytes(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
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
