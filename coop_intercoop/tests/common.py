# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import json
from contextlib import contextmanager

from odoo import Command, fields
from odoo.tests import HttpCase, TransactionCase, new_test_user
from odoo.tools import mute_logger

# the seeds' trial formulas (their pricelist and company are the test's)
FORMULA_COOPALIM = {"name": "Coopalim visitor card", "max_purchases": 3}
FORMULA_BAUDET = {"name": "Au Baudet discovery card", "max_purchases": 4}
FORMULA_NID = {
    "name": "Le Nid tester",
    "max_days": 60,
    "require_lastname": True,
    "require_firstname": True,
    "require_email": True,
}
# member conditions: 20 % off everything
MEMBER_PRICELIST_ITEM = {
    "compute_price": "percentage",
    "percent_price": 20,
    "applied_on": "3_global",
}
SALES_AND_CONTACTS = (
    "sales_team.group_sale_salesman_all_leads,base.group_partner_manager"
)


class IntercoopCase(TransactionCase):
    """Data with the seeds' numbers, built by the tests (no demo data)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls._create_staff_users()
        cls._create_pricelists()
        cls._create_formulas()
        cls.product = cls.env["product.product"].create(
            {"name": "Organic lentils", "list_price": 100.0, "type": "consu"}
        )

    @classmethod
    def _create_staff_users(cls):
        manager = "coop_intercoop.group_coop_intercoop_manager," + SALES_AND_CONTACTS
        user = "coop_intercoop.group_coop_intercoop_user," + SALES_AND_CONTACTS
        cashier = "base.group_user,point_of_sale.group_pos_user"
        cls.manager = new_test_user(cls.env, login="ic_manager", groups=manager)
        cls.user = new_test_user(cls.env, login="ic_user", groups=user)
        cls.pos_user = new_test_user(cls.env, login="ic_cashier", groups=cashier)

    @classmethod
    def _create_pricelists(cls):
        Pricelist = cls.env["product.pricelist"]
        cls.public_pricelist = Pricelist.create(
            {"name": "Public", "company_id": cls.company.id, "sequence": 1}
        )
        cls.member_pricelist = Pricelist.create(
            {
                "name": "Member conditions",
                "company_id": cls.company.id,
                "sequence": 50,
                "item_ids": [Command.create(dict(MEMBER_PRICELIST_ITEM))],
            }
        )

    @classmethod
    def _create_formulas(cls):
        Formula = cls.env["coop.trial.formula"]
        pricelist = {"pricelist_id": cls.member_pricelist.id}
        cls.formula_coopalim = Formula.create({**FORMULA_COOPALIM, **pricelist})
        cls.formula_baudet = Formula.create({**FORMULA_BAUDET, **pricelist})
        cls.formula_nid = Formula.create({**FORMULA_NID, **pricelist})

    @classmethod
    def _member_category(cls, company=None, code="cooperator", **vals):
        company = company or cls.company
        Category = cls.env["coop.member.category"]
        return Category.search(
            [("company_id", "=", company.id), ("code", "=", code)], limit=1
        ) or Category.create(
            {
                "code": code,
                "name": code.capitalize(),
                "company_id": company.id,
                "min_shares": 0,
                "fee_mode": "fixed",
                "fee_amount": 100.0,
                **vals,
            }
        )

    @classmethod
    def _make_member(cls, partner, company=None, state="active", category=None):
        """A membership through coop_membership's models (hook contract)."""
        company = company or cls.company
        category = category or cls._member_category(company)
        return cls.env["coop.membership"].create(
            {
                "partner_id": partner.id,
                "company_id": company.id,
                "category_id": category.id,
                "state": state,
            }
        )

    @contextmanager
    def assertRaisesMsg(self, exception, regex):
        """assertRaises (rolled back to a savepoint) and check the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), regex)

    def _sale_order(self, partner, user=None, pricelist=None):
        env = self.env(user=user) if user else self.env
        vals = {
            "partner_id": partner.id,
            "order_line": [Command.create({"product_id": self.product.id})],
        }
        if pricelist:
            vals["pricelist_id"] = pricelist.id
        return env["sale.order"].create(vals)


class IntercoopHttpCase(HttpCase, IntercoopCase):
    """Two portal members A and B, the staff, a second company; JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = new_test_user(
            cls.env, login="ic_portal_a", groups="base.group_portal"
        )
        cls.portal_b = new_test_user(
            cls.env, login="ic_portal_b", groups="base.group_portal"
        )
        cls.partner_coop = cls.env["res.partner"].create(
            {"name": "HendayaKoop", "is_company": True}
        )
        cls.agreement = cls.env["coop.intercoop.agreement"].create(
            {
                "name": "Convention HendayaKoop",
                "partner_coop_id": cls.partner_coop.id,
                "date_start": fields.Date.today(),
                "pricelist_id": cls.member_pricelist.id,
                "fee_discount_percent": 10.0,
                "pool_volunteer_hours": True,
            }
        )
        cls.agreement.action_sign()
        cls.member_b = cls.portal_b.partner_id
        cls.agreement._register_member(
            {"partner_id": cls.member_b.id, "card_number": "HK-B-0001", "proof": "card"}
        )
        cls.company2 = cls.env["res.company"].create({"name": "Second Coop"})
        cls.manager2 = new_test_user(
            cls.env,
            login="ic_manager2",
            company_id=cls.company2.id,
            company_ids=[Command.set(cls.company2.ids)],
            groups="coop_intercoop.group_coop_intercoop_manager,"
            "base.group_partner_manager",
        )

    def rpc(self, user, model, method, *args, **kwargs):
        """Call ``model.method(*args, **kwargs)`` over JSON-RPC as ``user``;
        returns the decoded reply (``result`` or ``error``)."""
        login = user.login
        self.authenticate(login, login + "x" * (8 - len(login)))
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 0,
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": kwargs,
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

    def count(self, model, domain):
        return self.env[model].with_context(active_test=False).search_count(domain)

    def assertRefused(self, reply, message, counts):
        """The reply is an error with ``message``; ``counts`` are
        ``{(model, domain-as-tuple): count before}`` and must not change."""
        self.assertIn("error", reply, f"not refused: {reply.get('result')}")
        self.assertIn(message, reply["error"]["data"]["message"])
        self.env.invalidate_all()
        for (model, domain), before in counts.items():
            self.assertEqual(self.count(model, list(domain)), before, model)

    def snapshot(self, *model_domains):
        """Counts before a request: ``(model, domain)`` pairs."""
        return {(m, tuple(d)): self.count(m, d) for m, d in model_domains}

    def call_wizard(self, user, model, vals, method):
        """Create a wizard and press its button, both over JSON-RPC."""
        created = self.rpc(user, model, "create", vals)
        if "error" in created:
            return created
        return self.rpc(user, model, method, [created["result"]])
