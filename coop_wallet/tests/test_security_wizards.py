# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Security catalogue, write side: every wallet wizard with bad values, as
each wallet group and as a portal member, across two companies, over
JSON-RPC; each refusal gives its message and writes nothing."""

from odoo.tests import tagged

from .common import WalletHttpCommon

NAN = float("nan")
INF = float("inf")
AMOUNT_ERROR = "The amount must be a number below"
OTHER_COMPANY = "You do not work for the company of this wallet operation."


@tagged("post_install", "-at_install")
class TestSecurityWizards(WalletHttpCommon):
    def topup_vals(self, **values):
        return dict(
            {
                "partner_id": self.partner_a.id,
                "amount": 10.0,
                "journal_id": self.journal.id,
                "company_id": self.company.id,
            },
            **values,
        )

    def transfer_vals(self, **values):
        return dict(
            {
                "partner_from_id": self.partner_a.id,
                "partner_to_id": self.partner_b.id,
                "amount": 10.0,
                "reason": "Household merge",
                "company_id": self.company.id,
            },
            **values,
        )

    def adjustment_vals(self, **values):
        account = self.env["account.account"].search(
            [
                ("company_ids", "in", self.company.id),
                ("account_type", "=", "expense"),
            ],
            limit=1,
        )
        return dict(
            {
                "partner_id": self.partner_a.id,
                "amount": 2.0,
                "account_id": account.id,
                "reason": "Paper card",
                "company_id": self.company.id,
            },
            **values,
        )

    def create_and_confirm(self, model, vals):
        """Create the wizard then confirm it, as two RPCs: (result, error)."""
        wizard_id, error = self.call_kw(model, "create", [vals])
        if error:
            return None, error
        return self.call_kw(model, "action_confirm", [[wizard_id]])

    # bad amounts: NaN, infinite, unbounded --------------------------------
    def test_topup_nan_amount(self):
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.topup", "create", [self.topup_vals(amount=NAN)]
        )
        self.assertRefused(before, error, AMOUNT_ERROR)

    def test_topup_infinite_amount(self):
        self.login(self.cashier)
        before = self.snapshot()
        for amount in (INF, -INF):
            with self.subTest(amount=amount):
                _result, error = self.call_kw(
                    "coop.wallet.topup", "create", [self.topup_vals(amount=amount)]
                )
                self.assertRefused(before, error, AMOUNT_ERROR)

    def test_topup_amount_not_a_number(self):
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.topup", "create", [self.topup_vals(amount="10; DROP")]
        )
        self.assertRefused(before, error, AMOUNT_ERROR)

    def test_transfer_nan_amount(self):
        self.login(self.manager)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.transfer", "create", [self.transfer_vals(amount=NAN)]
        )
        self.assertRefused(before, error, AMOUNT_ERROR)

    def test_transfer_amount_written_later(self):
        self.login(self.manager)
        wizard_id, error = self.call_kw(
            "coop.wallet.transfer", "create", [self.transfer_vals()]
        )
        self.assertFalse(error)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.transfer", "write", [[wizard_id], {"amount": INF}]
        )
        self.assertRefused(before, error, AMOUNT_ERROR)

    def test_adjustment_unbounded_amount(self):
        self.login(self.manager)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.adjustment", "create", [self.adjustment_vals(amount=1e12)]
        )
        self.assertRefused(before, error, AMOUNT_ERROR)

    def test_invoice_payment_nan_amount(self):
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.invoice.payment",
            "create",
            [{"move_id": self.topup_move.id, "amount": NAN}],
        )
        self.assertRefused(before, error, AMOUNT_ERROR)

    def test_invoice_payment_not_an_invoice(self):
        draft = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.partner_a.id,
                "invoice_line_ids": [(0, 0, {"name": "Rice", "price_unit": 10.0})],
            }
        )
        self.login(self.manager)
        before = self.snapshot()
        _result, error = self.create_and_confirm(
            "coop.wallet.invoice.payment", {"move_id": draft.id, "amount": 5.0}
        )
        before[3] += 1  # the wizard itself was created by the first call
        self.assertRefused(
            before, error, "Only posted customer invoices can be settled."
        )

    # groups ----------------------------------------------------------------
    def test_portal_cannot_topup(self):
        self.login(self.user_a)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.topup", "create", [self.topup_vals()]
        )
        self.assertRefused(before, error, "You are not allowed to create")

    def test_clerk_cannot_topup(self):
        self.login(self.clerk)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.topup", "create", [self.topup_vals()]
        )
        self.assertRefused(before, error, "You are not allowed to create")

    def test_cashier_cannot_transfer(self):
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.transfer", "create", [self.transfer_vals()]
        )
        self.assertRefused(before, error, "You are not allowed to create")

    def test_cashier_cannot_adjust(self):
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.call_kw(
            "coop.wallet.adjustment", "create", [self.adjustment_vals()]
        )
        self.assertRefused(before, error, "You are not allowed to create")

    # two companies -----------------------------------------------------------
    def test_topup_in_other_company(self):
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.create_and_confirm(
            "coop.wallet.topup", self.topup_vals(company_id=self.company_b.id)
        )
        before[0] += 1
        self.assertRefused(before, error, OTHER_COMPANY)

    def test_transfer_in_other_company(self):
        self.login(self.manager)
        before = self.snapshot()
        _result, error = self.create_and_confirm(
            "coop.wallet.transfer", self.transfer_vals(company_id=self.company_b.id)
        )
        before[1] += 1
        self.assertRefused(before, error, OTHER_COMPANY)

    def test_topup_into_foreign_journal(self):
        sale_journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", self.company.id)], limit=1
        )
        self.login(self.cashier)
        before = self.snapshot()
        _result, error = self.create_and_confirm(
            "coop.wallet.topup", self.topup_vals(journal_id=sale_journal.id)
        )
        before[0] += 1
        self.assertRefused(
            before, error, "A top-up is paid into a cash or bank journal of"
        )

    # return values and posted entries -------------------------------------------
    def test_topup_returns_true(self):
        self.login(self.cashier)
        before = self.snapshot()
        result, error = self.create_and_confirm(
            "coop.wallet.topup", self.topup_vals(amount=12.5)
        )
        self.assertFalse(error)
        self.assertIs(result, True)
        self.assertEqual(self.snapshot()[-1], before[-1] + 1)

    def test_posted_wallet_entry_kind_is_frozen(self):
        self.login(self.manager)
        before = self.snapshot()
        _result, error = self.call_kw(
            "account.move",
            "write",
            [self.topup_move.ids, {"coop_wallet_kind": "adjustment"}],
        )
        self.assertRefused(
            before, error, "The wallet operation of a posted entry cannot change."
        )
        self.assertEqual(self.topup_move.coop_wallet_kind, "topup")

    def test_negative_offline_cap_refused(self):
        self.authenticate("admin", "admin")
        before = self.snapshot()
        _result, error = self.call_kw(
            "res.company",
            "write",
            [self.company.ids, {"coop_wallet_offline_cap": -5.0}],
        )
        self.assertRefused(
            before,
            error,
            "The maximum offline overdraft must be a positive amount or zero.",
        )
        self.assertEqual(self.company.coop_wallet_offline_cap, 0.0)
