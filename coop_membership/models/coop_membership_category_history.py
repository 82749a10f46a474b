# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import review

CRON_BATCH = 500  # records a cron call handles before it commits


class CoopMembershipCategoryHistory(models.Model):
    _name = "coop.membership.category.history"
    _description = "Member Category History"
    _order = "membership_id, date_from desc, id desc"

    membership_id = fields.Many2one(
        "coop.membership", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="membership_id.company_id", store=True)
    category_id = fields.Many2one(
        "coop.member.category", required=True, ondelete="restrict"
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To")
    reason = fields.Char()
    review_date = fields.Date(
        compute="_compute_review_date",
        store=True,
        index="btree_not_null",
        help="The member's time in the category is reviewed on this day.",
    )
    review_scheduled = fields.Boolean(readonly=True, copy=False)

    @api.depends("date_from", "date_to", "category_id.review_after_months")
    def _compute_review_date(self):
        for line in self:
            line.review_date = review.review_date(
                line.date_from, line.category_id.review_after_months, line.date_to
            )

    @api.model
    def _cron_schedule_reviews(self, batch_size=CRON_BATCH):
        """Daily: an activity for each member due for a category review,
        ``batch_size`` at a time (the cron calls again while some remain)."""
        today = fields.Date.context_today(self)
        domain = [
            ("review_date", "<=", today),
            ("review_scheduled", "=", False),
            ("date_to", "=", False),
            ("membership_id.state", "in", ("active", "passive")),
        ]
        lines = self.sudo().search(domain, limit=batch_size, order="id")
        managers = self.env.ref("coop_membership.group_coop_manager").sudo().users
        for line in lines:
            member = line.membership_id
            manager = managers.filtered(
                lambda u, m=member: m.company_id in u.company_ids
            )
            member.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today,
                summary=self.env._(
                    "Category review: %(category)s since %(date)s",
                    category=line.category_id.name,
                    date=line.date_from,
                ),
                note=self.env._(
                    "%(member)s has been in the %(category)s category since "
                    "%(date)s: review whether they move to another category.",
                    member=member.partner_id.display_name,
                    category=line.category_id.name,
                    date=line.date_from,
                ),
                user_id=(manager[:1] or self.env.user).id,
            )
        lines.write({"review_scheduled": True})
        self.env["ir.cron"]._notify_progress(
            done=len(lines), remaining=self.sudo().search_count(domain)
        )
        return len(lines)
