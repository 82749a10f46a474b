# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CommissionCase

MARCH = date(2026, 3, 15)


@tagged("post_install", "-at_install")
class TestSettlement(CommissionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Settlement = cls.env["coop.commission.settlement"]
        cls.product_work = cls.env["product.product"].create(
            {"name": "Mandated IT support", "type": "service", "taxes_id": []}
        )
        cls.shop = cls.env["res.partner"].create({"name": "Cooperative shop client"})
        # itopie's three rules, with the documents' numbers
        cls.network_rule = cls._agreement(name="20 % of network turnover")
        cls.entrusted_rule = cls._agreement(
            name="20 % of an entrusted client's turnover, first year",
            direction="to_partner",
            basis="invoiced",
            origin="provider",
            client_months=12,
        )
        cls.mandated_rule = cls._agreement(
            name="Mandated work 70 %",
            direction="to_partner",
            basis="invoiced",
            rate=70.0,
            invoiced_partner="mandated",
            product_ids=[Command.set(cls.product_work.ids)],
        )

    def _invoice(self, partner, day, amount, product=None, provider=None):
        move = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": day,
                "coop_provider_id": provider and provider.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Service",
                            "product_id": product and product.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _march_declaration(self, state="validated"):
        return self._declaration(
            self.provider,
            date(2026, 3, 1),
            [
                (self.client_a, "A-1", date(2026, 3, 5), 6000.0),
                (self.client_b, "A-2", date(2026, 3, 20), 4000.0),
            ],
            state=state,
        )

    def test_network_turnover_provider_owes(self):
        self._march_declaration()
        settlement = self.Settlement._settle(self.network_rule, MARCH)
        self.assertEqual(settlement.partner_id, self.provider)
        self.assertEqual(
            (settlement.date_from, settlement.date_to),
            (date(2026, 3, 1), date(2026, 3, 31)),
        )
        # network turnover 10,000 -> the provider owes 2,000
        self.assertEqual(settlement.base_total, 10000.0)
        self.assertEqual(settlement.amount_total, 2000.0)
        self.assertEqual(sorted(settlement.line_ids.mapped("amount")), [800.0, 1200.0])
        settlement.with_user(self.manager).action_validate()
        move = settlement.with_user(self.manager)._create_documents()
        self.assertEqual(move.move_type, "out_invoice")
        self.assertEqual(move.partner_id, self.provider)
        self.assertEqual(move.amount_total, 2000.0)
        self.assertEqual(settlement.state, "invoiced")
        self.assertEqual(settlement.move_id, move)
        # re-running the period never counts twice
        self.assertFalse(self.Settlement._settle(self.network_rule, MARCH))
        settlements = self.Settlement.search(
            [("agreement_id", "=", self.network_rule.id)]
        )
        self.assertEqual(settlements, settlement)
        self.assertEqual(settlement.amount_total, 2000.0)
        with self.assertRaisesRegex(UserError, "Only validated"):
            settlement._create_documents()

    def test_settle_wizard(self):
        self._march_declaration()
        wizard = (
            self.env["coop.commission.settle.wizard"]
            .with_user(self.manager)
            .create(
                {"date": MARCH, "agreement_ids": [Command.set(self.network_rule.ids)]}
            )
        )
        action = wizard.action_settle()
        settlement = self.Settlement.search(action["domain"])
        self.assertEqual(settlement.amount_total, 2000.0)
        with self.assertRaises(AccessError):
            self.env["coop.commission.settle.wizard"].with_user(self.user).create(
                {"date": MARCH}
            )

    def test_rerun_draft_recomputes(self):
        declaration = self._march_declaration()
        first = self.Settlement._settle(self.network_rule, MARCH)
        declaration.action_reset_draft()
        self.env["coop.commission.declaration.line"].create(
            {
                "declaration_id": declaration.id,
                "client_id": self.client_a.id,
                "invoice_ref": "A-3",
                "date": date(2026, 3, 28),
                "amount": 1000.0,
            }
        )
        declaration.action_validate()
        second = self.Settlement._settle(self.network_rule, MARCH)
        third = self.Settlement._settle(self.network_rule, MARCH)
        self.assertEqual(first, second)
        self.assertEqual(second, third)
        self.assertEqual(len(third.line_ids), 2)
        self.assertEqual(third.amount_total, 2200.0)
        third.action_recompute()
        self.assertEqual(third.amount_total, 2200.0)

    def test_draft_declaration_blocks_settlement(self):
        self._march_declaration()
        self._declaration(
            self.provider2,
            date(2026, 3, 1),
            [(self.client_c, "B-1", date(2026, 3, 5), 100.0)],
            state="draft",
        )
        with self.assertRaisesRegex(UserError, "not validated"):
            self.Settlement._settle(self.network_rule, MARCH)
        self.assertFalse(
            self.Settlement.search([("agreement_id", "=", self.network_rule.id)])
        )

    def test_entrusted_client_first_year(self):
        # client Beta entrusted on 2026-01-10; March is its 3rd month
        self._invoice(self.client_b, date(2026, 3, 20), 5000.0)
        settlement = self.Settlement._settle(self.entrusted_rule, MARCH)
        self.assertEqual(settlement.partner_id, self.provider)
        self.assertEqual(settlement.amount_total, 1000.0)
        settlement.action_validate()
        bill = settlement._create_documents()
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.partner_id, self.provider)
        self.assertEqual(bill.amount_total, 1000.0)
        # its 13th month: nothing is owed any more
        self._invoice(self.client_b, date(2027, 1, 20), 5000.0)
        self.assertFalse(
            self.Settlement._settle(self.entrusted_rule, date(2027, 1, 20))
        )
        # a client never entrusted earns no finder's fee
        self._invoice(self.client_a, date(2026, 4, 2), 5000.0)
        self.assertFalse(self.Settlement._settle(self.entrusted_rule, date(2026, 4, 2)))

    def test_mandated_work_provider_bill(self):
        self._invoice(
            self.shop, date(2026, 3, 10), 1000.0, self.product_work, self.provider
        )
        self._invoice(self.shop, date(2026, 3, 11), 400.0, None, self.provider)
        settlement = self.Settlement._settle(self.mandated_rule, MARCH)
        self.assertEqual(settlement.base_total, 1000.0)
        self.assertEqual(settlement.amount_total, 700.0)
        settlement.action_validate()
        bill = settlement._create_documents()
        self.assertEqual((bill.move_type, bill.amount_total), ("in_invoice", 700.0))

    def test_finder_and_worker_each_credited(self):
        # Beta, entrusted by Anne in January, orders work the cooperative
        # mandates to Bruno: Anne gets her finder's 20 %, Bruno his 70 %
        self._invoice(
            self.client_b, date(2026, 3, 10), 1000.0, self.product_work, self.provider2
        )
        finder = self.Settlement._settle(self.entrusted_rule, MARCH)
        self.assertEqual(
            (finder.partner_id, finder.amount_total), (self.provider, 200.0)
        )
        worker = self.Settlement._settle(self.mandated_rule, MARCH)
        self.assertEqual(
            (worker.partner_id, worker.amount_total), (self.provider2, 700.0)
        )

    def test_netting_both_directions(self):
        self._march_declaration()
        self._invoice(self.client_b, date(2026, 3, 20), 5000.0)
        self._invoice(
            self.shop, date(2026, 3, 10), 1000.0, self.product_work, self.provider
        )
        rules = self.network_rule | self.entrusted_rule | self.mandated_rule
        settlements = self.Settlement._settle(rules, MARCH)
        self.assertEqual(len(settlements), 3)
        self.assertEqual(sum(settlements.mapped("amount_signed")), 2000 - 1000 - 700)
        settlements.action_validate()
        move = settlements._create_documents(net=True)
        self.assertEqual(len(move), 1)
        self.assertEqual(move.move_type, "out_invoice")
        self.assertEqual(move.amount_total, 300.0)
        self.assertEqual(len(move.invoice_line_ids), 3)
        self.assertEqual(set(settlements.mapped("state")), {"invoiced"})

    def test_cancelled_document_releases_its_settlements(self):
        self._march_declaration()
        settlement = self.Settlement._settle(self.network_rule, MARCH)
        settlement.action_validate()
        move = settlement._create_documents()
        self.assertEqual(settlement.state, "invoiced")
        with self.assertRaisesRegex(UserError, "cancel its document first"):
            settlement.action_reset_draft()
        move.action_post()
        move.button_draft()
        move.button_cancel()
        self.assertEqual(settlement.state, "validated")
        self.assertFalse(settlement.move_id)
        self.assertIn(move.display_name, settlement.message_ids[:1].body)
        # invoiced again, then the draft document deleted: released too
        second = settlement._create_documents()
        self.assertEqual(second.amount_total, move.amount_total)
        self.assertEqual(settlement.state, "invoiced")
        second.unlink()
        self.assertEqual(settlement.state, "validated")
        settlement.action_reset_draft()
        self.assertEqual(settlement.state, "draft")

    def test_separate_documents_per_direction(self):
        self._march_declaration()
        self._invoice(self.client_b, date(2026, 3, 20), 5000.0)
        settlements = self.Settlement._settle(
            self.network_rule | self.entrusted_rule, MARCH
        )
        settlements.action_validate()
        action = settlements.with_user(self.manager).action_create_documents()
        moves = self.env["account.move"].search(action["domain"])
        self.assertEqual(
            sorted(moves.mapped("move_type")), ["in_invoice", "out_invoice"]
        )
        self.assertEqual(sorted(moves.mapped("amount_total")), [1000.0, 2000.0])

    def test_statement_report(self):
        self._march_declaration()
        settlement = self.Settlement._settle(self.network_rule, MARCH)
        html = str(
            self.env["ir.actions.report"]._render_qweb_html(
                "coop_provider_commission.action_report_settlement_statement",
                settlement.ids,
            )[0]
        )
        self.assertIn("Commission statement", html)
        self.assertIn("Client Alpha", html)
        self.assertIn("2,000.00", html)

    def test_rights(self):
        self._march_declaration()
        settlement = self.Settlement._settle(self.network_rule, MARCH)
        settlement.with_user(self.user).read(["amount_total"])
        with self.assertRaises(AccessError):
            settlement.with_user(self.user).action_validate()

    def test_queries_do_not_grow_per_line(self):
        def settle_queries(day, providers, lines_per_provider):
            for index, provider in enumerate(providers):
                clients = self.env["res.partner"].create(
                    [{"name": f"QC {day} {index} {i}"} for i in range(5)]
                )
                self.env["coop.network.client"].create(
                    [{"client_id": c.id, "provider_id": provider.id} for c in clients]
                )
                self._declaration(
                    provider,
                    day,
                    [
                        (clients[i % 5], f"Q-{day}-{index}-{i}", day, 10.0)
                        for i in range(lines_per_provider)
                    ],
                )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            settlements = self.Settlement._settle(self.network_rule, day)
            self.env.flush_all()
            return self.env.cr.sql_log_count - before, settlements

        small, first = settle_queries(date(2025, 5, 1), self.provider, 2)
        many = self.env["res.partner"].create([{"name": f"P{i}"} for i in range(4)])
        big, second = settle_queries(date(2025, 6, 1), many, 40)
        self.assertEqual(len(first), 1)
        self.assertEqual(len(second), 4)
        self.assertEqual(sum(second.mapped("amount_total")), 4 * 40 * 10 * 0.2)
        self.assertLessEqual(big, small + 2, "settlement queries grow with the lines")
