# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each portal page is offered to whom it concerns: the declarations to the
providers with network clients, the statements to who has one; the others
get an explanation and whom to contact instead of an empty table."""

import json
from datetime import date

from lxml import html

from odoo.tests import tagged

from .common import CommissionHttpCase

DECLARATIONS = "/my/commissions/declarations"
STATEMENTS = "/my/commissions/statements"


@tagged("post_install", "-at_install")
class TestPortalOffer(CommissionHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.email = "office@coop.example.com"
        cls._portal_user("offer_anne", cls.provider)
        cls._portal_user("offer_outsider")
        cls._portal_user("offer_bruno", cls.provider2)
        cls._declaration(
            cls.provider,
            date(2026, 3, 1),
            [(cls.client_a, "A-1", date(2026, 3, 2), 10)],
        )

    def _home_card(self, url):
        """The class of the home page's tile that links to ``url``."""
        tree = html.fromstring(self.url_open("/my").content)
        (card,) = tree.xpath(
            f"//a[@href='{url}']/ancestor::div[contains(@class, 'o_portal_index_card')]"
        )
        return card.get("class").split(), card

    def _counters(self):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"counters": ["coop_declaration_count", "coop_statement_count"]},
        }
        response = self.url_open(
            "/my/counters",
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        return response.json()["result"]

    def test_home_tiles_provider(self):
        self.authenticate("offer_anne", "offer_anne_pw")
        classes, card = self._home_card(DECLARATIONS)
        self.assertNotIn("d-none", classes)
        icon = card.xpath(".//img/@src")
        self.assertEqual(
            icon, ["/coop_provider_commission/static/src/img/declaration.svg"]
        )
        classes, card = self._home_card(STATEMENTS)
        # hidden until the counter says there is a statement
        self.assertIn("d-none", classes)
        self.assertEqual(
            card.xpath(".//img/@src"),
            ["/coop_provider_commission/static/src/img/statement.svg"],
        )
        self.assertEqual(
            self._counters(), {"coop_declaration_count": 1, "coop_statement_count": 0}
        )
        for icon in ("declaration.svg", "statement.svg"):
            response = self.url_open(f"/coop_provider_commission/static/src/img/{icon}")
            self.assertEqual(response.status_code, 200)

    def test_home_tiles_not_offered_to_outsider(self):
        self.authenticate("offer_outsider", "offer_outsider_pw")
        self.assertIn("d-none", self._home_card(DECLARATIONS)[0])
        self.assertIn("d-none", self._home_card(STATEMENTS)[0])
        self.assertEqual(
            self._counters(), {"coop_declaration_count": 0, "coop_statement_count": 0}
        )

    def test_pages_empty_state_outsider(self):
        self.authenticate("offer_outsider", "offer_outsider_pw")
        response = self.url_open(DECLARATIONS)
        self.assertEqual(response.status_code, 200)
        tree = html.fromstring(response.content)
        self.assertFalse(tree.xpath("//table"))
        self.assertFalse(
            tree.xpath("//form[@action='/my/commissions/declaration/new']")
        )
        (empty,) = tree.xpath("//*[contains(@class, 'o_coop_declarations_empty')]")
        text = empty.text_content()
        self.assertIn("You have no network client", text)
        self.assertIn(self.company.name, text)
        self.assertIn("office@coop.example.com", text)
        response = self.url_open(STATEMENTS)
        self.assertEqual(response.status_code, 200)
        tree = html.fromstring(response.content)
        self.assertFalse(tree.xpath("//table"))
        (empty,) = tree.xpath("//*[contains(@class, 'o_coop_statements_empty')]")
        self.assertIn("You have no statement yet", empty.text_content())
        self.assertIn("office@coop.example.com", empty.text_content())

    def test_pages_provider(self):
        self.authenticate("offer_anne", "offer_anne_pw")
        tree = html.fromstring(self.url_open(DECLARATIONS).content)
        self.assertTrue(tree.xpath("//form[@action='/my/commissions/declaration/new']"))
        self.assertEqual(len(tree.xpath("//table//tbody/tr")), 1)
        self.assertFalse(
            tree.xpath("//*[contains(@class, 'o_coop_declarations_empty')]")
        )

    def test_pages_new_provider(self):
        """A provider before its first declaration: the form and a how-to."""
        self.authenticate("offer_bruno", "offer_bruno_pw")
        tree = html.fromstring(self.url_open(DECLARATIONS).content)
        self.assertTrue(tree.xpath("//form[@action='/my/commissions/declaration/new']"))
        self.assertFalse(tree.xpath("//table"))
        (empty,) = tree.xpath("//*[contains(@class, 'o_coop_declarations_empty')]")
        self.assertIn("No declaration yet", empty.text_content())
        self.assertNotIn("d-none", self._home_card(DECLARATIONS)[0])

    def test_pages_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_provider_commission"], ["fr_FR"], overwrite=True
        )
        outsider = self.env["res.users"].search([("login", "=", "offer_outsider")])
        outsider.lang = "fr_FR"
        self.authenticate("offer_outsider", "offer_outsider_pw")
        tree = html.fromstring(self.url_open(DECLARATIONS).content)
        (empty,) = tree.xpath("//*[contains(@class, 'o_coop_declarations_empty')]")
        self.assertIn("Vous n'avez aucun client du réseau", empty.text_content())
        tree = html.fromstring(self.url_open(STATEMENTS).content)
        (empty,) = tree.xpath("//*[contains(@class, 'o_coop_statements_empty')]")
        self.assertIn("Vous n'avez pas encore de décompte", empty.text_content())
