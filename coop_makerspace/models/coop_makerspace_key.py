# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

KINDS = [("key_set", "Key Set"), ("badge", "RFID Badge")]
STATES = [
    ("available", "Available"),
    ("issued", "Issued"),
    ("returned", "Returned"),
    ("lost", "Lost"),
]
REFERENCE_SIZE = 32


class CoopMakerspaceKey(models.Model):
    """A physical key set or RFID badge of the premises (003 §8.2): only the
    bureau copies and lends them; its state follows its issues."""

    _name = "coop.makerspace.key"
    _description = "Makerspace Key or Badge"
    _inherit = ("mail.thread", "mail.activity.mixin", "coop.membership.bounds.mixin")
    _order = "kind, name"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", size=REFERENCE_SIZE, required=True, tracking=True
    )
    kind = fields.Selection(KINDS, required=True, default="key_set", tracking=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    issue_ids = fields.One2many("coop.makerspace.key.issue", "key_id", string="Issues")
    state = fields.Selection(
        STATES,
        compute="_compute_state",
        store=True,
        tracking=True,
        help="Available: never issued; Issued: a holder has it; Returned: back "
        "in the bureau's hands; Lost: declared lost (or charged as such).",
    )
    current_issue_id = fields.Many2one(
        "coop.makerspace.key.issue", compute="_compute_state", store=True
    )
    holder_partner_id = fields.Many2one(
        "res.partner",
        string="Holder",
        compute="_compute_state",
        store=True,
        index=True,
    )
    note = fields.Text()

    _sql_constraints = (
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A key or badge reference is unique in a cooperative.",
        ),
    )

    @api.depends(
        "issue_ids.date_issued", "issue_ids.date_returned", "issue_ids.date_lost"
    )
    def _compute_state(self):
        for key in self:
            held = key.issue_ids.filtered(lambda i: i.state == "open")[:1]
            last = held or max(
                key.issue_ids,
                key=lambda i: (i.date_issued, i._origin.id or 0),
                default=key.issue_ids.browse(),
            )
            is_open = bool(held)
            key.current_issue_id = last if is_open else False
            key.holder_partner_id = last.holder_partner_id if is_open else False
            key.state = (last.state == "open" and "issued") or last.state or "available"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_reference_free(
                vals.get("name"), vals.get("company_id") or self.env.company.id
            )
        return super().create(vals_list)

    def write(self, vals):
        if "name" in vals or "company_id" in vals:
            for key in self:
                key._check_reference_free(
                    vals.get("name", key.name),
                    vals.get("company_id", key.company_id.id),
                    key,
                )
        return super().write(vals)

    @api.model
    def _check_reference_free(self, name, company_id, key=None):
        """Refuse a reference another key of the company has, before the
        database does."""
        if not isinstance(name, str):
            return
        if self.sudo().search_count(
            [
                ("name", "=", name),
                ("company_id", "=", company_id),
                ("id", "!=", key.id if key else False),
            ]
        ):
            raise ValidationError(
                self.env._(
                    "The reference %s is already used by another key or badge.",
                    name,
                )
            )

    @api.constrains("name", "company_id")
    def _check_name(self):
        for key in self:
            if not key.name.strip():
                raise ValidationError(self.env._("A key needs a reference."))

    def _check_state(self, allowed, message):
        """Refuse the transition unless every key is in an ``allowed`` state;
        ``message`` (translated) names ``%(key)s`` and ``%(state)s``."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for key in self:
            if key.state not in allowed:
                raise UserError(
                    message % {"key": key.display_name, "state": labels[key.state]}
                )

    def action_issue(self):
        """The issue form of this key, for the bureau to name the holder."""
        self.ensure_one()
        self.check_access("write")
        self._check_state(
            ("available", "returned"),
            self.env._(
                "%(key)s is %(state)s: only an available or returned key can be issued."
            ),
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Issue %s", self.display_name),
            "res_model": "coop.makerspace.key.issue",
            "view_mode": "form",
            "target": "new",
            "context": {"default_key_id": self.id},
        }

    def action_return(self):
        self.check_access("write")
        self._check_state(
            ("issued",),
            self.env._("%(key)s is %(state)s: only an issued key can be returned."),
        )
        self.current_issue_id._close("date_returned")
        return True

    def action_declare_lost(self):
        self.check_access("write")
        self._check_state(
            ("issued",),
            self.env._(
                "%(key)s is %(state)s: only an issued key can be declared lost."
            ),
        )
        self.current_issue_id._close("date_lost")
        return True
