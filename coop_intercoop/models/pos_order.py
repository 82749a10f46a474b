# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class PosOrder(models.Model):
    _inherit = "pos.order"

    def action_pos_order_paid(self):
        # the trial card count below runs as superuser: check the caller first
        self.check_access("write")
        res = super().action_pos_order_paid()
        self._coop_count_trial_purchase()
        return res

    def _coop_count_trial_purchase(self):
        """Count the paid order on the customer's trial card (idempotent).

        Runs on the server when the order is synchronised, so orders paid while
        the till was offline count when they reach the server, once.
        """
        Usage = self.env["coop.trial.card.usage"].sudo()
        for order in self.filtered(lambda o: o.partner_id and o.state == "paid"):
            refunded = order.refunded_order_id
            if refunded:
                for usage in Usage.search(
                    [("pos_order_id", "=", refunded.id), ("quantity", ">", 0)]
                ):
                    usage.card_id._register_refund(order, refunded)
                continue
            benefit = (
                order.partner_id.with_company(order.company_id)
                .sudo()
                ._coop_intercoop_benefits()
                .get(order.partner_id.id)
            )
            if benefit and benefit["kind"] == "card":
                benefit["card"]._register_purchase(pos_order=order)
