# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from collections import defaultdict

from odoo import api, fields, models

from ..tools import shift_duty, trial_rules

SHIFT_STATES = [
    (shift_duty.UP_TO_DATE, "Up to date"),
    (shift_duty.LATE, "Late"),
    (shift_duty.EXEMPT, "Exempt"),
]
# members in these states have a shift duty status; candidates and former
# members have none
SHIFT_MEMBER_STATES = ("active", "passive", "leaving")


class CoopMembership(models.Model):
    _inherit = "coop.membership"

    shift_exempt = fields.Boolean(
        string="Exempted from Shift Duty",
        tracking=True,
        help="The member owes no shifts (e.g. health, parental leave), whatever "
        "the category's duty.",
    )
    shift_duty_hours = fields.Float(related="category_id.shift_duty_hours")
    shift_duty_state = fields.Selection(
        SHIFT_STATES, string="Shift Duty", compute="_compute_shift_duty"
    )
    shift_cycle_start = fields.Date(
        string="Current Cycle From", compute="_compute_shift_duty"
    )
    shift_cycle_end = fields.Date(
        string="Current Cycle To", compute="_compute_shift_duty"
    )
    shift_hours_done = fields.Float(
        string="Hours Done This Cycle",
        digits=(16, 2),
        compute="_compute_shift_duty",
        help="Hours done in the current cycle, here or at a partner cooperative "
        "pooling volunteer hours with us.",
    )
    shift_hours_overdue = fields.Float(
        string="Hours Overdue",
        digits=(16, 2),
        compute="_compute_shift_duty",
        help="Hours owed by completed cycles and not done yet: the member is "
        "late while there are some.",
    )
    shift_hours_to_do = fields.Float(
        string="Hours To Do",
        digits=(16, 2),
        compute="_compute_shift_duty",
        help="Hours still owed from earlier cycles plus what is left of the "
        "current cycle's duty, to do by the end of the cycle.",
    )

    def _get_fee_discount_percent(self, joining=False):
        """Joining through an inter-cooperation agreement discounts the fee
        of the joining period (000 §5: "10 % de réduction sur la cotisation
        s'il souhaite adhérer"), or every fee when the agreement says so."""
        percent = super()._get_fee_discount_percent(joining=joining)
        if len(self) != 1:
            return percent
        # the agreement fields are for intercoop staff: ask as superuser
        agreement = self.partner_id.sudo().coop_intercoop_agreement_id
        if (
            agreement
            and (joining or agreement.fee_discount_every_period)
            and agreement.company_id == self.company_id
            and trial_rules.agreement_is_valid(
                agreement.state,
                agreement.date_start,
                agreement.date_end,
                fields.Date.context_today(self),
            )
        ):
            percent = max(percent, agreement.fee_discount_percent)
        return percent

    # Shift duty (004, RULES.md S) -------------------------------------------
    @api.depends_context("coop_today")
    @api.depends(
        "state",
        "leaving_from_passive",
        "shift_exempt",
        "join_date",
        "category_id.shift_duty_hours",
        "category_id.shift_cycle_length",
        "category_id.shift_cycle_unit",
        "category_id.shift_duty_date_start",
    )
    def _compute_shift_duty(self):
        duties = self._coop_shift_duties()
        for member in self:
            duty = duties.get(member.id)
            member.shift_duty_state = duty.state if duty else False
            member.shift_cycle_start = duty.cycle_start if duty else False
            member.shift_cycle_end = duty.cycle_end if duty else False
            member.shift_hours_done = duty.done if duty else 0.0
            member.shift_hours_overdue = duty.overdue if duty else 0.0
            member.shift_hours_to_do = duty.to_do if duty else 0.0

    def _coop_shift_today(self):
        return self.env.context.get("coop_today") or fields.Date.context_today(self)

    def _coop_owes_shifts(self):
        """The member owes the category's shifts (not passive, not exempted)."""
        self.ensure_one()
        return (
            self.state in ("active", "leaving")
            and not self.leaving_from_passive
            and not self.shift_exempt
        )

    def _coop_shift_duties(self):
        """``{membership id: ShiftDuty}`` on today for the members having a
        duty status, in two queries whatever the batch size."""
        today = self._coop_shift_today()
        members = self.filtered(lambda m: m.id and m.state in SHIFT_MEMBER_STATES)
        owing = members.filtered(
            lambda m: m._coop_owes_shifts() and m.category_id.shift_duty_hours > 0
        )
        starts = owing._coop_shift_starts()
        hours = owing._coop_shift_dated_hours(today, starts)
        result = {}
        for member in members:
            category = member.category_id
            result[member.id] = shift_duty.shift_duty(
                category.shift_duty_hours,
                category._shift_cycle_days(),
                starts.get(member.id),
                today,
                hours.get(member.id, ()),
                exempt=member not in owing,
            )
        return result

    def _coop_shift_starts(self):
        """``{membership id: first day of the first cycle}``: the latest of the
        join date, the day the member entered the current category and the
        day the category's duty is counted from."""
        entries = (
            self.env["coop.membership.category.history"]
            .sudo()
            ._read_group(
                [("membership_id", "in", self.ids), ("date_to", "=", False)],
                ["membership_id"],
                ["date_from:max"],
            )
        )
        entered = {member.id: day for member, day in entries}
        return {
            member.id: max(
                day
                for day in (
                    member.join_date,
                    entered.get(member.id),
                    member.category_id.shift_duty_date_start,
                )
                if day
            )
            for member in self
        }

    def _coop_shift_dated_hours(self, today, starts):
        """``{membership id: [(date, hours)]}``: the volunteer hours counted
        at the member's home cooperative (done here or pooled at a partner
        cooperative) from the first cycle to ``today``."""
        if not self:
            return {}
        # volunteer hours are for intercoop staff; only the members' own
        # lines are read, and only their dates and hours are handed back
        lines = (
            self.env["coop.volunteer.hours"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "in", self.partner_id.ids),
                    ("company_id", "in", self.company_id.ids),
                    ("counts_at_home", "=", True),
                    ("date", ">=", min(starts.values())),
                    ("date", "<=", today),
                ],
                ["partner_id", "company_id", "date", "hours"],
            )
        )
        by_member = {(m.partner_id.id, m.company_id.id): m.id for m in self}
        result = defaultdict(list)
        for line in lines:
            member_id = by_member.get((line.partner_id.id, line.company_id.id))
            if member_id:
                result[member_id].append((line.date, line.hours))
        return result

    def _coop_shift_duty_values(self):
        """Plain values of the member's shift duty for the till and the
        portal; False when the category has no shift duty."""
        self.ensure_one()
        if not self.shift_duty_state or self.shift_duty_hours <= 0:
            return False
        labels = dict(self._fields["shift_duty_state"]._description_selection(self.env))
        return {
            "state": self.shift_duty_state,
            "label": labels[self.shift_duty_state],
            "duty": self.shift_duty_hours,
            "done": self.shift_hours_done,
            "overdue": self.shift_hours_overdue,
            "to_do": self.shift_hours_to_do,
            "cycle_end": fields.Date.to_string(self.shift_cycle_end),
        }
