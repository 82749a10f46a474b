# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


class CoopCommon(AccountTestInvoicingCommon):
    """A company with a chart of accounts, itopie's and Electrolab's rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company_data["company"]
        cls.company = company
        cls.env.user.groups_id |= cls.env.ref("coop_membership.group_coop_manager")
        cls.share_account = cls.env["account.account"].create(
            {
                "name": "Share capital",
                "code": "280100",
                "account_type": "equity",
                "company_ids": [(6, 0, company.ids)],
            }
        )
        company.coop_share_account_id = cls.share_account
        cls.fee_product = cls.env["product.product"].create(
            {
                "name": "Membership fee",
                "type": "service",
                "taxes_id": [(6, 0, [])],
                "property_account_income_id": (
                    cls.company_data["default_account_revenue"].id
                ),
            }
        )
        Scheme = cls.env["coop.fee.scheme"]
        cls.scheme_year = Scheme.create(
            {
                "name": "Calendar year",
                "period_start_months": "1",
                "proration": "tiers",
                "product_id": cls.fee_product.id,
                "tier_ids": [
                    (0, 0, {"from_month": 1, "percent": 100}),
                    (0, 0, {"from_month": 8, "percent": 50}),
                    (0, 0, {"from_month": 11, "percent": 0}),
                ],
            }
        )
        cls.scheme_4m = Scheme.create(
            {
                "name": "Four-month periods",
                "period_start_months": "2,6,10",
                "proration": "monthly",
                "max_prepaid_periods": 6,
                "product_id": cls.fee_product.id,
            }
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {"name": "Member benefits", "company_id": company.id}
        )
        Category = cls.env["coop.member.category"]
        base = {
            "share_value": 100,
            "fee_scheme_id": cls.scheme_year.id,
            "pricelist_id": cls.pricelist.id,
        }
        cls.cat_employee = Category.create(
            dict(base, name="Employee", code="EMP", min_shares=10, fee_mode="exempt")
        )
        cls.cat_provider = Category.create(
            dict(
                base,
                name="Provider",
                code="PRO",
                min_shares=5,
                fee_mode="fixed",
                fee_amount=100,
                notice_months=3,
                notice_extended_months=6,
            )
        )
        cls.cat_beneficiary = Category.create(
            dict(
                base,
                name="Beneficiary",
                code="BEN",
                min_shares_mode="per_fte",
                fte_per_share=5,
                fee_mode="payroll",
                fee_amount=100,
                fee_permille=1,
                fee_cap=2000,
                notice_months=3,
                notice_end="year",
            )
        )
        cls.cat_supporter = Category.create(
            dict(
                base,
                name="Supporter",
                code="SUP",
                min_shares=1,
                fee_mode="fixed",
                fee_amount=100,
                notice_months=1,
                notice_end="year",
            )
        )
        cls.cat_elab = Category.create(
            {
                "name": "Hackerspace employed",
                "code": "ELAB",
                "min_shares": 0,
                "fee_mode": "fixed",
                "fee_amount": 40,
                "fee_scheme_id": cls.scheme_4m.id,
            }
        )
        cls.user_coop = new_test_user(
            cls.env,
            login="coop_user",
            groups="base.group_user,coop_membership.group_coop_user",
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
        )

    @classmethod
    def _member(cls, name, category, state="candidate", **vals):
        partner = cls.env["res.partner"].create(
            {"name": name, "is_company": vals.pop("is_company", False)}
        )
        return cls.env["coop.membership"].create(
            dict(
                vals,
                partner_id=partner.id,
                category_id=category.id,
                company_id=cls.company.id,
                state=state,
                join_date=vals.get("join_date", "2025-01-01"),
            )
        )

    @contextmanager
    def assertRaisesRegex(self, exception, regex):
        """Like unittest's, inside a savepoint (nothing half-written stays)."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertRegex(str(cm.exception), regex)

    def _pay(self, moves, payment_date=None, amount=None):
        vals = {"group_payment": False}
        if payment_date:
            vals["payment_date"] = payment_date
        if amount is not None:
            vals.update(amount=amount, payment_difference_handling="open")
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=moves.ids
        ).create(vals)._create_payments()

    def _share_account_balance(self):
        lines = self.env["account.move.line"].search(
            [
                ("account_id", "=", self.share_account.id),
                ("parent_state", "=", "posted"),
            ]
        )
        return -sum(lines.mapped("balance"))
