# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression

MANAGER = "coop_makerspace.group_coop_makerspace_manager"


class CoopMakerspaceQualification(models.Model):
    """The board's decision that a member is trained on an equipment, or on
    every equipment of a category (003 §8: the board alone qualifies)."""

    _name = "coop.makerspace.qualification"
    _description = "Member Qualification on Equipment"
    _inherit = ("mail.thread",)
    _order = "decision_date desc, id desc"
    _check_company_auto = True

    membership_id = fields.Many2one(
        "coop.membership",
        string="Member",
        required=True,
        index=True,
        check_company=True,
        ondelete="cascade",
        tracking=True,
    )
    partner_id = fields.Many2one(
        related="membership_id.partner_id", store=True, index=True, string="Partner"
    )
    company_id = fields.Many2one(
        related="membership_id.company_id", store=True, index=True
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment",
        index=True,
        check_company=True,
        ondelete="cascade",
        tracking=True,
    )
    category_id = fields.Many2one(
        "maintenance.equipment.category",
        string="Equipment Category",
        index=True,
        check_company=True,
        ondelete="cascade",
        tracking=True,
        help="Qualified on every equipment of this category.",
    )
    decision_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    trainer_id = fields.Many2one("res.partner", tracking=True)
    date_expiry = fields.Date(string="Expiry Date", tracking=True)
    meeting_id = fields.Many2one(
        "coop.board.meeting",
        string="Board Meeting",
        check_company=True,
        ondelete="restrict",
        help="The board meeting that decided it, when it was decided at one.",
    )
    note = fields.Text()
    state = fields.Selection(
        [("active", "Active"), ("expired", "Expired"), ("future", "Not Yet Valid")],
        compute="_compute_state",
        search="_search_state",
    )

    @api.depends("decision_date", "date_expiry")
    @api.depends_context("date")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for qualification in self:
            qualification.state = qualification._state_on(today)

    def _state_on(self, day):
        self.ensure_one()
        if self.decision_date and self.decision_date > day:
            return "future"
        if self.date_expiry and self.date_expiry < day:
            return "expired"
        return "active"

    @api.model
    def _active_domain(self, day):
        return [
            ("decision_date", "<=", day),
            "|",
            ("date_expiry", "=", False),
            ("date_expiry", ">=", day),
        ]

    def _search_state(self, operator, value):
        if operator not in ("=", "!=") or value not in ("active", "expired", "future"):
            raise ValidationError(self.env._("Search the state by its value."))
        today = fields.Date.context_today(self)
        domains = {
            "active": self._active_domain(today),
            "expired": [("date_expiry", "<", today)],
            "future": [("decision_date", ">", today)],
        }
        domain = domains[value]
        return expression.distribute_not(["!", *domain]) if operator == "!=" else domain

    @api.model
    def _coop_active_for(self, partner, equipment, day):
        """The partner's qualifications valid on ``day`` for the equipment or
        its category."""
        target = [("equipment_id", "=", equipment.id)]
        if equipment.category_id:
            target = expression.OR(
                [target, [("category_id", "=", equipment.category_id.id)]]
            )
        return self.search(
            expression.AND(
                [
                    [("partner_id", "=", partner.id)],
                    [("company_id", "=", equipment.company_id.id)],
                    target,
                    self._active_domain(day),
                ]
            )
        )

    @api.constrains("equipment_id", "category_id", "decision_date", "date_expiry")
    def _check_target_and_dates(self):
        for qualification in self:
            if bool(qualification.equipment_id) == bool(qualification.category_id):
                raise ValidationError(
                    self.env._(
                        "A qualification is on one equipment or on one category."
                    )
                )
            if (
                qualification.date_expiry
                and qualification.date_expiry < qualification.decision_date
            ):
                raise ValidationError(
                    self.env._("A qualification cannot expire before its decision.")
                )

    def _check_board(self):
        if not self.env.su and not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the board qualifies members."))

    @api.model_create_multi
    def create(self, vals_list):
        self._check_board()
        return super().create(vals_list)

    def write(self, vals):
        self._check_board()
        return super().write(vals)

    def unlink(self):
        self._check_board()
        return super().unlink()
