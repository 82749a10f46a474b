# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The mediator's self-assessment on the portal, in the browser."""

from datetime import date

from odoo.tests import HttpCase, tagged

from .common import CommissionCase
from .satisfaction_common import SatisfactionMixin


@tagged("post_install", "-at_install")
class TestSatisfactionTour(SatisfactionMixin, CommissionCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_satisfaction()
        cls._portal_user("tour_kofi", cls.kofi)
        cls._rate(cls.hosting["ONG Novation"], 5, date(2026, 3, 12), "Online at once")

    def test_self_assessment(self):
        self.start_tour(
            "/my/commissions/satisfaction",
            "coop_satisfaction_self_assessment",
            login="tour_kofi",
        )
        assessment = self.env["coop.mediator.assessment"].search(
            [("mediator_id", "=", self.kofi.id)]
        )
        self.assertEqual(assessment.score, 4)
        self.assertEqual(assessment.comment, "One client asked for a training")
