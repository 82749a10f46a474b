# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CoopMakerspaceLicence(models.Model):
    """A free licence the labelled projects publish under (003 §10.5)."""

    _name = "coop.makerspace.licence"
    _description = "Free Licence"
    _inherit = "coop.membership.bounds.mixin"
    _order = "sequence, code"

    name = fields.Char(required=True, size=128, translate=True)
    code = fields.Char(
        string="SPDX Identifier", required=True, size=64, help="E.g. CC-BY-SA-4.0"
    )
    url = fields.Char(string="Licence Text", size=512)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = (
        ("code_uniq", "unique(code)", "A licence's identifier is unique."),
    )
