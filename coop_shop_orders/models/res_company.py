# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# bounds of the settings a user types
MAX_ANSWER_DAYS = 365
MAX_ATTACHMENT_LIMIT_KB = 100 * 1024


class ResCompany(models.Model):
    _inherit = "res.company"

    shop_order_alias_id = fields.Many2one(
        "mail.alias",
        string="Shop order alias",
        copy=False,
        help="Email address receiving the members' order requests.",
    )
    shop_order_sender_policy = fields.Selection(
        [("known", "Known contacts only"), ("anyone", "Anyone")],
        string="Order request senders",
        default="known",
        required=True,
        help="Known contacts only: an unknown sender gets a reply explaining how "
        "to order and the email is kept in a log to review.\n"
        "Anyone: a contact is created and flagged to verify.",
    )
    shop_order_member_category_id = fields.Many2one(
        "res.partner.category",
        string="Member tag",
        help="Contacts (or their company) with this tag are preferred when "
        "several contacts share the sender's address.",
    )
    shop_order_answer_days = fields.Integer(
        string="Answer delay (days)",
        default=7,
        help="The shop answers a request within this delay; the 'Prepare quote' "
        "activity is due then.",
    )
    shop_order_attachment_limit_kb = fields.Integer(
        string="Attachment size limit (kB)",
        default=10240,
        help="Larger attachments of order emails are refused (the request is "
        "kept, a note lists the refused files). 0 means no limit.",
    )
    shop_order_hours = fields.Char(
        string="Shop opening hours",
        translate=True,
        help="Given in the acknowledgement: no emergencies by email, come to the "
        "shop or phone during these hours.",
    )
    shop_order_user_id = fields.Many2one(
        "res.users",
        string="Order requests responsible",
        help="Receives the 'Prepare quote' activities.",
    )
    shop_order_invoice_email = fields.Boolean(
        string="Email invoices of order requests",
        default=True,
        help="Send the invoice by email to the member as soon as it is posted.",
    )

    @api.constrains("shop_order_answer_days", "shop_order_attachment_limit_kb")
    def _check_shop_order_bounds(self):
        for company in self:
            if not 0 <= company.shop_order_answer_days <= MAX_ANSWER_DAYS:
                raise ValidationError(
                    self.env._(
                        "The answer delay must be between 0 and %s days.",
                        MAX_ANSWER_DAYS,
                    )
                )
            if (
                not 0
                <= company.shop_order_attachment_limit_kb
                <= MAX_ATTACHMENT_LIMIT_KB
            ):
                raise ValidationError(
                    self.env._(
                        "The attachment size limit must be between 0 and %s kB.",
                        MAX_ATTACHMENT_LIMIT_KB,
                    )
                )

    @api.model
    def _shop_order_alias_values(self, company, alias_name):
        return {
            "alias_name": alias_name,
            "alias_model_id": self.env["ir.model"]._get_id("sale.order"),
            # the marker routes the alias's emails to the order requests
            # (sale.order's route check and message_new); other sale.order
            # aliases keep Odoo's behaviour
            "alias_defaults": repr(
                {"company_id": company.id, "shop_is_email_request": True}
            ),
            "alias_contact": "everyone",
            "alias_domain_id": company.alias_domain_id.id,
        }

    def _shop_order_set_alias(self, alias_name):
        """Create, rename or remove the company's order alias."""
        Alias = self.env["mail.alias"].sudo()
        for company in self:
            alias = company.sudo().shop_order_alias_id
            if not alias_name:
                if alias:
                    company.sudo().shop_order_alias_id = False
                    alias.unlink()
                continue
            values = self._shop_order_alias_values(company, alias_name)
            if alias:
                alias.write(values)
            else:
                company.sudo().shop_order_alias_id = Alias.create(values)
