# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

import babel.dates

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import babel_locale_parse, get_lang

from ..tools import periods as period_rules
from ..tools import prepaid as prepaid_rules

BATCH_SIZE = 500
RUN_ACTIVE = ("queued", "running")  # states of a fee run the cron goes on with
MEMBER_FEE_FIELDS = (
    "partner_id",
    "category_id",
    "join_date",
    "payroll",
    "prepaid_periods",
    "prepaid_credit",
    "free_periods",
)


class CoopFeePeriod(models.Model):
    _name = "coop.fee.period"
    _description = "Membership Fee Period"
    _inherit = ("mail.thread", "coop.membership.bounds.mixin")
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    scheme_id = fields.Many2one(
        "coop.fee.scheme", required=True, ondelete="restrict", index=True
    )
    company_id = fields.Many2one(related="scheme_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(string="Start", required=True)
    date_end = fields.Date(string="End", required=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    fee_line_ids = fields.One2many("coop.fee.line", "period_id", string="Fees")
    fee_count = fields.Integer(compute="_compute_totals")
    amount_invoiced = fields.Monetary(
        compute="_compute_totals", currency_field="currency_id"
    )
    amount_paid = fields.Monetary(
        compute="_compute_totals", currency_field="currency_id"
    )
    fee_journal_id = fields.Many2one(
        "account.journal",
        compute="_compute_fee_journal_id",
        help="The journal of the fee invoices: the company's fee journal, or "
        "the sales journal Odoo would choose.",
    )

    _sql_constraints = (
        (
            "scheme_start_uniq",
            "unique(scheme_id, date_start)",
            "A fee scheme has one period starting on a given date.",
        ),
    )

    @api.depends("scheme_id.name", "date_start", "date_end")
    def _compute_name(self):
        for period in self:
            if period.date_start and period.date_end:
                period.name = "%s %s - %s" % (
                    period.scheme_id.name or "",
                    period.date_start.strftime("%Y-%m"),
                    period.date_end.strftime("%Y-%m"),
                )
            else:
                period.name = period.scheme_id.name

    @api.depends_context("lang")
    @api.depends("scheme_id.name", "date_start", "date_end")
    def _compute_display_name(self):
        # the stored name is for searching; the reader sees the scheme's name
        # and the months in their own language
        locale = babel_locale_parse(get_lang(self.env).code)
        for period in self:
            if not (period.date_start and period.date_end):
                period.display_name = period.scheme_id.name or period.name
                continue
            period.display_name = "%s %s – %s" % (
                period.scheme_id.name or "",
                babel.dates.format_date(period.date_start, "MMM y", locale=locale),
                babel.dates.format_date(period.date_end, "MMM y", locale=locale),
            )

    @api.depends("company_id.coop_fee_journal_id")
    def _compute_fee_journal_id(self):
        # once per period, not once per invoice (Odoo would search the
        # default journal of each invoice created without one)
        Journal = self.env["account.journal"].sudo()
        for period in self:
            company = period.company_id
            period.fee_journal_id = company.coop_fee_journal_id or Journal.search(
                [*Journal._check_company_domain(company), ("type", "=", "sale")],
                limit=1,
            )

    def _compute_totals(self):
        for period in self:
            lines = period.fee_line_ids.filtered(lambda f: f.kind == "invoice")
            period.fee_count = len(period.fee_line_ids)
            period.amount_invoiced = sum(lines.mapped("amount"))
            period.amount_paid = sum(lines.filtered("is_paid").mapped("amount"))

    @api.constrains("date_start", "date_end", "scheme_id")
    def _check_dates(self):
        for period in self:
            start, end = period.scheme_id._period_bounds(period.date_start)
            if (start, end) != (period.date_start, period.date_end):
                raise ValidationError(
                    self.env._(
                        "A period of %(scheme)s runs from %(start)s to %(end)s.",
                        scheme=period.scheme_id.name,
                        start=start,
                        end=end,
                    )
                )

    def action_close(self):
        self.env["coop.membership"]._check_manager()
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        self.env["coop.membership"]._check_manager()
        self.write({"state": "open"})
        return True

    def action_view_invoices(self):
        """The period's fee invoices: a staff screen (a portal member may read
        a period, not list everyone's invoices)."""
        self.ensure_one()
        if not self.env.user.has_group("coop_membership.group_coop_user"):
            raise AccessError(
                self.env._("Only cooperative staff can list a period's invoices.")
            )
        self.check_access("read")
        return self._fee_invoices_action([("coop_fee_period_id", "=", self.id)])

    def _fee_invoices_action(self, domain):
        """The window listing the fee invoices of ``domain``."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fee Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": domain,
            "context": {"create": False},
        }

    # ------------------------------------------------------------ fee run

    def _members_due_domain(self):
        """Members of this period's scheme who owe a fee and are not handled."""
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("category_id.fee_scheme_id", "=", self.scheme_id.id),
            ("category_id.fee_mode", "!=", "exempt"),
            ("state", "in", ("active", "leaving")),
            ("leaving_from_passive", "=", False),
            ("join_date", "<=", self.date_end),
            "|",
            ("leave_date", "=", False),
            ("leave_date", ">=", self.date_start),
            ("fee_line_ids", "not any", [("period_id", "=", self.id)]),
        ]

    def _members_due(self, limit=None, after_id=0):
        """Members of this period's scheme who owe a fee and are not handled
        (the first ``limit`` of them by id, after the id ``after_id``)."""
        members = self.env["coop.membership"].search(
            [*self._members_due_domain(), ("id", ">", after_id)],
            order="id",
            limit=limit,
        )
        members.fetch(MEMBER_FEE_FIELDS)
        return members

    def _count_members_due(self):
        return self.env["coop.membership"].search_count(self._members_due_domain())

    def _check_open(self):
        for period in self:
            if period.state != "open":
                raise UserError(
                    self.env._(
                        "The fee period %s is closed: reopen it to invoice fees.",
                        period.name,
                    )
                )

    def _run_fees(self, batch_size=BATCH_SIZE):
        """Invoice the fees due for this period; return the invoices created.

        One invoice per member; prorated amount on the joining period; free
        and prepaid periods consumed instead of invoicing; exempt and passive
        members skipped. A member already handled for the period is skipped,
        so a second run creates nothing and a run interrupted by a crash (its
        transaction rolled back) can simply be run again.
        """
        self.ensure_one()
        self.env["coop.membership"]._check_manager()
        self._check_open()
        members = self._members_due().sudo()
        moves = self.env["account.move"]
        for start in range(0, len(members), batch_size):
            moves |= self._run_fees_batch(members[start : start + batch_size])
        return moves

    def _prepare_fee_invoice_line_vals(self, member, amount):
        """Values of the line of ``member``'s fee invoice of this period for
        ``amount`` (Decimal): extension point (call super and add keys)."""
        return {
            "product_id": self.scheme_id.product_id.id,
            "name": self.env._(
                "Fee %(category)s, %(period)s",
                category=member.category_id.name,
                period=self.name,
            ),
            "quantity": 1,
            "price_unit": self.currency_id.round(float(amount)),
        }

    def _prepare_fee_invoice_vals(self, member, amount):
        """Values of ``member``'s fee invoice of this period for ``amount``
        (Decimal): extension point (call super and add keys)."""
        vals = member._prepare_coop_invoice_vals(
            "fee",
            [self._prepare_fee_invoice_line_vals(member, amount)],
            journal=self.fee_journal_id,
        )
        vals["coop_fee_period_id"] = self.id
        return vals

    def _run_fees_batch(self, members):
        scheme = self.scheme_id
        move_vals = []
        to_invoice = []
        fee_vals = []
        counters = defaultdict(list)  # (field, new value) -> member ids
        for member in members:
            line = {
                "membership_id": member.id,
                "period_id": self.id,
                "category_id": member.category_id.id,
            }
            joining = self.date_start <= member.join_date <= self.date_end
            price = member._get_period_fee(joining=joining)
            ratio = scheme._join_ratio(member.join_date, self.date_start, self.date_end)
            if member.free_periods > 0:
                counters["free_periods", member.free_periods - 1].append(member.id)
                line.update(kind="free", amount=0.0)
            elif member.prepaid_periods > 0:
                # the joining period prorated, then paid by a prepaid period
                count, credit = prepaid_rules.consume_joining(
                    member.prepaid_periods, member.prepaid_credit, price, ratio
                )
                counters["prepaid_periods", count].append(member.id)
                counters["prepaid_credit", float(credit)].append(member.id)
                amount = period_rules.prorate(price, ratio)
                line.update(kind="prepaid", amount=float(amount))
            else:
                amount = member._consume_credit(period_rules.prorate(price, ratio))
                if amount > 0:
                    line.update(kind="invoice", amount=float(amount))
                    move_vals.append(self._prepare_fee_invoice_vals(member, amount))
                    to_invoice.append(len(fee_vals))
                else:
                    line.update(kind="free", amount=0.0)
            fee_vals.append(line)
        # no "created" note nor creator follower on each of thousands of
        # invoices (the run's summary is on the period); posting still logs
        Move = (
            self.env["account.move"]
            .sudo()
            .with_company(self.company_id)
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            )
        )
        moves = Move.create(move_vals) if move_vals else Move
        for index, move in zip(to_invoice, moves, strict=True):
            fee_vals[index]["move_id"] = move.id
        if scheme.auto_post and moves:
            moves.with_context(tracking_disable=False).action_post()
        self.env["coop.fee.line"].sudo().create(fee_vals)
        for (field, value), ids in counters.items():
            members.browse(ids).write({field: value})
        return moves
