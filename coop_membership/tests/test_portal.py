# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        category = cls.env["coop.member.category"].create(
            {"name": "Supporter", "code": "PTEST", "company_id": company.id}
        )
        cls.portal_user = new_test_user(
            cls.env, login="coop_portal", groups="base.group_portal", name="Pat Portal"
        )
        cls.other_user = new_test_user(
            cls.env, login="coop_portal2", groups="base.group_portal", name="Olga Other"
        )
        cls.user_internal = new_test_user(
            cls.env, login="coop_internal", groups="base.group_user"
        )
        Membership = cls.env["coop.membership"]
        cls.mine = Membership.create(
            {
                "partner_id": cls.portal_user.partner_id.id,
                "category_id": category.id,
                "state": "active",
                "company_id": company.id,
                "payroll": 123456,
            }
        )
        cls.other = Membership.create(
            {
                "partner_id": cls.other_user.partner_id.id,
                "category_id": category.id,
                "state": "active",
                "company_id": company.id,
                "payroll": 987654,
            }
        )
        cls.other.directory_listed = True
        cls.other.partner_id.write(
            {"email": "olga.secret@example.com", "phone": "+41 22 555 00 00"}
        )

    def test_orm_isolation(self):
        Membership = self.env["coop.membership"].with_user(self.portal_user)
        self.assertEqual(Membership.search([]), self.mine)
        self.assertEqual(self.mine.with_user(self.portal_user).payroll, 123456)
        with self.assertRaises(AccessError):
            self.other.with_user(self.portal_user).read(["payroll"])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.portal_user).write({"payroll": 1})
        self.assertFalse(
            self.env["coop.share.line"]
            .with_user(self.portal_user)
            .search([("membership_id", "=", self.other.id)])
        )
        with self.assertRaises(AccessError):
            self.env["coop.membership"].with_user(self.user_internal).search([])

    def test_portal_pages(self):
        self.authenticate("coop_portal", "coop_portal")
        page = self.url_open("/my/membership")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.mine.name, page.text)
        self.assertNotIn(self.other.name, page.text)
        directory = self.url_open("/my/members")
        self.assertEqual(directory.status_code, 200)
        self.assertIn("Olga Other", directory.text)
        self.assertNotIn("olga.secret@example.com", directory.text)
        self.assertNotIn("555 00 00", directory.text)
        home = self.url_open("/my/home")
        self.assertIn("/my/membership", home.text)

    def test_portal_non_member_sees_nothing(self):
        new_test_user(self.env, login="coop_stranger", groups="base.group_portal")
        self.authenticate("coop_stranger", "coop_stranger")
        page = self.url_open("/my/membership")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(self.mine.name, page.text)
        directory = self.url_open("/my/members")
        self.assertNotIn("Olga Other", directory.text)
        self.assertNotIn("Pat Portal", directory.text)
