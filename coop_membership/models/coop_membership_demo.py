# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# membership xmlid (without "_demo"): (shares to subscribe, pay them)
DEMO_SHARES = {
    "membership_employee": (10, True),
    "membership_azure": (5, True),
    "membership_deco_addict": (None, True),  # the category's minimum (per FTE)
    "membership_partner": (1, True),
    "membership_gemini": (1, True),
    "membership_portal": (1, False),  # invoiced, awaiting payment
}
# membership xmlid: what happens to its fee invoice of the current year
DEMO_FEES = {
    "membership_azure": "paid",
    "membership_deco_addict": "posted",
    "membership_partner": "draft",
    "membership_portal": "posted",
}
# Electrolab: membership xmlid: (periods prepaid, pay the invoice)
DEMO_PREPAID = {
    "membership_electrolab_student": (2, True),
    "membership_electrolab_employed": (3, False),
}


class CoopMembershipDemo(models.AbstractModel):
    """Accounting side of the demo data: share invoices, fee invoices in
    each state, prepaid periods; only on a company with a chart."""

    _name = "coop.membership.demo"
    _description = "Cooperative Membership Demo Data"

    def _demo(self, name):
        return self.env.ref("coop_membership.%s_demo" % name)

    @api.model
    def _load_demo(self):
        company = self.env.ref("base.main_company")
        company._coop_membership_setup()
        if not company.coop_share_account_id or not company.chart_template:
            return True
        for name, (quantity, pay) in DEMO_SHARES.items():
            member = self._demo(name).with_company(company)
            line = member._subscribe_shares(
                quantity or member.min_shares or 1, date=member.join_date
            )
            if pay:
                self._demo_pay(line.move_id, member.join_date)
        period = self._demo("fee_scheme_itopie")._get_or_create_period(
            fields.Date.context_today(self)
        )
        period._run_fees()
        for name, state in DEMO_FEES.items():
            move = (
                self._demo(name)
                .fee_line_ids.filtered(
                    lambda fee, period=period: fee.period_id == period
                )
                .move_id
            )
            if state == "paid":
                self._demo_pay(move)
            elif state == "draft":
                move.button_draft()
        for name, (count, pay) in DEMO_PREPAID.items():
            move = self._demo(name)._prepay(count)
            if pay:
                self._demo_pay(move)
        return True

    def _demo_pay(self, moves, date=None):
        """Register the full payment of ``moves`` in the default bank journal."""
        vals = {"group_payment": False}
        if date:
            vals["payment_date"] = date
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=moves.ids
        ).create(vals)._create_payments()
