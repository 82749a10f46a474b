# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# registration field key -> formula boolean field
REGISTRATION_FIELDS = {
    "lastname": "require_lastname",
    "firstname": "require_firstname",
    "email": "require_email",
    "phone": "require_phone",
}


class CoopTrialFormula(models.Model):
    _name = "coop.trial.formula"
    _inherit = ("pos.load.mixin", "coop.membership.bounds.mixin")
    _description = "Trial / Visitor Card Formula"
    _order = "sequence, name"

    name = fields.Char(string="Formula", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    max_purchases = fields.Integer(
        string="Purchase Limit",
        default=0,
        help="Number of paid purchases the card allows; 0 means no limit.",
    )
    max_days = fields.Integer(
        string="Day Limit",
        default=0,
        help="Number of days from the start of the card (the start day is day 1); "
        "0 means no limit.",
    )
    require_lastname = fields.Boolean(string="Last Name Required", default=True)
    require_firstname = fields.Boolean(string="First Name Required")
    require_email = fields.Boolean(string="Email Required")
    require_phone = fields.Boolean(string="Phone Required")
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price Conditions",
        help="Pricelist granted to the holder while the card is active "
        "(usually the member pricelist).",
    )
    note = fields.Text(string="Notes", translate=True)
    card_ids = fields.One2many("coop.trial.card", "formula_id", string="Cards")
    card_count = fields.Integer(string="Number of Cards", compute="_compute_card_count")

    _sql_constraints = (
        (
            "limits_positive",
            "CHECK(max_purchases >= 0 AND max_days >= 0)",
            "Limits cannot be negative.",
        ),
    )

    @api.model
    def _coop_bounds(self):
        # a card is a trial: ten years or a thousand purchases is no trial
        return {"max_purchases": (0, 1000), "max_days": (0, 3660)}

    @api.constrains("max_purchases", "max_days")
    def _check_limits(self):
        for formula in self:
            if not formula.max_purchases and not formula.max_days:
                raise ValidationError(
                    self.env._(
                        "Formula %s needs a purchase limit or a day limit.",
                        formula.name,
                    )
                )

    def _compute_card_count(self):
        data = self.env["coop.trial.card"]._read_group(
            [("formula_id", "in", self.ids)], ["formula_id"], ["__count"]
        )
        counts = {formula.id: count for formula, count in data}
        for formula in self:
            formula.card_count = counts.get(formula.id, 0)

    def _required_registration_fields(self):
        self.ensure_one()
        return [key for key, fname in REGISTRATION_FIELDS.items() if self[fname]]

    def action_view_cards(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_intercoop.coop_trial_card_action"
        )
        action["domain"] = [("formula_id", "=", self.id)]
        action["context"] = {"default_formula_id": self.id}
        return action

    # POS ----------------------------------------------------------------
    @api.model
    def _load_pos_data_domain(self, data):
        company_id = data["pos.config"]["data"][0]["company_id"]
        return [("company_id", "=", company_id)]

    @api.model
    def _load_pos_data_fields(self, config_id):
        return [
            "id",
            "name",
            "max_purchases",
            "max_days",
            "require_lastname",
            "require_firstname",
            "require_email",
            "require_phone",
        ]
