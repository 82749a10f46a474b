# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import commission, security

DECLARED_LINES = """
    SELECT l.provider_id, l.client_id, l.date, l.amount, l.quantity,
           nc.origin, l.product_id, nc.date_entrusted
      FROM coop_commission_declaration_line l
      LEFT JOIN LATERAL (
            SELECT n.origin, n.date_entrusted
              FROM coop_network_client n
             WHERE n.client_id = l.client_id
               AND n.company_id = l.company_id
               AND n.provider_id = l.provider_id
             ORDER BY n.active DESC, n.id DESC
             LIMIT 1) nc ON TRUE
     WHERE l.company_id = %(company)s
       AND l.state = 'validated'
       AND l.date BETWEEN %(date_from)s AND %(date_to)s
"""

# both providers of an invoiced line: the client's network provider (who
# brought or was entrusted the client) and the provider mandated on the
# invoice (who did the work); each agreement credits one of them
INVOICED_LINES = """
    SELECT nc.provider_id, m.coop_provider_id, m.commercial_partner_id,
           m.invoice_date, -aml.balance,
           CASE WHEN m.move_type = 'out_refund' THEN -aml.quantity
                ELSE aml.quantity END,
           nc.origin, aml.product_id, nc.date_entrusted
      FROM account_move_line aml
      JOIN account_move m ON m.id = aml.move_id
      LEFT JOIN coop_network_client nc
             ON nc.client_id = m.commercial_partner_id
            AND nc.company_id = m.company_id
            AND nc.active
     WHERE m.company_id = %(company)s
       AND m.state = 'posted'
       AND m.move_type IN ('out_invoice', 'out_refund')
       AND aml.display_type = 'product'
       AND m.invoice_date BETWEEN %(date_from)s AND %(date_to)s
       AND (m.coop_provider_id IS NOT NULL OR nc.provider_id IS NOT NULL)
"""


