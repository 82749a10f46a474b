# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopWalletManagerWizardMixin(models.AbstractModel):
    """The wallet managers' wizards (adjustment, transfer): for the wallets
    of the user's current company, in its currency."""

    _name = "coop.wallet.manager.wizard.mixin"
    _inherit = "coop.wallet.wizard.mixin"
    _description = "Wallet Manager Wizard"

    _coop_wallet_group = "coop_wallet.group_coop_wallet_manager"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
