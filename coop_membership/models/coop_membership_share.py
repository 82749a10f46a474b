# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import bounds
from ..tools import shares as share_rules


class CoopMembership(models.Model):
    """Share capital of a membership: subscription, register and reimbursement."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    shares_missing = fields.Integer(
        compute="_compute_shares_missing",
        help="Paid shares an active or passive member still lacks to reach "
        "the minimum of the category.",
    )

    @api.depends("state", "min_shares", "shares_held")
    def _compute_shares_missing(self):
        for member in self:
            member.shares_missing = (
                max(member.min_shares - member.shares_held, 0)
                if member.state in ("active", "passive")
                else 0
            )

    def _get_share_account(self):
        self.ensure_one()
        account = self.company_id.coop_share_account_id
        if not account:
            raise UserError(
                self.env._(
                    "Set the share capital account of %s in the Cooperative "
                    "settings first.",
                    self.company_id.name,
                )
            )
        return account

    # ------------------------------------------------------------ subscription

    def _check_share_count(self, quantity):
        if not share_rules.is_valid_share_count(quantity):
            raise ValidationError(
                self.env._(
                    "The number of shares must be a whole number from 1 to "
                    "%(maximum)s (got %(quantity)s).",
                    maximum=bounds.MAX_COUNT,
                    quantity=quantity,
                )
            )

    def _check_share_subscription(self, quantity):
        """The caller may subscribe ``quantity`` shares for this member."""
        self.ensure_one()
        self._check_manager()
        self.check_access("write")
        self._check_share_count(quantity)
        if self.state == "left":
            raise UserError(self.env._("A member who left cannot subscribe shares."))
        if self.category_id.share_value <= 0:
            raise UserError(
                self.env._(
                    "Set the nominal share value of the category %s first.",
                    self.category_id.name,
                )
            )

    def _prepare_share_invoice_line_vals(self, quantity):
        """Values of the invoice line of ``quantity`` shares subscribed:
        extension point (call super and add keys)."""
        self.ensure_one()
        category = self.category_id
        vals = {
            "name": self.env._(
                "%(count)s share(s) of %(company)s",
                count=quantity,
                company=self.company_id.name,
            ),
            "quantity": quantity,
            "price_unit": self.currency_id.round(category.share_value),
            "account_id": self._get_share_account().id,
            "tax_ids": [Command.clear()],
        }
        if category.share_product_id:
            vals["product_id"] = category.share_product_id.id
        return vals

    def _prepare_share_invoice_vals(self, quantity, date):
        """Values of the invoice of ``quantity`` shares subscribed on ``date``:
        extension point (call super and add keys)."""
        self.ensure_one()
        return self._prepare_coop_invoice_vals(
            "share",
            [self._prepare_share_invoice_line_vals(quantity)],
            date,
            journal=self.company_id.coop_share_journal_id,
        )

    def _subscribe_shares(self, quantity, date=None):
        """Subscribe ``quantity`` shares: a posted invoice to the share account."""
        self._check_share_subscription(quantity)
        quantity = int(quantity)
        date = date or fields.Date.context_today(self)
        move = self._create_posted_move(
            self._prepare_share_invoice_vals(quantity, date)
        )
        return self.env["coop.share.line"].create(
            {
                "membership_id": self.id,
                "kind": "subscription",
                "date": date,
                "quantity": quantity,
                "unit_value": self.category_id.share_value,
                "move_id": move.id,
            }
        )

    # ------------------------------------------------------------ reimbursement

    def _check_reimbursable(self, today):
        """Shares are reimbursed after the effective leave date, if any is held."""
        self.ensure_one()
        name = self.partner_id.display_name
        if self.state not in ("leaving", "left") or not self.leave_date:
            raise UserError(
                self.env._(
                    "%s has not given notice: shares are reimbursed only "
                    "after the effective leave date.",
                    name,
                )
            )
        if self.leave_date >= today:
            raise UserError(
                self.env._(
                    "Shares of %(member)s can be reimbursed after %(date)s.",
                    member=name,
                    date=self.leave_date,
                )
            )
        if self.shares_held <= 0:
            raise UserError(self.env._("%s holds no paid share to reimburse.", name))

    def _reimbursement_lines(self):
        """``[(quantity, unit price)]`` of the shares held: the capital held
        split in prices the currency can hold, exactly."""
        self.ensure_one()
        return share_rules.reimbursement_lines(
            self.share_amount, self.shares_held, self.currency_id.rounding
        )

    def _prepare_reimbursement_move_line_vals(self, quantity, unit):
        """Values of a bill line reimbursing ``quantity`` shares at ``unit``:
        extension point (call super and add keys)."""
        self.ensure_one()
        return {
            "name": self.env._("Reimbursement of %s share(s)", quantity),
            "quantity": quantity,
            "price_unit": self.currency_id.round(float(unit)),
            "account_id": self._get_share_account().id,
            "tax_ids": [Command.clear()],
        }

    def _prepare_reimbursement_move_vals(self, lines, date):
        """Values of the vendor bill reimbursing ``lines`` (``[(quantity,
        unit)]``) on ``date``: extension point (call super and add keys)."""
        self.ensure_one()
        return self._prepare_coop_invoice_vals(
            "reimbursement",
            [self._prepare_reimbursement_move_line_vals(*line) for line in lines],
            date,
            move_type="in_invoice",
        )

    def _reimburse_shares(self, date):
        """Post the vendor bill of the shares held and book them out."""
        self.ensure_one()
        lines = self._reimbursement_lines()
        move = self._create_posted_move(
            self._prepare_reimbursement_move_vals(lines, date)
        )
        self.env["coop.share.line"].create(
            [
                {
                    "membership_id": self.id,
                    "kind": "reimbursement",
                    "date": date,
                    "quantity": quantity,
                    "unit_value": float(unit),
                    "move_id": move.id,
                }
                for quantity, unit in lines
            ]
        )
        return move

    def action_reimburse_shares(self):
        """After the effective leave date: a vendor bill for the shares held."""
        self._check_manager()
        self.check_access("write")
        today = fields.Date.context_today(self)
        for member in self:
            member._check_reimbursable(today)
            member._reimburse_shares(today)
            if member.state == "leaving":
                member._mark_left()
        return True
