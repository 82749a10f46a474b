# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        # the benefit check below reads cards and agreements as superuser
        self.check_access("write")
        benefits = self._coop_intercoop_check_conditions()
        res = super().action_confirm()
        for order in self:
            benefit = benefits.get(order.id)
            if benefit and benefit["kind"] == "card":
                benefit["card"]._register_purchase(sale_order=order, strict=False)
        return res

    def _coop_intercoop_check_conditions(self):
        """Refuse member conditions granted by an exhausted card or a dead agreement."""
        benefits = {}
        for order in self:
            partner = order.partner_id.with_company(order.company_id).sudo()
            benefit = partner._coop_intercoop_benefits().get(partner.id)
            if not benefit:
                continue
            benefits[order.id] = benefit
            uses_benefit = (
                benefit["pricelist"] and order.pricelist_id == benefit["pricelist"]
            )
            if benefit["valid"] or not uses_benefit:
                continue
            if benefit["kind"] == "card":
                benefit["card"]._register_purchase(sale_order=order, strict=True)
            else:
                benefit["agreement"]._check_in_force()
        return benefits

    def _action_cancel(self):
        res = super()._action_cancel()
        self.env["coop.trial.card.usage"].sudo().search(
            [("sale_order_id", "in", self.ids)]
        ).unlink()
        return res
