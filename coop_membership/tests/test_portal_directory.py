# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The member directory (RULES.md M7), portal member A against B over HTTP."""

import re

from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CoopHttpCommon


@tagged("post_install", "-at_install")
class TestPortalDirectory(CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a.partner_id.write(
            {"email": "alice.apple@example.com", "phone": "+41 22 111 11 11"}
        )
        cls.member_a.directory_listed = False
        cls.member_b.directory_listed = True

    def _csrf(self, login):
        """Log in as ``login``; the CSRF token of their membership page."""
        self.authenticate(login, login)
        page = self.url_open("/my/membership").text
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def _choose(self, login, member, **choices):
        """Post the directory form of ``member`` as ``login``."""
        data = {"csrf_token": self._csrf(login), "membership_id": str(member.id)}
        data.update({name: "on" for name, on in choices.items() if on})
        return self.url_open("/my/membership/directory", data=data)

    def _directory(self, login, query=""):
        self.authenticate(login, login)
        response = self.url_open("/my/members" + query)
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_consent_listing_and_email(self):
        page = self._directory("sec_portal_b")
        self.assertIn("Bob Banana", page)
        self.assertNotIn("Alice Apple", page)  # no consent: not listed
        response = self._choose("sec_portal_a", self.member_a, directory_listed=True)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_coop_saved", response.text)
        self.assertTrue(self.member_a.directory_listed)
        page = self._directory("sec_portal_b")
        self.assertIn("Alice Apple", page)
        self.assertNotIn("alice.apple@example.com", page)  # email not chosen
        self.assertNotIn("111 11 11", page)
        self._choose(
            "sec_portal_a",
            self.member_a,
            directory_listed=True,
            directory_show_email=True,
        )
        page = self._directory("sec_portal_b")
        self.assertIn("alice.apple@example.com", page)
        self.assertNotIn("111 11 11", page)
        # withdrawing the consent hides the member and clears the choices
        self._choose("sec_portal_a", self.member_a)
        self.assertFalse(self.member_a.directory_show_email)
        self.assertNotIn("Alice Apple", self._directory("sec_portal_b"))

    def test_cannot_choose_for_another_member(self):
        before = self.member_b.directory_listed
        for value in (str(self.member_b.id), "abc", "", "999999999"):
            token = self._csrf("sec_portal_a")
            with mute_logger("odoo.http"):
                response = self.url_open(
                    "/my/membership/directory",
                    data={"csrf_token": token, "membership_id": value},
                )
            self.assertEqual(response.status_code, 404, value)
        self.assertEqual(self.member_b.directory_listed, before)

    def test_former_members_and_strangers(self):
        self.member_a.write({"directory_listed": True, "state": "left"})
        self.assertNotIn("Alice Apple", self._directory("sec_portal_b"))
        # a former member does not see the directory, and is told why
        page = self._directory("sec_portal_a")
        self.assertIn("o_coop_directory_closed", page)
        self.assertNotIn("Bob Banana", page)
        new_test_user(self.env, "sec_stranger", "base.group_portal")
        page = self._directory("sec_stranger")
        self.assertNotIn("Bob Banana", page)
        membership = self.url_open("/my/membership").text
        self.assertIn("o_coop_not_member", membership)
        self.assertNotIn("You are not a member.", membership)

    def test_search_and_pages(self):
        Membership = self.env["coop.membership"]
        Membership.create(
            [
                {
                    "partner_id": self.env["res.partner"]
                    .create({"name": "Zed Listed %02d" % index})
                    .id,
                    "category_id": self.cat_supporter.id,
                    "company_id": self.company.id,
                    "state": "active",
                    "directory_listed": True,
                }
                for index in range(25)
            ]
        )
        first = self._directory("sec_portal_b")
        self.assertIn("Bob Banana", first)
        self.assertIn("/my/members/page/2", first)
        self.assertNotIn("Zed Listed 24", first)
        second = self._directory("sec_portal_b", "/page/2")
        self.assertIn("Zed Listed 24", second)
        found = self._directory("sec_portal_b", "?search=Bob")
        self.assertIn("Bob Banana", found)
        self.assertNotIn("Zed Listed", found)
        self.assertIn(
            "o_coop_directory_empty", self._directory("sec_portal_b", "?search=nobody")
        )
        self.assertIn("Bob Banana", self._directory("sec_portal_b", "?page=abc"))
