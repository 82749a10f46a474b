# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The mediator's satisfaction index beside its targets (001: "indices de
satisfaction des clients du médiateur")."""

from odoo import api, fields, models

from ..tools import satisfaction


class CoopCommissionSettlement(models.Model):
    _inherit = "coop.commission.settlement"  # pylint: disable=consider-merging-classes-inherited

    satisfaction_index = fields.Float(
        compute="_compute_satisfaction",
        digits=(16, 2),
        help="Average score (1 to 5) of the ratings the partner's network "
        "clients gave on requests of the period.",
    )
    satisfaction_count = fields.Integer(
        string="Number of Ratings", compute="_compute_satisfaction"
    )

    @api.depends("partner_id", "company_id", "date_from", "date_to")
    def _compute_satisfaction(self):
        settled = self.filtered(lambda s: s.date_from and s.date_to)
        scores = (
            self.env["coop.network.client"]._coop_rating_scores(
                settled.partner_id,
                settled.company_id,
                min(settled.mapped("date_from")),
                max(settled.mapped("date_to")),
            )
            if settled
            else {}
        )
        for settlement in self:
            key = (settlement.partner_id.id, settlement.company_id.id)
            index, count = (
                satisfaction.satisfaction_index(
                    scores.get(key, ()), settlement.date_from, settlement.date_to
                )
                if settlement in settled
                else (None, 0)
            )
            settlement.satisfaction_index = index or 0.0
            settlement.satisfaction_count = count
