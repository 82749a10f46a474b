# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The badge readers and the members' portal, over real HTTP (003 §8.2,
§9.2): a reader without its key gets nothing, bad input gets a 4xx and
writes nothing, member A never sees member B's qualifications."""

import json
import re
from datetime import date

from odoo.tests import tagged
from odoo.tools import mute_logger

from .workshop_common import WorkshopHttpCommon

URL = "/coop_makerspace/badge/check"


@tagged("post_install", "-at_install")
class TestBadgeEndpoint(WorkshopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.camille.coop_badge_number = "04A2-3F19-7C"
        Device = cls.env["coop.makerspace.badge.device"]
        cls.reader = Device.create({"name": "Workshop reader"})
        cls.laser_reader = Device.create(
            {"name": "Laser reader", "equipment_id": cls.laser.id}
        )
        cls.key = cls._key(cls.reader)
        cls.laser_key = cls._key(cls.laser_reader)

    @classmethod
    def _key(cls, device):
        action = device.with_user(cls.board_user).action_generate_key()
        return action["context"]["default_key"]

    def _post(self, body, key=None, raw=False):
        headers = {"Content-Type": "application/json"}
        if key is not False:
            headers["X-Coop-Device-Key"] = self.key if key is None else key
        data = body if raw else json.dumps(body)
        with mute_logger("odoo.http", "odoo.addons.coop_makerspace.controllers.badge"):
            return self.url_open(URL, data=data, headers=headers)

    def _logs(self):
        return self.env["coop.makerspace.badge.log"].sudo().search_count([])

    def test_a_qualified_member_badges_at_the_drill_press(self):
        before = self._logs()
        response = self._post(
            {"badge": "04A2-3F19-7C", "equipment": self.drill_press.id}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {"allowed": True, "reason": "allowed", "reason_code": "allowed"},
        )
        # the laser's own reader: never alone
        response = self._post({"badge": "04A2-3F19-7C"}, key=self.laser_key)
        self.assertEqual(response.json()["allowed"], False)
        self.assertEqual(
            response.json()["reason"], "never alone: a qualified person must be present"
        )
        self.assertEqual(self._logs(), before + 2)
        log = self.env["coop.makerspace.badge.log"].sudo().search([], limit=1)
        self.assertEqual(log.partner_id, self.camille.partner_id)
        self.assertEqual(log.equipment_id, self.laser)
        self.assertEqual(log.device_id, self.laser_reader)
        self.assertFalse(log.allowed)

    def test_an_unknown_badge_is_refused_and_logged(self):
        before = self._logs()
        response = self._post({"badge": "FFFF", "equipment": self.lathe.id})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["allowed"], False)
        self.assertEqual(response.json()["reason"], "unknown badge")
        self.assertEqual(self._logs(), before + 1)

    def test_a_withdrawn_device_answers_defect(self):
        self.lathe.with_user(self.workshop_user).report_danger("Guard removed")
        response = self._post({"badge": "04A2-3F19-7C", "equipment": self.lathe.id})
        self.assertEqual(response.json()["reason"], "withdrawn: defect")

    def test_unknown_keys_are_refused(self):
        before = self._logs()
        body = {"badge": "04A2-3F19-7C", "equipment": self.drill_press.id}
        for key in (False, "", "0" * 40, self.key[:-2], self.key + "00", "é" * 40):
            with self.subTest(key=key):
                self.assertEqual(self._post(body, key=key).status_code, 401)
        self.reader.active = False
        self.assertEqual(self._post(body).status_code, 401)
        self.assertEqual(self._logs(), before)

    def test_bad_input_errors_clearly_and_writes_nothing(self):
        before = self._logs()
        drill = self.drill_press.id
        table = [
            ("{not json", 400),
            ("[1, 2]", 400),
            ('{"badge": "04A2-3F19-7C", "equipment": NaN}', 400),
            ('{"badge": "04A2-3F19-7C", "equipment": Infinity}', 400),
            ('{"badge": "04A2-3F19-7C", "equipment": 1e999}', 400),
            (b"\xff\xfe", 400),
            (json.dumps({"badge": "x" * 33, "equipment": drill}), 400),
            (json.dumps({"badge": "x" * 5000, "equipment": drill}), 413),
            (json.dumps({"badge": "", "equipment": drill}), 400),
            (json.dumps({"badge": 1234, "equipment": drill}), 400),
            (json.dumps({"badge": "04A2\n", "equipment": drill}), 400),
            (json.dumps({"equipment": drill}), 400),
            (json.dumps({"badge": "04A2-3F19-7C"}), 400),
            (json.dumps({"badge": "04A2-3F19-7C", "equipment": "1"}), 400),
            (json.dumps({"badge": "04A2-3F19-7C", "equipment": True}), 400),
            (json.dumps({"badge": "04A2-3F19-7C", "equipment": 1.5}), 400),
            (json.dumps({"badge": "04A2-3F19-7C", "equipment": -1}), 400),
            (json.dumps({"badge": "04A2-3F19-7C", "equipment": 2**40}), 400),
            (json.dumps({"badge": "04A2-3F19-7C", "equipment": 2**31 - 1}), 404),
            (json.dumps({"params": [1]}), 400),
        ]
        for body, status in table:
            with self.subTest(body=body[:60]):
                response = self._post(body, raw=True)
                self.assertEqual(response.status_code, status, response.text)
                self.assertIn("error", response.json())
        # the laser's reader cannot answer for the drill press
        response = self._post(
            {"badge": "04A2-3F19-7C", "equipment": drill}, key=self.laser_key
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self._logs(), before)

    def test_another_companys_equipment_is_unknown(self):
        other = self.env["maintenance.equipment"].create(
            {"name": "Other coop's saw", "company_id": self.company_2.id}
        )
        response = self._post({"badge": "04A2-3F19-7C", "equipment": other.id})
        self.assertEqual(response.status_code, 404)

    def test_a_json_rpc_client_is_answered_too(self):
        body = {
            "jsonrpc": "2.0",
            "params": {"badge": "04A2-3F19-7C", "equipment": self.drill_press.id},
        }
        self.assertEqual(self._post(body).json()["allowed"], True)


