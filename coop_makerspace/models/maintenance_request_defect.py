# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

MANAGER = "coop_makerspace.group_coop_makerspace_manager"


class MaintenanceRequest(models.Model):
    """A danger report is a repair request: its done stage puts the device
    back in use (003 §9.2)."""

    _inherit = "maintenance.request"  # pylint: disable=consider-merging-classes-inherited

    coop_danger = fields.Boolean(
        string="Danger Report",
        readonly=True,
        copy=False,
        help="Reported as a danger: the equipment is withdrawn until done.",
    )

    def write(self, vals):
        res = super().write(vals)
        if "stage_id" in vals:
            self.filtered("coop_danger").equipment_id.sudo()._coop_sync_withdrawn()
        return res

    def _coop_board_users(self):
        """The board's users in the request's company, to be alerted."""
        self.ensure_one()
        group = self.env.ref(MANAGER)
        return group.sudo().users.filtered(
            lambda user: (
                not user.share
                and user.active
                and self.company_id in user.company_ids
                and user != self.env.ref("base.user_root")
            )
        )

    def _coop_alert_board(self):
        """A board member is told at once: a to-do for each of them."""
        for request in self:
            for user in request._coop_board_users():
                request.activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=self.env._("Danger reported: lock the equipment out"),
                )
        return True
