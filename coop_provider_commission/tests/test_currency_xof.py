# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import CommissionCase

MARCH = date(2026, 3, 1)


@tagged("post_install", "-at_install")
class TestCommissionXOF(CommissionCase):
    """Cooperation.net keeps its books in CFA francs (XOF, no decimals): the
    section's commissions, documents and netting are in whole francs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.xof = cls.env.ref("base.XOF")
        cls.xof.active = True
        cls.section = cls.env["res.company"].create(
            {"name": "Cooperation.net section (Lomé)", "currency_id": cls.xof.id}
        )
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=cls.section, install_demo=False
        )
        cls.section.currency_id = cls.xof
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.section.ids)
        )
        Partner = cls.env["res.partner"]
        cls.kofi = Partner.create({"name": "Kofi (mediator)"})
        cls.hotel = Partner.create({"name": "Hôtel du Golfe"})
        cls.ngo = Partner.create({"name": "ONG Lumière"})
        cls.env["coop.network.client"].create(
            [
                {"client_id": client.id, "provider_id": cls.kofi.id}
                for client in cls.hotel | cls.ngo
            ]
        )
        cls.to_section = cls._agreement(
            name="20 % of the mediator's declared turnover",
            partner_ids=[Command.set(cls.kofi.ids)],
        )
        cls.to_mediator = cls._agreement(
            name="15 % of the work the section mandates",
            direction="to_partner",
            basis="invoiced",
            rate=15.0,
            invoiced_partner="mandated",
            partner_ids=[Command.set(cls.kofi.ids)],
        )
        cls.Settlement = cls.env["coop.commission.settlement"]

    def _settle_march(self):
        self._declaration(
            self.kofi,
            MARCH,
            [
                (self.hotel, "K-1", date(2026, 3, 5), 12347.0),  # 20 %: 2,469.4
                (self.ngo, "K-2", date(2026, 3, 9), 7513.0),  # 20 %: 1,502.6
            ],
        )
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.hotel.id,
                "invoice_date": date(2026, 3, 12),
                "coop_provider_id": self.kofi.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Site web",
                            "quantity": 1,
                            "price_unit": 10003.0,  # 15 %: 1,500.45
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        settlements = self.Settlement._settle(self.to_section | self.to_mediator, MARCH)
        settlements.action_validate()
        owed = settlements.filtered(lambda s: s.agreement_id == self.to_section)
        return owed, settlements - owed

    def assertWholeFrancs(self, amounts):
        for amount in amounts:
            self.assertTrue(float(amount).is_integer(), f"{amount} is not whole")

    def test_commissions_in_whole_francs(self):
        owed, due = self._settle_march()
        self.assertEqual(owed.currency_id, self.xof)
        self.assertEqual(owed.base_total, 19860.0)
        # each client's commission rounded to the franc, half up
        self.assertEqual(sorted(owed.line_ids.mapped("amount")), [1503.0, 2469.0])
        self.assertEqual(owed.amount_total, 3972.0)
        self.assertEqual(due.base_total, 10003.0)
        self.assertEqual(due.amount_total, 1500.0)
        self.assertEqual(due.amount_signed, -1500.0)
        self.assertWholeFrancs((owed | due).line_ids.mapped("amount"))
        # the chatter gives the amount as the currency writes it
        self.assertIn("3,972", owed.message_ids[:1].body)
        self.assertNotIn("3,972.00", owed.message_ids[:1].body)

    def test_documents_in_whole_francs(self):
        owed, due = self._settle_march()
        moves = (owed | due)._create_documents()
        invoice = moves.filtered(lambda m: m.move_type == "out_invoice")
        bill = moves.filtered(lambda m: m.move_type == "in_invoice")
        self.assertEqual((invoice.partner_id, bill.partner_id), (self.kofi, self.kofi))
        self.assertEqual(moves.currency_id, self.xof)
        self.assertEqual(invoice.amount_total, 3972.0)
        self.assertEqual(bill.amount_total, 1500.0)
        self.assertWholeFrancs(moves.line_ids.mapped("balance"))

    def test_netted_document_in_whole_francs(self):
        owed, due = self._settle_march()
        move = (owed | due)._create_documents(net=True)
        self.assertEqual(len(move), 1)
        self.assertEqual(move.move_type, "out_invoice")
        self.assertEqual(move.currency_id, self.xof)
        # 3,972 F owed, 1,500 F due: Kofi owes the balance of 2,472 F
        self.assertEqual(
            sorted(move.invoice_line_ids.mapped("price_unit")), [-1500.0, 3972.0]
        )
        self.assertEqual(move.amount_total, 2472.0)
        move.action_post()
        self.assertEqual(move.amount_residual, 2472.0)
        self.assertWholeFrancs(move.line_ids.mapped("balance"))
        self.assertEqual(set((owed | due).mapped("state")), {"invoiced"})

    def test_balanced_netting_makes_no_document(self):
        """Both directions cancel out to the franc: no document, both settled."""
        owed, due = self._settle_march()
        due.action_reset_draft()
        due.line_ids.amount = 3972.0
        due.action_validate()
        self.assertFalse((owed | due)._create_documents(net=True))
        self.assertEqual(set((owed | due).mapped("state")), {"invoiced"})
