# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount
from odoo.tools.misc import babel_locale_parse

from ..tools import commission, security


class CoopCommissionSettlement(models.Model):
    _name = "coop.commission.settlement"
    _description = "Commission Settlement"
    _inherit = ("portal.mixin", "mail.thread", "mail.activity.mixin")
    _order = "date_from desc, agreement_id, partner_id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, string="Reference")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    agreement_id = fields.Many2one(
        "coop.commission.agreement", required=True, index=True, ondelete="restrict"
    )
    partner_id = fields.Many2one("res.partner", required=True, index=True)
    direction = fields.Selection(related="agreement_id.direction", store=True)
    basis = fields.Selection(related="agreement_id.basis")
    date_from = fields.Date(string="Period Start", required=True)
    date_to = fields.Date(string="Period End", required=True)
    state = fields.Selection(
        [("draft", "Draft"), ("validated", "Validated"), ("invoiced", "Invoiced")],
        default="draft",
        required=True,
        tracking=True,
        string="Status",
    )
    line_ids = fields.One2many(
        "coop.commission.settlement.line", "settlement_id", string="Lines"
    )
    base_total = fields.Monetary(
        string="Turnover", compute="_compute_totals", store=True
    )
    units_total = fields.Float(
        string="Units", compute="_compute_totals", store=True, digits=(16, 2)
    )
    amount_total = fields.Monetary(
        string="Commission", compute="_compute_totals", store=True
    )
    amount_signed = fields.Monetary(
        string="Balance",
        compute="_compute_totals",
        store=True,
        help="Positive when the partner owes the company.",
    )
    target_units = fields.Float(digits=(16, 2), readonly=True)
    progress = fields.Float(
        string="Target Progress (%)", compute="_compute_progress", store=True
    )
    shortfall = fields.Float(
        string="Units Missing", compute="_compute_progress", store=True
    )
    move_id = fields.Many2one(
        "account.move", string="Document", readonly=True, copy=False
    )

    _sql_constraints = (
        (
            "period_uniq",
            "unique(agreement_id, partner_id, date_from)",
            "A partner is settled once per agreement and period.",
        ),
    )

    @api.depends("agreement_id.name", "partner_id.name", "date_from", "date_to")
    def _compute_name(self):
        for settlement in self:
            settlement.name = "%s / %s / %s - %s" % (
                settlement.agreement_id.name or "",
                settlement.partner_id.name or "",
                settlement.date_from or "",
                settlement.date_to or "",
            )

    @api.depends("agreement_id.name", "partner_id.name", "date_from", "date_to")
    @api.depends_context("lang")
    def _compute_display_name(self):
        """The stored name keeps ISO dates (searchable, language-neutral);
        the title shows the period in the reader's language."""
        locale = babel_locale_parse(self.env.lang or "en_US")
        for settlement in self:
            period = commission.period_label(
                settlement.date_from, settlement.date_to, locale
            )
            settlement.display_name = " / ".join(
                part
                for part in (
                    settlement.agreement_id.name,
                    settlement.partner_id.name,
                    period,
                )
                if part
            )

    @api.depends(
        "line_ids.amount", "line_ids.base_amount", "line_ids.units", "direction"
    )
    def _compute_totals(self):
        groups = self.env["coop.commission.settlement.line"]._read_group(
            [("settlement_id", "in", self.ids)],
            ["settlement_id"],
            ["base_amount:sum", "units:sum", "amount:sum"],
        )
        totals = {s.id: (base, units, amount) for s, base, units, amount in groups}
        for settlement in self:
            base, units, amount = totals.get(settlement.id, (0.0, 0.0, 0.0))
            settlement.base_total = base
            settlement.units_total = units
            settlement.amount_total = amount
            settlement.amount_signed = (
                amount if settlement.direction == "to_company" else -amount
            )

    @api.depends("units_total", "target_units")
    def _compute_progress(self):
        for settlement in self:
            settlement.progress, settlement.shortfall = commission.target_progress(
                settlement.units_total, settlement.target_units
            )

    def _compute_access_url(self):
        for settlement in self:
            settlement.access_url = "/my/commissions/statement/%s" % settlement.id

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Statement %s", self.display_name)

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _check_draft(self):
        for settlement in self:
            if settlement.state != "draft":
                raise UserError(
                    self.env._(
                        "Settlement %(name)s is not a draft.",
                        name=settlement.display_name,
                    )
                )

    def write(self, vals):
        if security.SETTLEMENT_LOCKED_FIELDS.intersection(vals):
            self._check_draft()
        return super().write(vals)

    def unlink(self):
        self._check_draft()
        return super().unlink()

    def action_recompute(self):
        security.check_manager(self.env)
        self.check_access("write")
        for settlement in self:
            if settlement.state != "draft":
                raise UserError(self.env._("Only draft settlements are recomputed."))
        for agreement in self.agreement_id:
            mine = self.filtered(lambda s, a=agreement: s.agreement_id == a)
            for day in set(mine.mapped("date_from")):
                self._settle(agreement, day)
        return True

    def action_validate(self):
        security.check_manager(self.env)
        self.check_access("write")
        self._check_draft()
        self.write({"state": "validated"})
        self._post_validated()
        return True

    def _post_validated(self):
        """A chatter line with the amount in its currency."""
        for settlement in self:
            amount = format_amount(
                self.env, settlement.amount_total, settlement.currency_id
            )
            if settlement.direction == "to_company":
                body = self.env._(
                    "Settlement validated: %(partner)s owes %(amount)s.",
                    partner=settlement.partner_id.name,
                    amount=amount,
                )
            else:
                body = self.env._(
                    "Settlement validated: %(amount)s is due to %(partner)s.",
                    partner=settlement.partner_id.name,
                    amount=amount,
                )
            settlement.message_post(body=body)

    def action_reset_draft(self):
        security.check_manager(self.env)
        self.check_access("write")
        for settlement in self:
            if settlement.state == "invoiced":
                raise UserError(
                    self.env._(
                        "Settlement %(name)s is invoiced: cancel its document first.",
                        name=settlement.display_name,
                    )
                )
        self.write({"state": "draft"})
        return True
