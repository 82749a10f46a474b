# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo data tells the documents' stories: itopie's provider declares,
the manager validates and settles, the provider reads the statement on the
portal; Cooperation.net's mediators owe their section per hosting contract,
the section contributes to the head office."""

from odoo.tests import HttpCase, tagged

MODULE = "coop_provider_commission"


@tagged("post_install", "-at_install")
class TestDemo(HttpCase):
    def _ref(self, xmlid):
        return self.env.ref(f"{MODULE}.{xmlid}")

    def test_demo_stories(self):
        module = self.env["ir.module.module"].search([("name", "=", MODULE)])
        ids_demo = self.env["ir.model.data"].search(
            [("module", "=", MODULE), ("name", "=like", "%\\_demo")]
        )
        if not module.demo:
            # installed without demo data: none of it is there
            self.assertFalse(ids_demo)
            return
        anne = self._ref("provider_anne_demo")
        self.assertEqual(self._ref("declaration_anne_demo").state, "validated")
        self.assertEqual(self._ref("declaration_bruno_demo").state, "submitted")
        Settlement = self.env["coop.commission.settlement"]
        network = Settlement.search(
            [("agreement_id", "=", self._ref("agreement_network_turnover_demo").id)]
        )
        self.assertEqual(network.partner_id, anne)
        self.assertEqual(network.state, "validated")
        self.assertEqual(network.base_total, 10000.0)
        self.assertEqual(network.amount_total, 2000.0)
        # Cooperation.net: head office -> section (the company) -> mediators
        hosting = self._ref("agreement_mediator_hosting_demo")
        self.assertEqual(
            hosting.parent_id, self._ref("agreement_section_head_office_demo")
        )
        mediators = Settlement.search([("agreement_id", "=", hosting.id)])
        by_partner = {s.partner_id: s for s in mediators}
        kofi = by_partner[self._ref("mediator_kofi_demo")]
        ama = by_partner[self._ref("mediator_ama_demo")]
        self.assertEqual((kofi.units_total, kofi.amount_total), (1.0, 20.0))
        self.assertEqual((ama.units_total, ama.shortfall), (0.0, 1.0))
        self.assertEqual(set(mediators.mapped("state")), {"validated"})
        # Anne reads her statement on the portal
        self.authenticate("anne.provider", "anne.provider")
        response = self.url_open(network.access_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Atelier du Rhône SA", response.text)
        response = self.url_open("/my/commissions/statements")
        self.assertIn(network.access_url, response.text)
        self.assertNotIn(kofi.access_url, response.text)
