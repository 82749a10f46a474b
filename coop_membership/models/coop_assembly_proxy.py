# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import votes as vote_rules


class CoopAssemblyProxy(models.Model):
    _name = "coop.assembly.proxy"
    _description = "Assembly Proxy"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "assembly_id, holder_id, id"
    _check_company_auto = True

    assembly_id = fields.Many2one(
        "coop.assembly", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="assembly_id.company_id", store=True)
    giver_id = fields.Many2one(
        "coop.membership",
        string="Given By",
        required=True,
        check_company=True,
        ondelete="cascade",
    )
    holder_id = fields.Many2one(
        "coop.membership",
        string="Held By",
        required=True,
        check_company=True,
        ondelete="cascade",
    )
    authentication = fields.Char(
        help="How the proxy was authenticated (signed form, signed email...)."
    )

    _sql_constraints = (
        (
            "assembly_giver_uniq",
            "unique(assembly_id, giver_id)",
            "A member gives at most one proxy per assembly.",
        ),
    )

    @api.constrains("giver_id", "holder_id", "assembly_id")
    def _check_proxy(self):
        for proxy in self:
            assembly = proxy.assembly_id
            domain = [("assembly_id", "=", assembly.id)]
            error = vote_rules.proxy_error(
                proxy.giver_id.id,
                proxy.holder_id.id,
                self.search_count(domain + [("holder_id", "=", proxy.holder_id.id)]),
                assembly.company_id.coop_max_proxies,
                holder_gave=bool(
                    self.search_count(domain + [("giver_id", "=", proxy.holder_id.id)])
                ),
                giver_holds=bool(
                    self.search_count(domain + [("holder_id", "=", proxy.giver_id.id)])
                ),
            )
            if error:
                raise ValidationError(proxy._proxy_error_message(error))
            voters = assembly._get_electorate()
            for member in proxy.giver_id | proxy.holder_id:
                if member not in voters:
                    raise ValidationError(
                        self.env._(
                            "%s may not vote at this assembly (fees not up to "
                            "date or not a voting member).",
                            member.partner_id.display_name,
                        )
                    )

    def _proxy_error_message(self, error):
        self.ensure_one()
        holder = self.holder_id.partner_id.display_name
        giver = self.giver_id.partner_id.display_name
        if error == vote_rules.PROXY_SELF:
            return self.env._("A member cannot give a proxy to themselves.")
        if error == vote_rules.PROXY_TOO_MANY:
            return self.env._(
                "%(holder)s already holds %(maximum)s proxies, the maximum per member.",
                holder=holder,
                maximum=self.assembly_id.company_id.coop_max_proxies,
            )
        if error == vote_rules.PROXY_HOLDER_GAVE:
            return self.env._("%s gave a proxy and cannot hold one.", holder)
        return self.env._(
            "%s holds proxies at this assembly and cannot give their own.", giver
        )

    def _check_assembly_open(self):
        if any(proxy.assembly_id.state == "done" for proxy in self):
            raise UserError(
                self.env._("The assembly is closed: its proxies cannot be changed.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        proxies = super().create(vals_list)
        proxies._check_assembly_open()
        return proxies

    def write(self, vals):
        self._check_assembly_open()
        res = super().write(vals)
        self._check_assembly_open()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        self._check_assembly_open()
