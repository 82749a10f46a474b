# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.exceptions import AccessError

from ..tools import security


class CoopCommissionSettleWizard(models.TransientModel):
    _name = "coop.commission.settle.wizard"
    _description = "Settle Commissions"

    date = fields.Date(
        string="Day in the Period",
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(months=1),
        help="Each agreement settles its own period (month, semester...) "
        "containing this day.",
    )
    agreement_ids = fields.Many2many(
        "coop.commission.agreement",
        string="Agreements",
        help="Empty: every active agreement except the chained ones, which are "
        "settled once the lower-level settlements are validated.",
    )

    def action_settle(self):
        self.ensure_one()
        security.check_manager(self.env)
        # only the agreements the user may read (a many2many would not say)
        chosen = self.sudo().agreement_ids
        Agreement = self.env["coop.commission.agreement"]
        visible = Agreement.search([("id", "in", chosen.ids)])
        if len(visible) != len(chosen):
            raise AccessError(
                self.env._(
                    "You cannot settle agreements of a company you do not work in."
                )
            )
        # without an explicit choice, chained agreements wait: they apply to
        # the lower-level settlements once those are validated
        agreements = visible or Agreement.search(
            [
                ("company_id", "in", self.env.companies.ids),
                ("basis", "!=", "chained"),
            ]
        )
        settlements = self.env["coop.commission.settlement"]._settle(
            agreements, self.date
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_provider_commission.coop_commission_settlement_action"
        )
        action["domain"] = [("id", "in", settlements.ids)]
        return action
