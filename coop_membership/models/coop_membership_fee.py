# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from ..tools import fees as fee_rules
from ..tools import prepaid as prepaid_rules
from ..tools import shares as share_rules


class CoopMembership(models.Model):
    """Fees of a membership: period fee, discount hook, prepaid periods and credit."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    @api.constrains("free_periods", "category_id")
    def _check_free_periods(self):
        for member in self:
            scheme = member.category_id.fee_scheme_id
            if scheme and member.free_periods > scheme.max_free_periods:
                raise ValidationError(
                    self.env._(
                        "%(member)s: at most %(maximum)s free period(s) may be "
                        "granted at a time under %(scheme)s.",
                        member=member.partner_id.display_name,
                        maximum=scheme.max_free_periods,
                        scheme=scheme.display_name,
                    )
                )

    def _get_fee_discount_percent(self, joining=False):
        """Discount (%) on this member's fee of a period (``joining``: the
        period the member joins in); hook for other addons (e.g. joining
        through a partner cooperative)."""
        self.ensure_one()
        return 0.0

    def _get_period_fee(self, joining=False):
        """Fee (Decimal) of one whole period for this member, discount applied
        (``joining``: of the period the member joins in)."""
        self.ensure_one()
        category = self.category_id
        amount = fee_rules.period_fee(
            category.fee_mode,
            category.fee_amount,
            category.fee_permille,
            self.payroll,
            category.fee_cap,
        )
        return fee_rules.apply_discount(
            amount, self._get_fee_discount_percent(joining=joining)
        )

    def _reexpress_prepaid(self, old_prices):
        """After a fee change: prepaid money re-expressed at the new price."""
        for member in self:
            old_price = old_prices.get(member.id)
            new_price = member._get_period_fee()
            if old_price is None or old_price == new_price:
                continue
            periods, credit = prepaid_rules.reexpress(
                member.prepaid_periods, member.prepaid_credit, old_price, new_price
            )
            member.write({"prepaid_periods": periods, "prepaid_credit": float(credit)})
            member.message_post(
                body=self.env._(
                    "Fee changed from %(old)s to %(new)s: prepaid money is now "
                    "%(periods)s period(s) and a credit of %(credit)s.",
                    old=old_price,
                    new=new_price,
                    periods=periods,
                    credit=credit,
                )
            )

    def _check_prepay(self, count):
        self.ensure_one()
        self._check_manager()
        scheme = self.category_id.fee_scheme_id
        if not scheme or self.category_id.fee_mode == fee_rules.EXEMPT:
            raise UserError(
                self.env._("%s pays no fee to prepay.", self.partner_id.display_name)
            )
        if not share_rules.is_valid_share_count(count):
            raise UserError(
                self.env._("The number of periods must be a whole number above 0.")
            )
        current = self.prepaid_periods + self._pending_prepaid_periods()
        if current + int(count) > scheme.max_prepaid_periods:
            raise UserError(
                self.env._(
                    "At most %(maximum)s periods can be prepaid (%(current)s "
                    "already prepaid, %(count)s requested).",
                    maximum=scheme.max_prepaid_periods,
                    current=current,
                    count=count,
                )
            )
        if self.state not in ("active", "candidate"):
            raise UserError(self.env._("Only active members can prepay fees."))

    def _prepare_prepaid_invoice_line_vals(self, count, price):
        """Values of the invoice line of ``count`` periods prepaid at
        ``price`` (Decimal): extension point (call super and add keys)."""
        self.ensure_one()
        scheme = self.category_id.fee_scheme_id
        return {
            "product_id": scheme.product_id.id,
            "name": self.env._(
                "%(count)s prepaid period(s) of %(scheme)s",
                count=count,
                scheme=scheme.name,
            ),
            "quantity": count,
            "price_unit": self.currency_id.round(float(price)),
        }

    def _prepare_prepaid_invoice_vals(self, count, price):
        """Values of the invoice of ``count`` periods prepaid at ``price``
        (Decimal): extension point (call super and add keys)."""
        self.ensure_one()
        vals = self._prepare_coop_invoice_vals(
            "prepaid",
            [self._prepare_prepaid_invoice_line_vals(count, price)],
            journal=self.company_id.coop_fee_journal_id,
        )
        vals["coop_prepaid_periods"] = count
        return vals

    def _prepay(self, count):
        """One invoice for ``count`` periods paid in advance; they count on
        the member's counter when the invoice is paid (account.move's
        ``_invoice_paid_hook``)."""
        self.ensure_one()
        self._check_prepay(count)
        count = int(count)
        return self._create_posted_move(
            self._prepare_prepaid_invoice_vals(count, self._get_period_fee())
        )

    def _pending_prepaid_periods(self):
        """Periods of this member's prepayment invoices not paid yet."""
        self.ensure_one()
        moves = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("coop_membership_id", "=", self.id),
                    ("coop_move_kind", "=", "prepaid"),
                    ("coop_prepaid_counted", "=", False),
                    ("state", "=", "posted"),
                ]
            )
        )
        return sum(moves.mapped("coop_prepaid_periods"))

    def _consume_credit(self, amount):
        """Use the residual prepaid credit on ``amount`` (Decimal)."""
        self.ensure_one()
        if not self.prepaid_credit:
            return amount
        due, left = prepaid_rules.apply_credit(amount, self.prepaid_credit)
        self.prepaid_credit = float(left)
        return due
