# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A key set not returned at the end of a board mandate: 30 EUR for its
reproduction (003 §8.2), invoiced once."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .keys_common import KeysCommon

MANDATE_END = date(2026, 6, 30)


@tagged("post_install", "-at_install")
class TestKeyFee(KeysCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dana = cls.members["Dana"].partner_id
        cls.mandates["Dana"].date_end = MANDATE_END
        cls.Issue = cls.env["coop.makerspace.key.issue"]

    def _fee_invoices(self, partner):
        return self.env["account.move"].search(
            [("partner_id", "in", partner.ids), ("move_type", "=", "out_invoice")]
        )

    def test_unreturned_key_set_invoices_30_once(self):
        key = self._key()
        issue = self._issue(key, self.dana)
        with freeze_time("2026-06-30"):  # still in office on the last day
            self.Issue._cron_invoice_key_fees()
        self.assertFalse(self._fee_invoices(self.dana))
        with freeze_time("2026-07-01"):
            self.Issue._cron_invoice_key_fees()
            self.Issue._cron_invoice_key_fees()  # twice: invoiced once
        invoice = self._fee_invoices(self.dana)
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.amount_total, 30.0)
        self.assertEqual(invoice.currency_id, self.company.currency_id)
        self.assertEqual(invoice.state, "draft")  # the treasurer posts it
        self.assertEqual(
            invoice.invoice_line_ids.product_id,
            self.env.ref("coop_makerspace.product_key_set_fee"),
        )
        self.assertIn("SET-01", invoice.invoice_line_ids.name)
        self.assertEqual(issue.fee_move_id, invoice)
        self.assertEqual((issue.state, key.state), ("lost", "lost"))
        self.assertEqual(issue.date_lost, date(2026, 7, 1))

    def test_no_fee_when_returned_badge_or_still_seated(self):
        returned = self._key("SET-R")
        self._issue(returned, self.dana)
        returned.action_return()
        badge = self._key("BADGE-1", kind="badge")
        self._issue(badge, self.dana)
        # Eli's mandate ended but a new one runs: still on the board
        eli = self.members["Eli"].partner_id
        self.mandates["Eli"].date_end = MANDATE_END
        self.env["coop.board.mandate"].create(
            {"membership_id": self.members["Eli"].id, "date_start": "2026-07-01"}
        )
        self._issue(self._key("SET-E"), eli)
        # Fay never left the board
        fay = self.members["Fay"].partner_id
        self._issue(self._key("SET-F"), fay)
        with freeze_time("2026-08-01"):
            self.Issue._cron_invoice_key_fees()
        for partner in (self.dana, eli, fay):
            self.assertFalse(self._fee_invoices(partner), partner.name)
        self.assertEqual(badge.state, "issued")

    def test_fee_amount_and_posting_are_settings(self):
        self.company.write({"coop_key_fee_amount": 45.0, "coop_key_fee_post": True})
        self._issue(self._key(), self.dana)
        with freeze_time("2026-07-01"):
            self.Issue._cron_invoice_key_fees()
        invoice = self._fee_invoices(self.dana)
        self.assertEqual((invoice.amount_total, invoice.state), (45.0, "posted"))

    def test_cron_works_in_batches(self):
        self.mandates["Gus"].date_end = MANDATE_END
        gus = self.members["Gus"].partner_id
        self._issue(self._key("SET-D"), self.dana)
        self._issue(self._key("SET-G"), gus)
        cron = self.env.ref("coop_makerspace.ir_cron_coop_makerspace_key_fees")
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": cron.id, "remaining": 0, "done": 0}
        )
        Issue = self.Issue.with_context(ir_cron_progress_id=progress.id)
        with freeze_time("2026-07-01"):
            Issue._cron_invoice_key_fees(batch_size=1)
            self.assertEqual((progress.done, progress.remaining), (1, 1))
            Issue._cron_invoice_key_fees(batch_size=1)
            self.assertEqual((progress.done, progress.remaining), (1, 0))
            Issue._cron_invoice_key_fees(batch_size=1)
            self.assertEqual((progress.done, progress.remaining), (0, 0))
        self.assertEqual(len(self._fee_invoices(self.dana | gus)), 2)

    def test_manager_button(self):
        """The bureau runs it at once: the invoices it may read, otherwise a
        notification; a second run invoices nothing more."""
        issue = self._issue(self._key(), self.dana)
        Issue = self.Issue.with_user(self.maker_manager)
        with freeze_time("2026-07-01"):
            action = Issue.action_invoice_key_fees()
            self.assertEqual(action["tag"], "display_notification")
            self.assertIn("1 key set fee invoice(s)", action["params"]["message"])
            self.maker_manager.groups_id |= self.env.ref(
                "account.group_account_invoice"
            )
            again = Issue.action_invoice_key_fees()
        self.assertEqual(again["domain"], [("id", "in", [])])
        self.assertEqual(self._fee_invoices(self.dana), issue.fee_move_id)
        self.assertEqual(len(issue.fee_move_id), 1)
