# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class CoopBoardDecision(models.Model):
    """The board's decision on an admission application, taken at a meeting.

    Recording it applies it: the candidate becomes active, or refused."""

    _name = "coop.board.decision"
    _description = "Board Admission Decision"
    _order = "meeting_id desc, id"
    _check_company_auto = True
    _rec_name = "membership_id"

    meeting_id = fields.Many2one(
        "coop.board.meeting",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        domain="[('state', '=', 'open')]",
    )
    company_id = fields.Many2one(related="meeting_id.company_id", store=True)
    membership_id = fields.Many2one(
        "coop.membership",
        string="Candidate",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        domain="[('state', '=', 'candidate')]",
    )
    partner_id = fields.Many2one(related="membership_id.partner_id")
    decision = fields.Selection(
        [("accepted", "Accepted"), ("refused", "Refused")], required=True
    )
    reason = fields.Text(help="Required when the application is refused.")

    _sql_constraints = (
        (
            "meeting_membership_uniq",
            "unique(meeting_id, membership_id)",
            "The board decides once on an application at a meeting.",
        ),
    )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["coop.membership"]._check_manager()
        for vals in vals_list:
            self._check_decision_vals(vals)
        decisions = super().create(vals_list)
        for decision in decisions:
            decision._apply()
        return decisions

    @api.model
    def _check_decision_vals(self, vals):
        """Refuse, before writing anything, a decision the board cannot take."""
        meeting = self.env["coop.board.meeting"].browse(vals.get("meeting_id"))
        member = self.env["coop.membership"].browse(vals.get("membership_id"))
        if not meeting.exists() or meeting.state != "open":
            raise UserError(
                self.env._("The board decides on applications at an open meeting.")
            )
        if not member.exists() or member.state != "candidate":
            raise UserError(
                self.env._(
                    "%s is not a candidate: the application was already decided.",
                    member.partner_id.display_name,
                )
            )
        if vals.get("decision") == "refused" and not (vals.get("reason") or "").strip():
            raise ValidationError(
                self.env._(
                    "Give the reason why the board refuses %s.",
                    member.partner_id.display_name,
                )
            )

    def write(self, vals):
        if self:
            raise UserError(
                self.env._("A board decision cannot be changed once recorded.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A board decision cannot be deleted."))

    def _apply(self):
        self.ensure_one()
        member = self.membership_id
        if self.decision == "accepted":
            member.action_activate()
            body = self.env._("Admitted by the board at %s.", self.meeting_id.name)
        else:
            member._board_refuse()
            body = self.env._(
                "Application refused by the board at %(meeting)s: %(reason)s",
                meeting=self.meeting_id.name,
                reason=self.reason,
            )
        member.message_post(body=body)
