# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_wallet_balance = fields.Monetary(
        string="Wallet Balance",
        compute="_compute_coop_wallet_balance",
        currency_field="coop_wallet_currency_id",
        groups="base.group_user,base.group_portal",
    )
    coop_wallet_currency_id = fields.Many2one(
        "res.currency", compute="_compute_coop_wallet_balance"
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

    @api.depends_context("company")
    def _compute_coop_wallet_balance(self):
        company = self.env.company
        partners = self.filtered("id")
        balances = (
            self.env["coop.wallet.balance"].sudo()._get_balances(partners, company)
        )
        for partner in self:
            partner.coop_wallet_currency_id = company.currency_id
            partner.coop_wallet_balance = balances.get(partner.id, 0.0)

    @api.model
    def _load_pos_data_fields(self, config_id):
        return super()._load_pos_data_fields(config_id) + ["coop_wallet_balance"]

    @api.model
    def coop_wallet_get_balance(self, partner_id):
        """Fresh balance and spendable amount of a customer, for the POS."""
        partner = self.browse(partner_id).exists()
        company = self.env.company
        if not partner:
            return {"balance": 0.0, "available": 0.0}
        balance = partner.coop_wallet_balance
        return {
            "balance": balance,
            "available": max(balance - company.coop_wallet_minimum, 0.0),
            "minimum": company.coop_wallet_minimum,
        }

    def action_coop_wallet_history(self):
        self.ensure_one()
        holder = self._coop_wallet_holder()
        company = self.env.company
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_wallet.account_move_line_wallet_action"
        )
        domain = [
            ("partner_id", "=", holder.id),
            ("account_id", "=", company.coop_wallet_account_id.id),
            ("parent_state", "=", "posted"),
            ("company_id", "=", company.id),
        ]
        action["domain"] = domain
        action["context"] = {
            "order_cumulated_balance": "date desc, id desc",
            "domain_cumulated_balance": domain,
        }
        action["display_name"] = self.env._("Wallet of %s", holder.display_name)
        return action

    def action_coop_wallet_topup(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_wallet.coop_wallet_topup_action"
        )
        action["context"] = {"default_partner_id": self.id}
        return action
