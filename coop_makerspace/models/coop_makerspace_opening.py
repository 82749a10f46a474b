# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import openings

KINDS = [(openings.OFFICIAL, "Official"), (openings.UNOFFICIAL, "Unofficial")]
LOCKED_WHEN_DONE = {
    "name",
    "date_start",
    "date_end",
    "kind",
    "company_id",
    "attendance_ids",
}
STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class CoopMakerspaceOpening(models.Model):
    """A time the premises are open (003 §8.1): official openings are
    published in advance and need two board members throughout; unofficial
    ones one board member and at most five members."""

    _name = "coop.makerspace.opening"
    _description = "Makerspace Opening"
    _inherit = ("mail.thread", "mail.activity.mixin", "coop.membership.bounds.mixin")
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, size=64, tracking=True)
    date_start = fields.Datetime(string="Start", required=True, tracking=True)
    date_end = fields.Datetime(string="End", required=True, tracking=True)
    kind = fields.Selection(
        KINDS, required=True, default=openings.OFFICIAL, tracking=True
    )
    state = fields.Selection(
        STATES, required=True, default="draft", readonly=True, tracking=True
    )
    responsible_id = fields.Many2one(
        "res.partner",
        default=lambda self: self.env.user.partner_id,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    attendance_ids = fields.One2many("coop.makerspace.opening.attendance", "opening_id")
    board_present_count = fields.Integer(
        string="Board Members Present", compute="_compute_counts"
    )
    member_present_count = fields.Integer(
        string="Members Present", compute="_compute_counts"
    )

    @api.depends("attendance_ids.check_in", "attendance_ids.partner_id", "date_start")
    def _compute_counts(self):
        for opening in self:
            board, members = opening._head_count(present_only=True)
            opening.board_present_count = board
            opening.member_present_count = members

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for opening in self:
            if opening.date_end <= opening.date_start:
                raise ValidationError(self.env._("An opening ends after it starts."))

    def write(self, vals):
        if set(vals) & LOCKED_WHEN_DONE and any(o.state == "done" for o in self):
            raise UserError(self.env._("A closed opening can no longer change."))
        return super().write(vals)

    def _board_partner_ids(self):
        """Partners holding a board mandate on the opening's day."""
        self.ensure_one()
        if not self.date_start:
            return set()
        day = fields.Date.context_today(self, self.date_start)
        Mandate = self.env["coop.board.mandate"].sudo()
        mandates = Mandate.search(Mandate._in_office_domain(self.company_id, day))
        return set(mandates.partner_id.ids)

    def _head_count(self, present_only, exclude=None):
        """``(board members, other members)`` on the attendance, the
        checked-in ones only when ``present_only``, without ``exclude``."""
        self.ensure_one()
        board_ids = self._board_partner_ids()
        lines = self.attendance_ids - (exclude or self.attendance_ids.browse())
        if present_only:
            lines = lines.filtered("check_in")
        board = len([line for line in lines if line.partner_id.id in board_ids])
        return board, len(lines) - board

    def _check_schedule(self):
        """The planned attendance meets the rules of the opening's kind."""
        for opening in self:
            board, members = opening._head_count(present_only=False)
            rules = opening.company_id._coop_opening_rules()
            for short in openings.shortfalls(
                opening.kind, board, members, rules, scheduling=True
            ):
                raise UserError(opening._schedule_message(short))

    def _schedule_message(self, short):
        if short.code == openings.BOARD_MISSING:
            return self.env._(
                "%(opening)s cannot be confirmed: it needs %(required)s board "
                "members planned, it has %(actual)s.",
                opening=self.display_name,
                required=short.required,
                actual=short.actual,
            )
        return self.env._(
            "%(opening)s cannot be confirmed: an unofficial opening admits at "
            "most %(required)s members besides the board, %(actual)s are planned.",
            opening=self.display_name,
            required=short.required,
            actual=short.actual,
        )

    def _check_state(self, allowed):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for opening in self:
            if opening.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(opening)s is %(state)s: this step is not possible.",
                        opening=opening.display_name,
                        state=labels[opening.state],
                    )
                )

    def action_confirm(self):
        self.check_access("write")
        self._check_state(("draft",))
        self._check_schedule()
        self.write({"state": "confirmed"})
        return True

    def action_done(self):
        self.check_access("write")
        self._check_state(("confirmed",))
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self.check_access("write")
        self._check_state(("draft", "confirmed"))
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        self.check_access("write")
        self._check_state(("cancelled",))
        self.write({"state": "draft"})
        return True
