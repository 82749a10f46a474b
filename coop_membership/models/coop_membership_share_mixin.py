# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import bounds
from ..tools import shares as share_rules


class CoopMembershipShareMixin(models.AbstractModel):
    """Share capital of a membership: subscription, register and reimbursement."""

    _name = "coop.membership.share.mixin"
    _description = "Membership Share Capital"

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

    def _subscribe_shares(self, quantity, date=None):
        """Subscribe ``quantity`` shares: a posted invoice to the share account."""
        self.ensure_one()
        self._check_manager()
        self.check_access("write")
        self._check_share_count(quantity)
        if self.state == "left":
            raise UserError(self.env._("A member who left cannot subscribe shares."))
        quantity = int(quantity)
        category = self.category_id
        if category.share_value <= 0:
            raise UserError(
                self.env._(
                    "Set the nominal share value of the category %s first.",
                    category.name,
                )
            )
        account = self._get_share_account()
        date = date or fields.Date.context_today(self)
        line_vals = {
            "name": self.env._(
                "%(count)s share(s) of %(company)s",
                count=quantity,
                company=self.company_id.name,
            ),
            "quantity": quantity,
            "price_unit": category.share_value,
            "account_id": account.id,
            "tax_ids": [Command.clear()],
        }
        if category.share_product_id:
            line_vals["product_id"] = category.share_product_id.id
        move_vals = {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_date": date,
            "coop_membership_id": self.id,
            "coop_move_kind": "share",
            "invoice_line_ids": [Command.create(line_vals)],
        }
        if self.company_id.coop_share_journal_id:
            move_vals["journal_id"] = self.company_id.coop_share_journal_id.id
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(self.company_id)
            .create(move_vals)
        )
        move.action_post()
        return self.env["coop.share.line"].create(
            {
                "membership_id": self.id,
                "kind": "subscription",
                "date": date,
                "quantity": quantity,
                "unit_value": category.share_value,
                "move_id": move.id,
            }
        )

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

    def action_reimburse_shares(self):
        """After the effective leave date: a vendor bill for the shares held."""
        self._check_manager()
        self.check_access("write")
        today = fields.Date.context_today(self)
        for member in self:
            if member.state not in ("leaving", "left") or not member.leave_date:
                raise UserError(
                    self.env._(
                        "%s has not given notice: shares are reimbursed only "
                        "after the effective leave date.",
                        member.partner_id.display_name,
                    )
                )
            if member.leave_date >= today:
                raise UserError(
                    self.env._(
                        "Shares of %(member)s can be reimbursed after %(date)s.",
                        member=member.partner_id.display_name,
                        date=member.leave_date,
                    )
                )
            held = member.shares_held
            if held <= 0:
                raise UserError(
                    self.env._(
                        "%s holds no paid share to reimburse.",
                        member.partner_id.display_name,
                    )
                )
            unit = member.share_amount / held
            account = member._get_share_account()
            move = (
                self.env["account.move"]
                .sudo()
                .with_company(member.company_id)
                .create(
                    {
                        "move_type": "in_invoice",
                        "partner_id": member.partner_id.id,
                        "company_id": member.company_id.id,
                        "invoice_date": today,
                        "coop_membership_id": member.id,
                        "coop_move_kind": "reimbursement",
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "name": self.env._(
                                        "Reimbursement of %s share(s)", held
                                    ),
                                    "quantity": held,
                                    "price_unit": unit,
                                    "account_id": account.id,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                )
            )
            move.action_post()
            self.env["coop.share.line"].create(
                {
                    "membership_id": member.id,
                    "kind": "reimbursement",
                    "date": today,
                    "quantity": held,
                    "unit_value": unit,
                    "move_id": move.id,
                }
            )
            if member.state == "leaving":
                member._mark_left()
        return True
