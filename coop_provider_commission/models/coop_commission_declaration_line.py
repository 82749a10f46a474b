# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import declaration_import


class CoopCommissionDeclarationLine(models.Model):
    _name = "coop.commission.declaration.line"
    _description = "Provider Turnover Declaration Line"
    _order = "declaration_id, date, id"

    declaration_id = fields.Many2one(
        "coop.commission.declaration", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="declaration_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="declaration_id.currency_id")
    provider_id = fields.Many2one(
        related="declaration_id.provider_id", store=True, index=True
    )
    state = fields.Selection(
        related="declaration_id.state", store=True, string="Status"
    )
    client_id = fields.Many2one("res.partner", required=True)
    invoice_ref = fields.Char(
        string="Invoice Reference",
        required=True,
        size=declaration_import.REF_MAX_LENGTH,
    )
    date = fields.Date(required=True, string="Invoice Date")
    amount = fields.Monetary(currency_field="currency_id", required=True)
    quantity = fields.Float(
        string="Units", default=1.0, digits="Product Unit of Measure"
    )
    product_id = fields.Many2one("product.product")

    _sql_constraints = (
        (
            "invoice_ref_uniq",
            "unique(company_id, provider_id, invoice_ref)",
            "This invoice reference was already declared.",
        ),
    )

    @api.model_create_multi
    def create(self, vals_list):
        declarations = self.env["coop.commission.declaration"].browse(
            {vals["declaration_id"] for vals in vals_list if vals.get("declaration_id")}
        )
        declarations._check_draft()
        for vals in vals_list:
            self._check_amount_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        """The lines of a submitted or validated declaration are as declared."""
        self.declaration_id._check_draft()
        self._check_amount_values(vals)
        if vals.get("declaration_id"):
            self.declaration_id.browse(vals["declaration_id"])._check_draft()
        return super().write(vals)

    def unlink(self):
        self.declaration_id._check_draft()
        return super().unlink()

    def _amount_error_text(self):
        return self.env._(
            "Declared amounts and units must be numbers, cannot be negative "
            "nor exceed %(max)s.",
            max=declaration_import.MAX_AMOUNT_TEXT,
        )

    def _check_amount_values(self, vals):
        """Refuse NaN, infinite, negative or huge values before the ORM
        rounds them (NaN cannot even be rounded)."""
        if declaration_import.bad_numbers(vals, ("amount", "quantity")):
            raise ValidationError(self._amount_error_text())

    @api.constrains("amount", "quantity", "date", "client_id")
    def _check_line(self):
        network = self.env["coop.network.client"].sudo()
        portfolios = {}
        for line in self:
            declaration = line.declaration_id
            if declaration_import.amount_error(
                line.amount
            ) or declaration_import.amount_error(line.quantity):
                raise ValidationError(self._amount_error_text())
            if not declaration.date_from <= line.date <= declaration.date_to:
                raise ValidationError(
                    self.env._(
                        "Invoice %(ref)s: its date is outside the declared period.",
                        ref=line.invoice_ref,
                    )
                )
            key = (declaration.company_id.id, declaration.provider_id.id)
            if key not in portfolios:
                portfolios[key] = set(
                    network.search(
                        [
                            ("company_id", "=", key[0]),
                            ("provider_id", "=", key[1]),
                        ]
                    ).client_id.ids
                )
            if line.client_id.id not in portfolios[key]:
                raise ValidationError(
                    self.env._(
                        "%(client)s is not in the network portfolio of %(provider)s.",
                        client=line.client_id.display_name,
                        provider=declaration.provider_id.display_name,
                    )
                )
