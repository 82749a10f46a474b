# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Settlement documents made in the background, on a small N: queued above
the request limit, a batch of partners at a time, a kill, a settlement reset
meanwhile, a failure."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CommissionCase

MARCH = date(2026, 3, 15)
PARAM = "coop_provider_commission.documents_%s"


@tagged("post_install", "-at_install")
class TestSettlementDocumentJob(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cron = cls.env.ref("coop_provider_commission.ir_cron_settlement_documents")
        cls._declaration(
            cls.provider,
            date(2026, 3, 1),
            [(cls.client_a, "A-1", date(2026, 3, 5), 10000.0)],
        )
        cls._declaration(
            cls.provider2,
            date(2026, 3, 1),
            [(cls.client_c, "B-1", date(2026, 3, 5), 5000.0)],
        )
        rule = cls._agreement(name="20 % of network turnover")
        cls.settlements = cls.env["coop.commission.settlement"]._settle(rule, MARCH)
        cls.settlements.action_validate()
        cls.anne = cls.settlements.filtered(lambda s: s.partner_id == cls.provider)
        cls.bruno = cls.settlements - cls.anne

    def setUp(self):
        super().setUp()
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param(PARAM % "request_limit", "1")
        Param.set_param(PARAM % "batch_size", "1")

    def _queue(self):
        return self.settlements.with_user(self.manager).action_create_documents()

    def _batch(self):
        return self._cron_batch(
            self.cron, "coop.commission.settlement", "_cron_create_documents_batch"
        )

    def _moves(self):
        return self.env["account.move"].search(
            [("partner_id", "in", (self.provider | self.provider2).ids)]
        )

    def test_few_documents_are_made_in_the_request(self):
        self.env["ir.config_parameter"].sudo().set_param(PARAM % "request_limit", "2")
        action = self._queue()
        self.assertEqual(action["res_model"], "account.move")
        self.assertEqual(set(self.settlements.mapped("state")), {"invoiced"})
        self.assertFalse(any(self.settlements.mapped("document_queued")))

    def test_many_documents_are_queued_then_made_batch_by_batch(self):
        action = self._queue()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("2 settlement(s)", action["params"]["message"])
        self.assertTrue(all(self.settlements.mapped("document_queued")))
        self.assertEqual(self.settlements.document_user_id, self.manager)
        self.assertFalse(self._moves())
        first = self._batch()
        self.assertEqual((first.done, first.remaining), (1, 1))
        self.assertEqual(len(self._moves()), 1)
        second = self._batch()
        self.assertEqual((second.done, second.remaining), (1, 0))
        self.assertEqual(set(self.settlements.mapped("state")), {"invoiced"})
        self.assertFalse(any(self.settlements.mapped("document_queued")))
        self.assertEqual(sorted(self._moves().mapped("amount_total")), [1000.0, 2000.0])
        self.assertEqual(self._notifications(self.manager)[-1]["type"], "success")
        self.assertEqual(self._batch().done, 0)
        self.assertEqual(len(self._moves()), 2)

    def test_a_killed_batch_is_done_again_once(self):
        self._queue()
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            self._batch()
            self.assertEqual(len(self._moves()), 1)
            raise RuntimeError("the worker was killed before its commit")
        self.env.invalidate_all()
        self.assertFalse(self._moves())
        self.assertTrue(all(self.settlements.mapped("document_queued")))
        while self._batch().remaining:
            pass
        self.assertEqual(len(self._moves()), 2)
        self.assertEqual(self.settlements.move_id, self._moves())

    def test_a_settlement_reset_meanwhile_leaves_the_queue(self):
        self._queue()
        self.bruno.with_user(self.manager).action_reset_draft()
        while self._batch().remaining:
            pass
        self.assertEqual(self.anne.state, "invoiced")
        self.assertEqual(self.bruno.state, "draft")
        self.assertFalse(self.bruno.document_queued)
        self.assertEqual(self._moves().partner_id, self.provider)

    def test_a_failure_stops_the_run_and_says_why(self):
        self._queue()
        Settlement = type(self.env["coop.commission.settlement"])

        def refuse(settlements, move_type):
            # an extension (or the accounting setup) refusing the document
            raise UserError(settlements.env._("No journal for commissions"))

        self.patch(Settlement, "_prepare_invoice_vals", refuse)
        progress = self._batch()
        self.assertEqual(progress.remaining, 0)
        self.assertFalse(self._moves())
        self.assertEqual(set(self.settlements.mapped("state")), {"validated"})
        self.assertFalse(any(self.settlements.mapped("document_queued")))
        failed = self.settlements.filtered(
            lambda s: "was not made" in (s.message_ids[:1].body or "")
        )
        self.assertEqual(len(failed), 1)
        notification = self._notifications(self.manager)[-1]
        self.assertEqual(notification["type"], "danger")
        self.assertIn("No journal for commissions", notification["message"])
        self.assertIn("still validated", notification["message"])
