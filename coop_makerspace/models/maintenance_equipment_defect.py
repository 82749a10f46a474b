# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_membership.models.coop_membership import BENEFIT_STATES

USER = "coop_makerspace.group_coop_makerspace_user"
DESCRIPTION_SIZE = 2000


class MaintenanceEquipment(models.Model):
    """A danger reported on a device (003 §9.2): the board is told at once and
    the device is withdrawn from use until its repair is done."""

    _inherit = "maintenance.equipment"  # pylint: disable=consider-merging-classes-inherited

    coop_withdrawn = fields.Boolean(
        string="Withdrawn (Defect)",
        readonly=True,
        copy=False,
        tracking=True,
        help="A danger was reported: locked out until the repair is done.",
    )
    coop_danger_request_ids = fields.One2many(
        "maintenance.request",
        "equipment_id",
        string="Danger Reports",
        domain=[("coop_danger", "=", True)],
    )

    def report_danger(self, description):
        """Report a danger seen on this equipment, as a workshop user or a
        member (portal). Returns True."""
        self.ensure_one()
        self._coop_check_may_report()
        description = self._coop_clean_description(description)
        self.sudo()._coop_report_danger(description, self.env.user)
        return True

    def _coop_check_may_report(self):
        """Workshop users, and members whose membership is current in the
        equipment's company, who can read the equipment."""
        self.check_access("read")
        user = self.env.user
        if user.has_group(USER):
            return
        membership = user.partner_id.sudo()._coop_get_membership(self.sudo().company_id)
        if not membership or membership.state not in BENEFIT_STATES:
            raise AccessError(
                self.env._("Only the workshop's members can report a danger.")
            )

    @api.model
    def _coop_clean_description(self, description):
        if not isinstance(description, str) or not description.strip():
            raise UserError(self.env._("Describe the danger you saw."))
        if len(description) > DESCRIPTION_SIZE:
            raise UserError(
                self.env._(
                    "Describe the danger in at most %s characters.", DESCRIPTION_SIZE
                )
            )
        return description.strip()

    def _coop_report_danger(self, description, reporter):
        """Open a repair request, withdraw the equipment, tell the board."""
        self.ensure_one()
        request = self.env["maintenance.request"].create(
            self._prepare_danger_request_vals(description, reporter)
        )
        self._coop_sync_withdrawn()
        request._coop_alert_board()
        return request

    def _prepare_danger_request_vals(self, description, reporter):
        self.ensure_one()
        stage = self.env["maintenance.stage"].search(
            [("done", "=", False)], order="sequence, id", limit=1
        )
        return {
            "name": self.env._("Danger reported: %s", self.name),
            "equipment_id": self.id,
            "company_id": (self.company_id or self.env.company).id,
            "description": Markup("<p>%s</p>") % escape(description),
            "owner_user_id": reporter.id,
            "maintenance_type": "corrective",
            "priority": "3",
            "stage_id": stage.id,
            "maintenance_team_id": self._coop_maintenance_team().id,
            "coop_danger": True,
        }

    def _coop_maintenance_team(self):
        """The equipment's team, else one of its company (a "Workshop" team
        is created for a company that has none)."""
        self.ensure_one()
        company = self.company_id or self.env.company
        if self.maintenance_team_id:
            return self.maintenance_team_id
        Team = self.env["maintenance.team"]
        team = Team.search([("company_id", "in", (company.id, False))], limit=1)
        return team or Team.create(
            {"name": self.env._("Workshop"), "company_id": company.id}
        )

    def _coop_sync_withdrawn(self):
        """Withdrawn while a danger report is open on it; back in use once
        every one is done (and withdrawn again if one is reopened)."""
        for equipment in self:
            open_reports = equipment.coop_danger_request_ids.filtered(
                lambda request: not request.done
            )
            if equipment.coop_withdrawn != bool(open_reports):
                equipment.write({"coop_withdrawn": bool(open_reports)})
        return True
