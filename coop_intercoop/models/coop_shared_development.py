# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools import shared_development as rules


class CoopSharedDevelopment(models.Model):
    """A development co-financed by the cooperatives interested in it
    (komunigi, 002): they share the hours worked, invoiced each period."""

    _name = "coop.shared.development"
    _description = "Co-financed Development"
    _inherit = ("mail.thread", "mail.activity.mixin", "coop.membership.bounds.mixin")
    _order = "state, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, size=128, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "In Progress"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )
    description = fields.Html()
    share_mode = fields.Selection(
        [("percent", "Percent Shares"), ("hours", "Hours Pledged")],
        required=True,
        default="percent",
        tracking=True,
        help="How the participants share the hours worked: by a percent each, "
        "or in proportion to the hours each pledged.",
    )
    hourly_rate = fields.Monetary(required=True, tracking=True)
    budget_hours = fields.Float(string="Budget (hours)", digits=(16, 2), tracking=True)
    buy_in_percent = fields.Float(
        string="Buy-in (%)",
        digits=(16, 2),
        tracking=True,
        help="A participant joining after hours were invoiced pays this "
        "percentage of its share of what was already invoiced (0: it pays only "
        "the hours worked from its joining on).",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Invoiced Product",
        required=True,
        check_company=True,
        domain="[('type', '=', 'service')]",
        default=lambda self: self.env.ref(
            "coop_intercoop.product_shared_development_hours",
            raise_if_not_found=False,
        ),
    )
    participant_ids = fields.One2many(
        "coop.shared.development.participant", "development_id", string="Participants"
    )
    hours_ids = fields.One2many(
        "coop.shared.development.hours", "development_id", string="Hours Worked"
    )
    period_ids = fields.One2many(
        "coop.shared.development.period", "development_id", string="Periods"
    )
    hours_done = fields.Float(compute="_compute_hours", digits=(16, 2))
    hours_invoiced = fields.Float(compute="_compute_hours", digits=(16, 2))
    hours_left = fields.Float(compute="_compute_hours", digits=(16, 2))
    amount_invoiced = fields.Monetary(compute="_compute_hours")

    @api.model
    def _coop_bounds(self):
        return {
            "hourly_rate": (0, rules.MAX_RATE),
            "budget_hours": (0, rules.MAX_BUDGET_HOURS),
            "buy_in_percent": (0, rules.MAX_PERCENT),
        }

    @api.depends("hours_ids.hours", "hours_ids.period_id", "budget_hours")
    def _compute_hours(self):
        for development in self:
            lines = development.hours_ids
            invoiced = lines.filtered("period_id")
            development.hours_done = sum(lines.mapped("hours"))
            development.hours_invoiced = sum(invoiced.mapped("hours"))
            development.hours_left = development.budget_hours - development.hours_done
            development.amount_invoiced = sum(
                development.period_ids.filtered(lambda p: p.state == "invoiced").mapped(
                    "amount_total"
                )
            )

    def _check_manager(self):
        if not self.env.user.has_group("coop_intercoop.group_coop_intercoop_manager"):
            raise AccessError(
                self.env._(
                    "Only inter-cooperation managers start, close and invoice "
                    "co-financed developments."
                )
            )

    def _weights(self):
        """``{participant: weight}`` in the development's share mode."""
        self.ensure_one()
        field = "share_percent" if self.share_mode == "percent" else "hours_pledged"
        return {p: p[field] for p in self.participant_ids}

    def _check_shares(self):
        """The shares are complete: percents add up to 100, or some hours
        are pledged."""
        for development in self:
            weights = development._weights()
            total = sum(weights.values())
            if development.share_mode == "hours" and total <= 0:
                raise ValidationError(
                    development.env._(
                        "%s: no participant has pledged hours.", development.name
                    )
                )
            if development.share_mode == "percent" and round(total, 2) != 100:
                raise ValidationError(
                    development.env._(
                        "%(name)s: the participants' shares add up to "
                        "%(total)s %%, not 100 %%.",
                        name=development.name,
                        total=round(total, 2),
                    )
                )

    def action_open(self):
        self._check_manager()
        self.check_access("write")
        if self.filtered(lambda d: d.state != "draft"):
            raise UserError(self.env._("Only a draft development can be started."))
        self._check_shares()
        self.write({"state": "open"})
        return True

    def action_done(self):
        self._check_manager()
        self.check_access("write")
        if self.filtered(lambda d: d.state != "open"):
            raise UserError(self.env._("Only a development in progress can be closed."))
        self.write({"state": "done"})
        return True

    def action_view_invoices(self):
        self.ensure_one()
        self.check_access("read")
        moves = self.period_ids.invoice_ids | self.participant_ids.buy_in_move_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
            "context": {"create": False},
        }
