# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import io

from PIL import Image

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import format_amount, mute_logger

from .common import ShopOrdersCommon, raw_email


def _signature_png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "black").save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


@tagged("post_install", "-at_install")
class TestShopOrdersFlow(ShopOrdersCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("stock.route_warehouse0_mto").active = True
        routes = cls.env.ref("purchase_stock.route_warehouse0_buy") | cls.env.ref(
            "stock.route_warehouse0_mto"
        )
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Refurb Supplier", "email": "sales@refurb.example.com"}
        )
        cls.laptop = cls.env["product.product"].create(
            {
                "name": "Refurbished laptop T480",
                "categ_id": cls.env.ref(
                    "coop_shop_orders.product_category_used_hardware"
                ).id,
                "is_storable": True,
                "standard_price": 200.0,
                "list_price": 400.0,
                "route_ids": [(6, 0, routes.ids)],
                "seller_ids": [(0, 0, {"partner_id": cls.vendor.id, "price": 200.0})],
            }
        )
        cls.ssd = cls.env["product.product"].create(
            {
                "name": "SSD 1 TB",
                "categ_id": cls.env.ref(
                    "coop_shop_orders.product_category_new_components"
                ).id,
                "is_storable": True,
                "standard_price": 60.0,
                "list_price": 100.0,
                "route_ids": [(6, 0, routes.ids)],
                "seller_ids": [(0, 0, {"partner_id": cls.vendor.id, "price": 60.0})],
            }
        )
        cls.member_pricelist = cls.env.ref("coop_shop_orders.pricelist_shop_member")
        cls.member.property_product_pricelist = cls.member_pricelist

    def test_member_pricelist_rules(self):
        prices = self.member_pricelist._compute_price_rule(self.laptop | self.ssd, 1)
        # used hardware: (cost 200 + 15 % order costs) then 10 % off
        self.assertAlmostEqual(prices[self.laptop.id][0], 207.0)
        # new components: cost 60 + 15 %
        self.assertAlmostEqual(prices[self.ssd.id][0], 69.0)

    def _quote_emailed_request(self):
        """Marie's request by email, quoted by the shop: a laptop, two SSDs."""
        with self.mock_mail_gateway():
            self.process(raw_email())
        order = self.requests()
        self.assertEqual(order.pricelist_id, self.member_pricelist)
        order.write(
            {
                "order_line": [
                    (0, 0, {"product_id": self.laptop.id, "product_uom_qty": 1}),
                    (0, 0, {"product_id": self.ssd.id, "product_uom_qty": 2}),
                ],
                "require_signature": True,
                "require_payment": False,
            }
        )
        laptop_line, ssd_line = order.order_line
        self.assertAlmostEqual(laptop_line.price_unit, 207.0)
        self.assertAlmostEqual(ssd_line.price_unit, 69.0)
        with self.mock_mail_gateway():
            order.with_user(self.shop_user).action_quotation_sent()
        self.assertEqual(order.shop_stage, "quoted")
        return order

    def _accept_on_portal(self, order):
        """The member signs the quotation through the standard portal."""
        order._portal_ensure_token()
        with self.mock_mail_gateway():
            result = self.make_jsonrpc_request(
                "/my/orders/%s/accept" % order.id,
                {
                    "access_token": order.access_token,
                    "name": "Marie Cooperatrice",
                    "signature": _signature_png(),
                },
            )
        self.assertNotIn("error", result)
        self.env.invalidate_all()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.shop_stage, "confirmed")

    def _confirm_purchase(self, order):
        """Make-to-order + buy: one purchase from the supplier, confirmed."""
        purchase = self.env["purchase.order"].search(
            [("partner_id", "=", self.vendor.id)]
        )
        self.assertEqual(len(purchase), 1)
        self.assertEqual(sorted(purchase.order_line.mapped("product_qty")), [1.0, 2.0])
        purchase.button_confirm()
        self.assertEqual(order.shop_stage, "ordered")
        return purchase

    def _receive_part(self, order, purchase):
        """A partial receipt, the laptop and one SSD: Marie is told once."""
        receipt = purchase.picking_ids
        for move in receipt.move_ids:
            move.quantity = 1
            move.picked = True
        with self.mock_mail_gateway():
            action = receipt.button_validate()
            self.env["stock.backorder.confirmation"].with_context(
                **action["context"]
            ).create({}).process()
        arrived = self.sent_to("marie.cooperatrice@example.com")
        self.assertEqual(len(arrived), 1)
        self.assertIn("has arrived", arrived[0]["subject"])
        self.assertIn("Refurbished laptop T480", arrived[0]["body"])
        self.assertIn("SSD 1 TB", arrived[0]["body"])
        self.assertIn("Part of your order", arrived[0]["body"])
        self.assertEqual(order.shop_stage, "ordered", "one SSD still missing")
        self.assertEqual(len(order.shop_arrival_ids), 1)
        # validating again does not send twice
        with self.mock_mail_gateway():
            receipt._shop_notify_arrivals()
        self.assertFalse(self._mails)
        return receipt

    def _receive_backorder(self, order, purchase, receipt):
        """The backorder brings the second SSD: the order has arrived."""
        backorder = purchase.picking_ids - receipt
        self.assertEqual(len(backorder), 1)
        with self.mock_mail_gateway():
            backorder.move_ids.quantity = 1
            backorder.move_ids.picked = True
            backorder.button_validate()
        arrived = self.sent_to("marie.cooperatrice@example.com")
        self.assertEqual(len(arrived), 1)
        self.assertIn("SSD 1 TB", arrived[0]["body"])
        self.assertNotIn("Refurbished laptop", arrived[0]["body"])
        self.assertIn("Your order", arrived[0]["body"])
        self.assertEqual(order.shop_stage, "arrived")

    def _invoice_by_email(self, order):
        """The invoice is queued for Odoo's invoice sending when posted, then
        emailed with its PDF by the "Send invoices" job."""
        invoice = order._create_invoices()
        with self.mock_mail_gateway():
            invoice.action_post()
            self.assertTrue(invoice.sending_data)
            self.env["account.move"]._cron_account_move_send()
            self.env["mail.mail"].sudo().process_email_queue()
        # (the queue also sends what earlier steps queued)
        sent = [
            mail
            for mail in self.sent_to("marie.cooperatrice@example.com")
            if invoice.name in mail["subject"]
        ]
        self.assertEqual(len(sent), 1)
        self.assertEqual(
            [name for name, _content, _type in sent[0]["attachments"]],
            [invoice._get_invoice_report_filename()],
        )
        self.assertTrue(invoice.is_move_sent)
        self.assertFalse(invoice.sending_data)
        self.assertEqual(order.shop_stage, "invoiced")
        return invoice

    def _assert_history_in_chatter(self, order, purchase, invoice):
        """The whole history is in the quotation's chatter, amounts read with
        their currency, as the staff reads them."""
        bodies = " ".join(order.message_ids.mapped("body"))
        self.assertIn("I need a laptop", bodies)
        self.assertIn(
            "request received",
            " ".join(filter(None, order.message_ids.mapped("subject"))),
        )
        self.assertIn("Order signed by", bodies)
        self.assertIn("Ordered from", bodies)
        self.assertIn("has arrived", bodies)
        self.assertIn(invoice.name, bodies)
        for record in (purchase, invoice):
            with self.subTest(record=record.name):
                amount = format_amount(
                    self.env, record.amount_total, record.currency_id
                )
                self.assertIn(amount.replace("\xa0", "&nbsp;"), bodies)

    def test_full_flow_email_to_invoice(self):
        order = self._quote_emailed_request()
        self._accept_on_portal(order)
        purchase = self._confirm_purchase(order)
        receipt = self._receive_part(order, purchase)
        self._receive_backorder(order, purchase, receipt)
        invoice = self._invoice_by_email(order)
        self._assert_history_in_chatter(order, purchase, invoice)

    def test_invoice_email_can_be_disabled(self):
        self.company.shop_order_invoice_email = False
        with self.mock_mail_gateway():
            self.process(raw_email())
        order = self.requests()
        order.order_line = [(0, 0, {"product_id": self.ssd.id, "product_uom_qty": 1})]
        order.action_confirm()
        for line in order.order_line:
            line.qty_delivered = line.product_uom_qty
        invoice = order._create_invoices()
        with self.mock_mail_gateway():
            invoice.action_post()
            self.env["account.move"]._cron_account_move_send()
            self.env["mail.mail"].sudo().process_email_queue()
        self.assertFalse(invoice.sending_data)
        self.assertFalse(
            [
                mail
                for mail in self.sent_to("marie.cooperatrice@example.com")
                if invoice.name in mail["subject"]
            ]
        )
        self.assertEqual(order.shop_stage, "invoiced")

    def _confirmed_request(self):
        """A request by email for one SSD, confirmed: (quotation, purchase)."""
        with self.mock_mail_gateway():
            self.process(raw_email())
        order = self.requests()
        order.order_line = [(0, 0, {"product_id": self.ssd.id, "product_uom_qty": 1})]
        order.action_confirm()
        purchase = self.env["purchase.order"].search(
            [("partner_id", "=", self.vendor.id)]
        )
        return order, purchase

    def test_ordered_once_the_purchase_is_approved(self):
        # two-step purchase approval: confirmed by a purchase user, the order
        # waits for the manager; the request is "ordered" once it is approved
        self.company.write(
            {"po_double_validation": "two_step", "po_double_validation_amount": 0}
        )
        buyer = new_test_user(
            self.env,
            login="shop_buyer",
            groups="base.group_user,purchase.group_purchase_user",
        )
        order, purchase = self._confirmed_request()
        purchase.with_user(buyer).button_confirm()
        self.assertEqual(purchase.state, "to approve")
        self.assertEqual(order.shop_stage, "confirmed")
        purchase.button_approve()
        self.assertEqual(purchase.state, "purchase")
        self.assertEqual(order.shop_stage, "ordered")
        notes = order.message_ids.filtered(lambda m: purchase.name in (m.body or ""))
        self.assertEqual(len(notes), 1)

    def test_stage_goes_back_with_the_documents(self):
        """ "Ordered" and "invoiced" follow the documents' states: a cancelled
        purchase orders nothing, a reversed invoice invoices nothing."""
        order, purchase = self._confirmed_request()
        purchase.button_confirm()
        self.assertTrue(order.shop_ordered)
        self.assertEqual(order.shop_stage, "ordered")
        purchase.button_cancel()
        self.assertEqual(purchase.state, "cancel")
        self.assertFalse(order.shop_ordered)
        self.assertEqual(order.shop_stage, "confirmed")

        order.order_line.qty_delivered = 1
        invoice = order._create_invoices()
        self.assertFalse(order.shop_invoiced, "a draft invoice invoices nothing")
        with self.mock_mail_gateway():
            invoice.action_post()
        self.assertTrue(order.shop_invoiced)
        self.assertEqual(order.shop_stage, "invoiced")
        reversal = invoice._reverse_moves(cancel=True)
        self.assertEqual(reversal.state, "posted")
        self.assertFalse(order.shop_invoiced)
        self.assertEqual(order.shop_stage, "confirmed")
        # invoiced again, then the invoice reset to draft and cancelled
        second = order._create_invoices()
        with self.mock_mail_gateway():
            second.action_post()
        self.assertEqual(order.shop_stage, "invoiced")
        second.button_draft()
        second.button_cancel()
        self.assertFalse(order.shop_invoiced)

    def test_broken_arrival_template_does_not_block_the_receipt(self):
        self.env.ref(
            "coop_shop_orders.mail_template_shop_order_arrived"
        ).body_html = '<p t-out="object.no_such_field.name">x</p>'
        order, purchase = self._confirmed_request()
        purchase.button_confirm()
        receipt = purchase.picking_ids
        receipt.move_ids.write({"quantity": 1, "picked": True})
        with (
            self.mock_mail_gateway(),
            mute_logger("odoo.addons.coop_shop_orders.models.coop_shop_order_arrival"),
        ):
            receipt.button_validate()
        self.assertEqual(receipt.state, "done")
        self.assertFalse(self.sent_to("marie.cooperatrice@example.com"))
        self.assertEqual(
            order.activity_ids.filtered(
                lambda a: a.summary == "Arrival email not sent"
            ).user_id,
            self.company.shop_order_user_id or order.user_id,
        )
