# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may call what: portal member A against member B, the cashier, the
intercoop staff and a second company, over real HTTP (JSON-RPC)."""

from odoo import Command
from odoo.tests import tagged

from .common import IntercoopHttpCase

STAFF_ONLY = "Only cashiers and inter-cooperation staff"
NOT_MODIFY = "You are not allowed to modify"
NOT_CREATE = "You are not allowed to create"


@tagged("post_install", "-at_install")
class TestSecurityAccess(IntercoopHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.env["coop.intercoop.agreement"].create(
            {"name": "Draft convention", "partner_coop_id": cls.partner_coop.id}
        )
        cls.card = cls.env["coop.trial.card"]._register_visitor(
            cls.formula_coopalim.id, {"lastname": "Cyclist"}
        )
        cls.quotation = cls.env["sale.order"].create(
            {
                "partner_id": cls.member_b.id,
                "order_line": [Command.create({"product_id": cls.product.id})],
            }
        )

    def _b_card(self):
        return ("res.partner", [("coop_intercoop_card_number", "=", "HK-B-0001")])

    def test_pos_status_portal_reads_other_member(self):
        """Item 2: a portal member cannot read another member's card."""
        counts = self.snapshot(self._b_card(), ("res.partner", []))
        reply = self.rpc(
            self.portal_a, "res.partner", "coop_intercoop_pos_status", self.member_b.id
        )
        self.assertRefused(reply, STAFF_ONLY, counts)
        # the cashier, at the till, may
        status = self.rpc(
            self.pos_user, "res.partner", "coop_intercoop_pos_status", self.member_b.id
        )["result"]
        self.assertEqual(status["card_number"], "HK-B-0001")
        self.assertEqual(status["label"], "HendayaKoop")

    def test_pos_status_non_integer_id(self):
        counts = self.snapshot(("res.partner", []))
        for bad in ("1 OR 1=1", [self.member_b.id], 2.5, True, None):
            with self.subTest(bad=bad):
                reply = self.rpc(
                    self.pos_user, "res.partner", "coop_intercoop_pos_status", bad
                )
                self.assertRefused(reply, "must be given by its id", counts)

    def test_pos_status_unknown_id(self):
        counts = self.snapshot(("res.partner", []))
        reply = self.rpc(
            self.user, "res.partner", "coop_intercoop_pos_status", 2_000_000_000
        )
        self.assertRefused(reply, "does not exist", counts)

    def test_portal_reads_card_fields(self):
        """The card fields of res.partner are for the staff only."""
        counts = self.snapshot(self._b_card())
        reply = self.rpc(
            self.portal_a,
            "res.partner",
            "read",
            [self.member_b.id],
            ["coop_intercoop_card_number", "coop_intercoop_proof"],
        )
        self.assertRefused(reply, "coop_intercoop_card_number", counts)

    def test_portal_register_visitor(self):
        counts = self.snapshot(("coop.trial.card", []), ("res.partner", []))
        reply = self.rpc(
            self.portal_a,
            "coop.trial.card",
            "pos_register_visitor",
            self.formula_coopalim.id,
            {"lastname": "Intruder"},
        )
        self.assertRefused(reply, STAFF_ONLY, counts)

    def test_portal_private_registrations(self):
        """The registrations that return records are private."""
        counts = self.snapshot(("coop.trial.card", []), self._b_card())
        calls = [
            ("coop.trial.card", "_register_visitor", self.formula_coopalim.id, {}),
            ("coop.intercoop.agreement", "_register_member", [self.agreement.id], {}),
        ]
        for model, method, *args in calls:
            with self.subTest(method=method):
                reply = self.rpc(self.portal_a, model, method, *args)
                self.assertRefused(reply, "cannot be called remotely", counts)
        reply = self.rpc(
            self.portal_a,
            "coop.intercoop.agreement",
            "register_member",
            [self.agreement.id],
            {"partner_id": self.portal_a.partner_id.id, "proof": "trust"},
        )
        self.assertRefused(reply, "does not exist", counts)

    def test_portal_signs_or_cancels_agreement(self):
        counts = self.snapshot(
            ("coop.intercoop.agreement", [("state", "=", "active")]),
            ("coop.intercoop.agreement", [("state", "=", "draft")]),
        )
        for method, record in (
            ("action_sign", self.draft),
            ("action_cancel", self.agreement),
        ):
            with self.subTest(method=method):
                reply = self.rpc(
                    self.portal_a, "coop.intercoop.agreement", method, [record.id]
                )
                self.assertRefused(reply, NOT_MODIFY, counts)

    def test_portal_confirms_member_b_order(self):
        counts = self.snapshot(
            ("sale.order", [("state", "=", "sale")]), ("coop.trial.card.usage", [])
        )
        reply = self.rpc(
            self.portal_a, "sale.order", "action_confirm", [self.quotation.id]
        )
        self.assertRefused(reply, NOT_MODIFY, counts)

    def test_portal_opens_wizards(self):
        counts = self.snapshot(self._b_card(), ("res.partner", []))
        wizards = [
            ("coop.intercoop.member.wizard", {"agreement_id": self.agreement.id}),
            (
                "coop.trial.card.register.wizard",
                {"formula_id": self.formula_coopalim.id},
            ),
        ]
        for model, vals in wizards:
            with self.subTest(model=model):
                reply = self.rpc(self.portal_a, model, "create", vals)
                self.assertRefused(reply, NOT_CREATE, counts)

    def test_portal_lists_cards_and_hours(self):
        counts = self.snapshot(("coop.trial.card", []), ("coop.volunteer.hours", []))
        for model in (
            "coop.trial.card",
            "coop.volunteer.hours",
            "coop.intercoop.agreement",
        ):
            with self.subTest(model=model):
                reply = self.rpc(self.portal_a, model, "search_read", [], ["id"])
                self.assertRefused(reply, "You are not allowed to access", counts)

    def test_intercoop_user_cannot_sign(self):
        counts = self.snapshot(("coop.intercoop.agreement", [("state", "=", "draft")]))
        reply = self.rpc(
            self.user, "coop.intercoop.agreement", "action_sign", [self.draft.id]
        )
        self.assertRefused(reply, NOT_MODIFY, counts)

    def test_intercoop_user_cannot_import_hours(self):
        counts = self.snapshot(("coop.volunteer.hours", []))
        reply = self.rpc(
            self.user,
            "coop.volunteer.hours.import",
            "create",
            {"agreement_id": self.agreement.id, "csv_file": "YQ=="},
        )
        self.assertRefused(reply, NOT_CREATE, counts)

    def test_cashier_cannot_cancel_card_nor_register_member(self):
        counts = self.snapshot(
            ("coop.trial.card", [("cancelled", "=", False)]), ("res.partner", [])
        )
        reply = self.rpc(
            self.pos_user, "coop.trial.card", "action_cancel", [self.card.id]
        )
        self.assertRefused(reply, NOT_MODIFY, counts)
        reply = self.rpc(
            self.pos_user,
            "coop.intercoop.member.wizard",
            "create",
            {"agreement_id": self.agreement.id, "name": "Someone", "proof": "trust"},
        )
        self.assertRefused(reply, NOT_CREATE, counts)

    def test_other_company_cannot_touch_agreement(self):
        counts = self.snapshot(("coop.intercoop.agreement", [("state", "=", "active")]))
        reply = self.rpc(
            self.manager2,
            "coop.intercoop.agreement",
            "action_cancel",
            [self.agreement.id],
        )
        self.assertRefused(reply, "multi-company issue", counts)

    def test_other_company_cannot_import_into_agreement(self):
        counts = self.snapshot(("coop.volunteer.hours", []))
        csv_b64 = "bWVtYmVyX2VtYWlsLGRhdGUsaG91cnMsYWN0aXZpdHkK"
        reply = self.call_wizard(
            self.manager2,
            "coop.volunteer.hours.import",
            {"agreement_id": self.agreement.id, "csv_file": csv_b64},
            "action_import",
        )
        self.assertRefused(reply, "multi-company issue", counts)
