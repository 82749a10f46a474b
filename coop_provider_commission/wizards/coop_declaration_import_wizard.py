# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class CoopDeclarationImportWizard(models.TransientModel):
    _name = "coop.declaration.import.wizard"
    _description = "Import a Declaration Spreadsheet"

    declaration_id = fields.Many2one(
        "coop.commission.declaration", required=True, ondelete="cascade"
    )
    file = fields.Binary(string="Spreadsheet", required=True)
    filename = fields.Char(string="File Name")

    def action_import(self):
        self.ensure_one()
        # the public import checks the access and decodes the base64 text
        content = self.file
        result = self.declaration_id.import_spreadsheet(
            self.filename or "",
            content.decode() if isinstance(content, bytes) else content or "",
        )
        if isinstance(result, dict):  # a large file, queued
            return result
        return {"type": "ir.actions.act_window_close"}
