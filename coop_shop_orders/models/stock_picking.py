# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _shop_sale_lines(self):
        """Sale lines served by these moves, following the chain of
        destination moves (receipt → [pick →] delivery)."""
        lines = self.env["sale.order.line"]
        seen = self.browse()
        todo = self
        depth = 0
        while todo and depth < 10:
            lines |= todo.sale_line_id
            seen |= todo
            todo = todo.move_dest_ids - seen
            depth += 1
        return lines


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _action_done(self):
        res = super()._action_done()
        self._shop_notify_arrivals()
        return res

    def _shop_notify_arrivals(self):
        """Tell members which lines of their order requests this receipt
        brought in (once per receipt and order)."""
        Arrival = self.env["coop.shop.order.arrival"].sudo()
        for picking in self.filtered(
            lambda p: p.picking_type_code == "incoming" and p.state == "done"
        ):
            per_order = {}
            for move in picking.move_ids.filtered(
                lambda m: m.state == "done" and m.quantity
            ):
                lines = move._shop_sale_lines().filtered(
                    lambda line: (
                        line.order_id.shop_is_email_request
                        and line.order_id.state == "sale"
                    )
                )
                for line in lines:
                    moves, sale_lines = per_order.setdefault(
                        line.order_id, (self.env["stock.move"], lines.browse())
                    )
                    per_order[line.order_id] = (moves | move, sale_lines | line)
            for order, (moves, sale_lines) in per_order.items():
                if Arrival.search_count(
                    [("picking_id", "=", picking.id), ("order_id", "=", order.id)]
                ):
                    continue
                order._shop_refresh_arrived()
                arrival = Arrival.create(
                    {
                        "order_id": order.id,
                        "picking_id": picking.id,
                        "move_ids": [(6, 0, moves.ids)],
                        "line_ids": [(6, 0, sale_lines.ids)],
                        "is_complete": order.shop_arrived,
                    }
                )
                arrival._send()
