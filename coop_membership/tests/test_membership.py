# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestMembership(CoopCommon):
    def test_number_sequence_per_company_and_unique(self):
        first = self._member("Ada", self.cat_supporter)
        second = self._member("Bob", self.cat_supporter)
        self.assertTrue(first.name and second.name and first.name != second.name)
        self.assertEqual(int(second.name), int(first.name) + 1)
        other = self.setup_other_company()["company"]
        cat_other = self.env["coop.member.category"].create(
            {"name": "Supporter", "code": "SUP", "company_id": other.id}
        )
        third = self.env["coop.membership"].create(
            {
                "partner_id": first.partner_id.id,
                "company_id": other.id,
                "category_id": cat_other.id,
            }
        )
        self.assertEqual(int(third.name), 1)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["coop.membership"].create(
                {
                    "partner_id": first.partner_id.id,
                    "company_id": self.company.id,
                    "category_id": self.cat_supporter.id,
                }
            )

    def test_join_shares_invoiced_paid_held(self):
        member = self._member("Provider Pia", self.cat_provider)
        self.assertEqual(member.min_shares, 5)
        with self.assertRaisesRegex(UserError, "at least 5"):
            member.action_activate()
        self.assertEqual(member.state, "candidate")
        line = member._subscribe_shares(5)
        move = line.move_id
        self.assertEqual(move.state, "posted")
        self.assertEqual(move.coop_move_kind, "share")
        self.assertEqual(move.amount_total, 500)
        self.assertEqual(move.invoice_line_ids.account_id, self.share_account)
        self.assertEqual(line.state, "invoiced")
        self.assertEqual(member.shares_subscribed, 5)
        self.assertEqual(member.shares_held, 0)  # held once paid
        member.action_activate()
        self.assertEqual(member.state, "active")
        self._pay(move)
        self.assertEqual(line.state, "paid")
        self.assertEqual(member.shares_held, 5)
        self.assertEqual(member.share_amount, 500)
        # the register equals the share capital account balance
        register = self.env["coop.share.line"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(sum(register.mapped("register_amount")), 500)
        self.assertEqual(self._share_account_balance(), 500)

    def test_bad_share_counts(self):
        member = self._member("Bad Bea", self.cat_supporter)
        moves_before = self.env["account.move"].search_count([])
        for bad in (0, -3, 1.5):
            with self.subTest(bad=bad), self.assertRaisesRegex(UserError, "whole"):
                member._subscribe_shares(bad)
        self.assertFalse(member.share_line_ids)
        self.assertEqual(self.env["account.move"].search_count([]), moves_before)
        with self.assertRaisesRegex(UserError, "whole"):
            self.env["coop.share.subscribe.wizard"].create(
                {"membership_id": member.id, "quantity": 2.5}
            )
        self.assertFalse(member.share_line_ids)

    def test_missing_share_account(self):
        member = self._member("No Account", self.cat_supporter)
        self.company.coop_share_account_id = False
        with self.assertRaisesRegex(UserError, "share capital account"):
            member._subscribe_shares(1)
        self.assertFalse(member.share_line_ids)

    def test_beneficiary_minimum_and_category_change(self):
        org = self._member("Big Org", self.cat_supporter, is_company=True, fte=23)
        org._subscribe_shares(1)
        org.action_activate()
        self.assertEqual(org.category_id._min_shares_for(org.fte), 1)
        self.assertEqual(self.cat_beneficiary._min_shares_for(23), 5)
        history_before = len(org.history_ids)
        with self.assertRaisesRegex(ValidationError, "requires at least 5"):
            self.env["coop.category.change.wizard"].create(
                {
                    "membership_id": org.id,
                    "category_id": self.cat_beneficiary.id,
                    "reason": "Became a client",
                }
            ).action_confirm()
        self.assertEqual(org.category_id, self.cat_supporter)
        self.assertEqual(len(org.history_ids), history_before)
        org._subscribe_shares(4)
        self.env["coop.category.change.wizard"].create(
            {
                "membership_id": org.id,
                "category_id": self.cat_beneficiary.id,
                "reason": "Became a client",
                "date": date(2026, 5, 1),
            }
        ).action_confirm()
        self.assertEqual(org.category_id, self.cat_beneficiary)
        self.assertEqual(len(org.history_ids), 2)
        old = org.history_ids.filtered(lambda h: h.category_id == self.cat_supporter)
        self.assertEqual(old.date_to, date(2026, 5, 1))
        new = org.history_ids - old
        self.assertEqual(new.reason, "Became a client")
        self.assertFalse(new.date_to)
        # a direct write is checked too
        with self.assertRaises(ValidationError):
            org.write({"category_id": self.cat_employee.id})
        self.assertEqual(org.category_id, self.cat_beneficiary)

    def _create_partner_category(self):
        """itopie's partner category: reviewed after one year."""
        return self.env["coop.member.category"].create(
            {
                "name": "Partner",
                "code": "PAR",
                "share_value": 100,
                "fee_scheme_id": self.scheme_year.id,
                "review_after_months": 12,
            }
        )

    def _review_activities(self, member):
        """The to-do activities asking to review ``member``'s category."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        return member.activity_ids.filtered(
            lambda a: a.activity_type_id == todo and "review" in a.summary
        )

    def test_partner_reviewed_after_one_year(self):
        # itopie: a partner is reviewed after one year for a move to provider
        partner_cat = self._create_partner_category()
        member = self._member(
            "Pat Partner", partner_cat, "active", join_date=date(2025, 11, 1)
        )
        other = self._member("Sue", self.cat_supporter, "active")
        History = self.env["coop.membership.category.history"]
        line = member.history_ids
        self.assertEqual(line.review_date, date(2026, 11, 1))
        self.assertFalse(other.history_ids.review_date)
        with freeze_time("2026-10-31"):
            History._cron_schedule_reviews()
        self.assertFalse(self._review_activities(member))
        with freeze_time("2026-11-01"):
            History._cron_schedule_reviews()
            History._cron_schedule_reviews()  # once only
        reviews = self._review_activities(member)
        self.assertEqual(len(reviews), 1)
        self.assertIn("Partner since 2025-11-01", reviews.summary)
        self.assertTrue(reviews.user_id.has_group("coop_membership.group_coop_manager"))
        self.assertTrue(line.review_scheduled)
        self.assertFalse(other.activity_ids)
        # moved to provider: the partner line is closed, no review of the
        # provider category (not reviewed)
        member._subscribe_shares(5)
        self.env["coop.category.change.wizard"].create(
            {
                "membership_id": member.id,
                "category_id": self.cat_provider.id,
                "reason": "Reviewed: now a provider",
                "date": date(2026, 11, 15),
            }
        ).action_confirm()
        self.assertFalse(line.review_date)
        self.assertFalse(
            member.history_ids.filtered(lambda h: not h.date_to).review_date
        )

    @freeze_time("2026-03-10")
    def test_leave_date_kept_after_category_change(self):
        member = self._member("Pia", self.cat_provider, "active")
        member._subscribe_shares(5)
        member._record_notice(date(2026, 3, 10))
        # provider: 3 months' notice, to the end of a month
        self.assertEqual(member.leave_date, date(2026, 6, 30))
        # the leave date the member was told does not move with the category
        self.cat_provider.notice_months = 6
        self.env["coop.category.change.wizard"].create(
            {
                "membership_id": member.id,
                "category_id": self.cat_supporter.id,
                "reason": "Stopped providing",
            }
        ).action_confirm()
        self.assertEqual(member.category_id, self.cat_supporter)
        self.assertEqual(member.leave_date, date(2026, 6, 30))
        # a notice recorded again follows the member's category then
        member.action_cancel_notice()
        self.assertFalse(member.leave_date)
        member._record_notice(date(2026, 3, 10))
        self.assertEqual(member.leave_date, date(2026, 12, 31))

    @freeze_time("2026-03-10")
    def test_notice_leave_reimbursement(self):
        member = self._member(
            "Leaving Leo", self.cat_provider, join_date=date(2025, 1, 1)
        )
        member._subscribe_shares(5)
        member.action_activate()
        self._pay(member.share_line_ids.move_id)
        # a cooperative user records the notice
        wizard = (
            self.env["coop.notice.wizard"]
            .with_user(self.user_coop)
            .create({"membership_id": member.id, "notice_date": date(2026, 3, 10)})
        )
        self.assertEqual(wizard.leave_date, date(2026, 6, 30))
        wizard.action_confirm()
        self.assertEqual(member.state, "leaving")
        self.assertEqual(member.leave_date, date(2026, 6, 30))
        activity = member.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2026, 5, 31))
        # but cannot edit members otherwise
        with self.assertRaises(AccessError):
            member.with_user(self.user_coop).write({"fte": 3})
        with self.assertRaisesRegex(UserError, "after 2026-06-30"):
            member.action_reimburse_shares()
        member.sudo().prepaid_periods = 2
        with freeze_time("2026-07-01"):
            self.env["coop.membership"]._cron_process_leaves()
            self.assertEqual(member.prepaid_periods, 0)  # kept as a donation
            self.assertEqual(member.state, "left")
            member.action_reimburse_shares()
            with self.assertRaisesRegex(UserError, "no paid share"):
                member.action_reimburse_shares()
        refund = member.share_line_ids.filtered(lambda s: s.kind == "reimbursement")
        self.assertEqual(refund.move_id.move_type, "in_invoice")
        self.assertEqual(refund.move_id.state, "posted")
        self.assertEqual(refund.move_id.amount_total, 500)
        self.assertEqual(member.shares_held, 0)
        self.assertEqual(self._share_account_balance(), 0)
        register = self.env["coop.share.line"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(sum(register.mapped("register_amount")), 0)

    def test_notice_extended_and_year_end(self):
        provider = self._member("Pro", self.cat_provider, state="active")
        provider._record_notice(date(2026, 3, 10), extended=True)
        self.assertEqual(provider.leave_date, date(2026, 9, 30))
        org = self._member("Org", self.cat_beneficiary, state="active", fte=2)
        org._record_notice(date(2026, 10, 1))
        self.assertEqual(org.leave_date, date(2027, 12, 31))
        supporter = self._member("Sup", self.cat_supporter, state="active")
        supporter._record_notice(date(2026, 11, 30))
        self.assertEqual(supporter.leave_date, date(2026, 12, 31))
        supporter.action_cancel_notice()
        self.assertEqual(supporter.state, "active")
        self.assertFalse(supporter.leave_date)

    def test_notice_while_passive(self):
        """A passive member giving notice stays without benefits, fees and
        (when the category says so) vote; withdrawing it makes them passive
        again, not active."""
        org = self._member("Pas Org", self.cat_supporter, is_company=True)
        org._subscribe_shares(1)
        org.action_activate()
        org.action_set_passive()
        org._record_notice(date(2026, 11, 30))
        self.assertEqual(org.state, "leaving")
        self.assertFalse(org.benefits_active)
        self.assertFalse(
            org.partner_id.with_company(
                self.company
            ).specific_property_product_pricelist
        )
        org.action_cancel_notice()
        self.assertEqual(org.state, "passive")
        self.assertFalse(org.leaving_from_passive)
        self.assertFalse(org.benefits_active)

    def test_notice_before_join(self):
        member = self._member(
            "Early", self.cat_supporter, state="active", join_date=date(2026, 5, 1)
        )
        with self.assertRaisesRegex(ValidationError, "before the join date"):
            member._record_notice(date(2026, 4, 1))
        member.invalidate_recordset()
        self.assertEqual(member.state, "active")
        self.assertFalse(member.notice_date)
        self.assertFalse(member.activity_ids)

    def test_partner_helper(self):
        org = self._member("Org Helper", self.cat_supporter, is_company=True)
        employee = self.env["res.partner"].create(
            {"name": "Helper employee", "parent_id": org.partner_id.id}
        )
        stranger = self.env["res.partner"].create({"name": "Stranger"})
        self.assertTrue(employee.parent_id.name)  # warm the cache
        with self.assertQueryCount(3):
            self.assertEqual(employee._coop_get_membership(self.company), org)
        self.assertEqual(org.partner_id._coop_get_membership(), org)
        self.assertFalse(stranger._coop_get_membership(self.company))
        other = self.setup_other_company()["company"]
        self.assertFalse(employee._coop_get_membership(other))
        self.assertEqual(employee.coop_membership_id, org)
        action = employee.action_view_coop_membership()
        self.assertEqual(action["res_id"], org.id)

    def test_candidate_unlink(self):
        member = self._member("Temp", self.cat_supporter)
        member._subscribe_shares(1)
        with self.assertRaises(UserError):
            member.unlink()
        self.assertTrue(member.exists())

    def test_multi_company_isolation(self):
        member = self._member("Company A member", self.cat_supporter)
        other = self.setup_other_company()["company"]
        user_other = self.env["res.users"].create(
            {
                "name": "Other coop user",
                "login": "other_coop_user",
                "company_id": other.id,
                "company_ids": [(6, 0, other.ids)],
                "groups_id": [
                    (6, 0, [self.env.ref("coop_membership.group_coop_manager").id])
                ],
            }
        )
        found = self.env["coop.membership"].with_user(user_other).search([])
        self.assertNotIn(member, found)
        with self.assertRaises(AccessError):
            member.with_user(user_other).read(["name"])

    def test_reports_render(self):
        member = self._member("Report Rita", self.cat_supporter)
        member._subscribe_shares(2)
        self._pay(member.share_line_ids.move_id)
        Report = self.env["ir.actions.report"]
        html, _type = Report._render_qweb_html(
            "coop_membership.report_share_certificate", member.ids
        )
        html = html.decode()
        self.assertIn("Report Rita", html)
        self.assertIn("Share Certificate", html)
        self.assertIn('o_coop_shares">2<', html)
        html, _type = Report._render_qweb_html(
            "coop_membership.report_member_card", member.ids
        )
        self.assertIn(member.name, html.decode())

    def test_forms(self):
        partner = self.env["res.partner"].create({"name": "Form Fred"})
        with Form(self.env["coop.membership"]) as form:
            form.partner_id = partner
            form.category_id = self.cat_provider
            form.join_date = date(2025, 2, 1)
        member = form.save()
        self.assertEqual(member.state, "candidate")
        self.assertEqual(member.min_shares, 5)
        member.state = "active"
        wizard = Form(
            self.env["coop.notice.wizard"].with_context(default_membership_id=member.id)
        )
        wizard.notice_date = date(2026, 3, 10)
        self.assertEqual(wizard.leave_date, date(2026, 6, 30))
        wizard.extended = True
        self.assertEqual(wizard.leave_date, date(2026, 9, 30))
        views = self.env["coop.membership"].get_views(
            [(False, v) for v in ("list", "form", "kanban", "pivot", "graph", "search")]
        )
        self.assertEqual(len(views["views"]), 6)

    def test_error_translated(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["coop_membership"], ["fr_FR"], overwrite=True
        )
        member = self._member("Traduit", self.cat_supporter)
        with self.assertRaisesRegex(UserError, "nombre entier de 1 à"):
            member.with_context(lang="fr_FR")._subscribe_shares(-1)
        self.assertFalse(member.share_line_ids)
