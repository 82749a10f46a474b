# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import bounds

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
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "coop.membership.bounds.mixin",
    )
    _order = "company_id, name desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Member Number",
        readonly=True,
        copy=False,
        default="/",
        index=True,
        size=32,
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
    birthdate = fields.Date(
        string="Birth Date",
        tracking=True,
        help="Required on admission when the category sets a minimum age.",
    )
    join_date = fields.Date(
        default=fields.Date.context_today, required=True, tracking=True
    )
    notice_date = fields.Date(tracking=True, copy=False)
    leaving_from_passive = fields.Boolean(
        string="Notice Given While Passive",
        readonly=True,
        copy=False,
        help="Gave notice while passive: no benefits and no fees during the "
        "notice, and back to passive if the notice is withdrawn.",
    )
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
    # held = paid (a share counts once its invoice is paid); subscribed =
    # posted or paid, not cancelled; capital = value of the shares held
    shares_held = fields.Integer(compute="_compute_shares", store=True)
    shares_subscribed = fields.Integer(compute="_compute_shares", store=True)
    share_amount = fields.Monetary(
        compute="_compute_shares",
        store=True,
        string="Capital Held",
        currency_field="currency_id",
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

    @api.depends("category_id", "fte")
    def _compute_min_shares(self):
        for member in self:
            member.min_shares = (
                member.category_id._min_shares_for(member.fte)
                if member.category_id
                else 0
            )

    @api.depends(
        "share_line_ids.quantity",
        "share_line_ids.state",
        "share_line_ids.kind",
        "share_line_ids.amount",
    )
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

    @api.depends("state", "leaving_from_passive", "category_id.pricelist_id")
    def _compute_benefits_active(self):
        for member in self:
            member.benefits_active = bool(
                member.state in BENEFIT_STATES
                and not member.leaving_from_passive
                and member.category_id.pricelist_id
            )

    def _compute_access_url(self):
        for member in self:
            member.access_url = "/my/membership"

    # ------------------------------------------------------------ constraints

    @api.constrains("fte", "payroll", "prepaid_periods", "free_periods")
    def _check_numbers(self):
        for member in self:
            if not bounds.in_range(member.fte, 0, bounds.MAX_FTE):
                raise ValidationError(
                    self.env._(
                        "Full-time equivalents must lie between 0 and %s.",
                        bounds.MAX_FTE,
                    )
                )
            if not bounds.in_range(member.payroll, 0, bounds.MAX_AMOUNT):
                raise ValidationError(
                    self.env._(
                        "The payroll must lie between 0 and %s.", bounds.MAX_AMOUNT
                    )
                )
            for count in (member.prepaid_periods, member.free_periods):
                if not bounds.in_range(count, 0, bounds.MAX_COUNT):
                    raise ValidationError(
                        self.env._(
                            "Period counters must lie between 0 and %s.",
                            bounds.MAX_COUNT,
                        )
                    )

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
        self.check_access("create")
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

    def _apply_benefits(self):
        """Set (or remove) the category pricelist on the member, and on the
        contacts of a member organisation whose category passes its benefits
        on to them (itopie 000 §3.4.3: beneficiary members only)."""
        benefit_pricelists = self._benefit_pricelists()
        for member in self.sudo():
            partner = member.partner_id.with_company(member.company_id)
            contacts = partner.child_ids.filtered(lambda p: p.type == "contact")
            pricelist = member.category_id.pricelist_id
            granted = partner.browse()
            if member.benefits_active and pricelist:
                granted = partner
                if member.category_id.benefits_to_contacts:
                    granted |= contacts
                granted.write({"specific_property_product_pricelist": pricelist.id})
            ((partner | contacts) - granted).filtered(
                lambda p: p.specific_property_product_pricelist in benefit_pricelists
            ).write({"specific_property_product_pricelist": False})

    def _benefit_pricelists(self):
        """The pricelists of every category: the member benefits."""
        return (
            self.env["coop.member.category"]
            .sudo()
            .with_context(active_test=False)
            .search([])
            .mapped("pricelist_id")
        )
