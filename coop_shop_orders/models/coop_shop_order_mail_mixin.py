# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup, escape

from odoo import models

from ..tools.mail_request import split_attachments


class CoopShopOrderMailMixin(models.AbstractModel):
    """Behaviour shared by the documents receiving shop order emails (they
    also inherit ``mail.thread``): the attachment size limit applied to
    messages coming from the mail gateway."""

    _name = "coop.shop.order.mail.mixin"
    _description = "Shop order email behaviour"

    def _shop_mail_company(self):
        return self.env.company

    def _shop_staff_lang(self):
        """Language of the staff reading what the shop stores in the chatter
        (notes, to-dos): the shop responsible's, else the company's."""
        company = self._shop_mail_company()
        return (
            company.shop_order_user_id.lang or company.partner_id.lang or self.env.lang
        )

    def _shop_staff_env(self):
        """This environment in the staff's language: stored texts and amounts
        read as the shop's staff reads them."""
        return self.with_context(lang=self._shop_staff_lang()).env

    def _shop_filter_gateway_attachments(self, attachments):
        """Split gateway attachments (``(name, content[, info])`` tuples) into
        kept ones and the names of the refused ones (over the company limit)."""
        limit_kb = self._shop_mail_company().shop_order_attachment_limit_kb
        sizes = [len(att[1] or b"") for att in attachments]
        kept, refused = split_attachments(sizes, limit_kb * 1024)
        return [attachments[i] for i in kept], [
            (attachments[i][0], sizes[i]) for i in refused
        ]

    def _shop_post_refused_note(self, refused):
        if not refused:
            return
        items = Markup("").join(
            Markup("<li>%s (%s kB)</li>") % (escape(name or "?"), size // 1024)
            for name, size in refused
        )
        limit_kb = self._shop_mail_company().shop_order_attachment_limit_kb
        self.message_post(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                self.env._(
                    "Attachments refused: larger than the limit of %(limit)s kB. "
                    "Ask the sender for a smaller file or another way to send it.",
                    limit=limit_kb,
                ),
                items,
            ),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def _shop_gateway_filter_post_kwargs(self, kwargs):
        """Remove from ``message_post`` keyword arguments the gateway
        attachments over the limit; return the refused ones."""
        attachments = kwargs.get("attachments")
        if attachments and self.env.context.get("from_alias") and len(self) == 1:
            kwargs["attachments"], refused = self._shop_filter_gateway_attachments(
                list(attachments)
            )
            return refused
        return []
