# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal members see the coming official openings and the keys they hold,
read only: member A never sees member B's keys."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .keys_common import KeysHttpCommon


@tagged("post_install", "-at_install")
class TestKeysPortal(KeysHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.key_a = cls.Key.create({"name": "SET-ALICE", "kind": "key_set"})
        cls.key_b = cls.Key.create({"name": "BADGE-BOB", "kind": "badge"})
        Issue = cls.env["coop.makerspace.key.issue"]
        Issue.create(
            [
                {"key_id": key.id, "holder_partner_id": user.partner_id.id}
                for key, user in ((cls.key_a, cls.portal_a), (cls.key_b, cls.portal_b))
            ]
        )
        start = fields.Datetime.now() + timedelta(days=3)
        Opening = cls.env["coop.makerspace.opening"]
        board = [cls.members[name].partner_id for name in ("Dana", "Eli")]
        cls.openings = {}
        for name, kind in (
            ("Published Thursday", "official"),
            ("Board Evening", "unofficial"),
            ("Draft Saturday", "official"),
        ):
            cls.openings[name] = Opening.create(
                {
                    "name": name,
                    "kind": kind,
                    "date_start": start,
                    "date_end": start + timedelta(hours=4),
                    "attendance_ids": [(0, 0, {"partner_id": p.id}) for p in board],
                }
            )
        cls.openings["Published Thursday"].action_confirm()
        cls.openings["Board Evening"].action_confirm()

    def test_portal_pages(self):
        self.authenticate("sec_portal_a", "sec_portal_a")
        keys = self.url_open("/my/keys")
        self.assertEqual(keys.status_code, 200)
        self.assertIn("SET-ALICE", keys.text)
        self.assertNotIn("BADGE-BOB", keys.text)
        openings = self.url_open("/my/openings")
        self.assertEqual(openings.status_code, 200)
        self.assertIn("Published Thursday", openings.text)
        self.assertNotIn("Board Evening", openings.text)
        self.assertNotIn("Draft Saturday", openings.text)
        home = self.url_open("/my/home")
        self.assertIn("/my/openings", home.text)
        self.assertIn("/my/keys", home.text)

    def test_portal_member_a_does_not_see_b_keys(self):
        answer = self._rpc(
            "sec_portal_a",
            "coop.makerspace.key",
            "search_read",
            [[]],
            {"fields": ["name"]},
        )
        self.assertEqual([r["name"] for r in answer["result"]], ["SET-ALICE"])
        answer = self._rpc(
            "sec_portal_a", "coop.makerspace.key.issue", "search_count", [[]]
        )
        self.assertEqual(answer["result"], 1)
        answer = self._rpc(
            "sec_portal_a", "coop.makerspace.key", "read", [self.key_b.ids, ["name"]]
        )
        self.assertIn("error", answer)
        self.assertNotIn("BADGE-BOB", json.dumps(answer))

    def test_portal_is_read_only(self):
        before = self._counts_keys()
        calls = [
            ("coop.makerspace.key", "write", [self.key_a.ids, {"name": "MINE"}]),
            ("coop.makerspace.key", "action_return", [self.key_a.ids]),
            ("coop.makerspace.key", "action_declare_lost", [self.key_b.ids]),
            ("coop.makerspace.key.issue", "action_invoice_key_fees", [[]]),
            (
                "coop.makerspace.opening.attendance",
                "create",
                [
                    {
                        "opening_id": self.openings["Published Thursday"].id,
                        "partner_id": self.portal_a.partner_id.id,
                    }
                ],
            ),
            (
                "coop.makerspace.opening",
                "action_confirm",
                [self.openings["Draft Saturday"].ids],
            ),
        ]
        for model, method, args in calls:
            with self.subTest(model=model, method=method):
                answer = self._rpc("sec_portal_a", model, method, args)
                self.assertIn("error", answer, answer.get("result"))
                self.assertRegex(
                    answer["error"]["data"]["name"], r"AccessError|MissingError"
                )
        self.env.invalidate_all()
        self.assertEqual(self._counts_keys(), before)
        self.assertEqual((self.key_a.name, self.key_a.state), ("SET-ALICE", "issued"))
        self.assertEqual(self.openings["Draft Saturday"].state, "draft")

    def test_other_company_sees_nothing(self):
        manager_2 = new_test_user(
            self.env,
            "maker_manager_2",
            "base.group_user,coop_makerspace.group_coop_makerspace_manager",
            company_id=self.company_2.id,
            company_ids=[(6, 0, self.company_2.ids)],
        )
        for model in (
            "coop.makerspace.key",
            "coop.makerspace.key.issue",
            "coop.makerspace.opening",
            "coop.makerspace.opening.attendance",
        ):
            with self.subTest(model=model):
                self.assertEqual(
                    self.env[model].with_user(manager_2).search_count([]), 0
                )
        # the same reference is free in another cooperative
        key = (
            self.env["coop.makerspace.key"]
            .with_user(manager_2)
            .create({"name": "SET-ALICE", "company_id": self.company_2.id})
        )
        self.assertEqual(key.company_id, self.company_2)
