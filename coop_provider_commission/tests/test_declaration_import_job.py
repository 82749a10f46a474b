# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A large declaration file imported in the background, on a small N: the
request/background limit, the check of every row before anything is
written, the batches, a kill, a reference taken meanwhile, the locks."""

import base64
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.coop_spreadsheet_import.tests.common import csv_bytes

from .common import CommissionCase

HEADER = ["client", "invoice_ref", "date", "amount"]
PARAM = "coop_provider_commission.import_%s"


@tagged("post_install", "-at_install")
class TestDeclarationImportJob(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Declaration = cls.env["coop.commission.declaration"]
        cls.declaration = Declaration.create(
            {"provider_id": cls.provider.id, "date_from": date(2026, 3, 1)}
        )
        cls.february = Declaration.create(
            {"provider_id": cls.provider.id, "date_from": date(2026, 2, 1)}
        )
        cls.cron = cls.env.ref("coop_provider_commission.ir_cron_declaration_import")
        # seven invoices of 100 to Alpha and Beta (rows 2 to 8)
        cls.rows = [HEADER] + [
            ["Client Alpha" if i % 2 else "Client Beta", f"J-{i}", "2026-03-05", "100"]
            for i in range(1, 8)
        ]

    def _set(self, name, value):
        self.env["ir.config_parameter"].sudo().set_param(PARAM % name, str(value))

    def _queue(self, rows=None, user=None):
        """Send the file by the back-office wizard with the request limit at
        10 bytes (every file is large); return the wizard's answer."""
        self._set("request_max_bytes", 10)
        self._set("batch_size", 3)
        wizard = (
            self.env["coop.declaration.import.wizard"]
            .with_user(user or self.user)
            .create(
                {
                    "declaration_id": self.declaration.id,
                    "file": base64.b64encode(csv_bytes(rows or self.rows)),
                    "filename": "march.csv",
                }
            )
        )
        return wizard.action_import()

    def _batch(self):
        return self._cron_batch(
            self.cron, "coop.commission.declaration", "_cron_import_batch"
        )

    def _lines_in_db(self, declaration=None):
        """(lines, distinct references) of the declaration in the database."""
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*), count(DISTINCT invoice_ref)"
            " FROM coop_commission_declaration_line WHERE declaration_id = %s",
            ((declaration or self.declaration).id,),
        )
        return self.env.cr.fetchone()

    def test_small_file_is_imported_in_the_request(self):
        lines = self.declaration._import_spreadsheet("m.csv", csv_bytes(self.rows))
        self.assertEqual(len(lines), 7)
        self.assertEqual(self.declaration.import_state, "none")
        self.assertEqual(self.declaration.amount_total, 700.0)

    def test_large_file_is_queued_then_imported_batch_by_batch(self):
        triggers = self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.cron.id)]
        )
        action = self._queue()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("march.csv", action["params"]["message"])
        self.assertEqual(self.declaration.import_state, "queued")
        self.assertEqual(self.declaration.import_user_id, self.user)
        self.assertEqual(self.declaration.import_file_id.name, "march.csv")
        self.assertEqual(self._lines_in_db(), (0, 0))
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)]),
            triggers + 1,
        )
        steps = []
        for _i in range(4):
            progress = self._batch()
            steps.append(
                (
                    progress.done,
                    progress.remaining,
                    self.declaration.import_state,
                    self._lines_in_db()[0],
                )
            )
        # the check of the 8 rows (header included), then 3 + 3 + 1 lines
        self.assertEqual(
            steps,
            [
                (8, 7, "importing", 0),
                (3, 4, "importing", 3),
                (3, 1, "importing", 6),
                (1, 0, "done", 7),
            ],
        )
        self.assertEqual(self.declaration.amount_total, 700.0)
        self.assertFalse(self.declaration.import_staging)
        self.assertEqual(
            self.env["ir.attachment"].search_count(
                [
                    ("res_model", "=", self.declaration._name),
                    ("res_id", "=", self.declaration.id),
                ]
            ),
            1,
            "the file sent stays with the declaration",
        )
        self.assertIn("7 line(s)", self.declaration.message_ids[0].body)
        self.assertEqual(self._notifications(self.user)[-1]["type"], "success")
        self.assertEqual(
            self.env["coop.commission.declaration"]._cron_import_batch(), 0
        )

    def test_the_end_is_told_in_the_language_of_who_sent_the_file(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_provider_commission"], ["fr_FR"], overwrite=True
        )
        self.user.lang = "fr_FR"
        self._queue()
        while self._batch().remaining:
            pass
        payload = self._notifications(self.user)[-1]
        self.assertEqual(payload["title"], "Import de déclaration")
        self.assertIn("7 ligne(s) importée(s)", payload["message"])

    def test_a_bad_row_imports_nothing_and_lists_every_bad_row(self):
        rows = [
            *self.rows,
            ["Client Gamma", "J-8", "2026-03-05", "100"],
            ["Client Alpha", "J-1", "2026-03-05", "100"],
            ["Client Alpha", "J-9", "2026-04-05", "abc"],
        ]
        self._queue(rows)
        progress = self._batch()
        self.assertEqual((progress.done, progress.remaining), (0, 0))
        self.assertEqual(self.declaration.import_state, "failed")
        error = self.declaration.import_error
        self.assertIn("Nothing was imported, 4 error(s) found", error)
        for expected in (
            "Row 9: client Client Gamma is not in your network portfolio",
            "Row 10: invoice reference J-1 appears twice in the file",
            "Row 11: the date 2026-04-05 is outside the declared period",
            "Row 11: the amount abc is not a number",
        ):
            self.assertIn(expected, error)
        self.assertEqual(self._lines_in_db(), (0, 0))
        self.assertIn("was not imported", self.declaration.message_ids[0].body)
        self.assertEqual(self._notifications(self.user)[-1]["type"], "danger")
        # the provider mends the file and sends it again
        self._queue()
        while self._batch().remaining:
            pass
        self.assertEqual(self._lines_in_db(), (7, 7))
        self.assertFalse(self.declaration.import_error)

    def test_a_killed_batch_is_done_again_without_duplicates(self):
        self._queue()
        self._batch()
        self._batch()
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            self.declaration._import_batch()
            self.assertEqual(self._lines_in_db()[0], 6)
            raise RuntimeError("the worker was killed before its commit")
        self.env.invalidate_all()
        self.assertEqual(self._lines_in_db(), (3, 3))
        self.assertEqual(self.declaration.import_done, 3)
        while self._batch().remaining:
            pass
        self.assertEqual(self._lines_in_db(), (7, 7))

    def test_a_reference_taken_meanwhile_undoes_the_import(self):
        """Another declaration takes J-5 between the check of the file and
        its batch: the import fails naming the row and removes what it made;
        the lines typed before the import stay."""
        self.declaration._add_manual_line(self.client_a.id, "K-1", "2026-03-02", "50")
        self._queue()
        self._batch()
        self._batch()
        self.february._add_manual_line(self.client_a.id, "J-5", "2026-02-02", "10")
        progress = self._batch()
        self.assertEqual((progress.done, progress.remaining), (0, 0))
        self.assertEqual(self.declaration.import_state, "failed")
        self.assertIn(
            "Row 6: invoice reference J-5 was already declared",
            self.declaration.import_error,
        )
        self.assertEqual(self._lines_in_db(), (1, 1))
        self.assertEqual(self.declaration.line_ids.invoice_ref, "K-1")
        self.assertEqual(self._lines_in_db(self.february), (1, 1))

    def test_the_lines_wait_for_a_running_import(self):
        self._queue()
        self._batch()
        declaration = self.declaration.with_user(self.user)
        attempts = (
            declaration.action_submit,
            lambda: declaration._add_manual_line(
                self.client_a.id, "K-2", "2026-03-02", "50"
            ),
            lambda: declaration.import_spreadsheet("m.csv", csv_bytes(self.rows)),
            lambda: declaration.write({"line_ids": [(5, 0, 0)]}),
        )
        for attempt in attempts:
            with (
                self.subTest(attempt=attempt),
                self.assertRaisesRegex(UserError, "is being imported"),
            ):
                attempt()
        self.assertEqual(self.declaration.state, "draft")
        self.assertEqual(self._lines_in_db(), (0, 0))

    def test_a_wrong_file_type_is_refused_before_it_is_queued(self):
        self._set("request_max_bytes", 10)
        attachments = self.env["ir.attachment"].search_count([])
        with self.assertRaisesRegex(UserError, "Only CSV, XLSX, XLS and ODS"):
            self.declaration._import_spreadsheet("march.pdf", b"%PDF-1.4 " * 10)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
        self.assertEqual(self.declaration.import_state, "none")

    def test_the_limits_are_bounded(self):
        Declaration = self.env["coop.commission.declaration"]
        for value, batch, request in (
            ("-5", 1, 0),
            ("abc", 5000, 500000),
            ("0", 1, 0),
            ("7", 7, 7),
            ("10**12", 5000, 500000),
            ("999999999999", 100000000, 100000000),
        ):
            with self.subTest(value=value):
                self._set("batch_size", value)
                self._set("request_max_bytes", value)
                self.assertEqual(Declaration._import_batch_size(), batch)
                self.assertEqual(Declaration._import_request_max_bytes(), request)
