# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 13, "first day as a user": what works out of the box."""

from datetime import date

from lxml import etree

from odoo.tests import TransactionCase, tagged

from odoo.addons.coop_membership.hooks import post_init_hook

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestShareAccountSetup(TransactionCase):
    def test_chart_loading_creates_share_account(self):
        company = self.env["res.company"].create({"name": "Fresh Coop"})
        self.assertFalse(company.coop_share_account_id)
        self.env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
        account = company.coop_share_account_id
        self.assertTrue(account)
        self.assertEqual(account.account_type, "equity")
        self.assertEqual(account.company_ids, company)
        # installing the addon again (its hook) keeps the account found
        post_init_hook(self.env)
        self.assertEqual(company.coop_share_account_id, account)
        # "Subscribe Shares" works at once on that company
        category = self.env["coop.member.category"].create(
            {
                "name": "Supporter",
                "code": "FRESH",
                "company_id": company.id,
                "share_value": 100,
                "min_shares": 1,
            }
        )
        partner = self.env["res.partner"].create({"name": "First Member"})
        member = self.env["coop.membership"].create(
            {
                "partner_id": partner.id,
                "category_id": category.id,
                "company_id": company.id,
            }
        )
        line = member.with_company(company)._subscribe_shares(2)
        self.assertEqual(line.move_id.invoice_line_ids.account_id, account)
        self.assertEqual(member.shares_subscribed, 2)

    def test_hook_on_company_with_chart(self):
        company = self.env.company
        self.assertTrue(company.chart_template)
        company.coop_share_account_id = False
        post_init_hook(self.env)
        self.assertEqual(company.coop_share_account_id.account_type, "equity")

    def test_no_chart_no_account(self):
        company = self.env["res.company"].create({"name": "Chartless"})
        company._coop_membership_setup()
        self.assertFalse(company.coop_share_account_id)


@tagged("post_install", "-at_install")
class TestFirstDayMembership(CoopCommon):
    def _render(self, report, member):
        html = self.env["ir.actions.report"]._render_qweb_html(
            f"coop_membership.{report}", member.ids
        )[0]
        return html.decode()

    def test_certificate_counts_paid_shares_and_tells_awaiting(self):
        self.company.city = "Genève"
        member = self._member("Pia Provider", self.cat_provider)
        line = member._subscribe_shares(5)
        html = self._render("report_share_certificate", member)
        self.assertRegex(html, r'o_coop_shares">0<')
        self.assertIn("o_coop_shares_awaiting", html)
        self.assertIn("Genève", html)
        self.assertIn("o_coop_certificate_signature", html)
        self._pay(line.move_id)
        html = self._render("report_share_certificate", member)
        self.assertRegex(html, r'o_coop_shares">5<')
        self.assertNotIn("o_coop_shares_awaiting", html)
        self.assertEqual(member.share_amount, 500)

    def test_member_card_is_id1_with_code(self):
        report = self.env.ref("coop_membership.action_report_member_card")
        paper = report.paperformat_id
        self.assertEqual(
            (paper.format, paper.page_width, paper.page_height), ("custom", 86, 54)
        )
        member = self._member("Card Holder", self.cat_supporter)
        html = self._render("report_member_card", member)
        self.assertIn(
            "/report/barcode/?barcode_type=QR&amp;value=%s&amp;" % member.name, html
        )

    def test_shares_missing_warning(self):
        member = self._member("Sam Short", self.cat_provider)
        self.assertEqual(member.shares_missing, 0)  # candidates: no warning
        line = member._subscribe_shares(5)
        member.action_activate()
        self.assertEqual(member.shares_missing, 5)  # invoiced, not paid
        self._pay(line.move_id)
        self.assertEqual(member.shares_missing, 0)
        arch = self.env["coop.membership"].get_view(view_type="form")["arch"]
        banner = etree.fromstring(arch).xpath(
            "//div[hasclass('o_coop_shares_missing')]"
        )
        self.assertEqual(banner[0].get("invisible"), "not shares_missing")

    def test_figures_are_stored_measures(self):
        period = self.scheme_year._get_or_create_period(date(2025, 1, 1))
        paid = self._member("Paula Paid", self.cat_supporter, state="active")
        due = self._member("Dan Due", self.cat_supporter, state="active")
        moves = period._run_fees()
        self.assertEqual(len(moves), 2)
        self._pay(moves.filtered(lambda m: m.partner_id == paid.partner_id))
        self.assertEqual((paid.fee_invoiced_amount, paid.fee_paid_amount), (100, 100))
        self.assertEqual((due.fee_invoiced_amount, due.fee_paid_amount), (100, 0))
        groups = self.env["coop.membership"]._read_group(
            [("id", "in", (paid | due).ids)],
            [],
            ["member_count:sum", "fee_invoiced_amount:sum", "fee_paid_amount:sum"],
        )
        self.assertEqual(groups, [(2, 200, 100)])

    def test_period_name_in_reader_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        period = self.scheme_year._get_or_create_period(date(2025, 3, 1))
        self.assertIn("Jan 2025", period.display_name)
        french = period.with_context(lang="fr_FR").display_name
        self.assertIn("janv. 2025", french)
        self.assertIn("déc. 2025", french)

    def test_partner_smart_buttons_come_first(self):
        arch = self.env["res.partner"].get_view(
            self.env.ref("base.view_partner_form").id
        )["arch"]
        box = etree.fromstring(arch).xpath("//div[@name='button_box']")[0]
        self.assertEqual(box[0].get("name"), "action_view_coop_shares")

    def test_directory_default_from_company(self):
        self.company.coop_directory_default_listed = True
        listed = self._member("Listed Lou", self.cat_supporter)
        self.assertTrue(listed.directory_listed)
        self.company.coop_directory_default_listed = False
        self.assertFalse(
            self._member("Hidden Hal", self.cat_supporter).directory_listed
        )
