# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, models

from ..tools.mail_request import is_auto_submitted


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        """Tell shop order requests whether the email was sent automatically
        (they must never answer it)."""
        thread = self
        if any(route[0] == "sale.order" for route in routes or ()):
            headers = {key.lower(): str(value) for key, value in message.items()}
            thread = self.with_context(
                shop_order_auto_submitted=is_auto_submitted(
                    headers, message_dict.get("email_from") or ""
                )
            )
        return super(MailThread, thread)._message_route_process(
            message, message_dict, routes
        )

    @api.model
    def _routing_handle_bounce(self, email_message, message_dict):
        """Keep bounces about order requests in the reviewable log."""
        res = super()._routing_handle_bounce(email_message, message_dict)
        self.env["coop.shop.order.mail.log"].sudo()._shop_log_bounce(message_dict)
        return res
