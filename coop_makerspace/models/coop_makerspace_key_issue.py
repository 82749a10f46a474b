# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

ISSUE_STATES = [("open", "Held"), ("returned", "Returned"), ("lost", "Lost")]
# what may still change on a closed issue
CLOSED_WRITABLE = {"note", "fee_move_id"}


class CoopMakerspaceKeyIssue(models.Model):
    """A key set or badge lent to a holder, until returned or lost; a key has
    at most one open issue."""

    _name = "coop.makerspace.key.issue"
    _description = "Makerspace Key Issue"
    _inherit = ("mail.thread",)
    _order = "date_issued desc, id desc"
    _rec_name = "key_id"
    _check_company_auto = True

    key_id = fields.Many2one(
        "coop.makerspace.key",
        string="Key or Badge",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    kind = fields.Selection(related="key_id.kind", store=True)
    company_id = fields.Many2one(related="key_id.company_id", store=True, index=True)
    holder_partner_id = fields.Many2one(
        "res.partner", string="Holder", required=True, index=True, tracking=True
    )
    date_issued = fields.Date(
        string="Issued On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    date_returned = fields.Date(string="Returned On", tracking=True, copy=False)
    date_lost = fields.Date(string="Lost On", tracking=True, copy=False)
    state = fields.Selection(
        ISSUE_STATES, compute="_compute_state", store=True, index=True
    )
    note = fields.Text()

    def init(self):
        """At most one open issue per key, in the database too."""
        name = "coop_makerspace_key_issue_one_open_uniq"
        if not tools.index_exists(self.env.cr, name):
            self.env.cr.execute(
                SQL(
                    "CREATE UNIQUE INDEX %s ON %s (key_id) "
                    "WHERE date_returned IS NULL AND date_lost IS NULL",
                    SQL.identifier(name),
                    SQL.identifier(self._table),
                )
            )

    @api.depends("date_returned", "date_lost")
    def _compute_state(self):
        for issue in self:
            issue.state = (
                (issue.date_lost and "lost")
                or (issue.date_returned and "returned")
                or "open"
            )

    @api.constrains("key_id", "date_issued", "date_returned", "date_lost")
    def _check_issue(self):
        for issue in self:
            if issue.date_returned and issue.date_lost:
                raise ValidationError(
                    self.env._("A key is either returned or lost, not both.")
                )
            end = issue.date_returned or issue.date_lost
            if end and end < issue.date_issued:
                raise ValidationError(
                    self.env._("A key cannot come back before it was issued.")
                )
            if issue.state == "open" and issue.key_id.issue_ids.filtered(
                lambda other, issue=issue: other != issue and other.state == "open"
            ):
                raise ValidationError(
                    self.env._(
                        "%s is already issued: it must be returned first.",
                        issue.key_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Key = self.env["coop.makerspace.key"]
        # closed issues first: the database allows one open issue per key
        self.flush_model(["date_returned", "date_lost"])
        for vals in vals_list:
            key = Key.browse(vals.get("key_id"))
            if key.exists() and key.state not in ("available", "returned"):
                key._check_state(
                    (),
                    self.env._(
                        "%(key)s is %(state)s: only an available or returned key "
                        "can be issued."
                    ),
                )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - CLOSED_WRITABLE and any(i.state != "open" for i in self):
            raise UserError(
                self.env._("A returned or lost key's issue can no longer change.")
            )
        return super().write(vals)

    def _close(self, date_field, day=None):
        """Close the open issues as returned or lost (``date_field``)."""
        if any(issue.state != "open" for issue in self):
            raise UserError(self.env._("Only a held key can be returned or lost."))
        self.write({date_field: day or fields.Date.context_today(self)})
