# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import vote_codes
from ..tools import votes as vote_rules

AUTHENTICATIONS = [
    ("none", "Not Authenticated"),
    ("form", "Signed Form"),
    ("portal", "Confirmed by the Giver on the Portal"),
    ("email", "Confirmed by the Giver from an Emailed Link"),
]
# set by the giver's own confirmation only (portal, emailed link)
GIVER_CONFIRMATIONS = ("portal", "email")
# what may still change while the vote is open
AUTHENTICATION_FIELDS = {
    "authentication",
    "authentication_note",
    "form_file",
    "form_filename",
    "authenticated_date",
    "confirm_token_hash",
}


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
    authentication = fields.Selection(
        AUTHENTICATIONS,
        default="none",
        required=True,
        help="How the giver and the holder were authenticated (003 §5.1): a "
        "signed form (upload it), or the giver's confirmation from their "
        "portal or from an emailed link. Only an authenticated proxy counts.",
    )
    is_authenticated = fields.Boolean(
        compute="_compute_is_authenticated", store=True, string="Authenticated"
    )
    authentication_note = fields.Char(
        string="Authentication Notes",
        help="Free notes (the authentication text before version 18.0.1.2.0).",
    )
    form_file = fields.Binary(string="Signed Form", attachment=True, copy=False)
    form_filename = fields.Char(size=256)
    authenticated_date = fields.Date(readonly=True, copy=False)
    confirm_token_hash = fields.Char(
        groups="base.group_system", readonly=True, copy=False
    )

    _sql_constraints = (
        (
            "assembly_giver_uniq",
            "unique(assembly_id, giver_id)",
            "A member gives at most one proxy per assembly.",
        ),
    )

    @api.depends("authentication")
    def _compute_is_authenticated(self):
        for proxy in self:
            proxy.is_authenticated = proxy.authentication != "none"

    @api.constrains("authentication", "form_file")
    def _check_form_file(self):
        for proxy in self:
            if proxy.authentication == "form" and not proxy.form_file:
                raise ValidationError(
                    self.env._(
                        "Upload the signed proxy form of %s to authenticate it.",
                        proxy.giver_id.partner_id.display_name,
                    )
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

    def _check_assembly_open(self, fnames=None):
        """A held assembly or a closed vote keeps its proxies; while the vote
        is open only their authentication may be recorded. ``fnames``: the
        fields written, None when creating or deleting."""
        changed = fnames is None or set(fnames) - AUTHENTICATION_FIELDS
        for assembly in self.assembly_id:
            if assembly.state == "done" or assembly.vote_state == "closed":
                raise UserError(
                    self.env._("The assembly is closed: its proxies cannot be changed.")
                )
            if assembly.vote_state == "open" and changed:
                raise UserError(
                    self.env._(
                        "The vote is open: proxies can no longer be added, "
                        "removed or changed, only authenticated."
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_giver_confirmation(vals)
        proxies = super().create(vals_list)
        proxies._check_assembly_open()
        return proxies

    def write(self, vals):
        self._check_giver_confirmation(vals)
        if {"giver_id", "holder_id"} & set(vals) and "authentication" not in vals:
            # the authentication was of the former giver and holder
            vals = dict(vals, authentication="none", authenticated_date=False)
        self._check_assembly_open(vals)
        res = super().write(vals)
        self._check_assembly_open(vals)
        return res

    def _check_giver_confirmation(self, vals):
        if vals.get("authentication") in GIVER_CONFIRMATIONS and not self.env.su:
            raise UserError(
                self.env._(
                    "Only the giver confirms a proxy, from their portal or "
                    "from the link emailed to them."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed(self):
        self._check_assembly_open()

    def action_send_confirmation(self):
        """Email the giver a link confirming this proxy (003 §5.1: an
        authenticated electronic message)."""
        self.env["coop.membership"]._check_manager()
        self.check_access("write")
        self._check_assembly_open(AUTHENTICATION_FIELDS)
        template = self.env.ref("coop_membership.mail_template_assembly_proxy_confirm")
        for proxy in self:
            if not proxy.giver_id.partner_id.email:
                raise UserError(
                    self.env._(
                        "%s has no email address: authenticate the proxy with "
                        "the signed form.",
                        proxy.giver_id.partner_id.display_name,
                    )
                )
            token = vote_codes.new_secret()
            proxy.sudo().confirm_token_hash = vote_codes.token_hash(token)
            template.with_context(confirm_url=proxy._get_confirm_url(token)).send_mail(
                proxy.id, email_values=proxy._prepare_confirm_mail_vals()
            )
        return True

    def _prepare_confirm_mail_vals(self):
        """Values of the mail carrying a confirmation link: deleted once sent."""
        return {"auto_delete": True}

    def _get_confirm_url(self, token):
        self.ensure_one()
        return f"{self.get_base_url()}/coop/proxy/{self.id}/confirm?token={token}"

    def _check_confirm_token(self, token):
        """True when ``token`` is the one emailed for this proxy (unused)."""
        self.ensure_one()
        return vote_codes.token_matches(token, self.sudo().confirm_token_hash)

    def _is_given_by(self, partner):
        """True when ``partner`` (a portal user's commercial partner) is the
        giver of this proxy."""
        self.ensure_one()
        return self.sudo().giver_id.partner_id == partner

    def _confirm_by_giver(self, channel):
        """The giver confirmed this proxy (``channel``: portal or email);
        the caller checked who they are."""
        self.ensure_one()
        if channel not in GIVER_CONFIRMATIONS:
            raise UserError(self.env._("Unknown confirmation channel."))
        proxy = self.sudo()
        proxy._check_assembly_open(AUTHENTICATION_FIELDS)
        proxy.write(
            {
                "authentication": channel,
                "authenticated_date": fields.Date.context_today(self),
                "confirm_token_hash": False,
            }
        )
        proxy.assembly_id.message_post(
            body=self.env._(
                "%(giver)s confirmed the proxy given to %(holder)s (%(how)s).",
                giver=proxy.giver_id.partner_id.display_name,
                holder=proxy.holder_id.partner_id.display_name,
                how=dict(
                    self._fields["authentication"]._description_selection(self.env)
                )[channel],
            )
        )
        return True
