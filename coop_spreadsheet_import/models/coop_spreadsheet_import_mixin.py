# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import binascii
import csv
import os

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.base_import.models.base_import import (
    FILE_TYPE_DICT,
    ImportValidationError,
)

from ..tools import cells

# file type of each extension Odoo's import reads (".txt" or none: CSV text)
FILE_TYPES = {"." + ext: mime for mime, (ext, _h, _r) in FILE_TYPE_DICT.items()}
FILE_TYPES.update({".txt": "text/csv", "": "text/csv"})
# what Odoo's reader raises on a file it cannot read (chardet finds no
# encoding in binary data: AttributeError)
READ_ERRORS = (
    UserError,
    ValueError,
    UnicodeError,
    AttributeError,
    csv.Error,
    ImportValidationError,
)


class CoopSpreadsheetImportMixin(models.AbstractModel):
    """Reads an uploaded spreadsheet as Odoo's Import screen does and reports
    its errors the same way for every import of the cooperative addons: an
    import checks every row (:mod:`..tools.cells` for the cells) and writes
    all its lines or, with one bad row, none and the list of every bad row
    by the row number the spreadsheet shows (the header is row 1)."""

    _name = "coop.spreadsheet.import.mixin"
    _description = "Spreadsheet Import"

    def _coop_spreadsheet_messages(self):
        """The message of each error code (``%s``: the cell or file name);
        extension point: importers add their row rules' codes."""
        _ = self.env._
        return {
            "format": _("Only CSV, XLSX, XLS and ODS files can be imported (%s)."),
            "file": _("The file cannot be read: %s"),
            "encoding": _("The file must be sent as bytes or base64-encoded text."),
            "no_file": _("Please choose a file to upload."),
            "empty": _("The file holds no line."),
            "bad_date": _(
                "the date %s is not a valid date (YYYY-MM-DD, DD.MM.YYYY, "
                "DD/MM/YYYY or DD-MM-YYYY)"
            ),
        }

    def _coop_spreadsheet_texts(self, errors):
        """The message of each ``(row, code, value)`` error."""
        messages = self._coop_spreadsheet_messages()
        return [
            messages[code] % value if "%s" in messages[code] else messages[code]
            for _row, code, value in errors
        ]

    def _coop_spreadsheet_report(self, errors):
        """The message of a refused import: each ``(row, code, value)`` error
        on a line of its own, with its row number."""
        lines = [
            self.env._("Row %(row)s: %(error)s", row=error[0], error=text)
            for error, text in zip(
                errors, self._coop_spreadsheet_texts(errors), strict=True
            )
        ]
        return self.env._(
            "Nothing was imported, %(count)s error(s) found:\n%(errors)s",
            count=len(errors),
            errors="\n".join(lines),
        )

    def _coop_spreadsheet_error(self, code, value=""):
        """The UserError of a file that cannot be imported at all."""
        return UserError(self._coop_spreadsheet_report([(1, code, value)]))

    def _coop_spreadsheet_bytes(self, content):
        """The bytes of an uploaded file: bytes as they are, base64 text
        decoded (the line breaks of wrapped base64 are fine, other text is
        not)."""
        if isinstance(content, str):
            try:
                return base64.b64decode("".join(content.split()), validate=True)
            except (binascii.Error, ValueError) as exc:
                raise self._coop_spreadsheet_error("encoding") from exc
        if not isinstance(content, bytes):
            raise self._coop_spreadsheet_error("encoding")
        return content

    def _coop_spreadsheet_check_name(self, filename):
        """The extension of ``filename``, or the error of a file type Odoo's
        import does not read."""
        extension = os.path.splitext(filename or "")[1].lower()
        if extension not in FILE_TYPES:
            raise self._coop_spreadsheet_error("format", filename or "")
        return extension

    def _coop_read_spreadsheet(self, filename, content):
        """Rows (lists of text cells, the header first) of ``content``
        (bytes) read by Odoo's import: CSV in any encoding with a , ; tab |
        or space separator (a .txt file or one without extension is CSV),
        XLSX, XLS or ODS. Blank rows are left out, as on Odoo's Import
        screen; an empty file has no row."""
        extension = self._coop_spreadsheet_check_name(filename)
        if not content:
            return []
        reader = self.env["base_import.import"].new(
            {
                "res_model": self._name,
                "file": content,
                "file_name": filename,
                "file_type": FILE_TYPES[extension],
            }
        )
        options = {
            "quoting": '"',
            "separator": "",
            "encoding": cells.csv_encoding(content),
            "has_headers": True,
        }
        try:
            return reader._read_file(options)[1]
        except READ_ERRORS as exc:
            raise self._coop_spreadsheet_error("file", str(exc)) from exc
