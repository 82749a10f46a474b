# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..tools import shared_development as rules


class CoopSharedDevelopmentParticipant(models.Model):
    """A cooperative financing a development, with its share."""

    _name = "coop.shared.development.participant"
    _description = "Co-financed Development Participant"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "development_id, date_join, id"
    _check_company_auto = True

    development_id = fields.Many2one(
        "coop.shared.development", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="development_id.company_id", store=True)
    currency_id = fields.Many2one(related="development_id.currency_id")
    partner_id = fields.Many2one(
        "res.partner",
        string="Cooperative",
        required=True,
        check_company=True,
        domain=[("is_company", "=", True)],
    )
    share_percent = fields.Float(string="Share (%)", digits=(16, 2))
    hours_pledged = fields.Float(digits=(16, 2))
    date_join = fields.Date(
        string="Joined On",
        required=True,
        default=fields.Date.context_today,
        help="Hours worked before this day are not shared with the "
        "participant (it may buy in at the group's rule).",
    )
    buy_in_move_id = fields.Many2one(
        "account.move", string="Buy-in Invoice", readonly=True, copy=False
    )
    buy_in_amount = fields.Monetary(compute="_compute_buy_in_amount")

    _sql_constraints = (
        (
            "partner_unique",
            "UNIQUE(development_id, partner_id)",
            "A cooperative takes part once in a development.",
        ),
    )

    @api.model
    def _coop_bounds(self):
        return {
            "share_percent": (0, rules.MAX_PERCENT),
            "hours_pledged": (0, rules.MAX_PLEDGED_HOURS),
        }

    def _invoiced_before_join(self):
        """The amount invoiced to the others for hours worked before this
        participant joined."""
        self.ensure_one()
        periods = self.development_id.period_ids.filtered(
            lambda p: p.state == "invoiced"
        )
        return sum(
            line.amount
            for line in periods.line_ids
            if line.participant_id != self and line.date_to < self.date_join
        )

    @api.depends(
        "share_percent",
        "hours_pledged",
        "date_join",
        "development_id.buy_in_percent",
        "development_id.period_ids.state",
    )
    def _compute_buy_in_amount(self):
        for participant in self:
            development = participant.development_id
            weights = development._weights() if development else {}
            participant.buy_in_amount = rules.buy_in_amount(
                participant._invoiced_before_join() if development else 0.0,
                weights.get(participant, 0.0),
                list(weights.values()),
                development.buy_in_percent,
                participant.currency_id.rounding or 0.01,
            )

    def _prepare_buy_in_invoice_vals(self):
        self.ensure_one()
        development = self.development_id
        return {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_origin": development.name,
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": development.product_id.id,
                        "name": self.env._(
                            "%(name)s: buy-in, %(percent)s %% of your share of "
                            "the hours invoiced before you joined",
                            name=development.name,
                            percent=development.buy_in_percent,
                        ),
                        "quantity": 1,
                        "price_unit": self.buy_in_amount,
                    }
                )
            ],
        }

    def action_invoice_buy_in(self):
        """Invoice each participant's buy-in once (a draft invoice)."""
        self.env["coop.shared.development"]._check_manager()
        self.check_access("write")
        for participant in self:
            if participant.buy_in_move_id:
                raise UserError(
                    self.env._(
                        "%s's buy-in is already invoiced.",
                        participant.partner_id.display_name,
                    )
                )
            if participant.currency_id.is_zero(participant.buy_in_amount):
                raise UserError(
                    self.env._(
                        "%s has nothing to buy in: no hours were invoiced "
                        "before it joined, or the group's buy-in is 0 %%.",
                        participant.partner_id.display_name,
                    )
                )
            move = (
                self.env["account.move"]
                .sudo()
                .create(participant._prepare_buy_in_invoice_vals())
            )
            participant.buy_in_move_id = move
        return True
