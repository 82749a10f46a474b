# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import bounds
from ..tools import periods as period_rules
from .coop_fee_period import RUN_ACTIVE


class CoopFeeScheme(models.Model):
    _name = "coop.fee.scheme"
    _description = "Membership Fee Scheme"
    _inherit = ("mail.thread", "coop.membership.bounds.mixin")
    _order = "company_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period_start_months = fields.Char(
        required=True,
        size=64,
        default="1",
        tracking=True,
        help="Months at which a fee period starts, comma separated: 1 for the "
        "calendar year, 2,6,10 for four-month periods (Feb-May, Jun-Sep, "
        "Oct-Jan).",
    )
    proration = fields.Selection(
        [
            ("none", "Full fee"),
            ("tiers", "Tiers by joining month"),
            ("monthly", "Monthly prorata (rounded up)"),
        ],
        string="Proration on Joining",
        required=True,
        default="none",
        tracking=True,
    )
    tier_ids = fields.One2many("coop.fee.scheme.tier", "scheme_id", string="Tiers")
    max_prepaid_periods = fields.Integer(
        string="Maximum Prepaid Periods",
        default=0,
        tracking=True,
        help="How many periods a member may pay in advance (0: no prepayment).",
    )
    max_free_periods = fields.Integer(
        string="Maximum Free Periods",
        default=1,
        tracking=True,
        help="How many periods a member may be granted free of charge at a time "
        "(granted exceptionally, on request).",
    )
    auto_post = fields.Boolean(
        string="Post Fee Invoices",
        default=True,
        help="Post the fee invoices created by a fee run (otherwise they stay "
        "in draft for review).",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Fee Product",
        required=True,
        check_company=True,
        domain="[('type', '=', 'service')]",
        help="Service product of the fee invoice lines (its income account and "
        "taxes are used).",
    )
    period_ids = fields.One2many("coop.fee.period", "scheme_id", string="Periods")
    category_ids = fields.One2many(
        "coop.member.category", "fee_scheme_id", string="Categories"
    )

    @api.constrains("period_start_months")
    def _check_period_start_months(self):
        for scheme in self:
            try:
                period_rules.parse_start_months(scheme.period_start_months)
            except ValueError as exc:
                raise ValidationError(
                    self.env._(
                        "Period start months must be month numbers between 1 "
                        "and 12 separated by commas, e.g. 2,6,10."
                    )
                ) from exc

    @api.constrains("max_prepaid_periods", "max_free_periods")
    def _check_max_prepaid_periods(self):
        limit = bounds.MAX_COUNT
        if any(not 0 <= s.max_prepaid_periods <= limit for s in self):
            raise ValidationError(
                self.env._(
                    "The maximum of prepaid periods must lie between 0 and %s.", limit
                )
            )
        if any(not 0 <= s.max_free_periods <= limit for s in self):
            raise ValidationError(
                self.env._(
                    "The maximum of free periods must lie between 0 and %s.", limit
                )
            )

    def _start_months(self):
        self.ensure_one()
        return period_rules.parse_start_months(self.period_start_months)

    def _period_bounds(self, day):
        """First and last day of this scheme's period containing ``day``."""
        return period_rules.period_bounds(day, self._start_months())

    def _join_ratio(self, join_date, period_start, period_end):
        """Share (Decimal) of a period's fee due by a member joining then."""
        self.ensure_one()
        if self.proration == "tiers":
            tiers = [(t.from_month, t.percent) for t in self.tier_ids]
            return period_rules.tier_ratio(join_date, period_start, tiers)
        if self.proration == "monthly":
            return period_rules.monthly_ratio(join_date, period_start, period_end)
        return Decimal(1)

    def _get_or_create_period(self, day):
        """The period of this scheme containing ``day`` (created if missing)."""
        self.ensure_one()
        start, end = self._period_bounds(day)
        period = self.env["coop.fee.period"].search(
            [("scheme_id", "=", self.id), ("date_start", "=", start)], limit=1
        )
        if not period:
            period = self.env["coop.fee.period"].create(
                {"scheme_id": self.id, "date_start": start, "date_end": end}
            )
        return period

    def action_create_current_period(self):
        self.env["coop.membership"]._check_manager()
        for scheme in self:
            scheme._get_or_create_period(fields.Date.context_today(self))
        return True

    @api.model
    def _cron_invoice_fees(self):
        """Daily, and woken up by the "Invoice Fees" button: queue the current
        period of each scheme where fees are due, then invoice one batch (the
        cron calls it again while work remains, a commit after each batch).

        Idempotent: members already handled for the period are skipped, so the
        cron may run any number of times (or after a crash) without duplicates.
        """
        Period = self.env["coop.fee.period"].sudo()
        if not Period.search_count([("run_state", "in", RUN_ACTIVE)], limit=1):
            today = fields.Date.context_today(self)
            for scheme in self.sudo().search([]):
                period = scheme._get_or_create_period(today)
                if (
                    period.state == "open"
                    and period._count_members_due()
                    and period._lock_for_run()
                ):
                    period._queue_fee_run(self.env["res.users"])
        return Period._cron_run_fee_batch()

    def unlink(self):
        if self.mapped("period_ids.fee_line_ids"):
            raise UserError(
                self.env._("A fee scheme that already invoiced fees cannot be deleted.")
            )
        return super().unlink()
