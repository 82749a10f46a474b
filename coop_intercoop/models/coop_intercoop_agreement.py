# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..tools import trial_rules

PROOFS = [("card", "Member card shown"), ("trust", "Declared on trust")]
# length limit of a partner cooperative's member card number
CARD_NUMBER_SIZE = 64
# what both cooperatives signed: frozen while the agreement is signed
SIGNED_TERMS = {
    "company_id",
    "partner_coop_id",
    "date_start",
    "pricelist_id",
    "voucher_program_id",
    "fee_discount_percent",
    "fee_discount_every_period",
    "pool_volunteer_hours",
}


class CoopIntercoopAgreement(models.Model):
    _name = "coop.intercoop.agreement"
    _inherit = ("mail.thread", "mail.activity.mixin", "coop.membership.bounds.mixin")
    _description = "Inter-Cooperation Agreement"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Agreement", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    partner_coop_id = fields.Many2one(
        "res.partner",
        string="Partner Cooperative",
        required=True,
        domain=[("is_company", "=", True)],
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Signed"), ("cancelled", "Cancelled")],
        string="Status",
        default="draft",
        required=True,
        tracking=True,
    )
    date_start = fields.Date(
        string="Start Date", required=True, default=fields.Date.context_today
    )
    date_end = fields.Date(string="End Date", tracking=True)
    is_valid = fields.Boolean(
        string="In Force", compute="_compute_is_valid", search="_search_is_valid"
    )
    convention_file = fields.Binary(string="Signed Convention", attachment=True)
    convention_filename = fields.Char(
        string="Convention File Name",
    )
    # their side of the mutual shareholding
    currency_id = fields.Many2one(related="company_id.currency_id")
    their_share_count = fields.Integer(
        string="Shares We Hold", help="Number of shares we hold in the partner."
    )
    their_share_amount = fields.Monetary(
        string="Amount of Our Shares", currency_field="currency_id"
    )
    their_share_date = fields.Date(string="Shares Bought On")
    # benefits granted to the partner cooperative's members
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Member Conditions",
        check_company=True,
        help="Pricelist given to the partner cooperative's members at our shop.",
    )
    voucher_program_id = fields.Many2one(
        "loyalty.program",
        string="Welcome Voucher",
        domain=[("program_type", "=", "coupons")],
        check_company=True,
        help="Coupon program: each registered member receives one single-use "
        "coupon of this program.",
    )
    fee_discount_percent = fields.Float(
        string="Membership Fee Discount (%)",
        help="Discount on our membership fee when a partner member joins us: "
        "on the fee of the period they join in.",
    )
    fee_discount_every_period = fields.Boolean(
        string="Discount Every Fee",
        help="The discount applies to every membership fee of a member who "
        "joined through this agreement, not only to the joining fee.",
    )
    pool_volunteer_hours = fields.Boolean(
        help="Volunteer hours done at the partner cooperative count towards "
        "obligations at home.",
    )
    member_ids = fields.One2many(
        "res.partner", "coop_intercoop_agreement_id", string="Visiting Members"
    )
    member_count = fields.Integer(string="Members", compute="_compute_member_count")
    note = fields.Html(
        string="Notes",
    )

    _sql_constraints = (
        (
            "fee_discount_range",
            "CHECK(fee_discount_percent >= 0 AND fee_discount_percent <= 100)",
            "The fee discount is a percentage between 0 and 100.",
        ),
    )

    @api.model
    def _coop_bounds(self):
        return {
            "fee_discount_percent": (0, 100),
            "their_share_count": (0, 1_000_000),
            "their_share_amount": (0, 1_000_000_000),
        }

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for agreement in self:
            if agreement.date_end and agreement.date_end < agreement.date_start:
                raise ValidationError(
                    self.env._("The agreement cannot end before it starts.")
                )

    def _coop_today(self):
        return self.env.context.get("coop_today") or fields.Date.context_today(self)

    @api.depends_context("coop_today")
    @api.depends("state", "date_start", "date_end")
    def _compute_is_valid(self):
        today = self._coop_today()
        for agreement in self:
            agreement.is_valid = trial_rules.agreement_is_valid(
                agreement.state, agreement.date_start, agreement.date_end, today
            )

    def _search_is_valid(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on agreement validity."))
        today = self._coop_today()
        domain = [
            ("state", "=", "active"),
            ("date_start", "<=", today),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", today),
        ]
        if (operator == "=") != bool(value):
            domain = ["!"] + expression.normalize_domain(domain)
        return domain

    def _compute_member_count(self):
        data = self.env["res.partner"]._read_group(
            [("coop_intercoop_agreement_id", "in", self.ids)],
            ["coop_intercoop_agreement_id"],
            ["__count"],
        )
        counts = {agreement.id: count for agreement, count in data}
        for agreement in self:
            agreement.member_count = counts.get(agreement.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        agreements = super().create(vals_list)
        self.env["coop.volunteer.hours"]._recompute_agreements(
            agreements.company_id, agreements.partner_coop_id
        )
        return agreements

    def write(self, vals):
        self.check_access("write")
        self._check_terms_unchanged(vals)
        linked = {"state", "date_start", "date_end", "partner_coop_id", "company_id"}
        if not linked & set(vals):
            return super().write(vals)
        companies, coops = self.company_id, self.partner_coop_id
        res = super().write(vals)
        self.env["coop.volunteer.hours"]._recompute_agreements(
            companies | self.company_id, coops | self.partner_coop_id
        )
        return res

    def _check_terms_unchanged(self, vals):
        """A signed agreement's terms are what both cooperatives signed."""
        changed = SIGNED_TERMS & set(vals)
        signed = self.filtered(lambda a: a.state == "active")
        if changed and signed:
            raise UserError(
                self.env._(
                    "The agreement %(agreement)s is signed: its terms (%(fields)s) "
                    "cannot change. Cancel it and reset it to draft first, or "
                    "sign a new agreement.",
                    agreement=signed[0].name,
                    fields=", ".join(
                        sorted(
                            self._fields[f]._description_string(self.env)
                            for f in changed
                        )
                    ),
                )
            )

    def action_sign(self):
        self.check_access("write")
        if self.filtered(lambda a: a.state != "draft"):
            raise UserError(
                self.env._(
                    "Only a draft agreement can be signed: reset a cancelled "
                    "agreement to draft and check its terms first."
                )
            )
        self.write({"state": "active"})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        self.write({"state": "draft"})
        return True

    def action_view_members(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Visiting Members"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("coop_intercoop_agreement_id", "=", self.id)],
            "context": {"default_coop_intercoop_agreement_id": self.id},
        }

    def _check_in_force(self):
        for agreement in self:
            if not agreement.is_valid:
                raise UserError(
                    self.env._(
                        "The agreement %(agreement)s with %(coop)s is not in force "
                        "(draft, cancelled or expired): its benefits cannot be "
                        "granted.",
                        agreement=agreement.name,
                        coop=agreement.partner_coop_id.display_name,
                    )
                )

    def _register_member(self, values):
        """Register a member of the partner cooperative as a visiting member.

        ``values``: partner_id or name (+ email, phone), card_number, proof
        ('card' needs a card number, 'trust' does not). Issues the welcome
        voucher of the agreement. Returns the contact (private: callers are
        the registration wizard and the code of this addon).
        """
        self.ensure_one()
        self.check_access("read")
        self._check_in_force()
        proof = values.get("proof") or "trust"
        card_number = (values.get("card_number") or "").strip()
        if proof == "card" and not card_number:
            raise UserError(
                self.env._("Enter the number of the member card that was shown.")
            )
        if len(card_number) > CARD_NUMBER_SIZE:
            raise UserError(
                self.env._(
                    "A member card number has at most %s characters.",
                    CARD_NUMBER_SIZE,
                )
            )
        Partner = self.env["res.partner"]
        partner = Partner.browse(values.get("partner_id") or []).exists()
        if not partner:
            name = (values.get("name") or "").strip()
            if not name:
                raise UserError(self.env._("The visiting member needs a name."))
            partner = Partner.create(
                {
                    "name": name,
                    "email": values.get("email") or False,
                    "phone": values.get("phone") or False,
                }
            )
        partner.write(
            {
                "coop_intercoop_agreement_id": self.id,
                "coop_intercoop_card_number": card_number or False,
                "coop_intercoop_proof": proof,
            }
        )
        self._issue_voucher(partner)
        self.message_post(
            body=self.env._("Visiting member registered: %s", partner.display_name)
        )
        return partner

    def _issue_voucher(self, partner):
        """One single-use coupon of the agreement's voucher program (loyalty)."""
        self.ensure_one()
        program = self.voucher_program_id
        if not program:
            return self.env["loyalty.card"]
        LoyaltyCard = self.env["loyalty.card"].sudo()
        existing = LoyaltyCard.search(
            [("program_id", "=", program.id), ("partner_id", "=", partner.id)],
            limit=1,
        )
        if existing:
            return existing
        points = min(program.reward_ids.mapped("required_points") or [1])
        return LoyaltyCard.create(
            {"program_id": program.id, "partner_id": partner.id, "points": points}
        )
