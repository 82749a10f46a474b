# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from contextlib import contextmanager

from odoo.tests import HttpCase, new_test_user
from odoo.tools import mute_logger

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

# itopie's member categories (000 §3.1.3), by test class attribute
ITOPIE_CATEGORIES = {
    "cat_employee": {
        "name": "Employee",
        "code": "EMP",
        "min_shares": 10,
        "fee_mode": "exempt",
    },
    "cat_provider": {
        "name": "Provider",
        "code": "PRO",
        "min_shares": 5,
        "fee_mode": "fixed",
        "fee_amount": 100,
        "notice_months": 3,
        "notice_extended_months": 6,
    },
    "cat_beneficiary": {
        "name": "Beneficiary",
        "code": "BEN",
        "min_shares_mode": "per_fte",
        "fte_per_share": 5,
        "fee_mode": "payroll",
        "fee_amount": 100,
        "fee_permille": 1,
        "fee_cap": 2000,
        "notice_months": 3,
        "notice_end": "year",
        "benefits_to_contacts": True,
    },
    "cat_supporter": {
        "name": "Supporter",
        "code": "SUP",
        "min_shares": 1,
        "fee_mode": "fixed",
        "fee_amount": 100,
        "notice_months": 1,
        "notice_end": "year",
    },
}


class CoopCommon(AccountTestInvoicingCommon):
    """A company with a chart of accounts, itopie's and Electrolab's rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.company_data["company"]
        cls.env.user.groups_id |= cls.env.ref("coop_membership.group_coop_manager")
        cls._setup_accounting(cls.company)
        cls._setup_fee_schemes()
        cls._setup_categories(cls.company)
        cls.user_coop = new_test_user(
            cls.env,
            login="coop_user",
            groups="base.group_user,coop_membership.group_coop_user",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    @classmethod
    def _setup_accounting(cls, company):
        """The share capital account and the fee product."""
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

    @classmethod
    def _setup_fee_schemes(cls):
        """itopie's calendar year with tiers, Electrolab's 4-month periods."""
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

    @classmethod
    def _setup_categories(cls, company):
        """itopie's categories (000 §3.1.3) and Electrolab's employed one."""
        cls.pricelist = cls.env["product.pricelist"].create(
            {"name": "Member benefits", "company_id": company.id}
        )
        Category = cls.env["coop.member.category"]
        base = {
            "share_value": 100,
            "fee_scheme_id": cls.scheme_year.id,
            "pricelist_id": cls.pricelist.id,
        }
        for attribute, vals in ITOPIE_CATEGORIES.items():
            setattr(cls, attribute, Category.create(dict(base, **vals)))
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


ACCESS = r"doesn't have '\w+' access to|You are not allowed to (access|create|modify)"
ACCESS_PAGE = (
    r"(?s)403: Forbidden.*"
    r"(doesn&#39;t have &#39;read&#39; access to|You are not allowed to access)"
)
MANAGERS = "Only cooperative managers can do this operation."


class CoopHttpCommon(CoopCommon, HttpCase):
    """Portal members A and B, the addon's groups and a second company, to
    attack the addon over real HTTP and JSON-RPC."""

    COUNTED = (
        "account.move",
        "coop.membership",
        "coop.share.line",
        "coop.fee.line",
        "coop.fee.period",
        "coop.assembly.proxy",
        "coop.member.category",
        "coop.membership.category.history",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        users = {"company_id": company.id, "company_ids": [(6, 0, company.ids)]}
        cls.portal_a = new_test_user(
            cls.env, "sec_portal_a", "base.group_portal", name="Alice Apple", **users
        )
        cls.portal_b = new_test_user(
            cls.env, "sec_portal_b", "base.group_portal", name="Bob Banana", **users
        )
        cls.manager = new_test_user(
            cls.env,
            "sec_manager",
            "base.group_user,coop_membership.group_coop_manager",
            **users,
        )
        Membership = cls.env["coop.membership"]
        cls.member_a, cls.member_b = Membership.create(
            [
                {
                    "partner_id": user.partner_id.id,
                    "category_id": cls.cat_supporter.id,
                    "company_id": company.id,
                    "state": "active",
                    "join_date": "2025-01-01",
                    "payroll": payroll,
                }
                for user, payroll in ((cls.portal_a, 111), (cls.portal_b, 222))
            ]
        )
        cls.company_2 = cls.env["res.company"].create({"name": "Second Coop"})
        cls.manager_2 = new_test_user(
            cls.env,
            "sec_manager_2",
            "base.group_user,coop_membership.group_coop_manager",
            company_id=cls.company_2.id,
            company_ids=[(6, 0, cls.company_2.ids)],
        )

    def _counts(self):
        return {model: self.env[model].search_count([]) for model in self.COUNTED}

    def _rpc(self, login, model, method, args, kwargs=None):
        """Call ``model.method`` over JSON-RPC as ``login``; the decoded answer."""
        self.authenticate(login, login)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        }
        with mute_logger("odoo.http"):
            response = self.url_open(
                f"/web/dataset/call_kw/{model}/{method}",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def assertRpcRefused(self, login, model, method, args, regex, kwargs=None):
        """The call fails with a clear message and writes nothing."""
        before = self._counts()
        answer = self._rpc(login, model, method, args, kwargs)
        self.assertIn("error", answer, answer.get("result"))
        self.assertRegex(answer["error"]["data"]["message"], regex)
        self.env.invalidate_all()
        self.assertEqual(self._counts(), before)
        return answer

    def assertPageRefused(self, login, url, status, hidden, regex=None):
        """The page answers ``status`` with the ``regex`` message, without
        showing ``hidden``; nothing written."""
        before = self._counts()
        self.authenticate(login, login)
        with mute_logger("odoo.http"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, status)
        self.assertNotIn(hidden, response.text)
        self.assertRegex(response.text, regex or ACCESS_PAGE)
        self.assertEqual(self._counts(), before)
        return response
