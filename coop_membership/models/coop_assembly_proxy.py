# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import votes as vote_rules


class CoopAssemblyProxy(models.Model):
    _name = "coop.assembly.proxy"
    _description = "Assembly Proxy"
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
            held = self.search_count(
                [
                    ("assembly_id", "=", assembly.id),
                    ("holder_id", "=", proxy.holder_id.id),
                ]
            )
            error = vote_rules.proxy_error(
                proxy.giver_id.id,
                proxy.holder_id.id,
                held,
                assembly.company_id.coop_max_proxies,
            )
            if error == vote_rules.PROXY_SELF:
                raise ValidationError(
                    self.env._("A member cannot give a proxy to themselves.")
                )
            if error == vote_rules.PROXY_TOO_MANY:
                raise ValidationError(
                    self.env._(
                        "%(holder)s already holds %(maximum)s proxies, the "
                        "maximum per member.",
                        holder=proxy.holder_id.partner_id.display_name,
                        maximum=assembly.company_id.coop_max_proxies,
                    )
                )
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
            holder_gave = self.search_count(
                [
                    ("assembly_id", "=", assembly.id),
                    ("giver_id", "=", proxy.holder_id.id),
                ]
            )
            if holder_gave:
                raise ValidationError(
                    self.env._(
                        "%s gave a proxy and cannot hold one.",
                        proxy.holder_id.partner_id.display_name,
                    )
                )
