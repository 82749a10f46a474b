# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import openings


class CoopMakerspaceOpeningAttendance(models.Model):
    """Someone planned at an opening, and their check-in: members come in
    only while the board members the opening needs are there."""

    _name = "coop.makerspace.opening.attendance"
    _description = "Makerspace Opening Attendance"
    _order = "opening_id, check_in, id"
    _rec_name = "partner_id"
    _check_company_auto = True

    opening_id = fields.Many2one(
        "coop.makerspace.opening",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="opening_id.company_id", store=True, index=True
    )
    kind = fields.Selection(related="opening_id.kind")
    opening_state = fields.Selection(related="opening_id.state")
    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True
    )
    check_in = fields.Datetime(string="Checked In At", copy=False)
    is_board_member = fields.Boolean(
        compute="_compute_is_board_member",
        help="Holds a board mandate on the opening's day.",
    )

    _sql_constraints = (
        (
            "opening_partner_uniq",
            "unique(opening_id, partner_id)",
            "A person appears once on an opening's attendance.",
        ),
    )

    @api.depends("partner_id", "opening_id.date_start", "opening_id.company_id")
    def _compute_is_board_member(self):
        for opening in self.opening_id:
            board_ids = opening._board_partner_ids()
            for line in self.filtered(lambda line, o=opening: line.opening_id == o):
                line.is_board_member = line.partner_id.id in board_ids
        (self - self.filtered("opening_id")).is_board_member = False

    @api.model_create_multi
    def create(self, vals_list):
        check_ins = [vals.pop("check_in", False) for vals in vals_list]
        lines = super().create(vals_list)
        for line, check_in in zip(lines, check_ins, strict=True):
            if check_in:
                line.write({"check_in": check_in})
        return lines

    def write(self, vals):
        if "partner_id" in vals and any(line.check_in for line in self):
            raise UserError(self.env._("A checked-in attendance keeps its person."))
        if not vals.get("check_in"):
            return super().write(vals)
        for line in self:
            line._check_check_in()
            super(CoopMakerspaceOpeningAttendance, line).write(vals)
        return True

    def _check_check_in(self):
        """Refuse this check-in when the opening's rules forbid it."""
        self.ensure_one()
        opening = self.opening_id
        if opening.state != "confirmed":
            raise UserError(
                self.env._(
                    "%s: check-ins are taken at a confirmed opening.",
                    opening.display_name,
                )
            )
        board, members = opening._head_count(present_only=True, exclude=self)
        if self.is_board_member:
            board += 1
        else:
            members += 1
        rules = opening.company_id._coop_opening_rules()
        for short in openings.shortfalls(opening.kind, board, members, rules):
            raise UserError(self._check_in_message(short))

    def _check_in_message(self, short):
        if short.code == openings.BOARD_MISSING:
            return self.env._(
                "%(person)s cannot check in yet: members come in once "
                "%(required)s board members are checked in (%(actual)s now).",
                person=self.partner_id.display_name,
                required=short.required,
                actual=short.actual,
            )
        return self.env._(
            "%(person)s cannot check in: an unofficial opening admits at most "
            "%(required)s members besides the board.",
            person=self.partner_id.display_name,
            required=short.required,
        )

    def action_check_in(self):
        self.check_access("write")
        if any(line.check_in for line in self):
            raise UserError(self.env._("Already checked in."))
        self.write({"check_in": fields.Datetime.now()})
        return True
