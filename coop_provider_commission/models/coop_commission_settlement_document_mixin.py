# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import Command, api, models
from odoo.exceptions import UserError
from odoo.tools import format_amount
from odoo.tools.misc import babel_locale_parse

from ..tools import commission, security


class CoopCommissionSettlementDocumentMixin(models.AbstractModel):
    """Accounting documents of commission settlements: a customer invoice
    when the partner owes the company, a vendor bill otherwise."""

    _name = "coop.commission.settlement.document.mixin"
    _description = "Commission Settlement Documents"

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

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Statement %s", self.display_name)

    def _post_validated(self):
        """A chatter line with the amount in its currency."""
        for settlement in self:
            if settlement.direction == "to_company":
                body = self.env._(
                    "Settlement validated: %(partner)s owes %(amount)s.",
                    partner=settlement.partner_id.name,
                    amount=format_amount(
                        self.env, settlement.amount_total, settlement.currency_id
                    ),
                )
            else:
                body = self.env._(
                    "Settlement validated: %(amount)s is due to %(partner)s.",
                    partner=settlement.partner_id.name,
                    amount=format_amount(
                        self.env, settlement.amount_total, settlement.currency_id
                    ),
                )
            settlement.message_post(body=body)

    def _create_documents(self, net=False):
        """Make the accounting documents of validated settlements: a customer
        invoice when the partner owes the company, a vendor bill when the
        company owes the partner; with net, both directions of a partner
        and period become one document for the balance."""
        if any(s.state != "validated" for s in self):
            raise UserError(self.env._("Only validated settlements can be invoiced."))
        groups = defaultdict(lambda: self.browse())
        for settlement in self:
            key = (settlement.company_id, settlement.partner_id.id)
            if not net:
                key += (settlement.direction,)
            groups[key] |= settlement
        vals_by_company = defaultdict(list)
        settlements_by_company = defaultdict(list)
        done_without_move = self.browse()
        for key, settlements in groups.items():
            company = key[0]
            signed = settlements.mapped("amount_signed")
            move_type, _total = commission.net_direction(signed)
            if not move_type:
                done_without_move |= settlements
                continue
            sign = 1 if move_type == "out_invoice" else -1
            lines = []
            for settlement in settlements:
                if company.currency_id.is_zero(settlement.amount_total):
                    continue
                # the document's line reads in the partner's language
                lang = settlement.partner_id.lang or self.env.lang
                line = {
                    "name": settlement.with_context(lang=lang).display_name,
                    "quantity": 1.0,
                    "price_unit": settlement.amount_signed * sign,
                }
                if settlement.agreement_id.product_id:
                    line["product_id"] = settlement.agreement_id.product_id.id
                else:
                    line["tax_ids"] = [Command.clear()]
                lines.append(Command.create(line))
            vals_by_company[company].append(
                {
                    "move_type": move_type,
                    "partner_id": key[1],
                    "company_id": company.id,
                    "invoice_date": max(settlements.mapped("date_to")),
                    "invoice_origin": ", ".join(
                        settlements.mapped("agreement_id.name")
                    )[:200],
                    "invoice_line_ids": lines,
                }
            )
            settlements_by_company[company].append(settlements)
        moves = self.env["account.move"]
        for company, vals_list in vals_by_company.items():
            created = self.env["account.move"].with_company(company).create(vals_list)
            for move, settlements in zip(
                created, settlements_by_company[company], strict=True
            ):
                settlements.write({"move_id": move.id, "state": "invoiced"})
            moves |= created
        done_without_move.write({"state": "invoiced"})
        return moves

    def action_create_documents(self, net=False):
        security.check_manager(self.env)
        self.check_access("write")
        moves = self._create_documents(net=bool(net))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Commission Documents"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
        }

    def action_create_documents_net(self):
        return self.action_create_documents(net=True)

    def action_view_move(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "res_id": self.move_id.id,
            "view_mode": "form",
        }
