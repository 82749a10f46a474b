# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The requests in the back office: the log for salesmen, overdue requests
and their age, the views and stages of the requests menu."""

from ast import literal_eval
from datetime import date

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import ShopOrdersCommon, raw_email


@tagged("post_install", "-at_install")
class TestShopOrdersGatewayBackoffice(ShopOrdersCommon, TransactionCase):
    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_salesman_sees_log(self):
        with self.mock_mail_gateway():
            self.process(raw_email(email_from="x@unknown.example.org"))
        logs = self.env["coop.shop.order.mail.log"].with_user(self.shop_user).search([])
        self.assertEqual(len(logs), 1)
        logs.action_mark_reviewed()
        self.assertEqual(logs.state, "done")

    def test_overdue_filter_and_age(self):
        with freeze_time("2026-11-09 10:00:00"), self.mock_mail_gateway():
            self.process(raw_email())
            self.process(raw_email(subject="2024-99 Quoted", body="x"))
        late, quoted = self.requests()
        quoted.action_quotation_sent()
        self.assertEqual(quoted.shop_stage, "quoted")
        with freeze_time("2026-11-17 12:00:00"):
            self.assertEqual(late.shop_request_age, 8)
            overdue = self.env["sale.order"].search(
                [
                    ("shop_stage", "=", "new"),
                    ("shop_request_deadline", "<", date(2026, 11, 17)),
                ]
            )
            self.assertEqual(overdue, late)
            action = self.env.ref("coop_shop_orders.sale_order_action_email_requests")
            self.assertIn(
                late, self.env["sale.order"].search(literal_eval(action.domain))
            )

    def test_views_and_stages_for_salesman(self):
        with self.mock_mail_gateway():
            self.process(raw_email())
        Order = self.env["sale.order"].with_user(self.shop_user)
        action = self.env.ref("coop_shop_orders.sale_order_action_email_requests")
        views = Order.get_views(
            [(v.view_id.id, v.view_mode) for v in action.view_ids]
            + [(action.search_view_id.id, "search")]
        )
        self.assertEqual(set(views["views"]), {"kanban", "list", "form", "search"})
        groups = Order.read_group(
            literal_eval(action.domain), ["shop_stage"], ["shop_stage"]
        )
        self.assertEqual(
            [g["shop_stage"] for g in groups],
            [
                "new",
                "quoted",
                "confirmed",
                "ordered",
                "arrived",
                "invoiced",
                "cancelled",
            ],
        )
        self.assertEqual(groups[0]["shop_stage_count"], 1)
        order = Order.search(literal_eval(action.domain))
        self.assertIn("laptop", order.shop_request_description)
