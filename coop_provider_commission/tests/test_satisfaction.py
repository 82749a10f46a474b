# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cooperation.net's client satisfaction (001): rating requests after the
hosting contract is signed, the index beside the targets, the section's
semester report to the head office."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CommissionCase
from .satisfaction_common import SatisfactionMixin

SEMESTER_DAY = date(2026, 3, 15)


@tagged("post_install", "-at_install")
class TestSatisfaction(SatisfactionMixin, CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_satisfaction()
        cls.Network = cls.env["coop.network.client"]
        cls.Settlement = cls.env["coop.commission.settlement"]

    def _requests(self, network_client):
        return self.env["rating.rating"].search(
            [("res_model", "=", self.Network._name), ("res_id", "=", network_client.id)]
        )

    def test_request_when_the_contract_is_signed(self):
        novation = self.hosting["ONG Novation"]
        self.assertEqual(novation.rating_request_next, date(2026, 3, 10))
        sent = self.Network._cron_send_rating_requests()
        self.assertEqual(sent, self.Network.union(*self.hosting.values()))
        request = self._requests(novation)
        # Odoo's rating: the client rates, the mediator is rated
        self.assertEqual(request.partner_id, novation.client_id)
        self.assertEqual(request.rated_partner_id, self.kofi)
        self.assertFalse(request.consumed)
        message = novation.message_ids[:1]
        self.assertIn(f"/rate/{request.access_token}/5", message.body)
        self.assertIn("Mediator Kofi", message.body)
        self.assertEqual(message.partner_ids, novation.client_id)
        # then every 6 months
        today = fields.Date.context_today(novation)
        self.assertEqual(novation.rating_request_last, today)
        self.assertEqual(novation.rating_request_next, today + relativedelta(months=6))
        self.assertFalse(self.Network._cron_send_rating_requests())

    def test_interval_zero_asks_once(self):
        self.section.coop_rating_interval_months = 0
        self.Network._cron_send_rating_requests()
        self.assertFalse(self.hosting["ONG Novation"].rating_request_next)

    def test_clients_not_asked(self):
        """No hosting contract, or no email to send the request to."""
        radio = self.hosting["Radio Lomé"]
        radio.client_id.email = False
        self.hosting["Artisans de Bè"].contract_signed_on = False
        sent = self.Network._cron_send_rating_requests()
        self.assertEqual(sent, self.hosting["ONG Novation"])
        self.assertFalse(self._requests(radio))

    def test_requests_in_batches(self):
        first = self.Network._cron_send_rating_requests(batch=2)
        self.assertEqual(len(first), 2)
        second = self.Network._cron_send_rating_requests(batch=2)
        self.assertEqual(len(second), 1)
        self.assertFalse(first & second)

    def test_index_beside_the_targets(self):
        """March 2026: Kofi's clients rate 5 and 4, Ama's 3; an April rating
        is April's."""
        agreement = self._mediator_agreement()
        self._rate(self.hosting["ONG Novation"], 5, date(2026, 3, 12), "Online at once")
        self._rate(self.hosting["Radio Lomé"], 4, date(2026, 3, 20))
        self._rate(self.hosting["Artisans de Bè"], 3, date(2026, 3, 25))
        self._rate(self.hosting["Radio Lomé"], 1, date(2026, 4, 2))
        march = self.Settlement._settle(agreement, date(2026, 3, 1))
        kofi = march.filtered(lambda s: s.partner_id == self.kofi)
        ama = march.filtered(lambda s: s.partner_id == self.ama)
        self.assertEqual((kofi.satisfaction_index, kofi.satisfaction_count), (4.5, 2))
        self.assertEqual((ama.satisfaction_index, ama.satisfaction_count), (3.0, 1))
        april = self.Settlement._settle(agreement, date(2026, 4, 1))
        kofi_april = april.filtered(lambda s: s.partner_id == self.kofi)
        self.assertEqual(kofi_april.satisfaction_index, 1.0)
        # the section's period report shows it beside the targets
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "coop_provider_commission.action_report_settlement_period", march.ids
            )[0]
        )
        self.assertIn("Satisfaction (1-5)", html)
        self.assertIn("4.50", html)

    def _semester(self):
        """Kofi sold one hosting in March (20 due to the section), Ama none;
        their clients rated, both assessed themselves."""
        agreement = self._mediator_agreement()
        client = self.hosting["ONG Novation"].client_id
        self._declaration(
            self.kofi,
            date(2026, 3, 1),
            [(client, "HOST-1", date(2026, 3, 10), 60.0, {"quantity": 1})],
        )
        self.Settlement._settle(agreement, date(2026, 3, 1)).action_validate()
        self._rate(self.hosting["ONG Novation"], 5, date(2026, 3, 12))
        self._rate(self.hosting["Radio Lomé"], 4, date(2026, 3, 20))
        self._rate(self.hosting["Artisans de Bè"], 3, date(2026, 5, 2))
        Assessment = self.env["coop.mediator.assessment"]
        Assessment.create(
            {"mediator_id": self.kofi.id, "date": SEMESTER_DAY, "score": 4}
        )
        Assessment.create(
            {
                "mediator_id": self.ama.id,
                "date": date(2026, 6, 1),
                "score": 3,
                "comment": "I must answer faster",
            }
        )
        return self.env["coop.section.report"].create({"date": SEMESTER_DAY})

    def test_section_report_sent_to_the_head_office(self):
        report = self._semester()
        self.assertEqual(report.head_office_id, self.head_office)
        report.with_user(self.manager).action_send()
        self.assertEqual(
            (report.state, report.date_sent), ("sent", fields.Date.today())
        )
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 1, 1), date(2026, 6, 30))
        )
        kofi, ama = (
            report.line_ids.filtered(lambda line, m=m: line.mediator_id == m)
            for m in (self.kofi, self.ama)
        )
        self.assertEqual(
            (kofi.commission_amount, kofi.client_count, kofi.rating_count),
            (20.0, 2, 2),
        )
        self.assertEqual((kofi.satisfaction_index, kofi.self_score), (4.5, 4))
        self.assertEqual((ama.commission_amount, ama.client_count), (0.0, 1))
        self.assertEqual((ama.satisfaction_index, ama.self_score), (3.0, 3))
        self.assertEqual(ama.self_comment, "I must answer faster")
        self.assertEqual(report.line_ids.mediator_id, self.kofi | self.ama)
        self.assertEqual(
            (report.commission_total, report.client_count, report.rating_count),
            (20.0, 3, 3),
        )
        self.assertEqual(report.satisfaction_index, 4.0)
        message = report.message_ids.filtered(lambda m: m.partner_ids)[:1]
        self.assertEqual(message.partner_ids, self.head_office)
        self.assertTrue(message.attachment_ids)
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "coop_provider_commission.action_report_section_report", report.ids
            )[0]
        )
        for text in ("Mediator Kofi", "4.50", "I must answer faster"):
            self.assertIn(text, html)

    def test_sent_report_and_its_assessments_are_kept(self):
        report = self._semester()
        report.action_send()
        lines = report.line_ids
        with self.assertRaisesRegex(UserError, "can no longer change"):
            report.note = "<p>Changed</p>"
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            report.unlink()
        with self.assertRaisesRegex(UserError, "Only a draft"):
            report.action_compute()
        assessment = self.env["coop.mediator.assessment"].search(
            [("mediator_id", "=", self.kofi.id)]
        )
        with self.assertRaisesRegex(UserError, "sent to the head office"):
            assessment.score = 5
        with self.assertRaisesRegex(UserError, "sent to the head office"):
            self.env["coop.mediator.assessment"].create(
                {"mediator_id": self.provider.id, "date": SEMESTER_DAY, "score": 2}
            )
        # the next semester is open
        self.env["coop.mediator.assessment"].create(
            {"mediator_id": self.kofi.id, "date": date(2026, 7, 1), "score": 5}
        )
        self.assertEqual(report.line_ids, lines)
        self.assertEqual(assessment.score, 4)

    def test_head_office_sees_every_section(self):
        self._semester().action_send()
        section2 = self.env["res.company"].create({"name": "Section Kara"})
        other = self.env["coop.section.report"].create(
            {"date": SEMESTER_DAY, "company_id": section2.id}
        )
        head_office_user = self.manager
        head_office_user.company_ids |= section2
        Report = self.env["coop.section.report"].with_user(head_office_user)
        reports = Report.with_context(
            allowed_company_ids=(self.section | section2).ids
        ).search([])
        self.assertEqual(reports.company_id, self.section | section2)
        self.assertIn(other, reports)
        # a section's staff sees its own only
        self.assertNotIn(
            other,
            Report.with_context(allowed_company_ids=self.section.ids).search([]),
        )

    def test_demo_story(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "coop_provider_commission")]
        )
        report = self.env.ref(
            "coop_provider_commission.section_report_demo", raise_if_not_found=False
        )
        if not module.demo:
            # installed without demo data: none of it is there
            self.assertFalse(report)
            return
        kofi = self.env.ref("coop_provider_commission.mediator_kofi_demo")
        line = report.line_ids.filtered(lambda line: line.mediator_id == kofi)
        self.assertEqual(report.state, "draft")
        self.assertEqual((line.satisfaction_index, line.self_score), (5.0, 4))
        self.assertEqual(report.satisfaction_index, 4.0)
