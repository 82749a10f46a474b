# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A large declaration file imported in the background: stored with the
declaration, then the cron checks every row at once (a bad row: nothing is
written, the report lists every bad row by its number) and creates the lines
in batches (a commit per batch, Odoo's ``_notify_progress``); a batch that
fails removes the lines the import created. The state, progress and outcome
are shown on the declaration."""

import base64
import json

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import params

IMPORT_ACTIVE = ("queued", "importing")
# files larger than this many bytes are imported in the background (a CSV
# of 10,000 lines is about 450 kB and takes 4 to 5 s in the request)
REQUEST_PARAM = ("coop_provider_commission.import_request_max_bytes", 500000, 0)
# lines created per batch (5,000 lines: about 2 s; ten batches to a cron
# worker's unit of work, far within its 60 s CPU and 120 s real limits)
BATCH_PARAM = ("coop_provider_commission.import_batch_size", 5000, 1)


class CoopCommissionDeclaration(models.Model):
    # one file per concern (as account splits account.move.line)
    _inherit = "coop.commission.declaration"  # pylint: disable=consider-merging-classes-inherited

    import_state = fields.Selection(
        [
            ("none", "None"),
            ("queued", "Queued"),
            ("importing", "Importing"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        string="Background Import",
        default="none",
        required=True,
        readonly=True,
        copy=False,
    )
    import_file_id = fields.Many2one(
        "ir.attachment", string="Imported File", readonly=True, copy=False
    )
    # the checked lines waiting to be created, one JSON list a line (an
    # attachment of the field: not listed with the declaration's files)
    import_staging = fields.Binary(attachment=True, readonly=True, copy=False)
    import_total = fields.Integer(string="Lines to Import", readonly=True, copy=False)
    import_done = fields.Integer(string="Lines Imported", readonly=True, copy=False)
    import_progress = fields.Float(compute="_compute_import_progress")
    import_error = fields.Text(string="Import Errors", readonly=True, copy=False)
    import_user_id = fields.Many2one(
        "res.users", string="Import Started By", readonly=True, copy=False
    )
    import_first_line_id = fields.Integer(readonly=True, copy=False)

    @api.depends("import_done", "import_total")
    def _compute_import_progress(self):
        for declaration in self:
            total = declaration.import_total
            declaration.import_progress = (
                100.0 * declaration.import_done / total if total else 0.0
            )

    @api.model
    def _import_batch_size(self):
        """Lines created per batch of the background import."""
        return params.bounded_param(self.env, BATCH_PARAM)

    @api.model
    def _import_request_max_bytes(self):
        """The largest file imported in the request (0: none)."""
        return params.bounded_param(self.env, REQUEST_PARAM)

    def _check_import_idle(self):
        """Refuse to change the lines while a background import runs."""
        for declaration in self:
            if declaration.import_state in IMPORT_ACTIVE:
                raise UserError(
                    self.env._(
                        "A file is being imported into %s: wait until the "
                        "import is done.",
                        declaration.display_name,
                    )
                )

    def _import_in_background(self, content):
        """Whether the file ``content`` (bytes) is too large to be imported
        in the request (0: every file goes to the background)."""
        return len(content) > self._import_request_max_bytes()

    def _queue_import(self, filename, content, user):
        """Store the file with the declaration and queue its import for the
        cron (the caller checked the access and the draft state; ``user``
        sent the file)."""
        self.ensure_one()
        self._coop_spreadsheet_check_name(filename)
        self._lock_import_or_refuse()
        self._check_import_idle()
        declaration = self.sudo()
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": filename,
                    "raw": content,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        declaration.write(
            {
                "import_state": "queued",
                "import_file_id": attachment.id,
                "import_total": 0,
                "import_done": 0,
                "import_error": False,
                "import_user_id": user.id,
                "import_first_line_id": 0,
                "import_staging": False,
            }
        )
        declaration.message_post(
            body=self.env._(
                "%(user)s sent %(file)s: it is imported in the background.",
                user=user.name,
                file=filename,
            ),
            attachment_ids=attachment.ids,
        )
        self.env.ref("coop_provider_commission.ir_cron_declaration_import")._trigger()

    def _import_queued_action(self):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Import started"),
                "message": self.env._(
                    "%s is a large file: it is imported in the background. "
                    "The declaration shows its progress.",
                    self.import_file_id.name,
                ),
                "type": "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------ locks

    def _lock_import(self):
        """Lock this declaration's row for a batch; False when another
        request or server holds it."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM coop_commission_declaration WHERE id = %s"
                " FOR NO KEY UPDATE SKIP LOCKED",
                self.id,
            )
        )
        return bool(self.env.cr.fetchone())

    def _lock_import_or_refuse(self):
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM coop_commission_declaration WHERE id = %s"
                        " FOR NO KEY UPDATE NOWAIT",
                        self.id,
                    ),
                    log_exceptions=False,
                )
        except psycopg2.errors.LockNotAvailable as error:
            raise UserError(
                self.env._(
                    "A file is being imported into %s: wait until the import is done.",
                    self.display_name,
                )
            ) from error
        self.invalidate_recordset(["import_state", "state"])

    # ------------------------------------------------------------ the job

    @api.model
    def _cron_import_batch(self):
        """One batch of the first import waiting (the cron calls it again
        while work remains; a commit after each batch)."""
        active = self.sudo().search([("import_state", "in", IMPORT_ACTIVE)], order="id")
        done = 0
        for declaration in active:
            if declaration._lock_import():
                done = declaration._import_batch()
                break
        remaining = sum(
            max(d.import_total - d.import_done, 1)
            for d in active
            if d.import_state in IMPORT_ACTIVE
        )
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    def _import_batch(self):
        """Check the whole file (a queued import) or create the next lines;
        return how many rows or lines were handled."""
        self.ensure_one()
        try:
            with self.env.cr.savepoint():
                self._check_draft()
                if self.import_state == "queued":
                    return self._import_check_file()
                return self._import_create_batch(self._import_batch_size())
        except (UserError, ValidationError) as error:
            self._fail_import(error.args[0] if error.args else str(error))
            return 0

    def _import_check_file(self):
        """Read and check every row of the queued file; stage the valid
        lines or raise the report of every bad row (nothing written)."""
        attachment = self.import_file_id
        if not attachment:
            raise UserError(self.env._("The file to import is gone."))
        rows = self._coop_read_spreadsheet(attachment.name, attachment.raw)
        lines, errors = self._validate_import_rows(rows)
        if errors:
            raise UserError(self._coop_spreadsheet_report(errors))
        staged = "\n".join(json.dumps(self._import_line_cells(line)) for line in lines)
        self.env.cr.execute(
            SQL("SELECT COALESCE(MAX(id), 0) FROM coop_commission_declaration_line")
        )
        self.write(
            {
                "import_state": "importing",
                "import_staging": base64.b64encode(staged.encode()),
                "import_total": len(lines),
                "import_done": 0,
                "import_first_line_id": self.env.cr.fetchone()[0] + 1,
            }
        )
        return len(rows)

    @api.model
    def _import_line_cells(self, line):
        return [
            line["row"],
            line["client_id"],
            line["invoice_ref"],
            line["date"].isoformat(),
            line["amount"],
            line["quantity"],
            line["product_id"],
        ]

    def _staged_lines(self, start, size):
        """The staged lines ``start`` to ``start + size`` as the row
        validator returned them."""
        staged = base64.b64decode(self.import_staging or b"").decode()
        data = staged.split("\n")[start : start + size]
        keys = ("row", "client_id", "invoice_ref", "date", "amount", "quantity")
        return [
            {**dict(zip(keys, cells, strict=False)), "product_id": cells[6]}
            for cells in map(json.loads, data)
        ]

    def _import_create_batch(self, size):
        """Create the next ``size`` staged lines (refused, with their row
        numbers, when another declaration took their references since the
        file was checked); the last batch ends the import."""
        lines = self._staged_lines(self.import_done, size)
        taken = (
            self.env["coop.commission.declaration.line"]
            .sudo()
            .search_fetch(
                [
                    ("company_id", "=", self.company_id.id),
                    ("provider_id", "=", self.provider_id.id),
                    ("invoice_ref", "in", [line["invoice_ref"] for line in lines]),
                ],
                ["invoice_ref"],
            )
        )
        if taken:
            refs = set(taken.mapped("invoice_ref"))
            raise UserError(
                self._coop_spreadsheet_report(
                    [
                        (line["row"], "existing_ref", line["invoice_ref"])
                        for line in lines
                        if line["invoice_ref"] in refs
                    ]
                )
            )
        self._create_validated_lines(lines)
        self.write({"import_done": self.import_done + len(lines)})
        if self.import_done >= self.import_total:
            self._end_import()
        return len(lines)

    def _end_import(self):
        self.write({"import_state": "done", "import_staging": False})
        self.message_post(
            body=self.env._(
                "%(file)s imported: %(count)s line(s).",
                file=self.import_file_id.name,
                count=self.import_done,
            )
        )
        self._notify_import_user("success")

    def _fail_import(self, reason):
        """Remove what the import created and tell why it failed."""
        if self.import_first_line_id:
            self.env["coop.commission.declaration.line"].sudo().search(
                [
                    ("declaration_id", "=", self.id),
                    ("id", ">=", self.import_first_line_id),
                ]
            ).unlink()
        self.write(
            {
                "import_state": "failed",
                "import_error": reason,
                "import_done": 0,
                "import_staging": False,
            }
        )
        self.message_post(
            body=self.env._(
                "%(file)s was not imported: %(reason)s",
                file=self.import_file_id.name,
                reason=reason,
            )
        )
        self._notify_import_user("danger")

    def _notify_import_user(self, kind):
        """Tell who sent the file how its import ended (a notification in
        their open web client, in their language)."""
        user = self.import_user_id
        if not user:
            return
        declaration = self.with_context(lang=user.lang)
        _ = declaration.env._
        if kind == "success":
            message = _(
                "%(name)s: %(count)s line(s) imported.",
                name=declaration.display_name,
                count=declaration.import_done,
            )
        else:
            message = _(
                "%(name)s: the import failed, nothing was imported.",
                name=declaration.display_name,
            )
        user._bus_send(
            "simple_notification",
            {
                "title": _("Declaration import"),
                "message": message,
                "type": kind,
                "sticky": kind == "danger",
            },
        )
