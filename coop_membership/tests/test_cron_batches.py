# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestCronBatches(CoopCommon):
    """The daily crons handle a bounded batch per call and tell Odoo's cron
    what remains, so it commits and calls again (issue 17)."""

    def _call_until_done(self, method, limit=20):
        """Call the cron ``method`` as the cron does, with a progress record,
        until nothing remains; return each call's (done, remaining)."""
        cron = self.env.ref("coop_membership.ir_cron_coop_process_leaves")
        steps = []
        for _i in range(limit):
            progress = self.env["ir.cron.progress"].create(
                {"cron_id": cron.id, "remaining": 0, "done": 0}
            )
            method(progress.id)
            steps.append((progress.done, progress.remaining))
            if not progress.remaining:
                return steps
        self.fail("the cron did not end")

    def _three_members(self, prefix, **vals):
        return self.env["coop.membership"].union(
            *(
                self._member("%s %s" % (prefix, i), self.cat_provider, "active", **vals)
                for i in range(3)
            )
        )

    def _assert_batches(self, steps):
        """At least two calls, each doing at most the batch of 2."""
        self.assertGreaterEqual(len(steps), 2)
        self.assertTrue(all(0 < done <= 2 for done, _remaining in steps), steps)

    def test_leaves_processed_in_batches(self):
        members = self._three_members("Leaving")
        for member in members:
            member._record_notice(date(2026, 1, 15))
        self.assertEqual(set(members.mapped("state")), {"leaving"})
        Membership = self.env["coop.membership"]
        with freeze_time("2026-07-01"):
            steps = self._call_until_done(
                lambda progress_id: Membership.with_context(
                    ir_cron_progress_id=progress_id
                )._cron_process_leaves(batch_size=2)
            )
        self._assert_batches(steps)
        self.assertEqual(set(members.mapped("state")), {"left"})

    def test_reviews_scheduled_in_batches(self):
        members = self._three_members("Review", join_date=date(2025, 11, 1))
        members.category_id.review_after_months = 12
        History = self.env["coop.membership.category.history"]
        with freeze_time("2026-11-02"):
            steps = self._call_until_done(
                lambda progress_id: History.with_context(
                    ir_cron_progress_id=progress_id
                )._cron_schedule_reviews(batch_size=2)
            )
        self._assert_batches(steps)
        self.assertTrue(all(members.history_ids.mapped("review_scheduled")))
        self.assertEqual(len(members.activity_ids), 3)
