# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bad values for every wizard and public method, over real HTTP: each gets
a clear error and writes nothing (counted after the request)."""

import base64

from odoo.tests import tagged

from .common import IntercoopHttpCase

HEADER = "member_email,member_name,date,hours,activity\n"


def b64(data):
    if isinstance(data, str):
        data = data.encode()
    return base64.b64encode(data).decode()


@tagged("post_install", "-at_install")
class TestSecurityInputs(IntercoopHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.env["coop.intercoop.agreement"].create(
            {"name": "Draft convention", "partner_coop_id": cls.partner_coop.id}
        )
        cls.used_card = cls.env["coop.trial.card"]._register_visitor(
            cls.formula_coopalim.id, {"lastname": "Regular"}
        )
        cls.env["coop.trial.card.usage"].create({"card_id": cls.used_card.id})

    def _visitor(self, formula_id, values):
        return self.rpc(
            self.pos_user, "coop.trial.card", "pos_register_visitor", formula_id, values
        )

    def _import(self, content):
        return self.call_wizard(
            self.manager,
            "coop.volunteer.hours.import",
            {"agreement_id": self.agreement.id, "csv_file": b64(content)},
            "action_import",
        )

    def _people(self):
        return self.snapshot(("coop.trial.card", []), ("res.partner", []))

    def test_register_visitor_bad_formula_and_values(self):
        counts = self._people()
        cases = [
            ("abc", {"lastname": "Ana"}, "Choose a trial formula."),
            (None, {"lastname": "Ana"}, "Choose a trial formula."),
            (self.formula_coopalim.id, ["Ana"], "The visitor's details are missing."),
            (
                self.formula_coopalim.id,
                {"lastname": 42},
                "The last name of the visitor",
            ),
        ]
        for formula_id, values, message in cases:
            with self.subTest(message=message, values=values):
                self.assertRefused(self._visitor(formula_id, values), message, counts)

    def test_register_visitor_too_long_name(self):
        counts = self._people()
        reply = self._visitor(self.formula_coopalim.id, {"lastname": "x" * 500})
        self.assertRefused(reply, "at most 128 characters", counts)

    def test_register_visitor_bad_partner_id(self):
        counts = self._people()
        for bad in ("3", [3], 1.5):
            with self.subTest(bad=bad):
                reply = self._visitor(self.formula_coopalim.id, {"partner_id": bad})
                self.assertRefused(reply, "must be given by its id", counts)

    def test_register_visitor_missing_required_field(self):
        counts = self._people()
        reply = self._visitor(self.formula_nid.id, {"lastname": "Doe"})
        self.assertRefused(reply, "requires: first name, email", counts)

    def test_member_wizard_card_number_too_long(self):
        counts = self.snapshot(("res.partner", []))
        vals = {
            "agreement_id": self.agreement.id,
            "name": "Newcomer",
            "card_number": "N" * 65,
            "proof": "card",
        }
        reply = self.call_wizard(
            self.user, "coop.intercoop.member.wizard", vals, "action_register"
        )
        self.assertRefused(reply, "at most 64 characters", counts)

    def test_member_wizard_card_without_number(self):
        counts = self.snapshot(("res.partner", []))
        vals = {"agreement_id": self.agreement.id, "name": "Newcomer", "proof": "card"}
        reply = self.call_wizard(
            self.user, "coop.intercoop.member.wizard", vals, "action_register"
        )
        self.assertRefused(reply, "Enter the number of the member card", counts)

    def test_member_wizard_draft_agreement(self):
        counts = self.snapshot(("res.partner", []))
        vals = {"agreement_id": self.draft.id, "name": "Early", "proof": "trust"}
        reply = self.call_wizard(
            self.user, "coop.intercoop.member.wizard", vals, "action_register"
        )
        self.assertRefused(reply, "is not in force", counts)

    def test_trial_card_wizard_missing_email(self):
        counts = self._people()
        vals = {"formula_id": self.formula_nid.id, "lastname": "Doe", "firstname": "J"}
        reply = self.call_wizard(
            self.user, "coop.trial.card.register.wizard", vals, "action_register"
        )
        self.assertRefused(reply, "requires: email", counts)

    def test_agreement_numbers_not_finite_or_out_of_range(self):
        counts = self.snapshot(
            ("coop.intercoop.agreement", [("fee_discount_percent", "=", 0.0)]),
            ("coop.intercoop.agreement", [("their_share_amount", "=", 0.0)]),
        )
        cases = [
            ({"fee_discount_percent": float("nan")}, "from 0 to 100"),
            ({"fee_discount_percent": 101}, "from 0 to 100"),
            ({"their_share_amount": float("inf")}, "from 0 to 1000000000"),
            ({"their_share_amount": -100}, "from 0 to 1000000000"),
            ({"their_share_count": 10**12}, "from 0 to 1000000"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals):
                reply = self.rpc(
                    self.manager,
                    "coop.intercoop.agreement",
                    "write",
                    [self.draft.id],
                    vals,
                )
                self.assertRefused(reply, message, counts)

    def test_signed_agreement_terms_locked(self):
        counts = self.snapshot(
            ("coop.intercoop.agreement", [("fee_discount_percent", "=", 10.0)]),
            (
                "coop.intercoop.agreement",
                [("pricelist_id", "=", self.member_pricelist.id)],
            ),
        )
        for vals in ({"fee_discount_percent": 50}, {"pricelist_id": False}):
            with self.subTest(vals=vals):
                reply = self.rpc(
                    self.manager,
                    "coop.intercoop.agreement",
                    "write",
                    [self.agreement.id],
                    vals,
                )
                self.assertRefused(reply, "is signed: its terms", counts)

    def test_sign_only_a_draft_agreement(self):
        self.draft.action_cancel()
        counts = self.snapshot(
            ("coop.intercoop.agreement", [("state", "=", "cancelled")]),
        )
        reply = self.rpc(
            self.manager, "coop.intercoop.agreement", "action_sign", [self.draft.id]
        )
        self.assertRefused(reply, "Only a draft agreement can be signed", counts)

    def test_formula_limits_bounded(self):
        counts = self.snapshot(("coop.trial.formula", []))
        cases = [
            ({"max_days": 10**12}, "from 0 to 3660"),
            ({"max_purchases": -1}, "from 0 to 1000"),
            ({"max_purchases": "many"}, "from 0 to 1000"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals):
                reply = self.rpc(
                    self.manager,
                    "coop.trial.formula",
                    "create",
                    {"name": "Bad", **vals},
                )
                self.assertRefused(reply, message, counts)

    def test_volunteer_hours_bounded(self):
        counts = self.snapshot(("coop.volunteer.hours", []))
        for hours in (float("nan"), float("inf"), 1e9, -1, 0):
            with self.subTest(hours=hours):
                reply = self.rpc(
                    self.user,
                    "coop.volunteer.hours",
                    "create",
                    {
                        "partner_id": self.member_b.id,
                        "hours": hours,
                        "activity": "Shift",
                    },
                )
                self.assertRefused(reply, "from 0.01 to 24", counts)

    def test_used_card_locked(self):
        counts = self.snapshot(
            ("coop.trial.card", [("partner_id", "=", self.used_card.partner_id.id)])
        )
        reply = self.rpc(
            self.manager,
            "coop.trial.card",
            "write",
            [self.used_card.id],
            {"partner_id": self.member_b.id},
        )
        self.assertRefused(reply, "has been used", counts)

    def test_statement_bad_period(self):
        counts = self.snapshot(("coop.volunteer.hours.statement", []))
        vals = {
            "agreement_id": self.agreement.id,
            "date_from": "2026-05-31",
            "date_to": "2026-05-01",
        }
        reply = self.rpc(self.user, "coop.volunteer.hours.statement", "create", vals)
        self.assertRefused(reply, "cannot end before it starts", counts)

    def test_import_empty_file(self):
        counts = self.snapshot(("coop.volunteer.hours", []))
        for content in ("", "\n\n", HEADER):
            with self.subTest(content=content):
                self.assertRefused(
                    self._import(content), "The file holds no line.", counts
                )

    def test_import_not_a_text_file(self):
        counts = self.snapshot(("coop.volunteer.hours", []))
        reply = self._import(b"\x89PNG\r\n\x1a\n\x00\xff\xfe binary")
        self.assertRefused(reply, "missing columns", counts)

    def test_import_no_header(self):
        counts = self.snapshot(("coop.volunteer.hours", []))
        reply = self._import("ana@home.coop,Ana,2026-05-02,3,Shop shift\n")
        self.assertRefused(reply, "missing columns", counts)

    def test_import_nan_and_huge_hours(self):
        counts = self.snapshot(("coop.volunteer.hours", []))
        body = "".join(
            f"b@x.coop,B,2026-05-0{i},{hours},Shift\n"
            for i, hours in enumerate(("nan", "1e400", "-inf", "99999"), start=1)
        )
        reply = self._import(HEADER + body)
        for row, hours in ((2, "nan"), (3, "1e400"), (4, "-inf"), (5, "99999")):
            self.assertRefused(reply, f"Row {row}: invalid hours {hours}", counts)

    def test_import_activity_too_long(self):
        counts = self.snapshot(("coop.volunteer.hours", []))
        reply = self._import(HEADER + f"b@x.coop,B,2026-05-02,3,{'a' * 129}\n")
        self.assertRefused(reply, "longer than 128 characters", counts)