class CoopCommissionSettlement(models.Model):
    _name = "coop.commission.settlement"
    _description = "Commission Settlement"
    _inherit = (
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "coop.commission.settlement.document.mixin",
    )
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

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _fetch_lines(self, company, basis, date_from, date_to):
        """Declared lines, or ``{attribution: lines}`` of invoiced turnover
        (``network``: to the client's network provider, ``mandated``: to the
        provider mandated on the invoice)."""
        query = DECLARED_LINES if basis in ("declared", "units") else INVOICED_LINES
        self.env.flush_all()
        self.env.cr.execute(
            SQL(query, company=company.id, date_from=date_from, date_to=date_to)
        )
        rows = self.env.cr.fetchall()
        if query is DECLARED_LINES:
            return [commission.Line(*row) for row in rows]
        return {
            "network": [commission.Line(row[0], *row[2:]) for row in rows if row[0]],
            "mandated": [commission.Line(*row[1:]) for row in rows if row[1]],
        }

    @api.model
    def _check_declarations(self, agreement, date_from, date_to):
        domain = [
            ("company_id", "=", agreement.company_id.id),
            ("state", "!=", "validated"),
            ("date_from", "<=", date_to),
            ("date_to", ">=", date_from),
        ]
        if agreement.partner_ids:
            domain.append(("provider_id", "in", agreement.partner_ids.ids))
        pending = self.env["coop.commission.declaration"].search(domain)
        if pending:
            raise UserError(
                self.env._(
                    "The period cannot be settled while these declarations are "
                    "not validated: %(names)s",
                    names=", ".join(pending.mapped("display_name")),
                )
            )

    @api.model
    def _chained_base(self, agreement, date_from, date_to):
        """Total of the commissions settled in the period under the
        lower-level agreements (e.g. what the mediators owe their section),
        on which a chained agreement applies its rate: what the company
        receives at the lower level, in its own books (a lower-level agreement
        under which the company pays, e.g. a bonus to its mediators, is not
        part of it)."""
        children = self.search(
            [
                ("agreement_id", "in", agreement.child_ids.ids),
                ("company_id", "=", agreement.company_id.id),
                ("direction", "=", "to_company"),
                ("date_from", ">=", date_from),
                ("date_to", "<=", date_to),
            ]
        )
        drafts = children.filtered(lambda s: s.state == "draft")
        if drafts:
            raise UserError(
                self.env._(
                    "The period cannot be settled while these lower-level "
                    "settlements are not validated: %(names)s",
                    names=", ".join(drafts.mapped("display_name")),
                )
            )
        return sum(children.mapped("amount_total"))

    @api.model
    def _agreement_totals(self, agreement, date_from, date_to, cache):
        """``{(partner, client): [base, units]}`` of an agreement's period;
        ``cache`` keeps the lines fetched for other agreements of the run."""
        partners = set(agreement.partner_ids.ids)
        if agreement.basis == "fixed":
            return {(partner, False): [0.0, 0.0] for partner in partners}
        if agreement.basis == "chained":
            base = self._chained_base(agreement, date_from, date_to)
            return {(partner, False): [base, 0.0] for partner in partners}
        key = (
            agreement.company_id,
            "invoiced" if agreement.basis == "invoiced" else "declared",
            date_from,
            date_to,
        )
        if key not in cache:
            cache[key] = self._fetch_lines(*key[:2], date_from, date_to)
        lines = cache[key]
        if agreement.basis == "invoiced":
            lines = lines[agreement.invoiced_partner or "network"]
        totals = commission.aggregate(agreement._rule(), lines)
        if partners:
            totals = {k: v for k, v in totals.items() if k[0] in partners}
        if agreement.basis == "units":
            for partner in partners:
                totals.setdefault((partner, False), [0.0, 0.0])
        return totals

    @api.model
    def _settle(self, agreements, day):
        """Create or recompute the draft settlements of agreements for the
        period of each agreement that contains day.

        Validated and invoiced settlements are left untouched, draft ones are
        recomputed from scratch: running a period twice never counts twice.
        The computation is set-based: one query per agreement for the lines,
        one batched create for the settlements and one for their lines."""
        periods = {}
        for agreement in agreements:
            periods[agreement] = commission.period_bounds(day, agreement.period)
            if agreement.basis in ("declared", "units"):
                self._check_declarations(agreement, *periods[agreement])
        cache = {}
        wanted = {}
        for agreement in agreements:
            totals = self._agreement_totals(agreement, *periods[agreement], cache)
            rule = agreement._rule()
            round_ = agreement.company_id.currency_id.round
            for (partner, client), (base, units) in totals.items():
                line = {
                    "client_id": client or False,
                    "base_amount": base,
                    "units": units,
                    "amount": commission.commission_amount(rule, base, units, round_),
                }
                wanted.setdefault((agreement, partner), []).append(line)
        # existing settlements of these periods
        existing = self.search(
            [
                ("agreement_id", "in", agreements.ids),
                ("date_from", "in", list({p[0] for p in periods.values()})),
            ]
        ).filtered(lambda s: s.date_from == periods[s.agreement_id][0])
        by_key = {(s.agreement_id, s.partner_id.id): s for s in existing}
        drafts = existing.filtered(lambda s: s.state == "draft")
        drafts.line_ids.unlink()
        (drafts - self.browse([by_key[k].id for k in wanted if k in by_key])).unlink()
        to_create = []
        keys = []
        for key in wanted:
            if key not in by_key:
                agreement, partner = key
                date_from, date_to = periods[agreement]
                to_create.append(
                    {
                        "agreement_id": agreement.id,
                        "company_id": agreement.company_id.id,
                        "partner_id": partner,
                        "date_from": date_from,
                        "date_to": date_to,
                        "target_units": agreement.target_units,
                    }
                )
                keys.append(key)
        created = self.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        ).create(to_create)
        by_key.update(zip(keys, created, strict=True))
        line_vals = []
        result = self.browse()
        for key, lines in wanted.items():
            settlement = by_key[key]
            if settlement.state != "draft":
                continue
            result |= settlement
            for line in lines:
                line.update(
                    settlement_id=settlement.id,
                    company_id=settlement.company_id.id,
                    currency_id=settlement.company_id.currency_id.id,
                    partner_id=settlement.partner_id.id,
                    agreement_id=settlement.agreement_id.id,
                    date_from=settlement.date_from,
                )
                line_vals.append(line)
        self.env["coop.commission.settlement.line"].create(line_vals)
        return result

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
