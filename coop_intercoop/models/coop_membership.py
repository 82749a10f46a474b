# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from ..tools import trial_rules


class CoopMembership(models.Model):
    _inherit = "coop.membership"

    def _get_fee_discount_percent(self, joining=False):
        """Joining through an inter-cooperation agreement discounts the fee
        of the joining period (000 §5: "10 % de réduction sur la cotisation
        s'il souhaite adhérer"), or every fee when the agreement says so."""
        percent = super()._get_fee_discount_percent(joining=joining)
        if len(self) != 1:
            return percent
        # the agreement fields are for intercoop staff: ask as superuser
        agreement = self.partner_id.sudo().coop_intercoop_agreement_id
        if (
            agreement
            and (joining or agreement.fee_discount_every_period)
            and agreement.company_id == self.company_id
            and trial_rules.agreement_is_valid(
                agreement.state,
                agreement.date_start,
                agreement.date_end,
                fields.Date.context_today(self),
            )
        ):
            percent = max(percent, agreement.fee_discount_percent)
        return percent