@tagged("post_install", "-at_install")
class TestWorkshopPortal(WorkshopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["maintenance.equipment.category"]
        cls.soldering = Category.create({"name": "Soldering stations of Bob"})
        cls.env["coop.makerspace.qualification"].create(
            [
                {
                    "membership_id": cls.member_a.id,
                    "equipment_id": cls.drill_press.id,
                    "decision_date": date(2026, 2, 5),
                },
                {
                    "membership_id": cls.member_b.id,
                    "category_id": cls.soldering.id,
                    "decision_date": date(2026, 2, 5),
                },
            ]
        )

    def _csrf(self):
        page = self.url_open("/my/equipment")
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_member_a_sees_the_equipment_and_only_her_qualifications(self):
        self.authenticate("sec_portal_a", "sec_portal_a")
        page = self.url_open("/my/equipment")
        self.assertEqual(page.status_code, 200)
        for name in ("Drill Press", "Laser Cutter", "Lathe", "My Qualifications"):
            self.assertIn(name, page.text)
        self.assertNotIn("Soldering stations of Bob", page.text)
        # over RPC too
        answer = self._rpc(
            "sec_portal_a",
            "coop.makerspace.qualification",
            "search_read",
            [[]],
            {"fields": ["partner_id"]},
        )
        partners = {row["partner_id"][0] for row in answer["result"]}
        self.assertEqual(partners, {self.portal_a.partner_id.id})
        # the equipment's name and level, not its purchase nor the staff's notes
        answer = self._rpc(
            "sec_portal_a",
            "maintenance.equipment",
            "search_read",
            [[["id", "=", self.lathe.id]]],
            {"fields": ["name", "coop_access_level_id"]},
        )
        self.assertEqual(answer["result"][0]["name"], self.lathe.name)
        for field in ("cost", "note", "partner_id", "warranty_date"):
            answer = self._rpc(
                "sec_portal_a",
                "maintenance.equipment",
                "read",
                [self.lathe.ids, [field]],
            )
            self.assertIn("error", answer, field)

    def test_member_a_reports_a_danger(self):
        self.authenticate("sec_portal_a", "sec_portal_a")
        response = self.url_open(
            f"/my/equipment/{self.lathe.id}/danger",
            data={"csrf_token": self._csrf(), "description": "Sparks from the plug"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("the board is told", response.text)
        self.assertTrue(self.lathe.coop_withdrawn)
        request = self.lathe.coop_danger_request_ids
        self.assertEqual(request.owner_user_id, self.portal_a)

    def test_bad_danger_reports_are_refused_and_write_nothing(self):
        self.authenticate("sec_portal_a", "sec_portal_a")
        csrf = self._csrf()
        before = self._workshop_counts()
        table = [
            ("/my/equipment/999999/danger", {"description": "x"}, 404),
            ("/my/equipment/abc/danger", {"description": "x"}, 404),
            ("/my/equipment/99999999999999999999/danger", {"description": "x"}, 404),
            (f"/my/equipment/{self.lathe.id}/danger", {"description": ""}, 400),
            (f"/my/equipment/{self.lathe.id}/danger", {"description": "x" * 2001}, 400),
        ]
        with mute_logger("odoo.http"):
            for url, data, status in table:
                with self.subTest(url=url, size=len(data["description"])):
                    response = self.url_open(url, data=dict(data, csrf_token=csrf))
                    self.assertEqual(response.status_code, status)
            # without the CSRF token
            response = self.url_open(
                f"/my/equipment/{self.lathe.id}/danger", data={"description": "x"}
            )
            self.assertEqual(response.status_code, 400)
        self.assertEqual(self._workshop_counts(), before)
        self.assertFalse(self.lathe.coop_withdrawn)

    def test_a_portal_user_without_membership_cannot_report(self):
        self.member_b.state = "left"
        self.authenticate("sec_portal_b", "sec_portal_b")
        before = self._workshop_counts()
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/my/equipment/{self.lathe.id}/danger",
                data={"csrf_token": self._csrf(), "description": "Smoke"},
            )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self._workshop_counts(), before)
