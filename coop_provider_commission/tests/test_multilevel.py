# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestMultiLevel(CommissionCase):
    """Cooperation.net: head office -> sections -> mediators -> clients."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.head_office = Partner.create({"name": "Head office"})
        cls.kofi = Partner.create({"name": "Mediator Kofi"})
        cls.ama = Partner.create({"name": "Mediator Ama"})
        cls.hosting = cls.env["product.product"].create(
            {"name": "Hosting contract", "type": "service", "taxes_id": []}
        )
        cls.clients = Partner.create(
            [{"name": f"Hosting client {i}"} for i in range(10)]
        )
        cls.env["coop.network.client"].create(
            [
                {
                    "client_id": client.id,
                    "provider_id": (cls.kofi if i < 4 else cls.ama).id,
                }
                for i, client in enumerate(cls.clients)
            ]
        )
        cls._setup_agreements()
        cls._setup_sales()
        cls.Settlement = cls.env["coop.commission.settlement"]

    @classmethod
    def _setup_agreements(cls):
        cls.contribution = cls._agreement(
            name="Section contribution to the head office",
            direction="to_partner",
            basis="fixed",
            amount=300.0,
            period="semester",
            partner_ids=cls.head_office.ids,
        )
        mediators = (cls.kofi | cls.ama).ids
        cls.per_hosting = cls._agreement(
            name="Amount due per hosting contract",
            basis="units",
            amount=20.0,
            target_units=1,
            partner_ids=mediators,
            product_ids=cls.hosting.ids,
            parent_id=cls.contribution.id,
        )
        cls.semester_target = cls._agreement(
            name="6 hostings per semester",
            basis="units",
            amount=0.0,
            period="semester",
            target_units=6,
            partner_ids=mediators,
            product_ids=cls.hosting.ids,
            parent_id=cls.contribution.id,
        )

    @classmethod
    def _setup_sales(cls):
        # Kofi sells 4 hostings in the semester (Jan, Feb, Mar, May), Ama 6
        sales = {cls.kofi: [1, 2, 3, 5], cls.ama: [1, 2, 3, 4, 5, 6]}
        clients = {cls.kofi: cls.clients[:4], cls.ama: cls.clients[4:]}
        for mediator, months in sales.items():
            for index, month in enumerate(months):
                cls._declaration(
                    mediator,
                    date(2026, month, 1),
                    [
                        (
                            clients[mediator][index % len(clients[mediator])],
                            f"H-{mediator.id}-{month}",
                            date(2026, month, 10),
                            60.0,
                            {"product_id": cls.hosting.id, "quantity": 1},
                        )
                    ],
                )

    def test_chained_agreements(self):
        self.assertEqual(
            self.contribution.child_ids, self.per_hosting | self.semester_target
        )

    def test_semester_target_progress(self):
        settlements = self.Settlement._settle(self.semester_target, date(2026, 3, 15))
        kofi = settlements.filtered(lambda s: s.partner_id == self.kofi)
        ama = settlements.filtered(lambda s: s.partner_id == self.ama)
        self.assertEqual(
            (kofi.date_from, kofi.date_to), (date(2026, 1, 1), date(2026, 6, 30))
        )
        # a mediator's semester with 4 hostings against a target of 6
        self.assertEqual(kofi.units_total, 4)
        self.assertEqual(kofi.target_units, 6)
        self.assertAlmostEqual(kofi.progress, 66.67)
        self.assertEqual(kofi.shortfall, 2)
        self.assertEqual(ama.progress, 100.0)
        # the section's semester report
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "coop_provider_commission.action_report_settlement_period",
                settlements.ids,
            )[0]
        )
        self.assertIn("Mediator Kofi", html)
        self.assertIn("66.67", html)

    def test_monthly_amount_per_hosting_and_receipt(self):
        march = self.Settlement._settle(self.per_hosting, date(2026, 3, 1))
        self.assertEqual(march.mapped("amount_total"), [20.0, 20.0])
        april = self.Settlement._settle(self.per_hosting, date(2026, 4, 1))
        kofi_april = april.filtered(lambda s: s.partner_id == self.kofi)
        self.assertEqual((kofi_april.amount_total, kofi_april.progress), (0.0, 0.0))
        kofi = march.filtered(lambda s: s.partner_id == self.kofi)
        kofi.action_validate()
        invoice = kofi._create_documents()
        self.assertEqual(
            (invoice.move_type, invoice.amount_total), ("out_invoice", 20.0)
        )
        invoice.action_post()
        # a receipt for every sum received
        payment = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({})
            ._create_payments()
        )
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "account.action_report_payment_receipt", payment.ids
            )[0]
        )
        self.assertIn("Mediator Kofi", html)

    def test_chained_share_of_mediators_payments(self):
        """The section passes 10 % of what its mediators paid it in the
        semester on to the head office."""
        share = self._agreement(
            name="10 % of the hostings' amounts to the head office",
            direction="to_partner",
            basis="chained",
            rate=10.0,
            period="semester",
            partner_ids=self.head_office.ids,
        )
        self.per_hosting.parent_id = share
        # a bonus the section pays its mediators is not what they paid it
        bonus = self._agreement(
            name="Bonus per hosting",
            direction="to_partner",
            basis="units",
            amount=5.0,
            partner_ids=(self.kofi | self.ama).ids,
            product_ids=self.hosting.ids,
            parent_id=share.id,
        )
        bonuses = self.Settlement.browse()
        for month in range(1, 7):
            bonuses |= self.Settlement._settle(bonus, date(2026, month, 1))
        bonuses.action_validate()
        self.assertEqual(sum(bonuses.mapped("amount_total")), 50.0)
        monthly = self.Settlement.browse()
        for month in range(1, 7):
            monthly |= self.Settlement._settle(self.per_hosting, date(2026, month, 1))
        with self.assertRaisesRegex(UserError, "lower-level settlements"):
            self.Settlement._settle(share, date(2026, 3, 1))
        self.assertFalse(self.Settlement.search([("agreement_id", "=", share.id)]))
        monthly.action_validate()
        # Kofi 4 x 20 + Ama 6 x 20 = 200 received -> 20 for the head office
        self.assertEqual(sum(monthly.mapped("amount_total")), 200.0)
        settlement = self.Settlement._settle(share, date(2026, 3, 1))
        self.assertEqual(settlement.partner_id, self.head_office)
        self.assertEqual(
            (settlement.base_total, settlement.amount_total), (200.0, 20.0)
        )
        # the wizard without explicit agreements leaves chained ones alone
        wizard = self.env["coop.commission.settle.wizard"].create(
            {"date": date(2026, 3, 1)}
        )
        action = wizard.action_settle()
        self.assertNotIn(share, self.Settlement.search(action["domain"]).agreement_id)

    def test_section_contribution_to_head_office(self):
        settlement = self.Settlement._settle(self.contribution, date(2026, 8, 1))
        self.assertEqual(settlement.partner_id, self.head_office)
        self.assertEqual(
            (settlement.date_from, settlement.date_to),
            (date(2026, 7, 1), date(2026, 12, 31)),
        )
        settlement.action_validate()
        bill = settlement._create_documents()
        self.assertEqual((bill.move_type, bill.amount_total), ("in_invoice", 300.0))
        self.assertEqual(bill.invoice_line_ids.product_id, self.product_commission)
