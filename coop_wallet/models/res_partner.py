# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools import wallet_rules


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_wallet_balance = fields.Monetary(
        string="Wallet Balance",
        compute="_compute_coop_wallet_balance",
        currency_field="coop_wallet_currency_id",
        groups="coop_wallet.group_coop_wallet_user,base.group_portal",
    )
    coop_wallet_currency_id = fields.Many2one(
        "res.currency", string="Wallet Currency", compute="_compute_coop_wallet_balance"
    )

    def _coop_wallet_holder(self, company=None):
        """The partner whose wallet ``self`` spends from (household aware)."""
        self.ensure_one()
        company = company or self.env.company
        holder = self.commercial_partner_id
        if company.coop_wallet_household:
            while holder.parent_id:
                holder = holder.parent_id
        return holder

    @api.depends_context("company", "uid")
    def _compute_coop_wallet_balance(self):
        company = self.env.company
        visible = self._coop_wallet_visible()
        balances = (
            self.env["coop.wallet.balance"].sudo()._get_balances(visible, company)
        )
        currency = self.env["res.currency"].browse(
            self.env.company.sudo().currency_id.id
        )
        for partner in self:
            partner.coop_wallet_currency_id = currency
            partner.coop_wallet_balance = balances.get(partner.id, 0.0)

    def _coop_wallet_visible(self):
        """The partners of ``self`` whose wallet the user may see: any for
        wallet users (and trusted sudo code), else only the user's own."""
        user = self.env.user
        if self.env.su or user.has_group("coop_wallet.group_coop_wallet_user"):
            return self
        return self & (user.partner_id | user.partner_id.commercial_partner_id)

    @api.model
    def _load_pos_data_fields(self, config_id):
        return super()._load_pos_data_fields(config_id) + ["coop_wallet_balance"]

    @api.model
    def coop_wallet_get_balance(self, partner_id):
        """Fresh balance and spendable amount of a customer, for the POS.

        Wallet users (cashiers, POS users) read any customer they may read; any
        other user only their own wallet.
        """
        if isinstance(partner_id, bool) or not isinstance(partner_id, int):
            raise UserError(self.env._("Invalid customer: give a contact id."))
        user = self.env.user
        if not user.has_group("coop_wallet.group_coop_wallet_user"):
            own = user.partner_id | user.partner_id.commercial_partner_id
            if partner_id not in own.ids:
                raise AccessError(self.env._("You may only see your own wallet."))
        partner = self.browse(partner_id).exists()
        if not partner:
            raise UserError(self.env._("This customer does not exist."))
        partner.check_access("read")
        company = self.env.company
        balance = partner.coop_wallet_balance
        minimum = company.coop_wallet_minimum
        rounding = company.currency_id.rounding
        return {
            "balance": balance,
            "available": wallet_rules.available_amount(balance, minimum, rounding),
            "minimum": minimum,
        }

    def _coop_wallet_check_user(self):
        if not self.env.user.has_group("coop_wallet.group_coop_wallet_user"):
            raise AccessError(
                self.env._("Only wallet users (cashiers) can open customer wallets.")
            )
        self.check_access("read")

    def _coop_wallet_history_domain(self, company):
        """Domain of the wallet movements (posted and pending) of ``self``'s
        wallet in ``company``."""
        self.ensure_one()
        return [
            ("partner_id", "=", self._coop_wallet_holder(company).id),
            ("company_id", "=", company.id),
        ]

    def action_coop_wallet_history(self):
        self.ensure_one()
        self._coop_wallet_check_user()
        holder = self._coop_wallet_holder()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_wallet.coop_wallet_history_action"
        )
        action["domain"] = self._coop_wallet_history_domain(self.env.company)
        action["display_name"] = self.env._("Wallet of %s", holder.display_name)
        return action

    def action_coop_wallet_topup(self):
        self.ensure_one()
        self._coop_wallet_check_user()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_wallet.coop_wallet_topup_action"
        )
        action["context"] = {"default_partner_id": self.id}
        return action

    def _coop_wallet_statement(self, month=None, company=None):
        """Monthly statement of the partner's wallet (opening, movements, closing).

        ``month`` is a date in the month (default: the current month).
        """
        self.ensure_one()
        company = company or self.env.company
        holder = self._coop_wallet_holder(company)
        month = month or fields.Date.context_today(self)
        date_from = date(month.year, month.month, 1)
        date_to = date_from + relativedelta(months=1, days=-1)
        History = self.env["coop.wallet.history"].sudo()
        domain = self._coop_wallet_history_domain(company)
        opening_rows = History._read_group(
            domain + [("date", "<", date_from)], aggregates=["amount:sum"]
        )
        opening = company.currency_id.round(
            (opening_rows[0][0] or 0.0) if opening_rows else 0.0
        )
        lines = History.search(
            domain + [("date", ">=", date_from), ("date", "<=", date_to)],
            order="date, pending, id",
        )
        amounts = [line.amount for line in lines]
        running = wallet_rules.running_balances(
            amounts, opening, company.currency_id.rounding
        )
        movements = [
            {
                "date": line.date,
                "ref": line.reference,
                "label": line.label or "",
                "amount": amount,
                "balance": total,
                "pending": line.pending,
            }
            for line, amount, total in zip(lines, amounts, running, strict=True)
        ]
        return {
            "partner": holder,
            "currency": company.currency_id,
            "date_from": date_from,
            "date_to": date_to,
            "opening": opening,
            "movements": movements,
            "closing": running[-1] if running else opening,
        }
