# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Security and bad-input catalogue of the back office over JSON-RPC: the
Commission User against the Manager, two companies, the wizards. Each case
checks the message and counts (or reads) the records after the request."""

import base64
from datetime import date

from odoo.tests import tagged

from odoo.addons.coop_spreadsheet_import.tests.common import csv_bytes

from .common import CommissionHttpCase

DECLARATION = "coop.commission.declaration"
LINE = "coop.commission.declaration.line"
SETTLEMENT = "coop.commission.settlement"
MANAGER_ONLY = "Only a Provider Commissions Manager may do this operation."
HEADER = ["client", "invoice_ref", "date", "amount"]
MARCH = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestSecurityBackend(CommissionHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.validated = cls._declaration(
            cls.provider, MARCH, [(cls.client_a, "V-1", date(2026, 3, 3), 100.0)]
        )
        cls.draft = cls.env[DECLARATION].create(
            {"provider_id": cls.provider.id, "date_from": date(2026, 4, 1)}
        )
        cls.agreement = cls._agreement(name="Sec network")
        cls.settlement = cls.env[SETTLEMENT]._settle(cls.agreement, MARCH)
        cls.company_b = cls.env["res.company"].create({"name": "Sec Coop B"})
        cls.decl_b = cls.env[DECLARATION].create(
            {
                "provider_id": cls.provider.id,
                "company_id": cls.company_b.id,
                "date_from": MARCH,
            }
        )
        cls.agreement_b = cls._agreement(name="Sec B", company_id=cls.company_b.id)

    def _as(self, user):
        self.authenticate(user.login, user.login)

    def _csv64(self, ref="N-1"):
        content = csv_bytes([HEADER, ["Client Alpha", ref, "2026-04-02", "50"]])
        return base64.b64encode(content).decode()

    # item 5: a Commission User neither validates nor rewrites
    def test_item5_user_cannot_validate_declaration(self):
        self.draft.action_submit()
        self._as(self.user)
        for method in ("action_validate", "action_reset_draft"):
            with self.subTest(method=method):
                error = self._rpc_error(DECLARATION, method, [[self.draft.id]])
                self.assertEqual(error, MANAGER_ONLY)
                self.assertEqual(self.draft.state, "submitted")

    def test_item5_validated_line_refuses_write(self):
        line = self.validated.line_ids
        for user in (self.user, self.manager):
            with self.subTest(user=user.login):
                self._as(user)
                error = self._rpc_error(LINE, "write", [line.ids, {"amount": 1.0}])
                self.assertIn("is no longer a draft", error)
                self.assertEqual(line.amount, 100.0)
                error = self._rpc_error(LINE, "unlink", [line.ids])
                self.assertIn("is no longer a draft", error)
                self.assertEqual(self._count(LINE, [("id", "=", line.id)]), 1)

    def test_validated_declaration_refuses_write(self):
        self._as(self.manager)
        vals = {"date_from": "2026-05-01"}
        error = self._rpc_error(DECLARATION, "write", [self.validated.ids, vals])
        self.assertIn("is no longer a draft", error)
        self.assertEqual(self.validated.date_from, MARCH)
        error = self._rpc_error(DECLARATION, "unlink", [self.validated.ids])
        self.assertIn("is no longer a draft", error)
        self.assertEqual(self._count(DECLARATION, [("id", "=", self.validated.id)]), 1)

    def test_import_spreadsheet_text_not_base64(self):
        self._as(self.user)
        before = self._count(LINE)
        for content in ("client,invoice_ref\nAlpha,X", 42, None):
            with self.subTest(content=content):
                error = self._rpc_error(
                    DECLARATION,
                    "import_spreadsheet",
                    [self.draft.ids, "m.csv", content],
                )
                self.assertIn(
                    "The file must be sent as bytes or base64-encoded text.", error
                )
                self.assertEqual(self._count(LINE), before)

    def test_import_spreadsheet_bad_filename(self):
        self._as(self.user)
        before = self._count(LINE)
        error = self._rpc_error(
            DECLARATION, "import_spreadsheet", [self.draft.ids, "m.pdf", self._csv64()]
        )
        self.assertIn(
            "Only CSV, XLSX, XLS and ODS files can be imported (m.pdf).", error
        )
        self.assertEqual(self._count(LINE), before)

    def test_public_methods_return_true(self):
        """Over RPC a recordset cannot be marshalled: True comes back."""
        self._as(self.user)
        before = self._count(LINE)
        args = [self.draft.ids, "m.csv", self._csv64()]
        self.assertEqual(
            self._rpc(DECLARATION, "import_spreadsheet", args), (True, None)
        )
        self.assertEqual(self._count(LINE), before + 1)
        submit = self._rpc(DECLARATION, "action_submit", [self.draft.ids])
        self.assertEqual(submit, (True, None))
        self._as(self.manager)
        validate = self._rpc(DECLARATION, "action_validate", [self.draft.ids])
        self.assertEqual(validate, (True, None))
        self.assertEqual(self.draft.state, "validated")

    def test_user_cannot_settle_or_invoice(self):
        self._as(self.user)
        moves = self._count("account.move")
        for method in (
            "action_validate",
            "action_recompute",
            "action_create_documents",
        ):
            with self.subTest(method=method):
                error = self._rpc_error(SETTLEMENT, method, [self.settlement.ids])
                self.assertEqual(error, MANAGER_ONLY)
                self.assertEqual(self.settlement.state, "draft")
                self.assertEqual(self._count("account.move"), moves)

    def test_validated_settlement_refuses_write(self):
        self._as(self.manager)
        result = self._rpc(SETTLEMENT, "action_validate", [self.settlement.ids])
        self.assertEqual(result, (True, None))
        lines = self.settlement.line_ids
        error = self._rpc_error(
            "coop.commission.settlement.line", "write", [lines.ids, {"amount": 1}]
        )
        self.assertIn("is not a draft", error)
        self.assertEqual(self.settlement.amount_total, 20.0)
        vals = {"partner_id": self.provider2.id}
        error = self._rpc_error(SETTLEMENT, "write", [self.settlement.ids, vals])
        self.assertIn("is not a draft", error)
        self.assertEqual(self.settlement.partner_id, self.provider)
        error = self._rpc_error(SETTLEMENT, "unlink", [self.settlement.ids])
        self.assertIn("is not a draft", error)
        self.assertEqual(self._count(SETTLEMENT, [("id", "=", self.settlement.id)]), 1)

    def test_create_documents_returns_an_action(self):
        self.settlement.action_validate()
        self._as(self.manager)
        result, error = self._rpc(
            SETTLEMENT, "action_create_documents", [self.settlement.ids]
        )
        self.assertIsNone(error)
        self.assertEqual(result["res_model"], "account.move")
        self.assertEqual(result["type"], "ir.actions.act_window")
        self.assertEqual(self.settlement.state, "invoiced")

    def test_two_companies(self):
        """The company A manager cannot validate or read company B's records."""
        self.decl_b.action_submit()
        self._as(self.manager)
        error = self._rpc_error(DECLARATION, "action_validate", [self.decl_b.ids])
        self.assertIn("doesn't have 'write' access", error)
        self.assertEqual(self.decl_b.state, "submitted")
        error = self._rpc_error(
            "coop.commission.agreement", "read", [self.agreement_b.ids, ["rate"]]
        )
        self.assertIn("doesn't have 'read' access", error)

    def test_line_bad_amounts(self):
        self._as(self.user)
        before = self._count(LINE)
        for amount in (float("nan"), float("inf"), 1e300, -1.0, "abc"):
            with self.subTest(amount=amount):
                vals = {
                    "declaration_id": self.draft.id,
                    "client_id": self.client_a.id,
                    "invoice_ref": "BAD-1",
                    "date": "2026-04-02",
                    "amount": amount,
                }
                error = self._rpc_error(LINE, "create", [vals])
                self.assertIn("Declared amounts and units must be numbers", error)
                self.assertEqual(self._count(LINE), before)

    def test_agreement_bad_numbers(self):
        self._as(self.manager)
        for name, value in (("rate", float("nan")), ("amount", float("inf"))):
            with self.subTest(name=name):
                error = self._rpc_error(
                    "coop.commission.agreement",
                    "write",
                    [self.agreement.ids, {name: value}],
                )
                self.assertIn(
                    "Rates, amounts and targets must be numbers not exceeding", error
                )
                self.assertEqual(self.agreement.rate, 20.0)
                self.assertEqual(self.agreement.amount, 0.0)

    def test_import_wizard_bad_file(self):
        wizard = (
            self.env["coop.declaration.import.wizard"]
            .with_user(self.user)
            .create(
                {
                    "declaration_id": self.draft.id,
                    "file": base64.b64encode(b"%PDF-1.4"),
                    "filename": "march.pdf",
                }
            )
        )
        self._as(self.user)
        before = self._count(LINE)
        error = self._rpc_error(
            "coop.declaration.import.wizard", "action_import", [wizard.ids]
        )
        self.assertIn(
            "Only CSV, XLSX, XLS and ODS files can be imported (march.pdf).", error
        )
        self.assertEqual(self._count(LINE), before)

    def test_settle_wizard_other_company_agreement(self):
        wizard = (
            self.env["coop.commission.settle.wizard"]
            .with_user(self.manager)
            .create({"date": MARCH, "agreement_ids": [(6, 0, self.agreement_b.ids)]})
        )
        self._as(self.manager)
        before = self._count(SETTLEMENT)
        error = self._rpc_error(
            "coop.commission.settle.wizard", "action_settle", [wizard.ids]
        )
        self.assertEqual(
            error, "You cannot settle agreements of a company you do not work in."
        )
        self.assertEqual(self._count(SETTLEMENT), before)

    def test_departure_wizard(self):
        Wizard = "coop.network.departure.wizard"
        outsider = self.env["res.partner"].create({"name": "Sec No Clients"})
        self._as(self.user)
        error = self._rpc_error(Wizard, "create", [{"provider_id": outsider.id}])
        self.assertIn("You are not allowed to create", error)
        self.assertEqual(self._count(Wizard), 0)
        wizard = (
            self.env[Wizard]
            .with_user(self.manager)
            .create({"provider_id": outsider.id})
        )
        self._as(self.manager)
        before = self._count("coop.network.departure")
        error = self._rpc_error(Wizard, "action_confirm", [wizard.ids])
        self.assertEqual(error, "Sec No Clients has no network client.")
        self.assertEqual(self._count("coop.network.departure"), before)

    def test_user_cannot_run_a_departure_through_the_wizard_method(self):
        wizard = (
            self.env["coop.network.departure.wizard"]
            .with_user(self.manager)
            .create({"provider_id": self.provider.id})
        )
        self._as(self.user)
        error = self._rpc_error(
            "coop.network.departure.wizard", "action_confirm", [wizard.ids]
        )
        self.assertEqual(error, MANAGER_ONLY)
        self.assertEqual(self.nc_a.provider_id, self.provider)
        self.assertTrue(self.nc_a.active)

    def test_refusals_are_translated(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_provider_commission"], ["fr_FR"], overwrite=True
        )
        self.user.lang = "fr_FR"
        self.draft.action_submit()
        self._as(self.user)
        french = {"context": {"lang": "fr_FR"}}
        error = self._rpc_error(
            DECLARATION, "action_validate", [self.draft.ids], french
        )
        self.assertEqual(
            error,
            "Seul un responsable des commissions des prestataires peut effectuer "
            "cette opération.",
        )
        self.assertEqual(self.draft.state, "submitted")
        before = self._count(LINE)
        error = self._rpc_error(
            DECLARATION, "import_spreadsheet", [self.draft.ids, "m.csv", "x y"], french
        )
        self.assertIn("Le fichier doit être envoyé en octets", error)
        self.assertEqual(self._count(LINE), before)
