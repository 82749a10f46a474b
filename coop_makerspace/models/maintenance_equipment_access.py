# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_membership.models.coop_membership import BENEFIT_STATES

from ..tools import access as access_rules

MANAGER = "coop_makerspace.group_coop_makerspace_manager"
USER = "coop_makerspace.group_coop_makerspace_user"


class MaintenanceEquipment(models.Model):
    """The workshop's equipment (003 §8): its owner and its access level, and
    who may use it."""

    _inherit = "maintenance.equipment"  # pylint: disable=consider-merging-classes-inherited

    coop_owner_id = fields.Many2one(
        "res.partner",
        string="Owner (Member)",
        tracking=True,
        help="The member who brought the equipment and keeps it. Empty: the "
        "association's.",
    )
    coop_access_level_id = fields.Many2one(
        "coop.makerspace.access.level",
        string="Access Level",
        tracking=True,
        ondelete="restrict",
        default=lambda self: self._coop_default_level(),
        help="The colour of the label. Unlabelled equipment is the "
        "association's and in free use (green). The board may only raise it.",
    )
    coop_access_rank = fields.Integer(
        related="coop_access_level_id.rank", string="Access Rank"
    )
    coop_qualification_ids = fields.One2many(
        "coop.makerspace.qualification",
        "equipment_id",
        string="Qualifications",
    )

    @api.model
    def _coop_default_level(self):
        return self.env["coop.makerspace.access.level"].search([], limit=1)

    def _coop_owner_partner(self):
        """The owner: the member, or the association (the company)."""
        self.ensure_one()
        return self.coop_owner_id or self.company_id.partner_id

    # ------------------------------------------------------------ levels

    def write(self, vals):
        if "coop_access_level_id" in vals:
            self._coop_check_level_change(vals["coop_access_level_id"])
        return super().write(vals)

    def _coop_check_level_change(self, level_id):
        """Only the board changes a level, and only upwards (003 §8)."""
        if not self.env.su and not self.env.user.has_group(MANAGER):
            raise AccessError(
                self.env._("Only the board can change an equipment's access level.")
            )
        new_level = self.env["coop.makerspace.access.level"].browse(level_id)
        new_rank = new_level.rank if new_level else None
        for equipment in self:
            old = equipment.coop_access_level_id
            if new_rank is None and old:
                raise UserError(
                    self.env._(
                        "The access level of %s cannot be removed: the board "
                        "may only raise it.",
                        equipment.display_name,
                    )
                )
            if old and not access_rules.may_set_level(old.rank, new_rank):
                raise UserError(
                    self.env._(
                        "The board may only raise an access level: %(equipment)s "
                        "cannot go from %(old)s down to %(new)s.",
                        equipment=equipment.display_name,
                        old=old.name,
                        new=new_level.name,
                    )
                )

    # ------------------------------------------------------------ access

    @api.model
    def _coop_member_status(self, partner, company, day):
        """``(active, fees_up_to_date)`` of the partner's membership in the
        company on ``day``: active as for the member benefits (active or
        leaving, not passive), fees as for the assembly electorate (every fee
        of a period started by then paid on that day)."""
        membership = partner.sudo()._coop_get_membership(company)
        if not membership:
            return False, False
        active = (
            membership.state in BENEFIT_STATES and not membership.leaving_from_passive
        )
        fees = (
            self.env["coop.fee.line"]
            .sudo()
            .search(
                [
                    ("membership_id", "=", membership.id),
                    ("kind", "=", "invoice"),
                    ("period_start", "<=", day),
                ]
            )
        )
        return active, not fees._get_unpaid_on(day)

    def _coop_board_partners(self, day):
        """Partners holding a board (or bureau) mandate on ``day``."""
        self.ensure_one()
        Mandate = self.env["coop.board.mandate"].sudo()
        return Mandate.search(Mandate._in_office_domain(self.company_id, day)).mapped(
            "partner_id"
        )

    def _coop_owner_or_board_present(self, people, day):
        """The owner is among ``people``, or a board member for the
        association's equipment."""
        self.ensure_one()
        if self.coop_owner_id:
            return bool(self.coop_owner_id & people)
        return bool(self._coop_board_partners(day) & people)

    def _coop_check_access(
        self, partner, alone=True, at=None, companions=None, with_code=False
    ):
        """May ``partner`` use this equipment ``at`` (default now), alone or
        with ``companions`` (partners present; a second person present is
        taken as qualified)? Plain values: ``(allowed, reason)``, the reason
        translated (or its code with ``with_code``)."""
        self.ensure_one()
        equipment = self.sudo()
        day = self._coop_day(at)
        companions = companions or self.env["res.partner"]
        active, fees_paid = self._coop_member_status(partner, equipment.company_id, day)
        level = equipment.coop_access_level_id
        qualified = bool(
            self.env["coop.makerspace.qualification"]
            .sudo()
            ._coop_active_for(partner, equipment, day)
        )
        allowed, code = access_rules.check_access(
            member_active=active,
            fees_up_to_date=fees_paid,
            withdrawn=equipment.coop_withdrawn,
            requires_qualification=level.requires_qualification,
            alone_allowed=level.alone_allowed if level else True,
            requires_owner_or_board=level.requires_owner_or_board,
            qualified=qualified,
            alone=alone and not companions,
            owner_or_board_present=equipment._coop_owner_or_board_present(
                partner | companions, day
            ),
        )
        reason = code if with_code else self._coop_reason_text(code)
        return allowed, reason

    @api.model
    def _coop_day(self, at=None):
        """The user's day of ``at`` (a datetime, a date, or now)."""
        if isinstance(at, date) and not isinstance(at, datetime):
            return at
        return fields.Date.context_today(self, at or fields.Datetime.now())

    @api.model
    def _coop_reason_text(self, code):
        texts = {
            access_rules.ALLOWED: self.env._("allowed"),
            access_rules.MEMBERSHIP_INACTIVE: self.env._("membership not active"),
            access_rules.FEES_UNPAID: self.env._("fees not up to date"),
            access_rules.WITHDRAWN: self.env._("withdrawn: defect"),
            access_rules.NOT_QUALIFIED: self.env._("not qualified by the board"),
            access_rules.OWNER_OR_BOARD_ABSENT: self.env._(
                "only with its owner or a board member present"
            ),
            access_rules.NOT_ALONE: self.env._(
                "never alone: a qualified person must be present"
            ),
        }
        return texts[code]

    def coop_makerspace_check_access(self, partner_id, alone=True, companion_ids=None):
        """For the workshop's users: may this member use this equipment now?
        Returns ``{"allowed": bool, "reason": str}``."""
        self.ensure_one()
        if not self.env.user.has_group(USER):
            raise AccessError(
                self.env._("Only the workshop's users can check an access.")
            )
        self.check_access("read")
        Partner = self.env["res.partner"]
        try:
            partner = Partner.browse(int(partner_id))
            companions = Partner.browse([int(pid) for pid in companion_ids or []])
        except (TypeError, ValueError) as exc:
            raise UserError(self.env._("Give the member as a partner id.")) from exc
        (partner | companions).check_access("read")
        allowed, reason = self._coop_check_access(
            partner, alone=bool(alone), companions=companions
        )
        return {"allowed": allowed, "reason": reason}
