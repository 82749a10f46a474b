# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import board as board_rules
from ..tools import votes as vote_rules

ATTENDANCE_STATES = [
    ("invited", "Invited"),
    (board_rules.PRESENT, "Present"),
    (board_rules.EXCUSED, "Excused"),
    (board_rules.UNEXCUSED, "Absent Without Excuse"),
    (board_rules.REPRESENTED, "Represented by Proxy"),
]
# a proxy goes to a board member expected at, or attending, the meeting
MAY_HOLD = ("invited", board_rules.PRESENT)


class CoopBoardAttendance(models.Model):
    """One board member in office at one board meeting."""

    _name = "coop.board.attendance"
    _description = "Board Meeting Attendance"
    _order = "meeting_id, is_bureau desc, partner_id, id"
    _check_company_auto = True
    _rec_name = "partner_id"

    meeting_id = fields.Many2one(
        "coop.board.meeting", required=True, ondelete="cascade", index=True
    )
    meeting_state = fields.Selection(related="meeting_id.state", store=True)
    meeting_date = fields.Date(related="meeting_id.date", store=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    mandate_id = fields.Many2one(
        "coop.board.mandate",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    membership_id = fields.Many2one(related="mandate_id.membership_id", store=True)
    partner_id = fields.Many2one(
        related="mandate_id.partner_id", store=True, string="Contact"
    )
    is_bureau = fields.Boolean(
        string="Bureau", readonly=True, help="On the bureau on the meeting's date."
    )
    state = fields.Selection(
        ATTENDANCE_STATES, required=True, default="invited", string="Attendance"
    )
    holder_id = fields.Many2one(
        "coop.board.attendance",
        string="Proxy Holder",
        domain="[('meeting_id', '=', meeting_id), ('id', '!=', id)]",
        ondelete="restrict",
        help="The board member holding this member's proxy.",
    )
    proxy_ids = fields.One2many(
        "coop.board.attendance", "holder_id", string="Proxies Held"
    )

    _sql_constraints = (
        (
            "meeting_mandate_uniq",
            "unique(meeting_id, mandate_id)",
            "A board member is listed once per meeting.",
        ),
    )

    @api.constrains("state", "holder_id")
    def _check_proxy(self):
        for line in self:
            if line.state != board_rules.REPRESENTED:
                if line.holder_id:
                    raise ValidationError(
                        self.env._(
                            "Only a represented board member has a proxy holder."
                        )
                    )
                if line.proxy_ids and line.state not in MAY_HOLD:
                    raise ValidationError(
                        self.env._(
                            "%s holds proxies and must attend the meeting.",
                            line.partner_id.display_name,
                        )
                    )
                continue
            line._check_holder()

    def _check_holder(self):
        self.ensure_one()
        holder = self.holder_id
        if not holder or holder.meeting_id != self.meeting_id:
            raise ValidationError(
                self.env._(
                    "The proxy of %s must go to a board member in office at "
                    "this meeting.",
                    self.partner_id.display_name,
                )
            )
        maximum = self.company_id.coop_board_max_proxies
        error = vote_rules.proxy_error(
            self.id,
            holder.id,
            len(holder.proxy_ids),
            maximum,
            holder_gave=holder.state not in MAY_HOLD,
            giver_holds=bool(self.proxy_ids),
        )
        if error == vote_rules.PROXY_TOO_MANY:
            raise ValidationError(
                self.env._(
                    "%(holder)s would hold %(count)s proxies: at most %(maximum)s "
                    "per board member.",
                    holder=holder.partner_id.display_name,
                    count=len(holder.proxy_ids),
                    maximum=maximum,
                )
            )
        if error:
            raise ValidationError(
                self.env._(
                    "%s cannot hold a proxy: only a board member attending the "
                    "meeting, and not the absent member, may hold one.",
                    holder.partner_id.display_name,
                )
            )

    def _check_editable(self):
        if any(line.meeting_state not in ("convened", "open") for line in self):
            raise UserError(
                self.env._("Attendance is recorded on a convened or open meeting only.")
            )

    def write(self, vals):
        self.env["coop.membership"]._check_manager()
        if set(vals) - {"state", "holder_id"} and not self.env.su:
            raise UserError(self.env._("Only the attendance and the proxy change."))
        self._check_editable()
        return super().write(vals)
