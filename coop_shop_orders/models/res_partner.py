# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.mail import parse_contact_from_email

from ..tools.mail_request import pick_partner


class ResPartner(models.Model):
    _inherit = "res.partner"

    shop_to_verify = fields.Boolean(
        string="To verify (created from an order email)",
        help="Contact created automatically from an order request email by an "
        "unknown sender: check it before quoting.",
    )

    @api.model
    def _shop_find_customer(self, email, company):
        """The contact an order email from ``email`` is for: a member's
        contact first (see ``pick_partner``), among the company's contacts."""
        if not email:
            return self.browse()
        partners = (
            self.sudo()
            .with_context(active_test=True)
            .search(
                [
                    ("email_normalized", "=", email),
                    ("company_id", "in", [False, company.id]),
                ],
                order="id",
                limit=20,
            )
        )
        tag = company.shop_order_member_category_id
        best = pick_partner(
            {
                "id": p.id,
                "is_member": bool(
                    tag
                    and (
                        tag in p.category_id
                        or tag in p.commercial_partner_id.category_id
                    )
                ),
                "is_company": p.is_company,
                "to_verify": p.shop_to_verify,
            }
            for p in partners
        )
        return self.browse(best)

    @api.model
    def _shop_create_contact(self, email_from):
        """A contact for an unknown sender, flagged to verify. Not
        ``find_or_create``: that one would return a contact of another
        company with the same address."""
        name, email = parse_contact_from_email(email_from or "")
        email = email or email_from
        return self.sudo().create(
            {
                "name": name or email,
                "email": email,
                "shop_to_verify": True,
            }
        )

    def action_shop_mark_verified(self):
        """Sales staff confirm a contact created from an order email."""
        if not self.env.user.has_group("sales_team.group_sale_salesman"):
            raise AccessError(
                self.env._("Only sales staff may mark a contact as verified.")
            )
        self.check_access("write")
        self.write({"shop_to_verify": False})
        return True
