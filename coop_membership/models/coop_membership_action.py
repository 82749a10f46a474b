# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CoopMembership(models.Model):
    """Smart buttons of a membership: they open related documents after
    checking that the caller may read the membership."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    def action_view_moves(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("coop_membership_id", "=", self.id)]
        action["context"] = {"create": False, "default_move_type": "out_invoice"}
        return action

    def action_view_fees(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_membership.coop_fee_line_action"
        )
        action["domain"] = [("membership_id", "=", self.id)]
        return action

    def action_view_proxies(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_membership.coop_assembly_proxy_action"
        )
        action["domain"] = self._get_proxy_domain()
        return action

    def _get_proxy_domain(self):
        """Assembly proxies given or held by these memberships."""
        return ["|", ("holder_id", "in", self.ids), ("giver_id", "in", self.ids)]
