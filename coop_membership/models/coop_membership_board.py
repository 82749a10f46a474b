# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CoopMembership(models.Model):
    """Admission decided by the board, when the company asks for it."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    state = fields.Selection(
        selection_add=[("refused", "Refused")],
        ondelete={"refused": "set default"},
    )
    board_decision_ids = fields.One2many(
        "coop.board.decision",
        "membership_id",
        string="Board Decisions",
        groups="coop_membership.group_coop_user",
    )

    def action_activate(self):
        self._check_status_change()
        waiting = self.filtered(
            lambda member: (
                member.company_id.coop_board_admission
                and not member.sudo().board_decision_ids.filtered(
                    lambda decision: decision.decision == "accepted"
                )
            )
        )
        if waiting:
            raise UserError(
                self.env._(
                    "The board decides on the application of %s: record its "
                    "decision at a board meeting.",
                    waiting[0].partner_id.display_name,
                )
            )
        return super().action_activate()

    def _board_refuse(self):
        self._check_status_change()
        if any(member.state != "candidate" for member in self):
            raise UserError(self.env._("Only candidates can be refused."))
        self.write({"state": "refused"})
        return True
