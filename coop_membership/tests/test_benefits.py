# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Member benefits (the category's pricelist): for active members, and for
the employees of a *beneficiary* organisation only (itopie 000 §3.4.3:
"dans le cas d'un membre « bénéficiaire » uniquement")."""

import importlib.util

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import file_path

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestBenefits(CoopCommon):
    def _active_org(self, name, category, **vals):
        org = self._member(name, category, is_company=True, **vals)
        org._subscribe_shares(category._min_shares_for(org.fte) or 1)
        org.action_activate()
        return org

    def _contact(self, org, name="Employee"):
        return self.env["res.partner"].create(
            {"name": name, "parent_id": org.partner_id.id}
        )

    def _pricelist(self, partner):
        """The benefits pricelist of ``partner`` (False: none)."""
        partner.invalidate_recordset()
        pricelist = partner.with_company(
            self.company
        ).specific_property_product_pricelist
        return pricelist or False

    def test_only_beneficiary_employees_inherit(self):
        """An organisation of each itopie category: the organisation has the
        benefits; its employees only for a beneficiary."""
        cases = [
            # category, the employees inherit
            (self.cat_beneficiary, True),
            (self.cat_supporter, False),
            (self.cat_provider, False),
        ]
        for category, inherit in cases:
            with self.subTest(category=category.name):
                org = self._active_org(f"Org {category.code}", category, fte=5)
                employee = self._contact(org)
                self.assertEqual(self._pricelist(org.partner_id), self.pricelist)
                self.assertEqual(
                    self._pricelist(employee), self.pricelist if inherit else False
                )

    def test_contact_joining_or_leaving_the_organisation(self):
        beneficiary = self._active_org("Benef SA", self.cat_beneficiary, fte=5)
        supporter = self._active_org("Support SA", self.cat_supporter)
        ana = self.env["res.partner"].create({"name": "Ana"})
        self.assertFalse(self._pricelist(ana))
        ana.parent_id = beneficiary.partner_id
        self.assertEqual(self._pricelist(ana), self.pricelist, "joined: gains")
        ana.parent_id = supporter.partner_id
        self.assertFalse(self._pricelist(ana), "moved to a supporter: loses")
        ana.parent_id = beneficiary.partner_id
        ana.parent_id = False
        self.assertFalse(self._pricelist(ana), "left: loses")
        # an address of the organisation is not an employee
        ana.write({"parent_id": beneficiary.partner_id.id, "type": "invoice"})
        self.assertFalse(self._pricelist(ana))
        ana.type = "contact"
        self.assertEqual(self._pricelist(ana), self.pricelist)

    def test_leaving_keeps_the_contacts_own_membership(self):
        beneficiary = self._active_org("Benef Own", self.cat_beneficiary, fte=5)
        own_pricelist = self.env["product.pricelist"].create({"name": "Own"})
        category = self.cat_supporter.copy(
            {"name": "Own", "code": "OWN", "pricelist_id": own_pricelist.id}
        )
        bob = self._member("Bob", category)
        bob._subscribe_shares(1)
        bob.action_activate()
        bob.partner_id.parent_id = beneficiary.partner_id
        bob.partner_id.parent_id = False
        self.assertEqual(self._pricelist(bob.partner_id), own_pricelist)

    def test_category_setting_changed_later(self):
        org = self._active_org("Later SA", self.cat_supporter)
        employee = self._contact(org)
        self.assertFalse(self._pricelist(employee))
        self.cat_supporter.benefits_to_contacts = True
        self.assertEqual(self._pricelist(employee), self.pricelist)
        self.cat_supporter.benefits_to_contacts = False
        self.assertFalse(self._pricelist(employee))
        self.assertEqual(self._pricelist(org.partner_id), self.pricelist)

    def test_passive_and_benefits(self):
        org = self._member("Org Benef", self.cat_beneficiary, is_company=True, fte=5)
        employee = self._contact(org, "Org employee")
        partners = org.partner_id | employee
        self.assertNotEqual(self._pricelist(org.partner_id), self.pricelist)
        org._subscribe_shares(1)
        org.action_activate()
        for partner in partners:
            self.assertEqual(self._pricelist(partner), self.pricelist)
        org.action_set_passive()
        self.assertEqual(org.state, "passive")
        self.assertEqual(org.shares_subscribed, 1)  # keeps the shares
        for partner in partners:
            self.assertFalse(self._pricelist(partner))
        org.action_set_active()
        self.assertEqual(self._pricelist(employee), self.pricelist)
        with self.assertRaises(UserError):
            org.action_set_active()

    def test_demo_only_beneficiary_passes_benefits_on(self):
        """itopie's data: the beneficiary category only."""
        for name, inherit in (
            ("employee", False),
            ("provider", False),
            ("beneficiary", True),
            ("partner", False),
            ("supporter", False),
        ):
            category = self.env.ref(f"coop_membership.category_{name}_demo").sudo()
            self.assertEqual(category.benefits_to_contacts, inherit, name)

    def test_migration_keeps_passing_benefits_on(self):
        """Upgrading from 18.0.1.0.0 keeps the old behaviour: every existing
        category still passes its benefits on until a manager unticks it."""
        path = file_path("coop_membership/migrations/18.0.1.1.0/post-migrate.py")
        spec = importlib.util.spec_from_file_location("coop_m_1_1_0", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self.cat_supporter.benefits_to_contacts = False
        self.env.flush_all()
        module.migrate(self.env.cr, "18.0.1.0.0")
        self.cat_supporter.invalidate_recordset()
        self.assertTrue(self.cat_supporter.benefits_to_contacts)
