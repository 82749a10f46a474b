# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools
from odoo.exceptions import AccessError, UserError

from ..tools import wallet_rules


class CoopWalletWizardMixin(models.AbstractModel):
    """Checks shared by the wallet wizards: the amount is a finite, bounded
    number before anything is stored, the user holds the wizard's group, the
    company is one of the user's and every record involved is readable."""

    _name = "coop.wallet.wizard.mixin"
    _description = "Wallet Wizard Checks"

    _coop_wallet_group = "coop_wallet.group_coop_wallet_user"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._coop_wallet_check_amount_value(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._coop_wallet_check_amount_value(vals)
        return super().write(vals)

    @api.model
    def _coop_wallet_check_amount_value(self, vals):
        amount = vals.get("amount")
        if amount is None or amount is False:
            return
        if not wallet_rules.amount_ok(amount):
            limit = f"{wallet_rules.AMOUNT_LIMIT:,}"
            raise UserError(self.env._("The amount must be a number below %s.", limit))

    def action_confirm(self):
        """Check access, then run the wizard. Returns True (closes the dialog)."""
        self.ensure_one()
        if not self.env.user.has_group(self._coop_wallet_group):
            raise AccessError(
                self.env._("You are not allowed to do this wallet operation.")
            )
        company = self.company_id
        if company not in self.env.user.company_ids:
            raise AccessError(
                self.env._("You do not work for the company of this wallet operation.")
            )
        for records in self._coop_wallet_records():
            records.check_access("read")
        self._coop_wallet_confirm()
        return True

    def _coop_wallet_format(self, amount):
        """``amount`` with the symbol of the wallet company's currency."""
        return tools.format_amount(self.env, amount, self.company_id.currency_id)

    def _coop_wallet_records(self):
        """The recordsets (partners, documents) the wizard works on."""
        return []

    def _coop_wallet_confirm(self):
        raise NotImplementedError()
