# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import notice as notice_rules


class CoopNoticeWizard(models.TransientModel):
    _name = "coop.notice.wizard"
    _description = "Record a Departure Notice"
    _inherit = ("coop.membership.bounds.mixin",)

    membership_id = fields.Many2one("coop.membership", required=True)
    notice_date = fields.Date(required=True, default=fields.Date.context_today)
    extended = fields.Boolean(
        string="Extended Notice",
        help="Apply the category's extended notice (e.g. documentation not up "
        "to date, no replacement designated).",
    )
    leave_date = fields.Date(
        string="Effective Leave Date", compute="_compute_leave_date"
    )

    @api.depends("notice_date", "extended", "membership_id")
    def _compute_leave_date(self):
        for wizard in self:
            category = wizard.membership_id.category_id
            if not wizard.notice_date or not category:
                wizard.leave_date = False
                continue
            wizard.leave_date = notice_rules.effective_leave_date(
                wizard.notice_date,
                category.notice_months,
                category.notice_end,
                category.notice_extended_months if wizard.extended else 0,
            )

    @api.constrains("membership_id")
    def _check_membership_access(self):
        for wizard in self:
            wizard.membership_id.check_access("read")

    def action_confirm(self):
        self.ensure_one()
        # Cooperative users read members and record notices: the notice is the
        # only write they may do, hence sudo on this controlled method.
        self.membership_id.check_access("read")
        self.membership_id.sudo()._record_notice(self.notice_date, self.extended)
        return {"type": "ir.actions.act_window_close"}
