# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the gateway answers: the acknowledgement (its content, in the
customer's language, its cost) and the how-to-order reply, and what happens
when their templates are broken."""

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import ShopOrdersCommon, raw_email


@tagged("post_install", "-at_install")
class TestShopOrdersGatewayAcknowledgement(ShopOrdersCommon, TransactionCase):
    def test_acknowledgement_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_shop_orders"], ["fr_FR"], overwrite=True
        )
        self.member.lang = "fr_FR"
        with self.mock_mail_gateway():
            self.process(raw_email(subject="2024-30 Écran", body="Un écran"))
        order = self.requests()
        ack = self.sent_to("marie.cooperatrice@example.com")
        self.assertEqual(len(ack), 1)
        self.assertIn("demande reçue", ack[0]["subject"])
        self.assertIn("Nous avons bien reçu votre demande", ack[0]["body"])
        self.assertIn("urgences par courriel", ack[0]["body"])
        self.assertEqual(order.shop_request_title, "Écran")
        self.assertIn(order.name, ack[0]["body"])

    def test_acknowledgement_without_phone_or_hours(self):
        # a field left empty shows the template's default text, never a
        # placeholder from the editor
        self.env.company.write({"phone": False, "shop_order_hours": False})
        with self.mock_mail_gateway():
            self.process(raw_email(subject="2024-31 Mouse", body="A mouse"))
        order = self.requests()
        ack = self.sent_to("marie.cooperatrice@example.com")
        self.assertEqual(len(ack), 1)
        body = ack[0]["body"]
        self.assertIn("or phone us: see our website.", body)
        self.assertIn("Opening hours: see our website.", body)
        self.assertIn("Hello %s," % self.member.name, body)
        self.assertIn("(reference 2024-31)", body)
        self.assertIn(order.name, body)
        self.assertEqual(ack[0]["subject"], "%s - Mouse: request received" % order.name)

    def test_broken_ack_template_keeps_the_request(self):
        """A template broken by an edit: the request is kept, no email goes
        out, the shop gets an activity to answer by hand."""
        template = self.env.ref("coop_shop_orders.mail_template_shop_order_ack")
        template.body_html = '<p t-out="object.no_such_field.name">x</p>'
        with (
            self.mock_mail_gateway(),
            mute_logger("odoo.addons.coop_shop_orders.models.sale_order_gateway"),
        ):
            self.process(raw_email(subject="2024-60 Printer"))
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertEqual(order.client_order_ref, "2024-60")
        self.assertEqual(order.shop_ack_state, "failed")
        self.assertFalse(self.sent_to("marie.cooperatrice@example.com"))
        # nothing half-written: no email queued for the customer, no
        # outgoing message on the quotation
        self.assertFalse(
            self.env["mail.mail"].search(
                [
                    ("model", "=", "sale.order"),
                    ("res_id", "=", order.id),
                    ("recipient_ids", "in", self.member.ids),
                ]
            )
        )
        self.assertFalse(
            order.message_ids.filtered(lambda m: m.message_type == "email_outgoing")
        )
        self.assertEqual(
            len(order.message_ids.filtered(lambda m: m.message_type == "email")), 1
        )
        activity = order.activity_ids.filtered(
            lambda a: a.summary == "Acknowledgement not sent"
        )
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.user_id, self.company.shop_order_user_id or order.user_id
        )

    def test_broken_how_to_order_template_keeps_the_email(self):
        template = self.env.ref(
            "coop_shop_orders.mail_template_shop_order_how_to_order"
        )
        template.body_html = '<p t-out="object.no_such_field.name">x</p>'
        with (
            self.mock_mail_gateway(),
            mute_logger("odoo.addons.coop_shop_orders.models.coop_shop_order_mail_log"),
        ):
            self.process(
                raw_email(email_from="Stranger <stranger@elsewhere.example.org>")
            )
        log = self.logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(log.kind, "unknown_sender")
        self.assertFalse(log.replied)
        self.assertFalse(self.sent_to("stranger@elsewhere.example.org"))
        self.assertTrue(
            log.message_ids.filtered(lambda m: "could not be sent" in (m.body or ""))
        )
        self.assertEqual(
            len(log.message_ids.filtered(lambda m: m.message_type == "email")), 1
        )

    def test_query_count_new_request(self):
        """Lock the cost of the hot path: one new request email (quotation,
        activity, acknowledgement) through the gateway."""
        with self.mock_mail_gateway():
            self.process(raw_email())  # warm the caches
            self.env.flush_all()
            self.env.invalidate_all()
            # the gateway only: the acknowledgement is queued (mail.mail),
            # sent later by the mail queue. 101 queries with this addon alone
            # (103 with the suite's other addons in the same database), of
            # which 6 for the safety net keeping unreadable order emails
            # (alias lookup: companies, aliases, domain; the savepoint). The
            # acknowledgement is a message_post of the rendered template that
            # subscribes nobody (the hand-written notification it replaced
            # made 84 in all; the post adds the portal link and the
            # recipients' classification).
            with self.assertQueryCount(103):
                self.env["mail.thread"].message_process(
                    False,
                    raw_email(
                        email_from="Paul <paul@example.com>",
                        subject="2024-50 Screens",
                        body="Two screens\nQuality: used",
                    ),
                )
            paul_order = self.requests()[-1]
            self.assertEqual(paul_order.shop_ack_state, "sent")
            queued = self.env["mail.mail"].search(
                [
                    ("model", "=", "sale.order"),
                    ("res_id", "=", paul_order.id),
                    ("recipient_ids", "in", self.other_member.ids),
                ]
            )
            self.assertEqual(queued.mapped("state"), ["outgoing"], "queued, not sent")
        self.assertEqual(len(self.requests()), 2)
        # the acknowledgement uses plain field expressions only: Odoo renders
        # it without compiling (nor evaluating) the template
        template = self.env.ref("coop_shop_orders.mail_template_shop_order_ack")
        for fname in ("body_html", "subject", "email_from"):
            self.assertFalse(
                template._has_unsafe_expression_template_qweb(
                    template[fname], "sale.order"
                )
                if fname == "body_html"
                else template._has_unsafe_expression_template_inline_template(
                    template[fname], "sale.order"
                ),
                fname,
            )
