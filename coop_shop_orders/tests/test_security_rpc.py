# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who may call the addon's public methods over JSON-RPC, and the bad values
they refuse: each case asserts the error's message and that nothing was
written (counted after the request)."""

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ShopOrdersCommon, raw_email

ACL_REFUSED = "You are not allowed to"
RULE_REFUSED = "doesn't have"


@tagged("post_install", "-at_install")
class TestShopOrdersSecurityRpc(ShopOrdersCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = new_test_user(
            cls.env,
            "portal_a",
            "base.group_portal",
            partner_id=cls.member.id,
            name=cls.member.name,
        )
        cls.sales_other = new_test_user(
            cls.env, "sales_other", "sales_team.group_sale_salesman"
        )
        cls.employee = new_test_user(cls.env, "employee_no_sales", "base.group_user")
        cls.shop_user.password = "shop_keeper_t"
        # member B's request, handled by the shop's responsible
        cls.order_b = cls.env["sale.order"]._shop_create_request(
            cls.company,
            cls.other_member,
            "2024-60 Screens",
            "<p>Two screens</p>",
            "paul@example.com",
            False,
        )
        Log = cls.env["coop.shop.order.mail.log"]
        cls.log = Log.create(
            {
                "name": "Laptop",
                "email_from": "new@example.org",
                "kind": "unknown_sender",
            }
        )
        cls.company_2 = cls.env["res.company"].create({"name": "Shop Two"})
        cls.log_2 = Log.create(
            {
                "name": "Other shop",
                "email_from": "x@example.org",
                "company_id": cls.company_2.id,
            }
        )
        cls.to_verify = cls.env["res.partner"].create(
            {"name": "New", "email": "new@example.org", "shop_to_verify": True}
        )

    def fresh(self, record):
        record.invalidate_recordset()
        return record

    # portal member A --------------------------------------------------
    def test_portal_cannot_deliver_order_email(self):
        self.authenticate("portal_a", "portal_a")
        self.assertRpcRefused(
            "Only the mail gateway may deliver emails to the order address.",
            "mail.thread",
            "message_process",
            False,
            raw_email(email_from="Paul <paul@example.com>").decode(),
        )

    def test_portal_cannot_call_message_new(self):
        self.authenticate("portal_a", "portal_a")
        self.assertRpcRefused(
            "Only the mail gateway may deliver order emails.",
            "sale.order",
            "message_new",
            {"email_from": "paul@example.com", "subject": "2024-60 More"},
        )

    def test_portal_cannot_create_quotation_from_log(self):
        self.authenticate("portal_a", "portal_a")
        self.assertRpcRefused(
            ACL_REFUSED,
            "coop.shop.order.mail.log",
            "action_create_quotation",
            [self.log.id],
        )
        self.assertFalse(self.fresh(self.log).order_id)

    def test_portal_cannot_mark_log_reviewed(self):
        self.authenticate("portal_a", "portal_a")
        self.assertRpcRefused(
            ACL_REFUSED,
            "coop.shop.order.mail.log",
            "action_mark_reviewed",
            [self.log.id],
        )
        self.assertEqual(self.fresh(self.log).state, "to_review")

    def test_portal_cannot_verify_contact(self):
        self.authenticate("portal_a", "portal_a")
        self.assertRpcRefused(
            "Only sales staff may mark a contact as verified.",
            "res.partner",
            "action_shop_mark_verified",
            [self.to_verify.id],
        )
        self.assertTrue(self.fresh(self.to_verify).shop_to_verify)

    def test_portal_cannot_edit_request_of_member_b(self):
        self.authenticate("portal_a", "portal_a")
        self.assertRpcRefused(
            RULE_REFUSED,
            "sale.order",
            "write",
            [self.order_b.id],
            {"shop_request_title": "Mine now"},
        )
        self.assertEqual(self.fresh(self.order_b).shop_request_title, "Screens")

    def test_portal_cannot_open_request_log(self):
        self.authenticate("portal_a", "portal_a")
        self.assertRpcRefused(
            ACL_REFUSED, "sale.order", "action_shop_open_request_log", []
        )

    # internal users -----------------------------------------------------
    def test_salesman_cannot_edit_other_salespersons_request(self):
        self.authenticate("sales_other", "sales_other")
        self.assertRpcRefused(
            RULE_REFUSED,
            "sale.order",
            "write",
            [self.order_b.id],
            {"shop_request_title": "Taken over"},
        )
        self.assertEqual(self.fresh(self.order_b).shop_request_title, "Screens")

    def test_salesman_cannot_deliver_order_email(self):
        self.authenticate("sales_other", "sales_other")
        self.assertRpcRefused(
            "Only the mail gateway may deliver order emails.",
            "sale.order",
            "message_new",
            {"email_from": "stranger@example.org", "subject": "Spoofed"},
        )

    def test_salesman_cannot_set_progress_flags(self):
        self.authenticate("shop_keeper_t", "shop_keeper_t")
        self.assertRpcRefused(
            "The original request, its acknowledgement and its progress "
            "(ordered, arrived, invoiced) are set by the order email",
            "sale.order",
            "write",
            [self.order_b.id],
            {"shop_ordered": True},
        )
        self.assertFalse(self.fresh(self.order_b).shop_ordered)

    def test_confirmed_request_is_frozen(self):
        self.order_b.state = "sale"
        self.authenticate("shop_keeper_t", "shop_keeper_t")
        self.assertRpcRefused(
            "The request of a confirmed quotation cannot be changed: %s."
            % self.order_b.name,
            "sale.order",
            "write",
            [self.order_b.id],
            {"shop_request_title": "Changed after confirmation"},
        )
        self.assertEqual(self.fresh(self.order_b).shop_request_title, "Screens")

    def test_user_without_sales_rights(self):
        self.authenticate("employee_no_sales", "employee_no_sales")
        self.assertRpcRefused(
            ACL_REFUSED,
            "coop.shop.order.mail.log",
            "action_create_quotation",
            [self.log.id],
        )
        self.assertRpcRefused(
            "Only sales staff may mark a contact as verified.",
            "res.partner",
            "action_shop_mark_verified",
            [self.to_verify.id],
        )
        self.assertTrue(self.fresh(self.to_verify).shop_to_verify)

    def test_other_company_log_refused(self):
        self.authenticate("shop_keeper_t", "shop_keeper_t")
        self.assertRpcRefused(
            RULE_REFUSED,
            "coop.shop.order.mail.log",
            "action_create_quotation",
            [self.log_2.id],
        )
        self.assertFalse(self.fresh(self.log_2).order_id)

    # bad values for the buttons -------------------------------------------
    def test_create_quotation_twice_refused(self):
        self.log.order_id = self.order_b
        self.authenticate("shop_keeper_t", "shop_keeper_t")
        self.assertRpcRefused(
            "A quotation already holds this email: %s." % self.order_b.name,
            "coop.shop.order.mail.log",
            "action_create_quotation",
            [self.log.id],
        )

    def test_log_of_a_quotation_is_frozen(self):
        self.log.order_id = self.order_b
        self.authenticate("shop_keeper_t", "shop_keeper_t")
        self.assertRpcRefused(
            "This email already became quotation %s: its entry can no longer "
            "be changed." % self.order_b.name,
            "coop.shop.order.mail.log",
            "write",
            [self.log.id],
            {"partner_id": self.other_member.id, "kind": "auto"},
        )
        log = self.fresh(self.log)
        self.assertEqual(
            (log.kind, log.partner_id), ("unknown_sender", self.member.browse())
        )

    def test_create_quotation_without_sender_refused(self):
        self.log.write({"email_from": False, "kind": "auto"})
        self.authenticate("shop_keeper_t", "shop_keeper_t")
        self.assertRpcRefused(
            "This email has no valid sender address: choose the contact first.",
            "coop.shop.order.mail.log",
            "action_create_quotation",
            [self.log.id],
        )
        self.assertEqual(self.fresh(self.log).state, "to_review")

    def test_create_quotation_from_unreadable_or_bounce_refused(self):
        self.authenticate("shop_keeper_t", "shop_keeper_t")
        self.log.kind = "unreadable"
        self.assertRpcRefused(
            "This email could not be read: open its original (attached)",
            "coop.shop.order.mail.log",
            "action_create_quotation",
            [self.log.id],
        )
        self.log.kind = "bounce"
        self.assertRpcRefused(
            "A bounce is not an order request: mark it reviewed.",
            "coop.shop.order.mail.log",
            "action_create_quotation",
            [self.log.id],
        )

    def test_buttons_return_plain_values(self):
        """Public methods answer True or an action, never a recordset."""
        self.shop_user.groups_id += self.env.ref("base.group_partner_manager")
        self.authenticate("shop_keeper_t", "shop_keeper_t")
        for method in ("action_mark_reviewed", "action_reset_to_review"):
            response = self.rpc("coop.shop.order.mail.log", method, [self.log.id])
            self.assertIs(response.get("result"), True, method)
        response = self.rpc(
            "res.partner", "action_shop_mark_verified", [self.to_verify.id]
        )
        self.assertIs(response.get("result"), True, response)
        before = self.counts()
        action = self.rpc(
            "coop.shop.order.mail.log", "action_create_quotation", [self.log.id]
        )["result"]
        self.assertEqual(action["res_model"], "sale.order")
        self.assertEqual(self.counts()["orders"], before["orders"] + 1)

    # bad values for the settings --------------------------------------------
    def test_settings_bad_answer_delay(self):
        self.authenticate("admin", "admin")
        for value in (-3, 100000):
            self.assertRpcRefused(
                "The answer delay must be between 0 and 365 days.",
                "res.company",
                "write",
                [self.company.id],
                {"shop_order_answer_days": value},
            )
        self.assertEqual(self.fresh(self.company).shop_order_answer_days, 7)

    def test_settings_bad_attachment_limit(self):
        self.authenticate("admin", "admin")
        for value in (-1, 10**9):
            self.assertRpcRefused(
                "The attachment size limit must be between 0 and 102400 kB.",
                "res.company",
                "write",
                [self.company.id],
                {"shop_order_attachment_limit_kb": value},
            )
        self.assertEqual(self.fresh(self.company).shop_order_attachment_limit_kb, 100)

    def test_settings_alias_too_long(self):
        self.authenticate("admin", "admin")
        settings_count = self.env["res.config.settings"].search_count([])
        self.assertRpcRefused(
            "The order alias is at most 63 characters long.",
            "res.config.settings",
            "create",
            {"shop_order_alias_name": "x" * 10000},
        )
        self.assertEqual(
            self.env["res.config.settings"].search_count([]), settings_count
        )
        self.assertEqual(self.fresh(self.alias).alias_name, "orders")
