# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where an email to the order address lands: a new quotation, the thread
of an earlier request (reply, same reference, quoted number), the log of
unknown senders; the alias set from the settings."""

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import ALIAS_DOMAIN, ShopOrdersCommon, raw_email

# a request in HTML with markup the description must not keep
REQUEST_HTML = (
    "<p>Hello,</p><p>I need a <b>laptop</b>.</p>"
    "<p>Delay: 2 weeks</p><p>Quality: used</p>"
    "<script>alert(1)</script>"
)
PAUL = "Paul <paul@example.com>"  # the other member


@tagged("post_install", "-at_install")
class TestShopOrdersGatewayRouting(ShopOrdersCommon, TransactionCase):
    def test_new_request_creates_quotation(self):
        with self.mock_mail_gateway():
            self.process(
                raw_email(html=REQUEST_HTML, attachments=[("specs.txt", b"16 GB RAM")])
            )
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.partner_id, self.member, "member contact preferred")
        self.assertEqual(order.company_id, self.company)
        self.assertEqual(order.client_order_ref, "2024-17")
        self.assertEqual(order.shop_request_title, "Laptop for the accounting")
        self.assertIn("laptop", order.shop_request_description)
        self.assertNotIn("<script", order.shop_request_description)
        self.assertEqual(order.shop_request_delay, "2 weeks")
        self.assertEqual(order.shop_request_quality_kind, "used")
        self.assertEqual(order.shop_stage, "new")
        self.assertEqual(order.user_id, self.shop_user)
        # attachments kept on the quotation
        request_msg = order.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(request_msg), 1)
        self.assertEqual(request_msg.attachment_ids.mapped("name"), ["specs.txt"])
        # activity prepare quote due in 7 days
        activity = order.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("coop_shop_orders.mail_activity_type_prepare_quote"),
        )
        self.assertEqual(activity.user_id, self.shop_user)
        self.assertEqual(
            (activity.date_deadline - order.shop_request_date.date()).days, 7
        )
        # acknowledgement sent at once
        self.assertEqual(order.shop_ack_state, "sent")
        acks = self.sent_to("marie.cooperatrice@example.com")
        self.assertEqual(len(acks), 1)
        self.assertIn(order.name, acks[0]["subject"])
        self.assertIn(order.name, acks[0]["body"])
        self.assertIn("+41 22 000 00 00", acks[0]["body"])
        self.assertIn("Mon, Wed-Fri 10:00-18:30", acks[0]["body"])
        self.assertIn("emergencies", acks[0]["body"])
        # the ack comes after the request in the chatter
        ack = self.ack_message(order)
        self.assertGreater(ack.id, request_msg.id)
        # its envelope in the chatter: emailed to the customer by the queue
        self.assertEqual(ack.notification_ids.res_partner_id, self.member)
        self.assertEqual(ack.notification_ids.notification_status, "sent")
        # the responsible follows the request (replies reach them)
        self.assertIn(self.shop_user.partner_id, order.message_partner_ids)

    def test_no_reference_uses_quotation_number(self):
        with self.mock_mail_gateway():
            self.process(raw_email(subject="Laptop for my son"))
        order = self.requests()
        self.assertEqual(order.client_order_ref, order.name)
        self.assertEqual(order.shop_request_title, "Laptop for my son")
        # a later email quoting the quotation number lands in the same thread
        with self.mock_mail_gateway():
            self.process(raw_email(subject="%s and a mouse please" % order.name))
        self.assertEqual(self.requests(), order)
        self.assertEqual(
            len(order.message_ids.filtered(lambda m: m.message_type == "email")), 2
        )

    def test_reply_and_same_reference_land_in_same_thread(self):
        with self.mock_mail_gateway():
            self.process(raw_email())
        order = self.requests()
        ack = self.ack_message(order)
        self.assertTrue(ack.message_id)
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    subject="Re: %s" % ack.subject,
                    body="Could it have 16 GB?",
                    in_reply_to=ack.message_id,
                )
            )
            # a new email (no In-Reply-To) from the same customer, same reference
            self.process(raw_email(subject="2024-17 one more thing", body="And a bag"))
            # same reference from another member: a new quotation
            self.process(raw_email(email_from=PAUL, body="Mine too"))
        self.assertEqual(len(self.requests()), 2)
        emails = order.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(emails), 3)
        self.assertFalse(
            self.sent_to("marie.cooperatrice@example.com"),
            "no second acknowledgement for follow-ups",
        )
        self.assertEqual(self.requests()[1].partner_id, self.other_member)

    def test_reply_quoting_the_quotation_number(self):
        """The acknowledgement asks to keep "[S00049]" in the subject: a new
        email (no In-Reply-To) quoting the number lands on that quotation,
        from its customer or a follower; from anyone else it is a new
        request."""
        with self.mock_mail_gateway():
            self.process(raw_email())
        order = self.requests()
        # the member's own reference, and the number the shop gave
        self.assertEqual(order.client_order_ref, "2024-17")
        self.assertIn(order.name, self.ack_message(order).subject)
        # the acknowledgement (the company writes) subscribes nobody: the
        # shop's address does not receive the customer's replies
        self.assertNotIn(self.company.partner_id, order.message_partner_ids)
        self.assertIn(self.member, order.message_partner_ids)
        follower = self.env["res.partner"].create(
            {"name": "Marie's partner", "email": "jo@example.net"}
        )
        order.message_subscribe(partner_ids=follower.ids)
        with self.mock_mail_gateway():
            self.process(
                raw_email(subject="[%s] my address changed" % order.name, body="A")
            )
            self.process(
                raw_email(
                    email_from="Jo <jo@example.net>",
                    subject="[%s] I will pick it up" % order.name,
                    body="B",
                )
            )
        self.assertEqual(self.requests(), order)
        emails = order.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(emails), 3)
        # no second acknowledgement (the customer, a follower, is only told
        # of the follower's email, as Odoo tells followers)
        self.assertFalse(
            [
                mail
                for mail in self.sent_to("marie.cooperatrice@example.com")
                if "request received" in mail["subject"]
            ]
        )
        # another member quoting the number: their own request
        with self.mock_mail_gateway():
            self.process(raw_email(email_from=PAUL, subject="[%s] me too" % order.name))
        self.assertEqual(len(self.requests()), 2)
        self.assertEqual(self.requests()[1].partner_id, self.other_member)

    def test_reply_to_cancelled_quote(self):
        with self.mock_mail_gateway():
            self.process(raw_email())
        order = self.requests()
        ack = self.ack_message(order)
        order.with_user(self.shop_user)._action_cancel()
        self.assertEqual(order.shop_stage, "cancelled")
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    subject="Re: %s" % ack.subject,
                    body="Actually I still want it",
                    in_reply_to=ack.message_id,
                )
            )
        self.assertEqual(self.requests(), order, "nothing lost, no new quote")
        self.assertIn("I still want it", order.message_ids[0].body)
        self.assertIn(
            "Reply received on a cancelled quotation",
            order.activity_ids.mapped("summary"),
        )
        # a new email with the cancelled quote's reference starts a new quote
        with self.mock_mail_gateway():
            self.process(raw_email(body="New try"))
        self.assertEqual(len(self.requests()), 2)

    def test_same_message_id_twice(self):
        raw = raw_email(message_id="<same-id-42@client.example.com>")
        with self.mock_mail_gateway():
            self.process(raw)
            self.process(raw)
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertEqual(
            self.env["mail.message"].search_count(
                [("message_id", "=", "<same-id-42@client.example.com>")]
            ),
            1,
        )
        self.assertEqual(len(self.sent_to("marie.cooperatrice@example.com")), 1)

    def test_unknown_sender_known_policy(self):
        with self.mock_mail_gateway():
            self.process(
                raw_email(
                    email_from="Stranger <stranger@elsewhere.example.org>",
                    attachments=[("list.txt", b"things")],
                )
            )
        self.assertFalse(self.requests())
        self.assertFalse(
            self.env["res.partner"].search(
                [("email", "ilike", "stranger@elsewhere.example.org")]
            )
        )
        log = self.logs()
        self.assertEqual(len(log), 1)
        self.assertEqual(log.kind, "unknown_sender")
        self.assertEqual(log.state, "to_review")
        self.assertTrue(log.replied)
        kept = log.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(kept), 1)
        self.assertEqual(kept.attachment_ids.mapped("name"), ["list.txt"])
        replies = self.sent_to("stranger@elsewhere.example.org")
        self.assertEqual(len(replies), 1)
        self.assertIn("how to order", replies[0]["subject"])
        # staff accepts the sender: contact to verify + quotation with the mail
        with self.mock_mail_gateway():
            log.with_user(self.shop_user).action_create_quotation()
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertTrue(order.partner_id.shop_to_verify)
        self.assertEqual(log.order_id, order)
        self.assertEqual(log.state, "done")
        # a second click does not make a second quotation
        with self.assertRaisesRegex(UserError, "already holds this email"):
            log.with_user(self.shop_user).action_create_quotation()
        self.assertEqual(self.requests(), order)
        self.assertEqual(
            order.message_ids.filtered(
                lambda m: m.message_type == "email"
            ).attachment_ids.mapped("name"),
            ["list.txt"],
        )

    def test_unknown_sender_anyone_policy(self):
        self.company.shop_order_sender_policy = "anyone"
        with self.mock_mail_gateway():
            self.process(raw_email(email_from="New Person <new.person@example.org>"))
        order = self.requests()
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_id.email, "new.person@example.org")
        self.assertEqual(order.partner_id.name, "New Person")
        self.assertTrue(order.partner_id.shop_to_verify)
        self.assertFalse(self.logs())
        self.assertEqual(len(self.sent_to("new.person@example.org")), 1)

    def test_settings_alias(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.shop_order_alias_name, "orders")
        settings.write(
            {"shop_order_alias_name": "commandes", "shop_order_sender_policy": "anyone"}
        )
        settings.execute()
        alias = self.company.shop_order_alias_id
        self.assertEqual(alias, self.alias, "the alias is renamed, not replaced")
        self.assertEqual(alias.alias_full_name, "commandes@" + ALIAS_DOMAIN)
        self.assertEqual(alias.alias_model_id.model, "sale.order")
        self.assertEqual(self.company.shop_order_sender_policy, "anyone")
        with self.mock_mail_gateway():
            self.process(raw_email(email_to="commandes@" + ALIAS_DOMAIN))
        self.assertEqual(len(self.requests()), 1)
