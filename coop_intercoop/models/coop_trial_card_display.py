# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the screens show of a trial card: "Unlimited" rather than the -1
that the till's numbers use for a formula without a limit."""

from odoo import api, fields, models

from ..tools import trial_rules


class CoopTrialCard(models.Model):
    _inherit = "coop.trial.card"

    remaining_purchases_display = fields.Char(
        string="Purchases Left", compute="_compute_remaining_display"
    )
    remaining_days_display = fields.Char(
        string="Days Left", compute="_compute_remaining_display"
    )

    @api.depends_context("coop_today", "lang")
    @api.depends("remaining_purchases", "remaining_days")
    def _compute_remaining_display(self):
        unlimited = self.env._("Unlimited")
        for card in self:
            card.remaining_purchases_display = trial_rules.remaining_display(
                card.remaining_purchases, unlimited
            )
            card.remaining_days_display = trial_rules.remaining_display(
                card.remaining_days, unlimited
            )
