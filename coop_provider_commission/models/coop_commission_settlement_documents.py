# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import Command, models
from odoo.exceptions import UserError

from ..tools import commission, security


class CoopCommissionSettlement(models.Model):
    """Accounting documents of commission settlements: a customer invoice
    when the partner owes the company, a vendor bill otherwise."""

    # one file per concern, as the issue asks (and account splits
    # account.move.line); pylint-odoo would have one class per model
    _inherit = "coop.commission.settlement"  # pylint: disable=consider-merging-classes-inherited

    def _document_groups(self, net):
        """``{key: settlements}``, one document each: per company and
        partner, and per direction unless netted."""
        groups = defaultdict(lambda: self.browse())
        for settlement in self:
            key = (settlement.company_id, settlement.partner_id.id)
            if not net:
                key += (settlement.direction,)
            groups[key] |= settlement
        return groups

    def _prepare_invoice_line_vals(self, move_type):
        """Values of the line of this settlement on a customer invoice or
        vendor bill of ``move_type`` (extension point): its commission,
        negative when it goes the other way (netted documents)."""
        self.ensure_one()
        sign = 1 if move_type == "out_invoice" else -1
        # the document's line reads in the partner's language
        lang = self.partner_id.lang or self.env.lang
        vals = {
            "name": self.with_context(lang=lang).display_name,
            "quantity": 1.0,
            "price_unit": self.amount_signed * sign,
        }
        if self.agreement_id.product_id:
            vals["product_id"] = self.agreement_id.product_id.id
        else:
            vals["tax_ids"] = [Command.clear()]
        return vals

    def _prepare_invoice_vals(self, move_type):
        """Values of the customer invoice (``out_invoice``) or vendor bill
        (``in_invoice``) of these settlements, all of one company and partner
        (extension point). Settlements of no amount get no line."""
        currency = self.company_id.currency_id
        lines = [
            Command.create(settlement._prepare_invoice_line_vals(move_type))
            for settlement in self
            if not currency.is_zero(settlement.amount_total)
        ]
        return {
            "move_type": move_type,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_date": max(self.mapped("date_to")),
            "invoice_origin": ", ".join(self.mapped("agreement_id.name"))[:200],
            "invoice_line_ids": lines,
        }

    def _create_documents(self, net=False):
        """Make the accounting documents of validated settlements: a customer
        invoice when the partner owes the company, a vendor bill when the
        company owes the partner; with net, both directions of a partner
        and period become one document for the balance."""
        self._check_validated()
        to_create = defaultdict(list)
        balanced = self.browse()
        for (company, *_key), settlements in self._document_groups(net).items():
            move_type, _total = commission.net_direction(
                settlements.mapped("amount_signed"), company.currency_id.rounding
            )
            if move_type:
                vals = settlements._prepare_invoice_vals(move_type)
                to_create[company].append((settlements, vals))
            else:
                balanced |= settlements
        Move = self.env["account.move"]
        moves = Move
        for company, pairs in to_create.items():
            created = Move.with_company(company).create([vals for _s, vals in pairs])
            for move, (settlements, _vals) in zip(created, pairs, strict=True):
                settlements.write({"move_id": move.id, "state": "invoiced"})
            moves |= created
        balanced.write({"state": "invoiced"})
        return moves

    def _check_validated(self):
        if any(s.state != "validated" for s in self):
            raise UserError(self.env._("Only validated settlements can be invoiced."))

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
