# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import notice as notice_rules

CRON_BATCH = 500  # records a cron call handles before it commits


class CoopMembership(models.Model):
    """Departure of a member: notice, effective leave, prepaid fees kept."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    # the notice rule of the category the member was in when the notice was
    # recorded: a later change of category or of its rule does not move the
    # leave date the member was told
    @api.depends("notice_date", "notice_extended")
    def _compute_leave_date(self):
        for member in self:
            if not member.notice_date:
                member.leave_date = False
                continue
            category = member.category_id
            extension = category.notice_extended_months if member.notice_extended else 0
            member.leave_date = notice_rules.effective_leave_date(
                member.notice_date,
                category.notice_months,
                category.notice_end,
                extension,
            )

    @api.constrains("notice_date", "join_date")
    def _check_notice_date(self):
        today = fields.Date.context_today(self)
        for member in self:
            if notice_rules.notice_too_far(member.notice_date, today):
                raise ValidationError(
                    self.env._(
                        "The notice date of %(member)s cannot be more than "
                        "%(years)s years ahead.",
                        member=member.partner_id.display_name,
                        years=notice_rules.MAX_YEARS_AHEAD,
                    )
                )
            if member.notice_date and member.notice_date < member.join_date:
                raise ValidationError(
                    self.env._(
                        "The notice date of %(member)s cannot be before the "
                        "join date (%(date)s).",
                        member=member.partner_id.display_name,
                        date=member.join_date,
                    )
                )

    def _record_notice(self, notice_date, extended=False):
        """Record a departure notice: state leaving and a reminder activity."""
        self.ensure_one()
        if self.state not in ("active", "passive"):
            raise UserError(
                self.env._("Only active or passive members can give notice.")
            )
        if notice_date < self.join_date:
            raise ValidationError(
                self.env._(
                    "The notice date of %(member)s cannot be before the "
                    "join date (%(date)s).",
                    member=self.partner_id.display_name,
                    date=self.join_date,
                )
            )
        self.write(
            {
                "notice_date": notice_date,
                "notice_extended": extended,
                "state": "leaving",
                # a passive member stays without benefits and fees
                "leaving_from_passive": self.state == "passive",
            }
        )
        days = self.company_id.coop_notice_reminder_days
        deadline = max(
            fields.Date.context_today(self), self.leave_date - timedelta(days=days)
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=deadline,
            summary=self.env._("Member leaving on %s", self.leave_date),
            note=self.env._(
                "Prepare the departure: shares to reimburse after the "
                "effective leave date."
            ),
            user_id=self.env.user.id,
        )
        return self.leave_date

    def action_cancel_notice(self):
        self._check_status_change()
        for member in self:
            if member.state != "leaving":
                raise UserError(self.env._("Only leaving members can stay."))
            member.write(
                {
                    "notice_date": False,
                    "state": "passive" if member.leaving_from_passive else "active",
                    "leaving_from_passive": False,
                }
            )
            member.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    @api.model
    def _cron_process_leaves(self, batch_size=CRON_BATCH):
        """Daily: members whose effective leave date is past have left,
        ``batch_size`` at a time (the cron calls again while some remain;
        members who left leave the selection, so a lost batch is redone)."""
        today = fields.Date.context_today(self)
        domain = [("state", "=", "leaving"), ("leave_date", "<", today)]
        leaving = self.sudo().search(domain, limit=batch_size, order="id")
        leaving._mark_left()
        self.env["ir.cron"]._notify_progress(
            done=len(leaving), remaining=self.sudo().search_count(domain)
        )
        return len(leaving)

    def _mark_left(self):
        """The member left: prepaid fees are not refunded (kept as a donation)."""
        for member in self.filtered(lambda m: m.prepaid_periods or m.prepaid_credit):
            member.message_post(
                body=self.env._(
                    "%(periods)s prepaid period(s) and a credit of %(credit)s are "
                    "not refundable and are kept as a donation.",
                    periods=member.prepaid_periods,
                    credit=member.prepaid_credit,
                )
            )
        self.write({"state": "left", "prepaid_periods": 0, "prepaid_credit": 0.0})
