# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .coop_board_mandate import SEATED_STATES


class CoopBoardCandidacy(models.Model):
    """A member standing for the board as the representative of their
    category (itopie 000 §3.1.1)."""

    _name = "coop.board.candidacy"
    _description = "Board Candidacy"
    _inherit = ("mail.thread", "coop.board.member.mixin")
    _order = "date desc, id desc"
    _check_company_auto = True

    category_id = fields.Many2one(
        "coop.member.category",
        string="Category Represented",
        required=True,
        check_company=True,
        tracking=True,
    )
    date = fields.Date(
        string="Submitted On", required=True, default=fields.Date.context_today
    )
    election_date = fields.Date(tracking=True)
    state = fields.Selection(
        [
            ("submitted", "Submitted"),
            ("elected", "Elected"),
            ("not_elected", "Not Elected"),
            ("withdrawn", "Withdrawn"),
        ],
        required=True,
        default="submitted",
        tracking=True,
        copy=False,
    )
    mandate_id = fields.Many2one(
        "coop.board.mandate", readonly=True, copy=False, check_company=True
    )

    @api.onchange("membership_id")
    def _onchange_membership_id(self):
        self.category_id = self.membership_id.category_id

    @api.constrains("membership_id", "category_id")
    def _check_category(self):
        for candidacy in self:
            member = candidacy.membership_id
            if member.state not in SEATED_STATES:
                raise ValidationError(
                    self.env._(
                        "%s is not a member and cannot stand for the board.",
                        member.partner_id.display_name,
                    )
                )
            if candidacy.category_id != member.category_id:
                raise ValidationError(
                    self.env._(
                        "%(member)s stands for the board as a representative of "
                        "their own category, %(category)s.",
                        member=member.partner_id.display_name,
                        category=member.category_id.name,
                    )
                )

    def _check_step(self):
        self.env["coop.membership"]._check_manager()
        self.check_access("write")
        if any(c.state != "submitted" for c in self):
            raise UserError(self.env._("The candidacy was already closed."))

    def action_elect(self):
        """Seat the elected candidates on the board from the election date."""
        self._check_step()
        for candidacy in self:
            if not candidacy.election_date:
                raise UserError(self.env._("Set the election date first."))
            mandate = self.env["coop.board.mandate"].create(
                candidacy._prepare_mandate_vals()
            )
            candidacy.write({"state": "elected", "mandate_id": mandate.id})
        return True

    def _prepare_mandate_vals(self):
        self.ensure_one()
        return {
            "membership_id": self.membership_id.id,
            "role": "board",
            "date_start": self.election_date,
            "category_id": self.category_id.id,
        }

    def action_not_elected(self):
        self._check_step()
        self.write({"state": "not_elected"})
        return True

    def action_withdraw(self):
        self._check_step()
        self.write({"state": "withdrawn"})
        return True
