# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client satisfaction over HTTP: mediator Kofi against mediator Ama on the
portal, a portal user who is no mediator, low-privilege employees, bad
input (the page says why with a 4xx, nothing is written)."""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import CommissionHttpCase
from .satisfaction_common import SatisfactionMixin

ASSESSMENT = "coop.mediator.assessment"
PAGE = "/my/commissions/satisfaction"


@tagged("post_install", "-at_install")
class TestSatisfactionSecurity(SatisfactionMixin, CommissionHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_satisfaction()
        cls.portal_kofi = cls._portal_user("sat_kofi", cls.kofi)
        cls.portal_ama = cls._portal_user("sat_ama", cls.ama)
        cls.outsider = cls._portal_user("sat_outsider")
        cls.employee = new_test_user(cls.env, login="sat_employee")
        cls.in_section = [("company_id", "=", cls.section.id)]
        cls.network = [("res_model", "=", "coop.network.client")]
        cls.ratings_before = cls.env["rating.rating"].search_count(cls.network)
        cls._rate(cls.hosting["ONG Novation"], 5, date(2026, 3, 12), "Kofi is quick")
        cls._rate(cls.hosting["Artisans de Bè"], 3, date(2026, 3, 25), "Ama is slow")
        cls.assessment_ama = cls.env[ASSESSMENT].create(
            {
                "mediator_id": cls.ama.id,
                "date": date(2026, 3, 1),
                "score": 3,
                "comment": "Ama's private comment",
            }
        )

    def _assess(self, login, **data):
        self.authenticate(login, login + "_pw")
        return self._post(PAGE + "/assessment", data)

    def test_mediator_sees_own_ratings_only(self):
        self.authenticate("sat_kofi", "sat_kofi_pw")
        page = self.url_open(PAGE)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Kofi is quick", page.text)
        self.assertNotIn("Ama is slow", page.text)
        self.assertNotIn("private comment", page.text)

    def test_mediator_assesses_the_semester(self):
        response = self._assess("sat_kofi", score="4", comment=" Clients happy ")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Your self-assessment is saved", response.text)
        mine = self.env[ASSESSMENT].search([("mediator_id", "=", self.kofi.id)])
        self.assertEqual((mine.score, mine.comment), (4, "Clients happy"))
        # a second post corrects it, never creates another
        self._assess("sat_kofi", score="5", comment="")
        self.assertEqual(self._count(ASSESSMENT, self.in_section), 2)
        self.assertEqual((mine.score, mine.comment), (5, False))

    def test_assessment_bad_input(self):
        cases = [
            ({"score": "0"}, "from 1 to 5"),
            ({"score": "6"}, "from 1 to 5"),
            ({"score": "3.5"}, "from 1 to 5"),
            ({"score": "4 OR 1=1"}, "from 1 to 5"),
            ({"score": "99999999999999"}, "from 1 to 5"),
            ({}, "from 1 to 5"),
            ({"score": "4", "comment": "x" * 2001}, "limited to 2000 characters"),
        ]
        for data, message in cases:
            with self.subTest(data={k: v[:20] for k, v in data.items()}):
                response = self._assess("sat_kofi", **data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertEqual(self._count(ASSESSMENT, self.in_section), 1)

    def test_outsider_cannot_assess(self):
        response = self._assess("sat_outsider", score="5")
        self.assertEqual(response.status_code, 403)
        self.assertIn("Only mediators with network clients", response.text)
        self.assertEqual(self._count(ASSESSMENT, self.in_section), 1)
        page = self.url_open(PAGE)
        self.assertIn("to become a mediator", page.text)
        self.assertNotIn("Kofi is quick", page.text)

    def test_portal_rpc_reads_nothing_of_others(self):
        self.authenticate("sat_kofi", "sat_kofi_pw")
        error = self._rpc_error(
            ASSESSMENT, "read", [self.assessment_ama.ids, ["comment"]]
        )
        self.assertIn("coop.mediator.assessment", error)
        result, _error = self._rpc(ASSESSMENT, "search_read", [[], ["mediator_id"]])
        self.assertEqual(result, [])
        for model in ("rating.rating", "coop.section.report"):
            with self.subTest(model=model):
                error = self._rpc_error(model, "search_read", [[], ["id"]])
                self.assertIn(model, error)
        # nor asks its clients for ratings (staff only)
        requests = self.ratings_before + 2
        error = self._rpc_error(
            "coop.network.client",
            "action_send_rating_request",
            [self.hosting["Radio Lomé"].ids],
        )
        self.assertIn("Only commission staff", error)
        self.assertEqual(self._count("rating.rating", self.network), requests)
        # the portal never writes through RPC, its own record neither
        error = self._rpc_error(
            ASSESSMENT, "create", [{"mediator_id": self.kofi.id, "score": 5}]
        )
        self.assertIn("not allowed to create", error)
        self.assertEqual(self._count(ASSESSMENT, self.in_section), 1)

    def test_employee_reads_no_network_rating(self):
        network = [("res_model", "=", "coop.network.client")]
        ratings = self.env["rating.rating"]
        self.assertEqual(ratings.search_count(network), self.ratings_before + 2)
        self.assertFalse(ratings.with_user(self.employee).search(network))
        self.assertEqual(
            ratings.with_user(self.user).search(network), ratings.search(network)
        )
        self.authenticate("sat_employee", "sat_employee")
        for model in (ASSESSMENT, "coop.section.report"):
            with self.subTest(model=model):
                error = self._rpc_error(model, "search_read", [[], ["id"]])
                self.assertIn(model, error)

    def test_commission_user_asks_for_a_rating(self):
        self.authenticate("commission_user", "commission_user")
        result, error = self._rpc(
            "coop.network.client",
            "action_send_rating_request",
            [self.hosting["Radio Lomé"].ids],
        )
        self.assertEqual((result, error), (True, None))
        request = self.env["rating.rating"].search(
            self.network + [("res_id", "=", self.hosting["Radio Lomé"].id)]
        )
        self.assertEqual(
            (request.rated_partner_id, request.consumed), (self.kofi, False)
        )

    def test_commission_user_cannot_send_a_report(self):
        report = self.env["coop.section.report"].create({"date": date(2026, 3, 1)})
        self.authenticate("commission_user", "commission_user")
        for method in ("action_compute", "action_send"):
            with self.subTest(method=method):
                error = self._rpc_error("coop.section.report", method, [report.ids])
                self.assertIn("Only a Provider Commissions Manager", error)
        self.assertEqual(report.state, "draft")
        self.assertFalse(report.line_ids)
        error = self._rpc_error(ASSESSMENT, "unlink", [self.assessment_ama.ids])
        self.assertIn("not allowed to delete", error)
        self.assertEqual(self._count(ASSESSMENT, self.in_section), 1)

    def test_staff_bad_input(self):
        self.authenticate("commission_user", "commission_user")
        cases = [
            ({"score": 7}, "score from 1 to 5"),
            ({"score": 0}, "score from 1 to 5"),
            ({"score": 10**12}, "score from 1 to 5"),
            ({"score": 4, "comment": "x" * 2001}, "limited to 2000 characters"),
        ]
        for vals, message in cases:
            with self.subTest(vals=str(vals)[:30]):
                error = self._rpc_error(
                    ASSESSMENT,
                    "create",
                    [dict(vals, mediator_id=self.kofi.id, date="2026-03-01")],
                )
                self.assertIn(message, error)
                self.assertEqual(self._count(ASSESSMENT, self.in_section), 1)
        for months in (-1, 121):
            with (
                self.subTest(months=months),
                self.assertRaisesRegex(ValidationError, "between 0 and 120 months"),
            ):
                self.section.coop_rating_interval_months = months
        self.assertEqual(self.section.coop_rating_interval_months, 6)
