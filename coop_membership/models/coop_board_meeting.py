# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import board as board_rules
from .coop_membership_directory import DIRECTORY_STATES

INTERNAL = "coop_membership.group_coop_user"
STATES = [
    ("draft", "Draft"),
    ("convened", "Convened"),
    ("open", "Open"),
    ("held", "Held"),
    ("cancelled", "Cancelled"),
]
# fields fixed once the convocation is sent; the minutes stay editable
CONVENED_LOCKED = {"name", "date", "company_id", "agenda", "late_reason"}
CLOSED_EDITABLE = {"minutes", "minutes_file", "minutes_filename"}


class CoopBoardMeeting(models.Model):
    _name = "coop.board.meeting"
    _description = "Board Meeting"
    _inherit = ("mail.thread", "mail.activity.mixin", "coop.membership.bounds.mixin")
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, size=128, tracking=True)
    date = fields.Date(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        STATES, required=True, default="draft", tracking=True, copy=False
    )
    agenda = fields.Html(groups=INTERNAL)
    convened_on = fields.Date(readonly=True, copy=False, groups=INTERNAL)
    late_reason = fields.Text(
        string="Reason for a Late Convocation",
        copy=False,
        groups=INTERNAL,
        help="Required to convene the board with less notice than the company's.",
    )
    attendance_ids = fields.One2many(
        "coop.board.attendance", "meeting_id", groups=INTERNAL
    )
    decision_ids = fields.One2many(
        "coop.board.decision", "meeting_id", string="Decisions", groups=INTERNAL
    )
    attending_count = fields.Integer(
        compute="_compute_quorum", string="Attending", groups=INTERNAL
    )
    quorum_reached = fields.Boolean(compute="_compute_quorum", groups=INTERNAL)
    minutes = fields.Html(help="Shared with the members once the meeting is held.")
    minutes_file = fields.Binary(string="Signed Minutes", attachment=True, copy=False)
    minutes_filename = fields.Char(size=256, copy=False)
    member_readable = fields.Boolean(
        compute="_compute_member_readable",
        search="_search_member_readable",
        help="The meeting belongs to a cooperative the current user is a member of.",
    )

    @api.depends(
        "attendance_ids.state",
        "attendance_ids.is_bureau",
        "company_id.coop_board_quorum_proxies",
    )
    def _compute_quorum(self):
        for meeting in self:
            meeting.attending_count = len(meeting._attending())
            meeting.quorum_reached = not meeting._quorum_shortfalls()

    def _attending(self):
        self.ensure_one()
        proxies_count = self.company_id.coop_board_quorum_proxies
        return self.attendance_ids.filtered(
            lambda line: board_rules.attends(line.state, proxies_count)
        )

    def _quorum_shortfalls(self):
        self.ensure_one()
        company = self.company_id
        return board_rules.quorum_shortfalls(
            self._attending().mapped("is_bureau"),
            company.coop_board_quorum_members,
            company.coop_board_quorum_outside_bureau,
            company.coop_board_quorum_bureau,
        )

    def _compute_member_readable(self):
        companies = self._member_companies()
        for meeting in self:
            meeting.member_readable = meeting.company_id in companies

    @api.model
    def _member_companies(self):
        """Companies where the current user is a current member."""
        partner = self.env.user.partner_id.commercial_partner_id
        return (
            self.env["coop.membership"]
            .sudo()
            .search(
                [("partner_id", "=", partner.id), ("state", "in", DIRECTORY_STATES)]
            )
            .company_id
        )

    @api.model
    def _search_member_readable(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the member access."))
        positive = (operator == "=") == value
        return [
            ("company_id", "in" if positive else "not in", self._member_companies().ids)
        ]

    # ------------------------------------------------------------ CRUD

    def write(self, vals):
        if CONVENED_LOCKED & set(vals) and any(m.state != "draft" for m in self):
            raise UserError(
                self.env._(
                    "The board was convened: the meeting's name, date and agenda "
                    "cannot change (cancel it and convene a new one)."
                )
            )
        closed = self.filtered(lambda m: m.state in ("held", "cancelled"))
        if closed and set(vals) - CLOSED_EDITABLE:
            raise UserError(
                self.env._("The meeting is closed: only its minutes can change.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_convened(self):
        if any(m.state not in ("draft", "cancelled") for m in self):
            raise UserError(
                self.env._("Only draft or cancelled board meetings can be deleted.")
            )

    # ------------------------------------------------------------ steps

    def _check_step(self, from_states):
        self.env["coop.membership"]._check_manager()
        self.check_access("write")
        if any(m.state not in from_states for m in self):
            raise UserError(
                self.env._("This step does not apply to the meeting in its state.")
            )

    def action_convene(self):
        """Send the convocation with the agenda to the board members in office."""
        self._check_step(("draft",))
        today = fields.Date.context_today(self)
        for meeting in self:
            meeting._check_notice(today)
            mandates = self.env["coop.board.mandate"].search(
                self.env["coop.board.mandate"]._in_office_domain(
                    meeting.company_id, meeting.date, "board"
                )
            )
            if not mandates:
                raise UserError(
                    self.env._("Nobody sits on the board on %s.", meeting.date)
                )
            self.env["coop.board.attendance"].create(
                [meeting._prepare_attendance_vals(mandate) for mandate in mandates]
            )
            meeting.write({"state": "convened", "convened_on": today})
            meeting._send_convocations()
        return True

    def _check_notice(self, today):
        self.ensure_one()
        days = board_rules.notice_days(today, self.date)
        minimum = self.company_id.coop_board_notice_days
        if board_rules.notice_is_enough(today, self.date, minimum):
            return
        if not (self.late_reason or "").strip():
            raise UserError(
                self.env._(
                    "%(meeting)s is %(days)s day(s) away: the board is convened at "
                    "least %(minimum)s calendar days ahead. Give the reason for a "
                    "late convocation to convene it anyway.",
                    meeting=self.name,
                    days=days,
                    minimum=minimum,
                )
            )
        self.message_post(
            body=self.env._(
                "Convened %(days)s day(s) ahead instead of %(minimum)s: %(reason)s",
                days=days,
                minimum=minimum,
                reason=self.late_reason,
            )
        )

    def _prepare_attendance_vals(self, mandate):
        self.ensure_one()
        bureau = self.env["coop.board.mandate"].search_count(
            mandate._in_office_domain(self.company_id, self.date, "bureau")
            + [("membership_id", "=", mandate.membership_id.id)]
        )
        return {
            "meeting_id": self.id,
            "mandate_id": mandate.id,
            "is_bureau": bool(bureau),
        }

    def _send_convocations(self):
        self.ensure_one()
        template = self.env.ref("coop_membership.mail_template_board_convocation")
        template.send_mail_batch(self.attendance_ids.ids)
        self.message_post(
            body=self.env._(
                "Convocation with the agenda sent to %s board member(s).",
                len(self.attendance_ids),
            )
        )

    def action_open(self):
        """Open the meeting if its quorum is reached."""
        self._check_step(("convened",))
        for meeting in self:
            if meeting.date > fields.Date.context_today(meeting):
                raise UserError(
                    self.env._("%s cannot open before its date.", meeting.name)
                )
            shortfalls = meeting._quorum_shortfalls()
            if shortfalls:
                raise UserError(meeting._quorum_message(shortfalls))
        self.write({"state": "open"})
        return True

    def _quorum_message(self, shortfalls):
        company = self.company_id
        labels = {
            board_rules.QUORUM_MEMBERS: self.env._(
                "%s board member(s) attending", company.coop_board_quorum_members
            ),
            board_rules.QUORUM_OUTSIDE: self.env._(
                "%s of them outside the bureau",
                company.coop_board_quorum_outside_bureau,
            ),
            board_rules.QUORUM_BUREAU: self.env._(
                "%s of them on the bureau", company.coop_board_quorum_bureau
            ),
        }
        return self.env._(
            "Quorum not met for %(meeting)s (%(count)s attending): it requires "
            "%(rules)s.",
            meeting=self.name,
            count=len(self._attending()),
            rules=", ".join(labels[condition] for condition in shortfalls),
        )

    def action_held(self):
        """Close the meeting: members not recorded are absent without excuse."""
        self._check_step(("open",))
        self.attendance_ids.filtered(lambda line: line.state == "invited").write(
            {"state": board_rules.UNEXCUSED}
        )
        self.write({"state": "held"})
        self._flag_absences()
        return True

    def _flag_absences(self):
        mandates = self.attendance_ids.mandate_id.filtered("may_be_resigned")
        for mandate in mandates:
            mandate.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("May be considered resigned"),
                note=self.env._(
                    "%(member)s was absent without excuse from the last "
                    "%(count)s board meetings.",
                    member=mandate.partner_id.display_name,
                    count=mandate.company_id.coop_board_absence_limit,
                ),
                user_id=self.env.uid,
            )

    def action_cancel(self):
        self._check_step(("draft", "convened"))
        self.write({"state": "cancelled"})
        return True
