# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import commission


class CoopCommissionSettlement(models.Model):
    """Computation of the settlements of a period: the lines in scope are
    read set-based, the rules of ``tools/commission.py`` applied, the draft
    settlements created or recomputed in batch."""

    _inherit = "coop.commission.settlement"

    @api.model
    def _declared_lines_query(self, company, date_from, date_to):
        """The validated declared lines of the period, with the origin of the
        client in the provider's network portfolio."""
        return SQL(
            """
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
            """,
            company=company.id,
            date_from=date_from,
            date_to=date_to,
        )

    @api.model
    def _invoiced_lines_query(self, company, date_from, date_to):
        """The posted customer invoice lines of the period, with both
        providers of a line: the client's network provider (who brought or was
        entrusted the client) and the provider mandated on the invoice (who
        did the work); each agreement credits one of them."""
        return SQL(
            """
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
            """,
            company=company.id,
            date_from=date_from,
            date_to=date_to,
        )

    @api.model
    def _fetch_lines(self, company, basis, date_from, date_to):
        """Declared lines, or ``{attribution: lines}`` of invoiced turnover
        (``network``: to the client's network provider, ``mandated``: to the
        provider mandated on the invoice)."""
        self.env.flush_all()
        if basis != "invoiced":
            self.env.cr.execute(self._declared_lines_query(company, date_from, date_to))
            return [commission.Line(*row) for row in self.env.cr.fetchall()]
        self.env.cr.execute(self._invoiced_lines_query(company, date_from, date_to))
        rows = self.env.cr.fetchall()
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
        return agreement.currency_id.round(sum(children.mapped("amount_total")))

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
    def _settlement_periods(self, agreements, day):
        """``{agreement: (date_from, date_to)}``: the period of each agreement
        that contains ``day``; refused while a declaration of a period on
        declarations is not validated."""
        periods = {}
        for agreement in agreements:
            periods[agreement] = commission.period_bounds(day, agreement.period)
            if agreement.basis in ("declared", "units"):
                self._check_declarations(agreement, *periods[agreement])
        return periods

    @api.model
    def _due_lines(self, agreements, periods):
        """``{(agreement, partner id): [line values]}``: the commission of
        each partner and client, rounded with the company's currency (whole
        francs in XOF, cents in EUR)."""
        cache = {}
        due = {}
        for agreement in agreements:
            totals = self._agreement_totals(agreement, *periods[agreement], cache)
            rule = agreement._rule()
            rounding = agreement.currency_id.rounding
            for (partner, client), (base, units) in totals.items():
                amount = commission.commission_amount(rule, base, units, rounding)
                due.setdefault((agreement, partner), []).append(
                    {
                        "client_id": client or False,
                        "base_amount": base,
                        "units": units,
                        "amount": amount,
                    }
                )
        return due

    @api.model
    def _reusable_settlements(self, agreements, periods, due):
        """``{(agreement, partner id): settlement}`` of the period's existing
        settlements still due; the drafts lose their lines (recomputed from
        scratch) and the drafts no longer due are deleted."""
        existing = self.search(
            [
                ("agreement_id", "in", agreements.ids),
                ("date_from", "in", list({p[0] for p in periods.values()})),
            ]
        ).filtered(lambda s: s.date_from == periods[s.agreement_id][0])
        by_key = {(s.agreement_id, s.partner_id.id): s for s in existing}
        drafts = existing.filtered(lambda s: s.state == "draft")
        drafts.line_ids.unlink()
        kept = self.browse([by_key[key].id for key in due if key in by_key])
        (drafts - kept).unlink()
        return {key: by_key[key] for key in due if key in by_key}

    @api.model
    def _prepare_settlement_vals(self, agreement, partner_id, date_from, date_to):
        """Values of a new settlement of ``agreement`` for a partner and
        period (extension point)."""
        return {
            "agreement_id": agreement.id,
            "company_id": agreement.company_id.id,
            "partner_id": partner_id,
            "date_from": date_from,
            "date_to": date_to,
            "target_units": agreement.target_units,
        }

    def _prepare_settlement_lines_vals(self, lines):
        """Values of the lines of this draft settlement, from the computed
        ``lines`` (client, base, units, amount) (extension point)."""
        self.ensure_one()
        keys = {
            "settlement_id": self.id,
            "company_id": self.company_id.id,
            "currency_id": self.currency_id.id,
            "partner_id": self.partner_id.id,
            "agreement_id": self.agreement_id.id,
            "date_from": self.date_from,
        }
        return [dict(values, **keys) for values in lines]

    @api.model
    def _settle(self, agreements, day):
        """Create or recompute the draft settlements of agreements for the
        period of each agreement that contains day.

        Validated and invoiced settlements are left untouched, draft ones are
        recomputed from scratch: running a period twice never counts twice.
        The computation is set-based: one query per agreement for the lines,
        one batched create for the settlements and one for their lines."""
        periods = self._settlement_periods(agreements, day)
        due = self._due_lines(agreements, periods)
        by_key = self._reusable_settlements(agreements, periods, due)
        missing = [key for key in due if key not in by_key]
        created = self.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        ).create(
            [
                self._prepare_settlement_vals(agreement, partner, *periods[agreement])
                for agreement, partner in missing
            ]
        )
        by_key.update(zip(missing, created, strict=True))
        drafts = [(by_key[key], lines) for key, lines in due.items()]
        drafts = [(s, lines) for s, lines in drafts if s.state == "draft"]
        self.env["coop.commission.settlement.line"].create(
            [
                values
                for settlement, lines in drafts
                for values in settlement._prepare_settlement_lines_vals(lines)
            ]
        )
        return self.browse([settlement.id for settlement, _lines in drafts])
