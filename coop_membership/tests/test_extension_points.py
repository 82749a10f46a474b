# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ``_prepare_*_vals`` hooks build the documents: what a hook returns
(here with a marker added, as an extending addon would) is what the posted
document holds."""

from contextlib import contextmanager
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CoopCommon


@tagged("post_install", "-at_install")
class TestExtensionPoints(CoopCommon):
    @contextmanager
    def _extended(self, model, method, **extra):
        """Extend ``model.method`` like an addon would (super() then more
        keys); yield the list of the values it returned."""
        cls = type(self.env[model])
        original = getattr(cls, method)
        returned = []

        def extended(record, *args, **kwargs):
            vals = original(record, *args, **kwargs)
            vals.update(extra)
            returned.append(vals)
            return vals

        with patch.object(cls, method, extended):
            yield returned

    def _assert_move_has(self, move, vals):
        for key in ("move_type", "partner_id", "coop_membership_id"):
            self.assertEqual(
                move[key].id if key.endswith("_id") else move[key], vals[key]
            )
        self.assertEqual(move.coop_move_kind, vals["coop_move_kind"])
        self.assertEqual(move.invoice_date, vals["invoice_date"])

    def _assert_line_has(self, line, vals):
        self.assertEqual(line.name, vals["name"])
        self.assertEqual(line.quantity, vals["quantity"])
        self.assertEqual(line.price_unit, vals["price_unit"])
        if "account_id" in vals:
            self.assertEqual(line.account_id.id, vals["account_id"])

    def test_share_invoice_hooks(self):
        member = self._member("Hook Share", self.cat_provider)
        with (
            self._extended(
                "coop.membership", "_prepare_share_invoice_vals", ref="SHARE-HOOK"
            ) as moves,
            self._extended(
                "coop.membership", "_prepare_share_invoice_line_vals", name="L-SHARE"
            ) as lines,
        ):
            share = member._subscribe_shares(5, date(2026, 2, 3))
        move = share.move_id
        self.assertEqual((len(moves), len(lines)), (1, 1))
        self.assertEqual(move.ref, "SHARE-HOOK")
        self._assert_move_has(move, moves[0])
        self.assertEqual(move.invoice_date, date(2026, 2, 3))
        self._assert_line_has(move.invoice_line_ids, lines[0])
        self.assertEqual(move.invoice_line_ids.account_id, self.share_account)
        self.assertEqual(move.amount_total, 500)

    @freeze_time("2026-07-01")
    def test_reimbursement_move_hooks(self):
        member = self._member("Hook Leave", self.cat_provider, join_date="2025-01-01")
        member._subscribe_shares(5, date(2025, 1, 1))
        member.action_activate()
        self._pay(member.share_line_ids.move_id)
        member._record_notice(date(2026, 3, 10))
        with (
            self._extended(
                "coop.membership", "_prepare_reimbursement_move_vals", ref="REFUND"
            ) as moves,
            self._extended(
                "coop.membership",
                "_prepare_reimbursement_move_line_vals",
                name="L-REFUND",
            ) as lines,
        ):
            member.action_reimburse_shares()
        refund = member.share_line_ids.filtered(lambda s: s.kind == "reimbursement")
        move = refund.move_id
        self.assertEqual(move.ref, "REFUND")
        self._assert_move_has(move, moves[0])
        self.assertEqual(move.move_type, "in_invoice")
        self._assert_line_has(move.invoice_line_ids, lines[0])
        self.assertEqual(move.amount_total, 500)
        self.assertEqual(member.state, "left")

    @freeze_time("2027-01-05")
    def test_reimbursement_at_mixed_prices_is_exact(self):
        """Shares bought at 100 and at 50: 3 shares, 200 reimbursed, not
        3 x 66.67 = 200.01; the register equals the share account."""
        member = self._member("Mixed", self.cat_supporter, join_date="2025-01-01")
        member._subscribe_shares(1, date(2025, 1, 1))
        self.cat_supporter.share_value = 50
        member._subscribe_shares(2, date(2025, 2, 1))
        member.action_activate()
        self._pay(member.share_line_ids.move_id)
        self.assertEqual((member.shares_held, member.share_amount), (3, 200))
        member._record_notice(date(2026, 3, 10))
        member.action_reimburse_shares()
        refund = member.share_line_ids.filtered(lambda s: s.kind == "reimbursement")
        self.assertEqual(refund.move_id.amount_total, 200)
        self.assertEqual(
            sorted(refund.mapped(lambda s: (s.quantity, s.unit_value))),
            [(1, 66.66), (2, 66.67)],
        )
        self.assertEqual((member.shares_held, member.share_amount), (0, 0))
        self.assertEqual(self._share_account_balance(), 0)

    @freeze_time("2026-02-01")
    def test_fee_invoice_hooks(self):
        member = self._member(
            "Hook Fee", self.cat_provider, "active", join_date=date(2025, 6, 1)
        )
        period = self.scheme_year._get_or_create_period(date(2026, 2, 1))
        with (
            self._extended(
                "coop.fee.period", "_prepare_fee_invoice_vals", ref="FEE-HOOK"
            ) as moves,
            self._extended(
                "coop.fee.period", "_prepare_fee_invoice_line_vals", name="L-FEE"
            ) as lines,
        ):
            move = period._run_fees()
        self.assertEqual(len(move), 1)
        self.assertEqual(move.ref, "FEE-HOOK")
        self._assert_move_has(move, moves[0])
        self.assertEqual(move.coop_fee_period_id, period)
        self.assertEqual(move.partner_id, member.partner_id)
        self._assert_line_has(move.invoice_line_ids, lines[0])
        self.assertEqual(move.amount_total, 100)

    def test_prepaid_invoice_hooks(self):
        member = self._member("Hook Prepay", self.cat_elab, "active")
        with (
            self._extended(
                "coop.membership", "_prepare_prepaid_invoice_vals", ref="PREPAY"
            ) as moves,
            self._extended(
                "coop.membership", "_prepare_prepaid_invoice_line_vals", name="L-PRE"
            ) as lines,
        ):
            move = member._prepay(3)
        self.assertEqual(move.ref, "PREPAY")
        self._assert_move_has(move, moves[0])
        self._assert_line_has(move.invoice_line_ids, lines[0])
        self.assertEqual(move.amount_total, 120)
        self.assertEqual(move.coop_prepaid_periods, 3)
        self._pay(move)
        self.assertEqual(member.prepaid_periods, 3)

    @freeze_time("2026-07-01")
    def test_common_invoice_hook(self):
        """``_prepare_coop_invoice_vals`` is what the share, fee, prepaid and
        reimbursement documents start from: extended once, it reaches them
        all, and each document's own keys are kept."""
        member = self._member("Hook All", self.cat_provider, join_date="2025-01-01")
        prepaying = self._member("Hook All Prepay", self.cat_elab, "active")
        period = self.scheme_year._get_or_create_period(date(2026, 2, 1))
        with self._extended(
            "coop.membership", "_prepare_coop_invoice_vals", ref="COOP"
        ) as returned:
            moves = member._subscribe_shares(5, date(2025, 1, 1)).move_id
            member.action_activate()
            self._pay(moves)
            moves |= period._run_fees()
            moves |= prepaying._prepay(1)
            member._record_notice(date(2026, 3, 10))
            member.action_reimburse_shares()
        refund = member.share_line_ids.filtered(lambda s: s.kind == "reimbursement")
        moves |= refund.move_id
        self.assertEqual(
            sorted(vals["coop_move_kind"] for vals in returned),
            ["fee", "prepaid", "reimbursement", "share"],
        )
        self.assertEqual(len(moves), 4)
        self.assertEqual(set(moves.mapped("ref")), {"COOP"})
        self.assertEqual(
            moves.filtered("coop_fee_period_id").coop_fee_period_id, period
        )
        self.assertEqual(refund.move_id.move_type, "in_invoice")
