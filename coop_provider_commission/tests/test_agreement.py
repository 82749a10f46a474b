# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import CommissionCase


@tagged("post_install", "-at_install")
class TestAgreement(CommissionCase):
    def test_validity_ends_before_start(self):
        count = self.env["coop.commission.agreement"].search_count([])
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._agreement(date_start=date(2026, 1, 1), date_end=date(2025, 12, 31))
        self.assertEqual(self.env["coop.commission.agreement"].search_count([]), count)

    def test_rate_outside_range(self):
        for rate in (-5, 100.01, 150):
            with (
                self.subTest(rate=rate),
                self.assertRaisesRegex(ValidationError, "between 0 and 100"),
            ):
                self._agreement(rate=rate)
        agreement = self._agreement(rate=100)
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            agreement.rate = 101
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._agreement(basis="fixed", amount=-1, partner_ids=self.provider.ids)
        with self.assertRaisesRegex(ValidationError, "needs the partners"):
            self._agreement(basis="fixed", amount=300)

    def test_payer_payee(self):
        agreement = self._agreement(partner_ids=[self.provider.id])
        self.assertEqual(agreement.payer, self.provider.display_name)
        self.assertEqual(agreement.payee, self.company.name)
        agreement.direction = "to_partner"
        self.assertEqual(agreement.payer, self.company.name)

    def test_only_managers_edit_agreements(self):
        agreement = self._agreement()
        with self.assertRaises(AccessError):
            agreement.with_user(self.user).write({"rate": 10})
        agreement.with_user(self.manager).write({"rate": 10})
        self.assertEqual(agreement.rate, 10)

    def test_errors_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_provider_commission"], ["fr_FR"], overwrite=True
        )
        french = self.env(context=dict(self.env.context, lang="fr_FR"))
        with self.assertRaisesRegex(
            ValidationError, "doit être compris entre 0 et 100"
        ):
            self._agreement_in(french, rate=120)
        agreement = self._agreement()
        self.assertEqual(
            agreement.with_env(french)
            ._fields["basis"]
            .convert_to_export("declared", agreement.with_env(french)),
            "Chiffre d'affaires déclaré",
        )

    def _agreement_in(self, env, **vals):
        values = {
            "name": "Accord",
            "basis": "declared",
            "rate": 20.0,
            "date_start": date(2025, 1, 1),
        }
        values.update(vals)
        return env["coop.commission.agreement"].create(values)

    def test_multi_company_isolation(self):
        other = self.env["res.company"].create({"name": "Other section"})
        outsider = self.env["res.users"].create(
            {
                "name": "Other section user",
                "login": "other_section_user",
                "company_id": other.id,
                "company_ids": [(6, 0, other.ids)],
                "groups_id": [
                    (
                        6,
                        0,
                        self.env.ref(
                            "coop_provider_commission.group_commission_manager"
                        ).ids,
                    )
                ],
            }
        )
        agreement = self._agreement()
        Agreement = self.env["coop.commission.agreement"].with_user(outsider)
        self.assertNotIn(agreement, Agreement.search([]))
        self.assertFalse(self.env["coop.network.client"].with_user(outsider).search([]))
        with self.assertRaises(AccessError):
            agreement.with_user(outsider).read(["name"])
