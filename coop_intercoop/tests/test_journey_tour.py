# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Journey: an office volunteer registers a visitor from the app's menu."""

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJourneyRegisterVisitor(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.formula = cls.env["coop.trial.formula"].create(
            {
                "name": "Le Nid tester (60 days)",
                "max_days": 60,
                "require_lastname": True,
                "require_firstname": True,
                "require_email": True,
                "company_id": cls.env.company.id,
            }
        )
        cls.user = new_test_user(
            cls.env,
            login="office_volunteer",
            groups="base.group_user,coop_intercoop.group_coop_intercoop_user",
        )
        cls.user.tour_enabled = False

    def test_register_a_visitor(self):
        self.start_tour(
            "/odoo", "coop_intercoop_backend_register_visitor", login=self.user.login
        )
        card = self.env["coop.trial.card"].search(
            [("partner_id.name", "=", "Marie Dupont")]
        )
        self.assertEqual(len(card), 1)
        self.assertEqual(card.formula_id, self.formula)
        self.assertEqual(card.partner_id.email, "marie.dupont@example.org")
        self.assertEqual(card.remaining_purchases_display, "Unlimited")
        self.assertEqual(card.remaining_days_display, "60")
