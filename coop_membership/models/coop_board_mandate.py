# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import board as board_rules

ROLES = [("board", "Board Member"), ("bureau", "Bureau Member")]
BUREAU_FUNCTIONS = [
    ("president", "President"),
    ("treasurer", "Treasurer"),
    ("secretary", "Secretary"),
    ("other", "Other"),
]
SEATED_STATES = ("active", "passive", "leaving")


class CoopBoardMandate(models.Model):
    """A seat on the board, or on the bureau (whose members sit on the board)."""

    _name = "coop.board.mandate"
    _description = "Board Mandate"
    _inherit = ("mail.thread", "mail.activity.mixin", "coop.board.member.mixin")
    _order = "date_start desc, role desc, id desc"
    _check_company_auto = True

    role = fields.Selection(ROLES, required=True, default="board", tracking=True)
    bureau_function = fields.Selection(BUREAU_FUNCTIONS, tracking=True)
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", tracking=True)
    category_id = fields.Many2one(
        "coop.member.category",
        string="Category Represented",
        check_company=True,
        tracking=True,
        help="The member category this board member stands for (itopie).",
    )
    attendance_ids = fields.One2many("coop.board.attendance", "mandate_id")
    may_be_resigned = fields.Boolean(
        string="May Be Considered Resigned",
        compute="_compute_may_be_resigned",
        store=True,
        help="Absent without excuse from the latest consecutive held board "
        "meetings, as many as the company's limit.",
    )
    note = fields.Text()

    @api.depends(
        "attendance_ids.state",
        "attendance_ids.meeting_state",
        "attendance_ids.meeting_date",
        "company_id.coop_board_absence_limit",
    )
    def _compute_may_be_resigned(self):
        for mandate in self:
            held = mandate.attendance_ids.filtered(
                lambda line: line.meeting_state == "held"
            ).sorted(lambda line: (line.meeting_date, line.id), reverse=True)
            mandate.may_be_resigned = board_rules.absence_limit_reached(
                held.mapped("state"), mandate.company_id.coop_board_absence_limit
            )

    @api.onchange("membership_id")
    def _onchange_membership_id(self):
        if self.membership_id and not self.category_id:
            self.category_id = self.membership_id.category_id

    def _interval(self):
        return (self.date_start, self.date_end or None)

    def _others(self, role):
        """The other mandates in ``role`` of the company."""
        return self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("role", "=", role),
                ("id", "not in", self.ids),
            ]
        )

    @api.constrains(
        "membership_id", "role", "bureau_function", "date_start", "date_end"
    )
    def _check_mandate(self):
        for mandate in self:
            mandate._check_dates_and_member()
            others = mandate._others(mandate.role)
            mine = others.filtered(
                lambda m, mandate=mandate: m.membership_id == mandate.membership_id
            )
            if any(
                board_rules.overlaps(m._interval(), mandate._interval()) for m in mine
            ):
                raise ValidationError(
                    self.env._(
                        "%(member)s already holds a %(role)s mandate over these dates.",
                        member=mandate.partner_id.display_name,
                        role=mandate._role_label(),
                    )
                )
            mandate._check_seats(others)
            if mandate.role == "bureau":
                mandate._check_on_board()

    def _role_label(self):
        return dict(self._fields["role"]._description_selection(self.env))[self.role]

    def _check_dates_and_member(self):
        self.ensure_one()
        if self.date_end and self.date_end < self.date_start:
            raise ValidationError(self.env._("A mandate cannot end before it starts."))
        if self.membership_id.state not in SEATED_STATES:
            raise ValidationError(
                self.env._(
                    "%s is not a member: only members sit on the board.",
                    self.partner_id.display_name,
                )
            )
        if self.bureau_function and self.role != "bureau":
            raise ValidationError(
                self.env._("Only bureau members have a bureau function.")
            )

    def _check_seats(self, others):
        self.ensure_one()
        company = self.company_id
        seats = (
            company.coop_bureau_size
            if self.role == "bureau"
            else company.coop_board_size
        )
        intervals = [m._interval() for m in others]
        start, end = self._interval()
        if board_rules.max_concurrent(intervals, start, end) + 1 > seats:
            raise ValidationError(
                self.env._(
                    "The %(role)s seats are all taken over these dates: "
                    "%(company)s has %(seats)s.",
                    role=self._role_label(),
                    company=company.name,
                    seats=seats,
                )
            )

    def _check_on_board(self):
        self.ensure_one()
        board = self._others("board").filtered(
            lambda m: m.membership_id == self.membership_id
        )
        if not board_rules.covers([m._interval() for m in board], *self._interval()):
            raise ValidationError(
                self.env._(
                    "%s needs a board mandate covering the bureau mandate: the "
                    "bureau is chosen among the board.",
                    self.partner_id.display_name,
                )
            )

    @api.model
    def _in_office_domain(self, company, day, role=None):
        domain = [
            ("company_id", "=", company.id),
            ("date_start", "<=", day),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", day),
        ]
        return domain + ([("role", "=", role)] if role else [])
