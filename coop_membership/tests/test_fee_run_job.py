# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import date

from freezegun import freeze_time

from odoo import sql_db
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestFeeRunJob(CoopCommon):
    """The fee run as a background job in batches (issue 17): queued by the
    button past one batch, run by the cron a batch per commit, resumable,
    its state and summary shown, small runs still done in the request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.members = [
            cls._member("Job %s" % i, cls.cat_provider, "active") for i in range(5)
        ]
        cls.period = cls.scheme_year._get_or_create_period(date(2026, 1, 1))
        cls.cron = cls.env.ref("coop_membership.ir_cron_coop_invoice_fees")

    def _set_param(self, key, value):
        self.env["ir.config_parameter"].sudo().set_param(
            "coop_membership.fee_run_%s" % key, str(value)
        )

    def _set_batch(self, size):
        """Batches of ``size`` members, and runs in the request up to it."""
        self._set_param("batch_size", size)
        self._set_param("request_limit", size)

    def _fee_lines_in_db(self):
        """Fee lines of the period as the database holds them."""
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*), count(DISTINCT membership_id) FROM coop_fee_line"
            " WHERE period_id = %s",
            (self.period.id,),
        )
        return self.env.cr.fetchone()

    def _batch(self):
        """One call of the cron's batch as the cron makes it (with a progress
        record); return the progress."""
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.cron.id, "remaining": 0, "done": 0}
        )
        self.env["coop.fee.scheme"].with_context(
            ir_cron_progress_id=progress.id
        )._cron_invoice_fees()
        return progress

    def _run_until_done(self, limit=10):
        for _i in range(limit):
            progress = self._batch()
            if not progress.remaining:
                return
        self.fail("the fee run did not end")

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

    def test_small_run_completes_in_the_request(self):
        action = self.period.action_run_fees()
        self.assertEqual(action["res_model"], "account.move")
        self.assertEqual(len(action["domain"][0][2]), 5)
        self.assertEqual(self.period.run_state, "done")
        self.assertEqual((self.period.run_done, self.period.run_total), (5, 5))
        self.assertEqual(self.period.run_invoice_count, 5)
        self.assertIn("Fee run done", self.period.message_ids[0].body)
        self.assertEqual(self._fee_lines_in_db(), (5, 5))

    def test_large_run_is_queued_then_invoiced_batch_by_batch(self):
        self._set_batch(2)
        triggers = self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.cron.id)]
        )
        action = self.period.action_run_fees()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("5 member(s)", action["params"]["message"])
        self.assertEqual(self.period.run_state, "queued")
        self.assertEqual(self.period.run_user_id, self.env.user)
        self.assertEqual(self._fee_lines_in_db(), (0, 0))
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)]),
            triggers + 1,
        )
        steps = []
        for _i in range(3):
            progress = self._batch()
            steps.append(
                (
                    progress.done,
                    progress.remaining,
                    self.period.run_state,
                    self.period.run_done,
                )
            )
        self.assertEqual(
            steps, [(2, 3, "running", 2), (2, 1, "running", 4), (1, 0, "done", 5)]
        )
        self.assertEqual(self._fee_lines_in_db(), (5, 5))
        self.assertEqual(self.period.run_invoice_count, 5)
        self.assertIn("5 member(s) handled", self.period.message_ids[0].body)
        payloads = self._notifications(self.env.user)
        self.assertEqual(payloads[-1]["type"], "success")
        # once done, no batch is left to run
        self.assertEqual(self.env["coop.fee.period"]._cron_run_fee_batch(), 0)
        self.assertEqual(self._fee_lines_in_db(), (5, 5))

    def test_the_end_is_told_in_the_language_of_who_started_it(self):
        """A French user starts the run, the cron (in English) ends it: the
        notification is in French."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_membership"], ["fr_FR"], overwrite=True
        )
        company = self.period.company_id
        french = new_test_user(
            self.env,
            "fee_run_fr",
            "base.group_user,coop_membership.group_coop_manager",
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
            lang="fr_FR",
        )
        self._set_batch(2)
        self.period.with_user(french).action_run_fees()
        self.assertEqual(self.period.run_user_id, french)
        self._run_until_done()  # as the cron's user, in English
        payload = self._notifications(french)[-1]
        self.assertEqual(payload["title"], "Facturation des cotisations")
        self.assertIn("5 membre(s) traité(s), 5 facture(s)", payload["message"])

    def test_a_killed_batch_is_done_again_without_duplicates(self):
        self._set_batch(2)
        self.period.action_run_fees()
        self._batch()
        self.assertEqual(self._fee_lines_in_db(), (2, 2))
        # a worker killed in the middle of the next batch: its transaction
        # is rolled back, as this savepoint is
        with self.assertRaises(InterruptedError), self.env.cr.savepoint():
            self.period._run_fee_batch(2)
            self.env.flush_all()
            self.assertEqual(self._fee_lines_in_db(), (4, 4))
            raise InterruptedError("worker killed")
        self.assertEqual(self._fee_lines_in_db(), (2, 2))
        self._run_until_done()
        self.assertEqual(self._fee_lines_in_db(), (5, 5))
        moves = self.env["account.move"].search(
            [("coop_fee_period_id", "=", self.period.id)]
        )
        self.assertEqual(len(moves), 5)
        self.assertEqual(len(moves.partner_id), 5)

    def test_a_failed_run_shows_its_reason_and_can_be_run_again(self):
        self._set_batch(2)
        self.period.action_run_fees()
        self._batch()
        # the period is closed while the run waits for its next batch
        self.period.action_close()
        progress = self._batch()
        self.assertEqual((progress.done, progress.remaining), (0, 0))
        self.assertEqual(self.period.run_state, "failed")
        self.assertIn("closed", self.period.run_error)
        self.assertIn("stopped after 2 member(s)", self.period.message_ids[0].body)
        self.assertEqual(self._notifications(self.env.user)[-1]["type"], "danger")
        self.assertEqual(self._fee_lines_in_db(), (2, 2))
        # reopened and started again: the run picks up where it stopped
        self.period.action_reopen()
        action = self.period.action_run_fees()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self.period.run_total, 3)
        self.assertFalse(self.period.run_error)
        self._run_until_done()
        self.assertEqual(self._fee_lines_in_db(), (5, 5))

    def test_a_member_due_behind_the_run_is_left_to_the_next_run(self):
        """The run goes through the members by id (a constant cost per
        batch): one who becomes due behind it is invoiced by the next run."""
        first = self.members[0]
        first.sudo().write({"state": "candidate"})
        self._set_batch(2)
        self.period.action_run_fees()
        self.assertEqual(self.period.run_total, 4)
        self._batch()
        # admitted again while the run goes on, behind the run's place
        first.sudo().write({"state": "active"})
        self._run_until_done()
        self.assertEqual(self.period.run_done, 4)
        self.assertEqual(self._fee_lines_in_db(), (4, 4))
        self.assertEqual(self.period._count_members_due(), 1)
        action = self.period.action_run_fees()  # one member: in the request
        self.assertEqual(action.get("res_model"), "account.move", action)
        self.assertEqual(self._fee_lines_in_db(), (5, 5))

    def test_a_run_in_progress_elsewhere_is_refused_clearly(self):
        """Another server (a connection of its own) holds a period's lock:
        the button says a run is in progress and writes nothing."""
        # the test company's periods are not committed: the demo company's is
        period = (
            self.env["coop.fee.period"]
            .sudo()
            .search([("id", "<", self.period.id), ("state", "=", "open")], limit=1)
        )
        self.assertTrue(period, "the demo data's fee period, committed")
        self._set_param("request_limit", 0)
        state, messages = period.run_state, len(period.message_ids)
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            other.execute(
                "SELECT id FROM coop_fee_period WHERE id = %s FOR NO KEY UPDATE",
                (period.id,),
            )
            with self.assertRaisesRegex(UserError, "is in progress"):
                period.action_run_fees()
        finally:
            other.rollback()
            other.close()
        self.env.invalidate_all()
        self.assertEqual(period.run_state, state)
        self.assertEqual(len(period.message_ids), messages)

    def test_pressing_again_while_queued_only_wakes_the_job(self):
        self._set_batch(2)
        self.period.action_run_fees()
        messages = len(self.period.message_ids)
        action = self.period.action_run_fees()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self.period.run_state, "queued")
        self.assertEqual(len(self.period.message_ids), messages)
        self.assertEqual(self._fee_lines_in_db(), (0, 0))

    @freeze_time("2026-03-10")
    def test_daily_cron_queues_the_current_period_and_invoices_it(self):
        self._set_batch(2)
        self.cron.method_direct_trigger()
        progress = self.env["ir.cron.progress"].search(
            [("cron_id", "=", self.cron.id)], order="id desc", limit=1
        )
        # the demo data's periods are queued too: 2 done, at least our 3 left
        self.assertEqual(progress.done, 2)
        self.assertGreaterEqual(progress.remaining, 3)
        self.assertIn(self.period.run_state, ("queued", "running"))
        self.assertFalse(self.period.run_user_id)  # nobody to notify
        self._run_until_done(limit=30)
        self.assertEqual(self.period.run_state, "done")
        self.assertEqual(self._fee_lines_in_db(), (5, 5))

    def test_parameters_are_bounded(self):
        Period = self.env["coop.fee.period"]
        cases = (
            ("batch_size", "0", 1),
            ("batch_size", "-4", 1),
            ("batch_size", "abc", 50),
            ("batch_size", "", 50),
            ("batch_size", 10**9, 5000),
            ("request_limit", "0", 0),
            ("request_limit", "-3", 0),
            ("request_limit", "abc", 300),
            ("request_limit", 10**9, 5000),
        )
        for key, value, expected in cases:
            self._set_param(key, value)
            self.assertEqual(
                Period._fee_run_batch_size()
                if key == "batch_size"
                else Period._fee_run_request_limit(),
                expected,
                (key, value),
            )

    def test_request_limit_zero_always_queues(self):
        self._set_param("request_limit", 0)
        action = self.period.action_run_fees()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self.period.run_state, "queued")
        self._run_until_done()
        self.assertEqual(self._fee_lines_in_db(), (5, 5))
