# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged

from ..tools import admission
from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestAdmissionRules(BaseCase):
    def test_age_table(self):
        """Electrolab: adult natural persons (18 years)."""
        cases = [
            # birthdate, day, age, old enough for 18
            (date(2008, 3, 15), date(2026, 3, 15), 18, True),
            (date(2008, 3, 16), date(2026, 3, 15), 17, False),
            (date(2008, 2, 29), date(2026, 2, 28), 17, False),
            (date(2008, 2, 29), date(2026, 3, 1), 18, True),
            (date(1970, 12, 31), date(2026, 1, 1), 55, True),
        ]
        for birthdate, day, age, adult in cases:
            with self.subTest(birthdate=birthdate, day=day):
                self.assertEqual(admission.age_on(birthdate, day), age)
                self.assertEqual(admission.is_old_enough(birthdate, day, 18), adult)
        self.assertTrue(admission.is_old_enough(None, date(2026, 1, 1), 0))
        self.assertFalse(admission.is_old_enough(None, date(2026, 1, 1), 18))


@tagged("post_install", "-at_install")
class TestAdmission(CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cat_elab.write({"natural_persons_only": True, "min_age": 18})

    @freeze_time("2026-03-15")
    def test_adult_natural_persons_only(self):
        minor = self._member("Minor", self.cat_elab, birthdate=date(2008, 3, 16))
        with self.assertRaisesRegex(ValidationError, "17 years old.*18 or more"):
            minor.action_activate()
        self.assertEqual(minor.state, "candidate")
        adult = self._member("Adult", self.cat_elab, birthdate=date(2008, 3, 15))
        adult.action_activate()
        self.assertEqual(adult.state, "active")
        unknown = self._member("No birth date", self.cat_elab)
        with self.assertRaisesRegex(ValidationError, "Set the birth date"):
            unknown.action_activate()
        self.assertEqual(unknown.state, "candidate")
        org = self._member(
            "Org", self.cat_elab, is_company=True, birthdate=date(1990, 1, 1)
        )
        with self.assertRaisesRegex(ValidationError, "natural persons only"):
            org.action_activate()
        self.assertEqual(org.state, "candidate")
        # a batch stops on the first refusal: nobody is admitted
        batch = self._member("Adult 2", self.cat_elab, birthdate=date(1990, 1, 1))
        with self.assertRaises(ValidationError):
            (batch | minor).action_activate()
        self.assertEqual(batch.state, "candidate")
        # categories without the options admit organisations without birth date
        supporter = self._member("Org 2", self.cat_supporter, is_company=True)
        self.assertFalse(supporter.birthdate)
        self.cat_supporter.min_shares = 0
        supporter.action_activate()
        self.assertEqual(supporter.state, "active")
        with self.assertRaisesRegex(ValidationError, "minimum age cannot be negative"):
            self.cat_elab.min_age = -1
        self.assertEqual(self.cat_elab.min_age, 18)


@tagged("post_install", "-at_install")
class TestPartnerButtons(CoopCommon):
    def test_smart_buttons(self):
        member = self._member("Ada", self.cat_provider, "active")
        other = self._member("Bob", self.cat_provider, "active")
        third = self._member("Cyd", self.cat_provider, "active")
        member._subscribe_shares(5, date(2025, 1, 1))
        other._subscribe_shares(5, date(2025, 1, 1))
        period = self.scheme_year._get_or_create_period(date(2026, 1, 1))
        period._run_fees()
        for holder in (member, third):
            assembly = self.env["coop.assembly"].create(
                {"name": "AGM %s" % holder.id, "date": date(2025, 6, 15)}
            )
            self.env["coop.assembly.proxy"].create(
                {
                    "assembly_id": assembly.id,
                    "giver_id": other.id if holder == member else member.id,
                    "holder_id": holder.id,
                }
            )
        partner = member.partner_id.with_user(self.user_coop)
        self.assertEqual(partner.coop_shares_held, 0)  # invoiced, not paid
        self.assertEqual(partner.coop_fee_count, 1)
        self.assertEqual(partner.coop_proxy_count, 2)  # one held, one given
        Share = self.env["coop.share.line"].with_user(self.user_coop)
        action = partner.action_view_coop_shares()
        self.assertEqual(action["res_model"], "coop.share.line")
        self.assertEqual(Share.search(action["domain"]), member.share_line_ids)
        action = partner.action_view_coop_fees()
        self.assertEqual(action["res_model"], "coop.fee.line")
        fees = self.env["coop.fee.line"].search(action["domain"])
        self.assertEqual(fees, member.fee_line_ids)
        self.assertEqual(fees.amount, 100)
        action = partner.action_view_coop_proxies()
        self.assertEqual(action["res_model"], "coop.assembly.proxy")
        proxies = self.env["coop.assembly.proxy"].search(action["domain"])
        self.assertEqual(len(proxies), 2)
        self.assertTrue(all(member in (p.giver_id | p.holder_id) for p in proxies))
        # a contact of a non-member has no membership and sees nothing
        stranger = self.env["res.partner"].create({"name": "Stranger"})
        self.assertEqual(stranger.coop_fee_count, 0)
        self.assertFalse(
            self.env["coop.fee.line"].search(stranger.action_view_coop_fees()["domain"])
        )
