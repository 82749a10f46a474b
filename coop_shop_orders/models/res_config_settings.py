# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# an email address's local part (RFC 5321)
ALIAS_MAX_LENGTH = 64


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    shop_order_alias_name = fields.Char(
        string="Order requests alias",
        compute="_compute_shop_order_alias_name",
        readonly=False,
        store=True,
        size=ALIAS_MAX_LENGTH,
    )
    shop_order_alias_domain = fields.Char(
        related="company_id.alias_domain_id.name", string="Alias domain"
    )
    shop_order_sender_policy = fields.Selection(
        related="company_id.shop_order_sender_policy", readonly=False
    )
    shop_order_member_category_id = fields.Many2one(
        related="company_id.shop_order_member_category_id", readonly=False
    )
    shop_order_answer_days = fields.Integer(
        related="company_id.shop_order_answer_days", readonly=False
    )
    shop_order_attachment_limit_kb = fields.Integer(
        related="company_id.shop_order_attachment_limit_kb", readonly=False
    )
    shop_order_hours = fields.Char(
        related="company_id.shop_order_hours", readonly=False
    )
    shop_order_user_id = fields.Many2one(
        related="company_id.shop_order_user_id", readonly=False
    )
    shop_order_invoice_email = fields.Boolean(
        related="company_id.shop_order_invoice_email", readonly=False
    )

    @api.depends("company_id")
    def _compute_shop_order_alias_name(self):
        for settings in self:
            settings.shop_order_alias_name = (
                settings.company_id.shop_order_alias_id.alias_name
            )

    @api.constrains("shop_order_alias_name")
    def _check_shop_order_alias_name(self):
        for settings in self:
            if len(settings.shop_order_alias_name or "") >= ALIAS_MAX_LENGTH:
                raise ValidationError(
                    self.env._(
                        "The order alias is at most %s characters long.",
                        ALIAS_MAX_LENGTH - 1,
                    )
                )

    def set_values(self):
        res = super().set_values()
        for settings in self:
            current = settings.company_id.shop_order_alias_id.alias_name or False
            if (settings.shop_order_alias_name or False) != current:
                settings.company_id._shop_order_set_alias(
                    settings.shop_order_alias_name
                )
        return res
