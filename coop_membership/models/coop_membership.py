# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import fees as fee_rules
from ..tools import notice as notice_rules
from ..tools import prepaid as prepaid_rules
from ..tools import shares as share_rules

STATES = [
    ("candidate", "Candidate"),
    ("active", "Active"),
    ("passive", "Passive"),
    ("leaving", "Leaving"),
    ("left", "Left"),
]
BENEFIT_STATES = ("active", "leaving")


class CoopMembership(models.Model):
    _name = "coop.membership"
    _description = "Cooperative Membership"
    _inherit = ("mail.thread", "mail.activity.mixin", "portal.mixin")
    _order = "company_id, name desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Member Number", readonly=True, copy=False, default="/", index=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Member",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    partner_name = fields.Char(related="partner_id.name", string="Member Name")
    is_organisation = fields.Boolean(related="partner_id.is_company")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    category_id = fields.Many2one(
        "coop.member.category",
        required=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    state = fields.Selection(
        STATES, required=True, default="candidate", tracking=True, copy=False
    )
    join_date = fields.Date(
        default=fields.Date.context_today, required=True, tracking=True
    )
    notice_date = fields.Date(tracking=True, copy=False)
    notice_extended = fields.Boolean(
        string="Extended Notice",
        tracking=True,
        help="The category's extended notice applies (e.g. documentation not "
        "up to date or no replacement designated).",
    )
    leave_date = fields.Date(
        string="Effective Leave Date",
        compute="_compute_leave_date",
        store=True,
        tracking=True,
    )
    fte = fields.Float(string="Full-Time Equivalents", digits=(16, 2), tracking=True)
    payroll = fields.Monetary(
        string="Declared Gross Payroll", currency_field="currency_id", tracking=True
    )
    prepaid_periods = fields.Integer(readonly=True, tracking=True, copy=False)
    prepaid_credit = fields.Monetary(
        currency_field="currency_id",
        readonly=True,
        tracking=True,
        copy=False,
        help="Prepaid money left after re-expressing prepaid periods at a new fee.",
    )
    free_periods = fields.Integer(
        tracking=True,
        copy=False,
        help="Periods granted free of charge, used before prepaid periods.",
    )
    min_shares = fields.Integer(string="Minimum Shares", compute="_compute_min_shares")
    share_line_ids = fields.One2many(
        "coop.share.line", "membership_id", string="Share Movements"
    )
    shares_held = fields.Integer(compute="_compute_shares")
    shares_subscribed = fields.Integer(compute="_compute_shares")
    share_amount = fields.Monetary(
        compute="_compute_shares", string="Capital Held", currency_field="currency_id"
    )
    fee_line_ids = fields.One2many("coop.fee.line", "membership_id", string="Fees")
    move_ids = fields.One2many(
        "account.move", "coop_membership_id", string="Invoices", readonly=True
    )
    history_ids = fields.One2many(
        "coop.membership.category.history",
        "membership_id",
        string="Category History",
        readonly=True,
    )
    proxy_count = fields.Integer(compute="_compute_counts")
    fee_count = fields.Integer(compute="_compute_counts")
    move_count = fields.Integer(compute="_compute_counts")
    benefits_active = fields.Boolean(compute="_compute_benefits_active")

    _sql_constraints = (
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "A partner has one membership per company.",
        ),
    )

    # ------------------------------------------------------------ computes

    @api.depends(
        "notice_date",
        "notice_extended",
        "category_id.notice_months",
        "category_id.notice_end",
        "category_id.notice_extended_months",
    )
    def _compute_leave_date(self):
        for member in self:
            if not member.notice_date:
                member.leave_date = False
                continue
            category = member.category_id
            extension = category.notice_extended_months if member.notice_extended else 0
            member.leave_date = notice_rules.effective_leave_date(
                member.notice_date,
                category.notice_months,
                category.notice_end,
                extension,
            )

    @api.depends("category_id", "fte")
    def _compute_min_shares(self):
        for member in self:
            member.min_shares = (
                member.category_id._min_shares_for(member.fte)
                if member.category_id
                else 0
            )

    @api.depends("share_line_ids.quantity", "share_line_ids.state")
    def _compute_shares(self):
        for member in self:
            held = subscribed = 0
            amount = 0.0
            for line in member.share_line_ids:
                if line.kind == "subscription" and line.state != "cancelled":
                    subscribed += line.quantity
                    if line.state == "paid":
                        held += line.quantity
                        amount += line.amount
                elif line.kind == "reimbursement" and line.state != "cancelled":
                    held -= line.quantity
                    subscribed -= line.quantity
                    amount -= line.amount
            member.shares_held = held
            member.shares_subscribed = subscribed
            member.share_amount = amount

    def _compute_counts(self):
        proxies = self.env["coop.assembly.proxy"]._read_group(
            [("holder_id", "in", self.ids)], ["holder_id"], ["__count"]
        )
        proxies = {m.id: c for m, c in proxies}
        for member in self:
            member.proxy_count = proxies.get(member.id, 0)
            member.fee_count = len(member.fee_line_ids)
            member.move_count = len(member.move_ids)

    @api.depends("state", "category_id.pricelist_id")
    def _compute_benefits_active(self):
        for member in self:
            member.benefits_active = bool(
                member.state in BENEFIT_STATES and member.category_id.pricelist_id
            )

    def _compute_access_url(self):
        for member in self:
            member.access_url = "/my/membership"

    # ------------------------------------------------------------ constraints

    @api.constrains("notice_date", "join_date")
    def _check_notice_date(self):
        for member in self:
            if member.notice_date and member.notice_date < member.join_date:
                raise ValidationError(
                    self.env._(
                        "The notice date of %(member)s cannot be before the "
                        "join date (%(date)s).",
                        member=member.partner_id.display_name,
                        date=member.join_date,
                    )
                )

    @api.constrains("fte", "payroll", "prepaid_periods", "free_periods")
    def _check_numbers(self):
        for member in self:
            if member.fte < 0 or member.payroll < 0:
                raise ValidationError(self.env._("FTE and payroll cannot be negative."))
            if member.prepaid_periods < 0 or member.free_periods < 0:
                raise ValidationError(self.env._("Period counters cannot be negative."))

    @api.constrains("partner_id", "company_id")
    def _check_partner_company(self):
        for member in self:
            partner_company = member.partner_id.company_id
            if partner_company and partner_company != member.company_id:
                raise ValidationError(
                    self.env._("The member belongs to another company.")
                )

    # ------------------------------------------------------------ CRUD

    @api.model
    def _get_sequence(self, company):
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [("code", "=", "coop.membership"), ("company_id", "=", company.id)],
                limit=1,
            )
        )
        if not sequence:
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Member numbers %s", company.name),
                        "code": "coop.membership",
                        "company_id": company.id,
                        "padding": 5,
                    }
                )
            )
        return sequence

    @api.model_create_multi
    def create(self, vals_list):
        sequences = {}
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = (
                    self.env["res.company"].browse(vals["company_id"])
                    if vals.get("company_id")
                    else self.env.company
                )
                if company not in sequences:
                    sequences[company] = self._get_sequence(company)
                vals["name"] = sequences[company].next_by_id()
        members = super().create(vals_list)
        self.env["coop.membership.category.history"].create(
            [
                {
                    "membership_id": member.id,
                    "category_id": member.category_id.id,
                    "date_from": member.join_date,
                    "reason": self.env._("Joining"),
                }
                for member in members
            ]
        )
        members._apply_benefits()
        return members

    def write(self, vals):
        if "category_id" in vals and not self.env.context.get("coop_category_change"):
            category = self.env["coop.member.category"].browse(vals["category_id"])
            for member in self.filtered(lambda m: m.category_id != category):
                member._check_category_minimum(category)
                member._add_history(category, fields.Date.context_today(self), "")
        res = super().write(vals)
        if {"state", "category_id"} & set(vals):
            self._apply_benefits()
        return res

    def unlink(self):
        if any(m.state != "candidate" or m.share_line_ids for m in self):
            raise UserError(
                self.env._(
                    "Only candidates without shares can be deleted; record a "
                    "notice for members instead."
                )
            )
        return super().unlink()

    # ------------------------------------------------------------ rules

    def _check_manager(self):
        """Share, fee and reimbursement documents are for cooperative managers."""
        if not self.env.su and not self.env.user.has_group(
            "coop_membership.group_coop_manager"
        ):
            raise AccessError(
                self.env._("Only cooperative managers can do this operation.")
            )

    def _get_fee_discount_percent(self):
        """Discount (%) on this member's fees; hook for other addons
        (e.g. joining through a partner cooperative)."""
        self.ensure_one()
        return 0.0

    def _get_period_fee(self):
        """Fee (Decimal) of one whole period for this member, discount applied."""
        self.ensure_one()
        category = self.category_id
        amount = fee_rules.period_fee(
            category.fee_mode,
            category.fee_amount,
            category.fee_permille,
            self.payroll,
            category.fee_cap,
        )
        return fee_rules.apply_discount(amount, self._get_fee_discount_percent())

    def _check_category_minimum(self, category):
        self.ensure_one()
        minimum = category._min_shares_for(self.fte)
        if self.state != "candidate" and self.shares_subscribed < minimum:
            raise ValidationError(
                self.env._(
                    "%(member)s holds %(held)s share(s) but the category "
                    "%(category)s requires at least %(minimum)s.",
                    member=self.partner_id.display_name,
                    held=self.shares_subscribed,
                    category=category.name,
                    minimum=minimum,
                )
            )

    def _add_history(self, category, date, reason):
        self.ensure_one()
        current = self.history_ids.filtered(lambda h: not h.date_to)
        current.write({"date_to": date})
        self.env["coop.membership.category.history"].create(
            {
                "membership_id": self.id,
                "category_id": category.id,
                "date_from": date,
                "reason": reason,
            }
        )

    def _change_category(self, category, date=None, reason=""):
        """Move the member to ``category`` (minimum shares checked, history kept)."""
        self.ensure_one()
        if category == self.category_id:
            return
        self._check_category_minimum(category)
        self._add_history(category, date or fields.Date.context_today(self), reason)
        self.with_context(coop_category_change=True).write({"category_id": category.id})

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

    def _apply_benefits(self):
        """Set (or remove) the category pricelist on the member and contacts."""
        all_pricelists = (
            self.env["coop.member.category"]
            .sudo()
            .with_context(active_test=False)
            .search([])
            .mapped("pricelist_id")
        )
        for member in self.sudo():
            partners = member.partner_id | member.partner_id.child_ids.filtered(
                lambda p: p.type == "contact"
            )
            partners = partners.with_company(member.company_id)
            if member.benefits_active:
                partners.write(
                    {
                        "specific_property_product_pricelist": (
                            member.category_id.pricelist_id.id
                        )
                    }
                )
            else:
                partners.filtered(
                    lambda p: p.specific_property_product_pricelist in all_pricelists
                ).write({"specific_property_product_pricelist": False})

    # ------------------------------------------------------------ shares

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
        if not share_rules.is_valid_share_count(quantity):
            raise UserError(
                self.env._(
                    "The number of shares must be a whole number greater than "
                    "zero (got %s).",
                    quantity,
                )
            )
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

    def action_reimburse_shares(self):
        """After the effective leave date: a vendor bill for the shares held."""
        self._check_manager()
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

    # ------------------------------------------------------------ states

    def action_activate(self):
        for member in self:
            if member.state != "candidate":
                raise UserError(self.env._("Only candidates can be admitted."))
            if member.shares_subscribed < member.min_shares:
                raise UserError(
                    self.env._(
                        "%(member)s must subscribe at least %(minimum)s share(s) "
                        "(%(count)s subscribed).",
                        member=member.partner_id.display_name,
                        minimum=member.min_shares,
                        count=member.shares_subscribed,
                    )
                )
        self.write({"state": "active"})
        return True

    def action_set_passive(self):
        if any(m.state != "active" for m in self):
            raise UserError(self.env._("Only active members can become passive."))
        self.write({"state": "passive"})
        return True

    def action_set_active(self):
        if any(m.state != "passive" for m in self):
            raise UserError(self.env._("Only passive members can be reactivated."))
        self.write({"state": "active"})
        return True

    def _record_notice(self, notice_date, extended=False):
        """Record a departure notice: state leaving and a reminder activity."""
        self.ensure_one()
        if self.state not in ("active", "passive"):
            raise UserError(
                self.env._("Only active or passive members can give notice.")
            )
        if notice_date < self.join_date:
            raise ValidationError(
                self.env._(
                    "The notice date of %(member)s cannot be before the "
                    "join date (%(date)s).",
                    member=self.partner_id.display_name,
                    date=self.join_date,
                )
            )
        self.write(
            {
                "notice_date": notice_date,
                "notice_extended": extended,
                "state": "leaving",
            }
        )
        days = self.company_id.coop_notice_reminder_days
        deadline = max(
            fields.Date.context_today(self), self.leave_date - timedelta(days=days)
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=deadline,
            summary=self.env._("Member leaving on %s", self.leave_date),
            note=self.env._(
                "Prepare the departure: shares to reimburse after the "
                "effective leave date."
            ),
            user_id=self.env.user.id,
        )
        return self.leave_date

    def action_cancel_notice(self):
        for member in self:
            if member.state != "leaving":
                raise UserError(self.env._("Only leaving members can stay."))
            member.write({"notice_date": False, "state": "active"})
            member.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @api.model
    def _cron_process_leaves(self):
        """Daily: members whose effective leave date is past have left."""
        today = fields.Date.context_today(self)
        leaving = self.sudo().search(
            [("state", "=", "leaving"), ("leave_date", "<", today)]
        )
        leaving._mark_left()

    def _mark_left(self):
        """The member left: prepaid fees are not refunded (kept as a donation)."""
        for member in self.filtered(lambda m: m.prepaid_periods or m.prepaid_credit):
            member.message_post(
                body=self.env._(
                    "%(periods)s prepaid period(s) and a credit of %(credit)s are "
                    "not refundable and are kept as a donation.",
                    periods=member.prepaid_periods,
                    credit=member.prepaid_credit,
                )
            )
        self.write({"state": "left", "prepaid_periods": 0, "prepaid_credit": 0.0})

    # ------------------------------------------------------------ fees

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
        if self.prepaid_periods + int(count) > scheme.max_prepaid_periods:
            raise UserError(
                self.env._(
                    "At most %(maximum)s periods can be prepaid (%(current)s "
                    "already prepaid, %(count)s requested).",
                    maximum=scheme.max_prepaid_periods,
                    current=self.prepaid_periods,
                    count=count,
                )
            )
        if self.state not in ("active", "candidate"):
            raise UserError(self.env._("Only active members can prepay fees."))

    def _prepay(self, count):
        """One invoice for ``count`` periods paid in advance."""
        self.ensure_one()
        self._check_prepay(count)
        count = int(count)
        scheme = self.category_id.fee_scheme_id
        price = self._get_period_fee()
        move_vals = {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_date": fields.Date.context_today(self),
            "coop_membership_id": self.id,
            "coop_move_kind": "prepaid",
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": scheme.product_id.id,
                        "name": self.env._(
                            "%(count)s prepaid period(s) of %(scheme)s",
                            count=count,
                            scheme=scheme.name,
                        ),
                        "quantity": count,
                        "price_unit": float(price),
                    }
                )
            ],
        }
        journal = self.company_id.coop_fee_journal_id
        if journal:
            move_vals["journal_id"] = journal.id
        move = (
            self.env["account.move"]
            .sudo()
            .with_company(self.company_id)
            .create(move_vals)
        )
        move.action_post()
        self.prepaid_periods += count
        return move

    def _consume_credit(self, amount):
        """Use the residual prepaid credit on ``amount`` (Decimal)."""
        self.ensure_one()
        if not self.prepaid_credit:
            return amount
        due, left = prepaid_rules.apply_credit(amount, self.prepaid_credit)
        self.prepaid_credit = float(left)
        return due

    # ------------------------------------------------------------ actions

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("coop_membership_id", "=", self.id)]
        action["context"] = {"create": False, "default_move_type": "out_invoice"}
        return action

    def action_view_fees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_membership.coop_fee_line_action"
        )
        action["domain"] = [("membership_id", "=", self.id)]
        return action

    def action_view_proxies(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_membership.coop_assembly_proxy_action"
        )
        action["domain"] = [
            "|",
            ("holder_id", "=", self.id),
            ("giver_id", "=", self.id),
        ]
        return action
