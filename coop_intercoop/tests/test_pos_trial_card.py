# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged

from odoo.addons.point_of_sale.tests.common import TestPoSCommon


@tagged("post_install", "-at_install")
class TestPosTrialCard(TestPoSCommon):
    """Paid POS orders count on the holder's trial card, at server sync."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.groups_id += cls.env.ref(
            "coop_intercoop.group_coop_intercoop_manager"
        )
        cls.member_pricelist = cls.env["product.pricelist"].create(
            {"name": "Member conditions", "company_id": cls.company.id}
        )
        cls.formula = cls.env["coop.trial.formula"].create(
            {
                "name": "Coopalim visitor card",
                "max_purchases": 3,
                "pricelist_id": cls.member_pricelist.id,
                "company_id": cls.company.id,
            }
        )
        cls.lentils = cls.create_product("Lentils", cls.categ_basic, 10.0, 5.0)

    def setUp(self):
        super().setUp()
        self.config = self.basic_config
        self.open_new_session()
        self.card = self.env["coop.trial.card"]._register_visitor(
            self.formula.id, {"lastname": "Visitor"}
        )
        self.visitor = self.card.partner_id

    def _sync(self, *orders_data):
        return self.env["pos.order"].sync_from_ui(list(orders_data))

    def _order_data(self, uuid=None):
        return self.create_ui_order_data(
            [(self.lentils, 1)], customer=self.visitor, uuid=uuid
        )

    def test_three_purchases_then_member_conditions_refused(self):
        for used in (1, 2, 3):
            self._sync(self._order_data())
            self.assertEqual(self.card.purchases_used, used)
        self.assertEqual(self.card.state, "exhausted")
        self.visitor.invalidate_recordset()
        self.assertNotEqual(
            self.visitor.with_company(self.company).property_product_pricelist,
            self.member_pricelist,
        )
        status = self.env["res.partner"].coop_intercoop_pos_status(self.visitor.id)
        self.assertEqual(status["remaining_purchases"], 0)
        self.assertTrue(status["propose_membership"])
        # the 4th paid order is accepted (money was taken) but not counted
        result = self._sync(self._order_data())
        fourth = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertEqual(fourth.state, "paid")
        self.assertEqual(self.card.purchases_used, 3)
        self.assertFalse(
            self.card.usage_ids.filtered(lambda u: u.pos_order_id == fourth)
        )

    def test_offline_orders_count_once_at_sync(self):
        # two orders paid while offline reach the server together, then again
        first, second = self._order_data(), self._order_data()
        self._sync(first, second)
        self.assertEqual(self.card.purchases_used, 2)
        self._sync(self._order_data(uuid=first["uuid"]))
        self.assertEqual(self.card.purchases_used, 2, "re-synced order counted once")
        order = self.env["pos.order"].search([("uuid", "=", first["uuid"])])
        order._coop_count_trial_purchase()
        self.assertEqual(self.card.purchases_used, 2)

    def test_refund_gives_the_purchase_back(self):
        result = self._sync(self._order_data())
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        self.assertEqual(self.card.purchases_used, 1)
        refund_data = self.create_ui_order_data(
            [
                {
                    "product": self.lentils,
                    "quantity": -1,
                    "refunded_orderline_id": order.lines[0].id,
                }
            ],
            customer=self.visitor,
        )
        self._sync(refund_data)
        self.assertEqual(self.card.purchases_used, 0)
        self.assertEqual(self.card.remaining_purchases, 3)

    def test_pos_loads_formulas(self):
        data = self.pos_session.load_data(["pos.config", "coop.trial.formula"])
        names = [f["name"] for f in data["coop.trial.formula"]["data"]]
        self.assertIn("Coopalim visitor card", names)
