# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..tools import bounds
from ..tools import fees as fee_rules
from ..tools import shares as share_rules

FEE_FIELDS = ("fee_mode", "fee_amount", "fee_permille", "fee_cap")
MAX_NOTICE_MONTHS = 120


class CoopMemberCategory(models.Model):
    _name = "coop.member.category"
    _description = "Member Category"
    _inherit = ("mail.thread", "coop.membership.bounds.mixin")
    _order = "company_id, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(required=True, tracking=True, size=16)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Html(translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # shares
    min_shares_mode = fields.Selection(
        [("fixed", "Fixed number"), ("per_fte", "One per N full-time equivalents")],
        string="Minimum Shares Rule",
        required=True,
        default="fixed",
        tracking=True,
    )
    min_shares = fields.Integer(string="Minimum Shares", default=1, tracking=True)
    fte_per_share = fields.Float(
        string="FTE per Share",
        digits=(16, 2),
        tracking=True,
        help="One share per this many full-time equivalents started, at least "
        "one share.",
    )
    share_product_id = fields.Many2one(
        "product.product",
        check_company=True,
        help="Product printed on the share subscription invoices.",
    )
    share_value = fields.Monetary(
        string="Share Nominal Value",
        currency_field="currency_id",
        required=True,
        default=0.0,
        tracking=True,
    )
    # fees
    fee_mode = fields.Selection(
        [
            (fee_rules.EXEMPT, "Exempt"),
            (fee_rules.FIXED, "Fixed amount"),
            (fee_rules.PAYROLL, "Fixed amount + per mille of payroll"),
        ],
        string="Fee Rule",
        required=True,
        default=fee_rules.FIXED,
        tracking=True,
    )
    fee_amount = fields.Monetary(
        string="Fee per Period",
        currency_field="currency_id",
        tracking=True,
        help="Fixed part of the fee of one period of the fee scheme.",
    )
    fee_permille = fields.Float(
        string="Per Mille of Payroll", digits=(16, 4), tracking=True
    )
    fee_cap = fields.Monetary(
        currency_field="currency_id",
        tracking=True,
        help="Maximum fee in total (0: no cap).",
    )
    fee_scheme_id = fields.Many2one(
        "coop.fee.scheme", check_company=True, tracking=True
    )
    # notice
    notice_months = fields.Integer(string="Notice (months)", default=3, tracking=True)
    notice_end = fields.Selection(
        [("month", "End of a month"), ("year", "End of a calendar year")],
        string="Notice Effective At",
        required=True,
        default="month",
        tracking=True,
    )
    notice_extended_months = fields.Integer(
        string="Extended Notice (months)",
        tracking=True,
        help="Longer notice that may be required (e.g. a provider whose "
        "documentation is not up to date or without a designated replacement).",
    )
    # benefits and vote
    review_after_months = fields.Integer(
        string="Review After (months)",
        default=0,
        tracking=True,
        help="Members are reviewed after this many months in the category (an "
        "activity for the cooperative's managers), e.g. itopie reviews its "
        "partners after one year for a move to provider. 0: no review.",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Benefits Pricelist",
        check_company=True,
        help="Applied to active members (and to the contacts of member "
        "organisations when the category passes its benefits on); removed "
        "when passive or left.",
    )
    benefits_to_contacts = fields.Boolean(
        string="Contacts Inherit Benefits",
        tracking=True,
        help="The contacts (employees) of a member organisation of this "
        "category get its benefits pricelist too; a contact who joins the "
        "organisation later gets it, one who leaves loses it (itopie: "
        "beneficiary members only).",
    )
    passive_can_vote = fields.Boolean(
        string="Passive Members Vote",
        default=True,
        help="Passive members of this category keep their vote at assemblies.",
    )
    # admission
    natural_persons_only = fields.Boolean(
        help="Only natural persons (not organisations) can be admitted in "
        "this category.",
    )
    min_age = fields.Integer(
        string="Minimum Age",
        help="Minimum age (in years) on the admission date; 0 for none. The "
        "birth date of the member is then required.",
    )
    membership_ids = fields.One2many(
        "coop.membership", "category_id", string="Memberships"
    )
    membership_count = fields.Integer(compute="_compute_membership_count")

    _sql_constraints = (
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The category code must be unique per company.",
        ),
    )

    def _compute_membership_count(self):
        groups = self.env["coop.membership"]._read_group(
            [("category_id", "in", self.ids)], ["category_id"], ["__count"]
        )
        counts = {category.id: count for category, count in groups}
        for category in self:
            category.membership_count = counts.get(category.id, 0)

    @api.constrains(
        "min_shares",
        "fte_per_share",
        "share_value",
        "fee_amount",
        "fee_cap",
        "fee_permille",
        "min_age",
    )
    def _check_numbers(self):
        for category in self:
            if category.min_shares < 0 or category.share_value < 0:
                raise ValidationError(
                    self.env._("Share numbers and values cannot be negative.")
                )
            if category.min_shares_mode == "per_fte" and category.fte_per_share <= 0:
                raise ValidationError(
                    self.env._("Set how many full-time equivalents require one share.")
                )
            if category.fee_amount < 0 or category.fee_cap < 0:
                raise ValidationError(self.env._("Fees cannot be negative."))
            if category.min_age < 0:
                raise ValidationError(self.env._("The minimum age cannot be negative."))
            category._check_bounds()

    def _check_bounds(self):
        self.ensure_one()
        # amounts are bounded by coop.membership.bounds.mixin
        if not bounds.in_range(self.fee_permille, 0, 1000):
            raise ValidationError(
                self.env._("The per mille of payroll must lie between 0 and 1000.")
            )
        counts = (self.min_shares, self.min_age)
        if not bounds.in_range(self.fte_per_share, 0, bounds.MAX_FTE) or any(
            c > bounds.MAX_COUNT for c in counts
        ):
            raise ValidationError(
                self.env._(
                    "Share counts, FTE and ages may not exceed %s.", bounds.MAX_COUNT
                )
            )

    @api.constrains("notice_months", "notice_extended_months")
    def _check_notice(self):
        for category in self:
            months = (category.notice_months, category.notice_extended_months)
            if not all(0 <= m <= MAX_NOTICE_MONTHS for m in months):
                raise ValidationError(
                    self.env._(
                        "Notice periods must lie between 0 and %s months.",
                        MAX_NOTICE_MONTHS,
                    )
                )

    def _min_shares_for(self, fte):
        """Minimum shares of a member of this category with ``fte``."""
        self.ensure_one()
        return share_rules.minimum_shares(
            self.min_shares_mode, self.min_shares, self.fte_per_share, fte
        )

    def write(self, vals):
        prepaid_members = self.env["coop.membership"]
        if any(f in vals for f in FEE_FIELDS):
            prepaid_members = prepaid_members.search(
                [
                    ("category_id", "in", self.ids),
                    "|",
                    ("prepaid_periods", ">", 0),
                    ("prepaid_credit", ">", 0),
                ]
            )
        # prepaid money is re-expressed from the price before the change
        old_prices = {m.id: m._get_period_fee() for m in prepaid_members}
        res = super().write(vals)
        prepaid_members._reexpress_prepaid(old_prices)
        if {"pricelist_id", "benefits_to_contacts"} & set(vals):
            self.env["coop.membership"].search(
                [("category_id", "in", self.ids)]
            )._apply_benefits()
        return res

    def action_view_memberships(self):
        """The members of the category: a staff screen (portal users may read
        a category's name and conditions, not list its members)."""
        self.ensure_one()
        if not self.env.user.has_group("coop_membership.group_coop_user"):
            raise AccessError(
                self.env._("Only cooperative staff can list a category's members.")
            )
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_membership.coop_membership_action"
        )
        action["domain"] = [("category_id", "=", self.id)]
        return action
