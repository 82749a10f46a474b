# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

DIRECTORY_STATES = ("active", "passive", "leaving")
DIRECTORY_CHOICES = ("directory_listed", "directory_show_email", "directory_show_phone")


class CoopMembership(models.Model):
    """The member's consent to the member directory (RULES.md M7)."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    directory_listed = fields.Boolean(
        string="Listed in the Member Directory",
        default=lambda self: self.env.company.coop_directory_default_listed,
        tracking=True,
        help="The member agrees to appear (name only) in the member directory "
        "that current members see on the portal.",
    )
    directory_show_email = fields.Boolean(
        string="Email in the Directory",
        tracking=True,
        help="Show the member's email in the directory.",
    )
    directory_show_phone = fields.Boolean(
        string="Phone in the Directory",
        tracking=True,
        help="Show the member's phone in the directory.",
    )

    def _directory_domain(self, companies, search=None):
        """Current members of ``companies`` who agreed to be listed."""
        domain = [
            ("company_id", "in", companies.ids),
            ("state", "in", DIRECTORY_STATES),
            ("directory_listed", "=", True),
        ]
        if search:
            domain.append(("partner_id.name", "ilike", search))
        return domain

    def _directory_entry(self):
        """What the directory publishes of this member: plain values."""
        self.ensure_one()
        partner = self.sudo().partner_id
        return {
            "name": partner.name,
            "email": partner.email if self.directory_show_email else False,
            "phone": partner.phone if self.directory_show_phone else False,
        }

    def _directory_set_choices(self, choices):
        """Store the member's own choices (booleans of DIRECTORY_CHOICES)."""
        vals = {name: bool(choices.get(name)) for name in DIRECTORY_CHOICES}
        if not vals["directory_listed"]:
            vals.update(directory_show_email=False, directory_show_phone=False)
        self.sudo().write(vals)
        return True
