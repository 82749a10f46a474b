# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Security and bad-input catalogue: portal provider Anne against provider
Bruno and a portal user who is no provider, over real HTTP. Each case
checks the message and counts the records after the request."""

import base64
from datetime import date

from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.coop_spreadsheet_import.tests.common import csv_bytes

from .common import CommissionHttpCase, xlsx_without_sheet_bytes

LINE = "coop.commission.declaration.line"
DECLARATION = "coop.commission.declaration"
HEADER = ["client", "invoice_ref", "date", "amount"]


@tagged("post_install", "-at_install")
class TestSecurityPortal(CommissionHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_anne = cls._portal_user("sec_anne", cls.provider)
        cls.portal_bruno = cls._portal_user("sec_bruno", cls.provider2)
        cls.outsider = cls._portal_user("sec_outsider")
        Declaration = cls.env[DECLARATION]
        cls.decl_anne = Declaration.create(
            {"provider_id": cls.provider.id, "date_from": date(2026, 3, 1)}
        )
        cls.decl_bruno = Declaration.create(
            {"provider_id": cls.provider2.id, "date_from": date(2026, 3, 1)}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Sec Other Coop"})
        cls.secret_partner = cls.env["res.partner"].create(
            {"name": "Secret Partner Zeta", "company_id": cls.other_company.id}
        )

    def setUp(self):
        super().setUp()
        self.authenticate("sec_anne", "sec_anne_pw")
        self.url = self.decl_anne.access_url

    def _line(self, **values):
        data = {
            "client_id": str(self.client_a.id),
            "invoice_ref": "S-1",
            "date": "2026-03-04",
            "amount": "10",
        }
        data.update(values)
        return self._post(self.url + "/line", data)

    def _assert_refused(self, response, message, model=LINE, count=0):
        self.assertEqual(response.status_code, 400)
        self.assertIn(message, response.text)
        self.assertEqual(self._count(model), count)

    # item 3: a foreign client answers without a word about it
    def test_item3_portal_line_foreign_client_reveals_nothing(self):
        before = self._count(LINE)
        for partner in (self.client_c, self.secret_partner):
            with self.subTest(partner=partner.name):
                response = self._line(client_id=str(partner.id))
                self._assert_refused(
                    response,
                    "This client is not in your network portfolio",
                    count=before,
                )
                self.assertNotIn(partner.name, response.text)

    def test_portal_line_client_id_not_an_id(self):
        before = self._count(LINE)
        for client_id in ("abc", "99999999999", "-3", "1 OR 1=1"):
            with self.subTest(client_id=client_id):
                response = self._line(client_id=client_id)
                self._assert_refused(
                    response,
                    "This client is not in your network portfolio",
                    count=before,
                )

    def test_portal_line_missing_field(self):
        before = self._count(LINE)
        response = self._line(invoice_ref="  ")
        self._assert_refused(response, "Please fill in every field.", count=before)

    def test_portal_line_invoice_ref_too_long(self):
        before = self._count(LINE)
        response = self._line(invoice_ref="R" * 10000)
        self._assert_refused(
            response,
            "The invoice reference is longer than 64 characters",
            count=before,
        )

    def test_portal_line_bad_amounts(self):
        before = self._count(LINE)
        for amount, message in (
            ("abc", "The amount abc is not a number"),
            ("nan", "The amount nan is not a number"),
            ("-inf", "The amount -inf is not a number"),
            ("1e300", "The amount 1e300 is too large"),
            ("9" * 20, "is too large"),
            ("-1", "The amount -1 is negative"),
        ):
            with self.subTest(amount=amount):
                response = self._line(amount=amount)
                self._assert_refused(response, message, count=before)

    def test_portal_line_bad_date(self):
        before = self._count(LINE)
        response = self._line(date="9999-99-99")
        self._assert_refused(
            response, "The date 9999-99-99 is not a valid date", count=before
        )

    def test_portal_new_declaration_bad_months(self):
        before = self._count(DECLARATION)
        for month, message in (
            ("9999-12", "A month can only be declared once it has started."),
            ("abc", "Please choose a valid month (YYYY-MM)."),
            ("2026-13", "Please choose a valid month (YYYY-MM)."),
            ("0001-01", "Please choose a valid month (YYYY-MM)."),
            ("", "Please choose a valid month (YYYY-MM)."),
        ):
            with self.subTest(month=month):
                response = self._post(
                    "/my/commissions/declaration/new", {"month": month}
                )
                self._assert_refused(response, message, DECLARATION, before)

    def test_portal_new_declaration_not_a_provider(self):
        self.authenticate("sec_outsider", "sec_outsider_pw")
        before = self._count(DECLARATION)
        response = self._post("/my/commissions/declaration/new", {"month": "2026-02"})
        self._assert_refused(
            response,
            "Only providers with network clients declare their turnover.",
            DECLARATION,
            before,
        )

    def test_portal_upload_without_file(self):
        before = self._count(LINE)
        response = self._post(self.url + "/upload", {"file": "not a file"})
        self._assert_refused(response, "Please choose a file to upload.", count=before)
        response = self._post(self.url + "/upload")
        self._assert_refused(response, "Please choose a file to upload.", count=before)

    def test_portal_upload_xlsx_without_sheet(self):
        before = self._count(LINE)
        # Odoo's reader logs the file it could not read
        with mute_logger("odoo.addons.base_import.models.base_import"):
            response = self._post(
                self.url + "/upload",
                files={"file": ("march.xlsx", xlsx_without_sheet_bytes())},
            )
        self._assert_refused(response, "The file cannot be read", count=before)

    def test_portal_upload_not_a_spreadsheet(self):
        before = self._count(LINE)
        with mute_logger("odoo.addons.base_import.models.base_import"):
            response = self._post(
                self.url + "/upload", files={"file": ("march.xlsx", b"PK garbage")}
            )
        self._assert_refused(response, "The file cannot be read", count=before)

    def test_portal_unknown_operation(self):
        before = self._count(LINE)
        response = self._post(self.url + "/delete")
        self._assert_refused(response, "Unknown operation.", count=before)

    def test_portal_line_on_submitted_declaration(self):
        self.decl_anne.action_submit()
        before = self._count(LINE)
        response = self._line()
        self._assert_refused(response, "is no longer a draft", count=before)

    def test_portal_other_providers_declaration(self):
        """Anne posts into Bruno's declaration: sent home, nothing written."""
        before = self._count(LINE)
        good = csv_bytes([HEADER, ["Client Gamma", "Z-1", "2026-03-05", "1"]])
        url = self.decl_bruno.access_url
        for operation, files in (("line", None), ("upload", good), ("submit", None)):
            with self.subTest(operation=operation):
                response = self._post(
                    f"{url}/{operation}",
                    {"client_id": str(self.client_c.id), "invoice_ref": "Z-1"},
                    files={"file": ("m.csv", files)} if files else None,
                )
                self.assertTrue(response.url.endswith("/my"))
                self.assertNotIn("Client Gamma", response.text)
                self.assertEqual(self._count(LINE), before)
        self.assertEqual(self.decl_bruno.state, "draft")

    def test_portal_other_providers_statement_report(self):
        agreement = self._agreement(name="Sec 20 %", partner_ids=self.provider2.ids)
        self._declaration(
            self.provider2,
            date(2026, 1, 1),
            [(self.client_c, "SB-1", date(2026, 1, 3), 500.0)],
        )
        statement = self.env["coop.commission.settlement"]._settle(
            agreement, date(2026, 1, 1)
        )
        statement.action_validate()
        for suffix in ("", "?report_type=pdf", "?report_type=html&download=1"):
            with self.subTest(suffix=suffix):
                response = self.url_open(statement.access_url + suffix)
                self.assertTrue(response.url.endswith("/my"))
                self.assertNotIn("Commission statement", response.text)

    # JSON-RPC: the portal user calls the model directly
    def test_rpc_portal_private_manual_line(self):
        before = self._count(LINE)
        args = [[self.decl_anne.id], self.client_a.id, "S-1", "2026-03-04", "1"]
        error = self._rpc_error(DECLARATION, "_add_manual_line", args)
        self.assertIn("cannot be called remotely", error)
        self.assertEqual(self._count(LINE), before)

    def test_rpc_portal_import_spreadsheet_refused(self):
        before = self._count(LINE)
        good = csv_bytes([HEADER, ["Client Alpha", "R-1", "2026-03-05", "1"]])
        args = [[self.decl_anne.id], "m.csv", base64.b64encode(good).decode()]
        error = self._rpc_error(DECLARATION, "import_spreadsheet", args)
        self.assertIn("You are not allowed to modify", error)
        self.assertEqual(self._count(LINE), before)

    def test_rpc_portal_workflow_refused(self):
        for method, message in (
            ("action_submit", "You are not allowed to modify"),
            ("action_validate", "Only a Provider Commissions Manager"),
            ("action_reset_draft", "Only a Provider Commissions Manager"),
        ):
            with self.subTest(method=method):
                error = self._rpc_error(DECLARATION, method, [[self.decl_anne.id]])
                self.assertIn(message, error)
                self.assertEqual(self.decl_anne.state, "draft")

    def test_rpc_portal_reads_other_providers_declaration(self):
        error = self._rpc_error(
            DECLARATION, "read", [[self.decl_bruno.id], ["amount_total"]]
        )
        self.assertIn("doesn't have 'read' access", error)
        self.assertNotIn("amount_total", error)
