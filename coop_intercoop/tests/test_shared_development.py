# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""komunigi's co-financed developments (002): the structures interested in a
development finance it by sharing the hours worked."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .komunigi_common import KomunigiCase


@tagged("post_install", "-at_install")
class TestSharedDevelopment(KomunigiCase):
    def test_two_participants_share_ten_hours_60_40(self):
        development = self._development()
        self._hours(development, date(2026, 11, 3), 4, "Analysis")
        self._hours(development, date(2026, 11, 20), 6)
        self._hours(development, date(2026, 12, 2), 2)  # next period
        period = self._period(development)
        period.with_user(self.manager).action_invoice()
        self.assertEqual(period.state, "invoiced")
        self.assertEqual(self._invoiced(period), {"BEES coop": 480.0, "SPP": 320.0})
        self.assertEqual(period.line_ids.mapped("hours"), [6.0, 4.0])
        self.assertEqual(period.hours_total, 10)
        self.assertEqual(period.amount_total, 800)
        self.assertEqual(development.hours_invoiced, 10)
        self.assertEqual(development.hours_done, 12)
        self.assertEqual(development.amount_invoiced, 800)
        for move in period.invoice_ids:
            self.assertEqual(move.move_type, "out_invoice")
            self.assertEqual(move.state, "draft")
            self.assertIn("hours worked", move.invoice_line_ids.name)
        with self.assertRaisesRegex(UserError, "already invoiced"):
            period.action_invoice()
        self.assertEqual(len(period.invoice_ids), 2)
        # the statement lists the shares and the hours
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "coop_intercoop.report_shared_development_statement", period.ids
            )[0]
            .decode()
        )
        for text in ("BEES coop", "SPP", "Analysis", "480.00", "320.00"):
            self.assertIn(text, html)

    def test_hours_pledged_share_like_percents(self):
        development = self._development(
            {self.bees: (6, date(2026, 1, 1)), self.spp: (4, date(2026, 1, 1))},
            mode="hours",
        )
        self._hours(development, date(2026, 11, 3), 10)
        period = self._period(development)
        period.action_invoice()
        self.assertEqual(self._invoiced(period), {"BEES coop": 480.0, "SPP": 320.0})

    def test_forgotten_earlier_hours_are_invoiced_not_lost(self):
        development = self._development()
        self._hours(development, date(2026, 10, 30), 1)
        self._hours(development, date(2026, 11, 3), 9)
        period = self._period(development)
        period.action_invoice()
        self.assertEqual(period.hours_total, 10)

    def test_latecomer_pays_from_joining_and_buys_in(self):
        start = date(2026, 1, 1)
        development = self._development(
            {
                self.bees: (60, start),
                self.spp: (40, start),
            },
            buy_in_percent=50,
        )
        self._hours(development, date(2026, 10, 5), 10)
        october = self._period(development, (date(2026, 10, 1), date(2026, 10, 31)))
        october.action_invoice()
        # La Louve joins in November; the group rebalances the percents
        development.participant_ids.filtered(
            lambda p: p.partner_id == self.bees
        ).share_percent = 40
        development.participant_ids.filtered(
            lambda p: p.partner_id == self.spp
        ).share_percent = 30
        latecomer = self.env["coop.shared.development.participant"].create(
            {
                "development_id": development.id,
                "partner_id": self.latecomer.id,
                "share_percent": 30,
                "date_join": date(2026, 11, 10),
            }
        )
        self._hours(development, date(2026, 11, 3), 4)
        self._hours(development, date(2026, 11, 20), 6)
        november = self._period(development)
        november.action_invoice()
        # 4 hours before it joined: BEES and SPP 40/30; 6 after: 40/30/30
        self.assertEqual(
            self._invoiced(november),
            {"BEES coop": 374.86, "SPP": 281.14, "La Louve": 144.0},
        )
        # buy-in: 50 % of its 30 % of the 800 invoiced for October
        self.assertEqual(latecomer.buy_in_amount, 120.0)
        latecomer.with_user(self.manager).action_invoice_buy_in()
        self.assertEqual(latecomer.buy_in_move_id.amount_untaxed, 120.0)
        with self.assertRaisesRegex(UserError, "already invoiced"):
            latecomer.action_invoice_buy_in()

    def test_reset_while_drafts_then_posted_blocks(self):
        development = self._development()
        hours = self._hours(development, date(2026, 11, 3), 10)
        period = self._period(development)
        period.action_invoice()
        invoices = period.invoice_ids
        period.action_reset()
        self.assertEqual(period.state, "draft")
        self.assertFalse(invoices.exists())
        self.assertFalse(hours.period_id)
        period.action_invoice()
        period.invoice_ids[0].action_post()
        with self.assertRaisesRegex(UserError, "posted invoices"):
            period.action_reset()
        self.assertEqual(period.state, "invoiced")

    def test_invoiced_hours_and_periods_are_locked(self):
        development = self._development()
        hours = self._hours(development, date(2026, 11, 3), 10)
        period = self._period(development)
        period.action_invoice()
        with self.assertRaisesRegex(UserError, "Invoiced hours cannot"):
            hours.hours = 12
        with self.assertRaisesRegex(UserError, "Invoiced hours cannot"):
            hours.unlink()
        with self.assertRaisesRegex(UserError, "invoiced period cannot be changed"):
            period.date_to = date(2026, 12, 31)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            period.unlink()
        self.assertEqual(hours.hours, 10)
