# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The remote vote and the proxy confirmations over HTTP, as portal members
against each other: clear answers (4xx), nothing counted on bad input."""

import json
import re

from odoo import http
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .assembly_common import CoopVoteMixin
from .common import CoopHttpCommon


@tagged("post_install", "-at_install")
class TestAssemblyPortal(CoopVoteMixin, CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_vote(voters=[cls.member_a, cls.member_b])
        cls.portal_c = new_test_user(
            cls.env,
            "sec_portal_c",
            "base.group_portal",
            name="Carla Cherry",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        # a candidate: a member of the cooperative, not of the electorate
        cls.member_c = cls.env["coop.membership"].create(
            {
                "partner_id": cls.portal_c.partner_id.id,
                "category_id": cls.cat_supporter.id,
                "company_id": cls.company.id,
            }
        )

    def _post(self, login, url, data):
        self.authenticate(login, login)
        data = [("csrf_token", http.Request.csrf_token(self)), *data]
        with mute_logger("odoo.http"):
            return self.url_open(url, data=data, allow_redirects=False)

    def _form(self, member, ballot):
        """Form fields of ``member``'s ballot (``{item: [choice ids]}``)."""
        voter = self._participation(member).id
        data = [("voter", str(voter))]
        for item_id, choices in ballot.items():
            data += [(f"ballot-{voter}-{item_id}", str(c)) for c in choices]
        return data

    def _vote_url(self):
        return f"/my/assembly/{self.assembly.id}/vote"

    def test_vote_over_http(self):
        codes = self._open()
        a = self.member_a
        url = self._vote_url()
        form = self._form(a, self._ballot("For", ["Ada", "Bob"]))
        page = self.url_open(f"/my/assembly/{self.assembly.id}")  # not logged in
        self.assertNotIn("Approve the accounts", page.text)
        self.authenticate("sec_portal_a", "sec_portal_a")
        page = self.url_open(f"/my/assembly/{self.assembly.id}")
        self.assertIn("Approve the accounts", page.text)
        self.assertIn("Your ballot", page.text)
        # a wrong code: 403, the attempt is counted and kept, nothing voted
        response = self._post("sec_portal_a", url, [("code", "WRONG-CODE1"), *form])
        self.assertEqual(response.status_code, 403)
        self.assertIn("Wrong voting code", response.text)
        self.assertIn("4 attempts left", response.text)
        participation = self._participation(a)
        self.assertEqual(participation.code_attempts, 1)
        self.assertFalse(participation.has_voted)
        # malformed forms: 400
        for bad in ([("ballot-x-1", "2")], [("voter", "abc")], [("voter", "9" * 12)]):
            with self.subTest(bad=bad):
                response = self._post("sec_portal_a", url, [("code", codes[a]), *bad])
                self.assertEqual(response.status_code, 400)
        # the right code: counted, once
        response = self._post("sec_portal_a", url, [("code", codes[a]), *form])
        self.assertEqual(response.status_code, 303)
        self.assertTrue(participation.has_voted)
        response = self._post("sec_portal_a", url, [("code", codes[a]), *form])
        self.assertEqual(response.status_code, 400)
        self.assertIn("already voted", response.text)
        self.assertEqual(self.assembly.voted_count, 1)

    def test_assemblies_listed_on_the_portal(self):
        self._open()
        self.authenticate("sec_portal_a", "sec_portal_a")
        page = self.url_open("/my/assemblies")
        self.assertIn("Electrolab AGM", page.text)
        self.assertIn("In the electorate", page.text)
        counters = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["coop_assembly_count"]}}),
            headers={"Content-Type": "application/json"},
        ).json()["result"]
        self.assertEqual(counters["coop_assembly_count"], 1)
        self.authenticate("sec_portal_c", "sec_portal_c")  # not in the electorate
        self.assertIn(
            "No assembly vote concerns you", self.url_open("/my/assemblies").text
        )

    def test_ballot_for_another_member(self):
        """A's form carrying B's ballot: refused, B's vote stays B's."""
        codes = self._open()
        form = self._form(self.member_b, self._ballot("Against"))
        response = self._post(
            "sec_portal_a", self._vote_url(), [("code", codes[self.member_a]), *form]
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("hold no authenticated proxy", response.text)
        self.assertFalse(self.assembly.participation_ids.filtered("has_voted"))

    def test_not_in_the_electorate(self):
        self._open()
        form = self._form(self.member_a, self._ballot("For"))
        response = self._post(
            "sec_portal_c", self._vote_url(), [("code", "ABCDE-FGHJK"), *form]
        )
        self.assertEqual(response.status_code, 403)
        self.assertIn("not in the electorate", response.text)
        # another cooperative's manager, or a stranger: not found
        new_test_user(self.env, "sec_stranger", "base.group_portal")
        response = self._post("sec_stranger", self._vote_url(), form)
        self.assertEqual(response.status_code, 404)
        self.authenticate("sec_stranger", "sec_stranger")
        with mute_logger("odoo.http"):
            page = self.url_open(f"/my/assembly/{self.assembly.id}")
        self.assertEqual(page.status_code, 404)
        self.assertNotIn("Approve the accounts", page.text)
        self.assertFalse(self.assembly.participation_ids.filtered("has_voted"))

    def test_results_published_when_closed(self):
        codes = self._open()
        a = self.member_a
        self._vote(a, codes[a], {a: self._ballot("For", ["Cyd"])})
        url = f"/my/assembly/{self.assembly.id}/results"
        self.authenticate("sec_portal_b", "sec_portal_b")
        with mute_logger("odoo.http"):
            self.assertEqual(self.url_open(url).status_code, 404)
        self.assembly.action_close_vote()
        page = self.url_open(f"/my/assembly/{self.assembly.id}")
        self.assertIn("Adopted", page.text)
        self.assertRegex(page.text, r"(?s)Cyd.*?1")
        pdf = self.url_open(url)
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")

    def test_giver_confirms_on_the_portal(self):
        proxy = self._proxy(self.member_b, self.member_a, authenticated=False)
        url = f"/my/assembly/proxy/{proxy.id}/confirm"
        # the holder cannot confirm for the giver
        self.assertEqual(self._post("sec_portal_a", url, []).status_code, 404)
        self.assertEqual(proxy.authentication, "none")
        self.authenticate("sec_portal_b", "sec_portal_b")
        page = self.url_open(f"/my/assembly/{self.assembly.id}")
        self.assertIn("Not confirmed", page.text)
        response = self._post("sec_portal_b", url, [])
        self.assertEqual(response.status_code, 303)
        self.assertEqual(proxy.authentication, "portal")
        self.assertTrue(proxy.is_authenticated)

    def test_giver_confirms_from_the_email(self):
        proxy = self._proxy(self.member_b, self.member_a, authenticated=False)
        mails = self.env["mail.mail"].search([])
        proxy.action_send_confirmation()
        mail = self.env["mail.mail"].search([]) - mails
        self.assertEqual(mail.recipient_ids, self.member_b.partner_id)
        link = re.search(r'href="[^"]*(/coop/proxy/[^"]+)"', mail.body_html).group(1)
        link = link.replace("&amp;", "&")
        self.authenticate(None, None)
        page = self.url_open(link)
        self.assertIn("Confirm my proxy", page.text)
        self.assertEqual(proxy.authentication, "none")  # opening is not confirming
        token = link.split("token=")[1]
        url = f"/coop/proxy/{proxy.id}/confirm"
        forged = self._post(None, url, [("token", token[:-2] + "00")])
        self.assertEqual(forged.status_code, 404)
        self.assertEqual(proxy.authentication, "none")
        done = self._post(None, url, [("token", token)])
        self.assertEqual(done.status_code, 200)
        self.assertIn("Your proxy is confirmed", done.text)
        self.assertEqual(proxy.authentication, "email")
        again = self._post(None, url, [("token", token)])
        self.assertEqual(again.status_code, 404)
        self.assertIn("not valid or was already used", again.text)
