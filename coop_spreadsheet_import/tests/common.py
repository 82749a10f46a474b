# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Spreadsheet files for the tests of the imports: the same rows written in
every format Odoo's import reads."""

import csv
import io
from datetime import date

import openpyxl
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

# what Odoo's reader logs before it gives up on a broken file
READER_LOGGER = "odoo.addons.base_import.models.base_import"


def csv_bytes(rows, separator=",", encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xls_bytes(rows):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for row_index, row in enumerate(rows):
        for col_index, value in enumerate(row):
            style = date_style if isinstance(value, date) else xlwt.Style.default_style
            sheet.write(row_index, col_index, value, style)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ods_bytes(rows):
    """An OpenDocument spreadsheet of text cells (dates as DD.MM.YYYY)."""
    document = OpenDocumentSpreadsheet()
    table = Table(name="Sheet1")
    for row in rows:
        table_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=_text(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _text(value):
    return value.strftime("%d.%m.%Y") if isinstance(value, date) else str(value)


def spreadsheet_files(rows, name="rows"):
    """``(file name, content)`` of ``rows`` in each format the imports read:
    comma-separated UTF-8, semicolon-separated latin-1, tab-separated UTF-8
    with a BOM (.txt), XLSX, XLS and ODS. Date cells are typed in workbooks,
    DD.MM.YYYY text elsewhere."""
    text_rows = [[_text(value) for value in row] for row in rows]
    return [
        (f"{name}.csv", csv_bytes(text_rows)),
        (f"{name}-latin.csv", csv_bytes(text_rows, ";", "latin-1")),
        (f"{name}.txt", csv_bytes(text_rows, "\t", "utf-8-sig")),
        (f"{name}.xlsx", xlsx_bytes(rows)),
        (f"{name}.xls", xls_bytes(rows)),
        (f"{name}.ods", ods_bytes(rows)),
    ]
