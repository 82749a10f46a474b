# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.coop_spreadsheet_import.tests.common import csv_bytes

from .common import CommissionHttpCase

HEADER = ["client", "invoice_ref", "date", "amount"]
# a typed line's bad values, and the start of the message the page shows
BAD_TYPED_LINES = (
    ({"invoice_ref": "W-1"}, "invoice reference W-1 was already declared"),
    ({"amount": "nan"}, "the amount nan is not a number"),
    ({"amount": "inf"}, "the amount inf is not a number"),
    ({"amount": "-5"}, "the amount -5 is negative"),
    ({"date": "2026-04-01"}, "the date 2026-04-01 is outside the declared"),
    ({"date": "31.02.2026"}, "the date 31.02.2026 is not a valid date"),
)


@tagged("post_install", "-at_install")
class TestPortal(CommissionHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_anne = cls._portal_user("portal_anne", cls.provider)
        cls.portal_bruno = cls._portal_user("portal_bruno", cls.provider2)
        Declaration = cls.env["coop.commission.declaration"]
        cls.decl_anne = Declaration.create(
            {"provider_id": cls.provider.id, "date_from": date(2026, 3, 1)}
        )
        cls.decl_bruno = cls._declaration(
            cls.provider2,
            date(2026, 3, 1),
            [(cls.client_c, "B-1", date(2026, 3, 3), 500.0)],
        )
        agreement = cls._agreement(name="Network 20 %", partner_ids=cls.provider2.ids)
        cls.statement_bruno = cls.env["coop.commission.settlement"]._settle(
            agreement, date(2026, 3, 1)
        )
        cls.statement_bruno.action_validate()

    def test_orm_isolation(self):
        Declaration = self.env["coop.commission.declaration"].with_user(
            self.portal_anne
        )
        self.assertEqual(Declaration.search([]), self.decl_anne)
        with self.assertRaises(AccessError):
            self.decl_bruno.with_user(self.portal_anne).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.statement_bruno.with_user(self.portal_anne).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.decl_bruno.line_ids.with_user(self.portal_anne).read(["amount"])
        Settlement = self.env["coop.commission.settlement"]
        self.assertEqual(
            Settlement.with_user(self.portal_bruno).search([]), self.statement_bruno
        )
        with self.assertRaises(AccessError):
            Declaration.create({"provider_id": self.provider.id})

    def test_orm_draft_statement_lines_hidden(self):
        """A draft statement and its lines stay with the staff until validated."""
        self.statement_bruno.action_reset_draft()
        Line = self.env["coop.commission.settlement.line"].with_user(self.portal_bruno)
        self.assertTrue(self.statement_bruno.line_ids)
        self.assertFalse(Line.search([]))
        with self.assertRaises(AccessError):
            self.statement_bruno.line_ids.with_user(self.portal_bruno).read(["amount"])
        self.statement_bruno.action_validate()
        self.assertEqual(Line.search([]), self.statement_bruno.line_ids)
        with self.assertRaisesRegex(UserError, "is not a draft"):
            self.statement_bruno.action_validate()

    def test_portal_pages_and_isolation(self):
        self.authenticate("portal_anne", "portal_anne_pw")
        response = self.url_open("/my/commissions/declarations")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.decl_anne.access_url, response.text)
        self.assertNotIn(self.decl_bruno.access_url, response.text)
        # another provider's declaration and statement: sent back home
        response = self.url_open(self.decl_bruno.access_url)
        self.assertTrue(response.url.endswith("/my"))
        self.assertNotIn("B-1", response.text)
        response = self.url_open(self.statement_bruno.access_url + "?report_type=html")
        self.assertTrue(response.url.endswith("/my"))
        # posting into another provider's declaration writes nothing
        self._post(
            self.decl_bruno.access_url + "/line",
            {
                "client_id": self.client_a.id,
                "invoice_ref": "HACK-1",
                "date": "2026-03-04",
                "amount": "1",
            },
        )
        self.assertEqual(len(self.decl_bruno.line_ids), 1)

    def _post_line(self, url, **values):
        """Type a line into the declaration at ``url``: Client Alpha, W-9,
        2026-03-04, 10, but for ``values``."""
        line = {
            "client_id": self.client_a.id,
            "invoice_ref": "W-9",
            "date": "2026-03-04",
            "amount": "10",
        }
        return self._post(url + "/line", dict(line, **values))

    def _declare_typed_lines(self, url):
        """Anne types W-1 (6000); a line for another provider's client or a
        bad line is refused with a message and records nothing."""
        response = self._post_line(url, invoice_ref="W-1", amount="6000")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.decl_anne.line_ids.invoice_ref, "W-1")
        # declaring for another provider's client is refused
        response = self._post_line(url, client_id=self.client_c.id, invoice_ref="W-2")
        self.assertIn("is not in your network portfolio", response.text)
        self.assertEqual(len(self.decl_anne.line_ids), 1)
        # a typed line gets the checks of a spreadsheet row: a clear message
        # on the page, nothing recorded
        for values, message in BAD_TYPED_LINES:
            with self.subTest(**values):
                response = self._post_line(url, **values)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message[:1].upper() + message[1:], response.text)
                self.assertEqual(len(self.decl_anne.line_ids), 1)

    def _declare_by_spreadsheet(self, url):
        """A bad spreadsheet lists every bad row and imports nothing; a good
        one adds W-3 (4000)."""
        bad = csv_bytes(
            [
                HEADER,
                ["Client Beta", "W-3", "2026-03-05", "100"],
                ["Client Gamma", "W-4", "2026-03-05", "100"],
                ["Client Beta", "W-1", "2026-03-05", "100"],
            ]
        )
        response = self._post(url + "/upload", files={"file": ("march.csv", bad)})
        self.assertIn("Row 3", response.text)
        self.assertIn("Row 4", response.text)
        self.assertEqual(len(self.decl_anne.line_ids), 1)
        good = csv_bytes([HEADER, ["Client Beta", "W-3", "2026-03-05", "4000"]])
        self._post(url + "/upload", files={"file": ("march.csv", good)})

    def test_portal_large_file_is_imported_in_the_background(self):
        """A file above the request limit is queued: the page shows the
        import going on and offers no submit until it is done."""
        self.env["ir.config_parameter"].sudo().set_param(
            "coop_provider_commission.import_request_max_bytes", "10"
        )
        self.authenticate("portal_anne", "portal_anne_pw")
        url = self.decl_anne.access_url
        good = csv_bytes([HEADER, ["Client Beta", "W-3", "2026-03-05", "4000"]])
        self._post(url + "/upload", files={"file": ("march.csv", good)})
        self.decl_anne.invalidate_recordset()
        self.assertEqual(self.decl_anne.import_state, "queued")
        self.assertEqual(self.decl_anne.import_user_id, self.portal_anne)
        page = self.url_open(url).text
        self.assertIn("Your file is being imported.", page)
        self.assertNotIn(url + "/submit", page)
        Declaration = self.env["coop.commission.declaration"]
        while Declaration._cron_import_batch():
            pass
        self.decl_anne.invalidate_recordset()
        self.assertEqual(self.decl_anne.import_state, "done")
        page = self.url_open(url).text
        self.assertIn("W-3", page)
        self.assertIn(url + "/submit", page)

    def test_portal_declaration_flow(self):
        self.authenticate("portal_anne", "portal_anne_pw")
        url = self.decl_anne.access_url
        self._declare_typed_lines(url)
        self._declare_by_spreadsheet(url)
        self.assertEqual(self.decl_anne.amount_total, 10000.0)
        self._post(url + "/submit")
        self.assertEqual(self.decl_anne.state, "submitted")
        # a new month from the list page
        response = self._post("/my/commissions/declaration/new", {"month": "2026-04"})
        april = self.env["coop.commission.declaration"].search(
            [("provider_id", "=", self.provider.id), ("date_from", "=", "2026-04-01")]
        )
        self.assertTrue(april)
        self.assertTrue(response.url.endswith(april.access_url))

    def test_portal_non_provider_cannot_declare(self):
        outsider = self._portal_user("portal_outsider")
        self.authenticate("portal_outsider", "portal_outsider_pw")
        response = self._post("/my/commissions/declaration/new", {"month": "2026-04"})
        self.assertIn("Only providers with network clients declare", response.text)
        self.assertFalse(
            self.env["coop.commission.declaration"].search(
                [("provider_id", "=", outsider.partner_id.id)]
            )
        )

    def test_portal_statement(self):
        self.authenticate("portal_bruno", "portal_bruno_pw")
        response = self.url_open("/my/commissions/statements")
        self.assertIn(self.statement_bruno.access_url, response.text)
        response = self.url_open(self.statement_bruno.access_url)
        self.assertIn("Client Gamma", response.text)
        response = self.url_open(self.statement_bruno.access_url + "?report_type=html")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Commission statement", response.text)
        self.assertIn("100.00", response.text)
        response = self.url_open("/my")
        self.assertIn("/my/commissions/statements", response.text)
