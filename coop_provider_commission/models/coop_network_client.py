# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CoopNetworkClient(models.Model):
    _name = "coop.network.client"
    _description = "Business Network Client"
    # rating.mixin is a mail.thread with Odoo's ratings (the client rates its mediator)
    _inherit = ("rating.mixin",)
    _order = "provider_id, client_id"
    _rec_name = "client_id"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    client_id = fields.Many2one("res.partner", required=True, index=True, tracking=True)
    provider_id = fields.Many2one(
        "res.partner", required=True, index=True, tracking=True
    )
    origin = fields.Selection(
        [
            ("provider", "Brought by the provider"),
            ("cooperative", "Found by the cooperative"),
        ],
        required=True,
        default="provider",
        tracking=True,
        string="Brought By",
    )
    date_entered = fields.Date(
        string="Entered the Network", required=True, default=fields.Date.context_today
    )
    date_entrusted = fields.Date(
        string="Entrusted to the Cooperative",
        tracking=True,
        help="Date the provider handed this client over to the cooperative: "
        "agreements limited to the first months after the client is entrusted "
        "count from this date.",
    )
    replacement_provider_id = fields.Many2one("res.partner", tracking=True)
    date_left = fields.Date(string="Left the Network", readonly=True)
    active = fields.Boolean(default=True, tracking=True)
    note = fields.Text(string="Notes")

    @api.constrains("client_id", "provider_id", "replacement_provider_id", "active")
    def _check_client(self):
        for record in self:
            if record.client_id == record.provider_id:
                raise ValidationError(
                    self.env._("A provider cannot be its own network client.")
                )
            if record.replacement_provider_id == record.provider_id:
                raise ValidationError(
                    self.env._("The replacement provider must be another provider.")
                )
            if record.active and self.search_count(
                [
                    ("id", "!=", record.id),
                    ("client_id", "=", record.client_id.id),
                    ("company_id", "=", record.company_id.id),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "%(client)s is already a network client of this company.",
                        client=record.client_id.display_name,
                    )
                )
