# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.coop_spreadsheet_import.tools.cells import cell_text, normalize_key

from ..tools import declaration_import


class CoopCommissionDeclaration(models.Model):
    """Lines of a declaration: a spreadsheet imported, or one typed line."""

    _inherit = "coop.commission.declaration"

    def _coop_spreadsheet_messages(self):
        _ = self.env._
        return {
            **super()._coop_spreadsheet_messages(),
            "empty": _("The file holds no declaration line."),
            "columns": _(
                "Wrong columns (expected client, invoice_ref, date, amount and "
                "optionally quantity, product): %s"
            ),
            "unknown_client": _("unknown client %s"),
            "not_in_portfolio": _("client %s is not in your network portfolio"),
            "missing_ref": _("the invoice reference is missing"),
            "long_ref": _(
                "the invoice reference is longer than %(max)s characters",
                max=declaration_import.REF_MAX_LENGTH,
            ),
            "duplicate_ref": _("invoice reference %s appears twice in the file"),
            "existing_ref": _("invoice reference %s was already declared"),
            "date_outside": _("the date %s is outside the declared period"),
            "bad_amount": _("the amount %s is not a number"),
            "negative_amount": _("the amount %s is negative"),
            "huge_amount": _("the amount %s is too large"),
            "bad_quantity": _("the quantity %s is not a positive number"),
            "unknown_product": _("unknown product %s"),
        }

    def _network_clients_map(self):
        """{normalized name or reference: (client id, provider id)}."""
        self.ensure_one()
        clients = {}
        records = (
            self.env["coop.network.client"]
            .sudo()
            .search_fetch(
                [("company_id", "=", self.company_id.id)],
                ["client_id", "provider_id"],
            )
        )
        for record in records:
            value = (record.client_id.id, record.provider_id.id)
            for key in (record.client_id.name, record.client_id.ref):
                if key:
                    clients.setdefault(normalize_key(key), value)
        return clients

    def _declared_refs(self):
        self.ensure_one()
        lines = (
            self.env["coop.commission.declaration.line"]
            .sudo()
            .search_fetch(
                [
                    ("provider_id", "=", self.provider_id.id),
                    ("company_id", "=", self.company_id.id),
                ],
                ["invoice_ref"],
            )
        )
        return {normalize_key(ref) for ref in lines.mapped("invoice_ref")}

    def _products_map(self, rows):
        """``{normalized name or internal reference: product id}`` of the
        products named in the file's optional product column."""
        try:
            index = declaration_import.map_columns(rows[0]).get("product")
        except (declaration_import.SpreadsheetError, IndexError):
            return {}
        if index is None:
            return {}
        names = {
            cell_text(row[index])
            for row in rows[1:]
            if len(row) > index and cell_text(row[index])
        }
        if not names:
            return {}
        products = self.env["product.product"].search(
            ["|", ("name", "in", list(names)), ("default_code", "in", list(names))]
        )
        result = {}
        for product in products:
            for key in (product.name, product.default_code):
                if key:
                    result.setdefault(normalize_key(key), product.id)
        return result

    def import_spreadsheet(self, filename, content):
        """RPC endpoint: import a CSV/XLSX/XLS/ODS file (``content``: bytes, or
        base64 text over RPC) into a draft declaration the caller may write.
        Returns True, or the notification of a large file queued for the
        background import."""
        self.ensure_one()
        self.check_access("write")
        if not isinstance(filename, str):
            raise self._coop_spreadsheet_error("encoding")
        self._import_spreadsheet(filename, self._coop_spreadsheet_bytes(content))
        if self.import_state == "queued":
            return self._import_queued_action()
        return True

    def _import_spreadsheet(self, filename, content, user=None):
        """Validate every row of a CSV/XLSX/XLS/ODS file, then create all its lines
        at once; raise a UserError listing every bad row otherwise. A file too
        large for the request is queued for the background import instead
        (no line returned; ``user``, by default the environment's, is told
        how it ends)."""
        self.ensure_one()
        self._check_draft()
        self._check_import_idle()
        if not content:
            raise self._coop_spreadsheet_error("no_file")
        if self._import_in_background(content):
            self._queue_import(filename, content, user or self.env.user)
            return self.env["coop.commission.declaration.line"]
        rows = self._coop_read_spreadsheet(filename, content)
        lines, errors = self._validate_import_rows(rows)
        if errors:
            raise UserError(self._coop_spreadsheet_report(errors))
        return self._create_validated_lines(lines)

    def _validate_import_rows(self, rows):
        """``(lines, errors)`` of the rows read from a file (see
        :func:`..tools.declaration_import.validate_rows`)."""
        return declaration_import.validate_rows(
            rows,
            self._network_clients_map(),
            self.provider_id.id,
            self._declared_refs(),
            self.date_from,
            self.date_to,
            self._products_map(rows),
        )

    def _create_validated_lines(self, lines):
        """Create the lines the row validator returned."""
        return self.env["coop.commission.declaration.line"].create(
            [
                {
                    "declaration_id": self.id,
                    "client_id": line["client_id"],
                    "invoice_ref": line["invoice_ref"],
                    "date": line["date"],
                    "amount": line["amount"],
                    "quantity": line["quantity"],
                    "product_id": line["product_id"],
                }
                for line in lines
            ]
        )

    def _add_manual_line(self, client_id, invoice_ref, date, amount):
        """One line typed on the portal, with the checks of a spreadsheet row
        (portfolio, reference not declared yet, date in the month, amount a
        positive number); raise a UserError naming every problem.

        Only the provider's own network clients are known: any other partner
        is refused without a word about it (no name, no owner)."""
        self.ensure_one()
        self._check_draft()
        self._check_import_idle()
        portfolio = (
            self.env["coop.network.client"]
            .sudo()
            .search_count(
                [
                    ("company_id", "=", self.company_id.id),
                    ("provider_id", "=", self.provider_id.id),
                    ("client_id", "=", client_id),
                ],
                limit=1,
            )
        )
        clients = {"client": (client_id, self.provider_id.id)} if portfolio else {}
        lines, errors = declaration_import.validate_rows(
            [
                ["client", "invoice_ref", "date", "amount"],
                ["client", invoice_ref, date, amount],
            ],
            clients,
            self.provider_id.id,
            self._declared_refs(),
            self.date_from,
            self.date_to,
        )
        if errors:
            texts = self._coop_spreadsheet_texts(errors)
            for index, error in enumerate(errors):
                if error[1] == "unknown_client":
                    texts[index] = self.env._(
                        "this client is not in your network portfolio"
                    )
            raise UserError("\n".join(text[:1].upper() + text[1:] for text in texts))
        return self._create_validated_lines(lines)
