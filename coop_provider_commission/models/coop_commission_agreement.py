# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

NUMBERS = ("rate", "amount", "target_units")

from ..tools import commission, declaration_import


class CoopCommissionAgreement(models.Model):
    _name = "coop.commission.agreement"
    _description = "Commission Agreement"
    _inherit = ("mail.thread",)
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True, string="Agreement")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    direction = fields.Selection(
        [
            ("to_company", "The partner pays the company"),
            ("to_partner", "The company pays the partner"),
        ],
        required=True,
        default="to_company",
        tracking=True,
        help="Who owes whom: a customer invoice is made when the partner pays "
        "the company, a vendor bill when the company pays the partner.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Partners",
        help="Providers, mediators or sections bound by this agreement. Empty: "
        "every provider with network clients (for turnover and unit bases).",
    )
    payer = fields.Char(compute="_compute_payer_payee")
    payee = fields.Char(compute="_compute_payer_payee")
    basis = fields.Selection(
        [
            ("declared", "Declared turnover"),
            ("invoiced", "Invoiced turnover"),
            ("units", "Units sold"),
            ("fixed", "Fixed amount per period"),
            ("chained", "Commissions settled under the lower-level agreements"),
        ],
        required=True,
        default="declared",
        tracking=True,
    )
    rate = fields.Float(
        string="Rate (%)",
        digits=(16, 2),
        tracking=True,
        help="Percentage of the turnover (declared or invoiced bases) or of the "
        "commissions settled under the lower-level agreements (chained basis).",
    )
    amount = fields.Monetary(
        currency_field="currency_id",
        tracking=True,
        help="Amount per unit (units basis) or per period (fixed basis).",
    )
    origin = fields.Selection(
        [
            ("provider", "Brought by the provider"),
            ("cooperative", "Found by the cooperative"),
        ],
        string="Client Origin",
        help="Only network clients of this origin count (empty: any).",
    )
    invoiced_partner = fields.Selection(
        [
            ("network", "The client's network provider"),
            ("mandated", "The provider mandated on the invoice"),
        ],
        string="Turnover Credited To",
        default="network",
        required=True,
        tracking=True,
        help="Invoiced turnover: whom an invoice counts for. The client's "
        "network provider (who brought the client or was entrusted with it, "
        "e.g. a finder's fee) or the provider the invoice names as having done "
        "the work (mandated work).",
    )
    client_ids = fields.Many2many(
        "res.partner",
        "coop_commission_agreement_client_rel",
        "agreement_id",
        "partner_id",
        string="Clients",
        help="Only these clients count (empty: any).",
    )
    product_ids = fields.Many2many(
        "product.product",
        string="Products",
        help="Only lines of these products count (empty: any).",
    )
    date_start = fields.Date(string="Valid From", required=True, tracking=True)
    date_end = fields.Date(string="Valid Until", tracking=True)
    client_months = fields.Integer(
        string="First Months after Entrusted",
        help="When set, only the turnover of a client during the first N months "
        "after it was entrusted to the cooperative counts.",
    )
    period = fields.Selection(
        [
            ("month", "Monthly"),
            ("quarter", "Quarterly"),
            ("semester", "Semi-annual"),
            ("year", "Yearly"),
        ],
        string="Settlement Period",
        required=True,
        default="month",
    )
    target_units = fields.Float(
        string="Target Units per Period",
        help="Units the partner is expected to sell per settlement period.",
    )
    parent_id = fields.Many2one(
        "coop.commission.agreement",
        string="Upper-level Agreement",
        help="Multi-level networks: the agreement the company itself is bound "
        "by at the next level (e.g. a section's contribution to the head office).",
    )
    child_ids = fields.One2many(
        "coop.commission.agreement", "parent_id", string="Lower-level Agreements"
    )
    product_id = fields.Many2one(
        "product.product",
        string="Invoice Product",
        help="Product used on the invoice or bill lines of the settlements.",
    )
    settlement_ids = fields.One2many(
        "coop.commission.settlement", "agreement_id", string="Settlements"
    )
    settlement_count = fields.Integer(
        compute="_compute_settlement_count", string="Number of Settlements"
    )
    note = fields.Html(string="Notes")

    @api.depends("direction", "partner_ids", "company_id")
    def _compute_payer_payee(self):
        for agreement in self:
            partners = ", ".join(agreement.partner_ids.mapped("display_name")) or (
                self.env._("Providers")
            )
            company = agreement.company_id.name or ""
            if agreement.direction == "to_company":
                agreement.payer, agreement.payee = partners, company
            else:
                agreement.payer, agreement.payee = company, partners

    def _compute_settlement_count(self):
        groups = self.env["coop.commission.settlement"]._read_group(
            [("agreement_id", "in", self.ids)], ["agreement_id"], ["__count"]
        )
        counts = {agreement.id: count for agreement, count in groups}
        for agreement in self:
            agreement.settlement_count = counts.get(agreement.id, 0)

    @api.constrains(
        "date_start",
        "date_end",
        "rate",
        "basis",
        "amount",
        "client_months",
        "target_units",
    )
    def _check_agreement(self):
        for agreement in self:
            error = commission.validity_error(
                agreement.date_start,
                agreement.date_end,
                agreement.rate,
                agreement.basis,
            )
            if error == "validity":
                raise ValidationError(
                    self.env._(
                        "Agreement %(name)s: its validity ends before it starts.",
                        name=agreement.name,
                    )
                )
            if error == "rate":
                raise ValidationError(
                    self.env._(
                        "Agreement %(name)s: the rate must be between 0 and 100 %%.",
                        name=agreement.name,
                    )
                )
            if agreement.basis in ("fixed", "chained") and not agreement.partner_ids:
                raise ValidationError(
                    self.env._(
                        "Agreement %(name)s: a fixed or chained agreement needs "
                        "the partners who owe or receive it.",
                        name=agreement.name,
                    )
                )
            if any(
                declaration_import.amount_error(value)
                for value in (agreement.amount, agreement.target_units)
            ) or (agreement.client_months < 0):
                raise ValidationError(
                    self.env._(
                        "Agreement %(name)s: amounts and months cannot be negative "
                        "(nor too large).",
                        name=agreement.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_numbers(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_numbers(vals)
        return super().write(vals)

    def _check_numbers(self, vals):
        """NaN, infinite or huge rates and amounts cannot even be rounded:
        refused before the ORM sees them."""
        if declaration_import.bad_numbers(vals, NUMBERS):
            raise ValidationError(
                self.env._(
                    "Rates, amounts and targets must be numbers not exceeding %(max)s.",
                    max=declaration_import.MAX_AMOUNT_TEXT,
                )
            )

    def _rule(self):
        self.ensure_one()
        return commission.Rule(
            basis=self.basis,
            rate=self.rate,
            amount=self.amount,
            date_start=self.date_start,
            date_end=self.date_end,
            origin=self.origin or False,
            client_ids=frozenset(self.client_ids.ids),
            product_ids=frozenset(self.product_ids.ids),
            client_months=self.client_months,
        )

    def action_view_settlements(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_provider_commission.coop_commission_settlement_action"
        )
        action["domain"] = [("agreement_id", "=", self.id)]
        action["context"] = {"default_agreement_id": self.id}
        return action
