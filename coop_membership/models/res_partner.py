# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_membership_ids = fields.One2many(
        "coop.membership", "partner_id", string="Memberships"
    )
    coop_membership_id = fields.Many2one(
        "coop.membership",
        string="Membership",
        compute="_compute_coop_membership",
        help="Membership of this partner (or of its organisation) in the "
        "current company.",
    )
    coop_membership_state = fields.Selection(
        selection=lambda self: self.env["coop.membership"]._fields["state"].selection,
        string="Membership Status",
        compute="_compute_coop_membership",
    )
    coop_category_id = fields.Many2one(
        "coop.member.category",
        string="Member Category",
        compute="_compute_coop_membership",
    )
    coop_member_number = fields.Char(
        string="Member Number", compute="_compute_coop_membership"
    )
    coop_shares_held = fields.Integer(
        string="Shares Held", compute="_compute_coop_membership"
    )
    coop_fee_count = fields.Integer(
        string="Member Fees", compute="_compute_coop_membership"
    )
    coop_proxy_count = fields.Integer(
        string="Assembly Proxies", compute="_compute_coop_membership"
    )

    @api.depends_context("company")
    @api.depends("coop_membership_ids", "parent_id.coop_membership_ids")
    def _compute_coop_membership(self):
        for partner in self:
            membership = partner._coop_get_membership()
            partner.coop_membership_id = membership
            partner.coop_membership_state = membership.state
            partner.coop_category_id = membership.category_id
            partner.coop_member_number = membership.name
            partner.coop_shares_held = membership.shares_held
            partner.coop_fee_count = membership.fee_count
            partner.coop_proxy_count = (
                self.env["coop.assembly.proxy"].search_count(
                    membership._get_proxy_domain()
                )
                if membership
                else 0
            )

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        parents = partners.parent_id
        if parents:
            # contacts of member organisations may inherit the member benefits
            parents.sudo().coop_membership_ids._apply_benefits()
        return partners

    def write(self, vals):
        if not {"parent_id", "type"} & set(vals):
            return super().write(vals)
        old_parents = {partner.id: partner.parent_id for partner in self}
        res = super().write(vals)
        moved = self.filtered(lambda p: p.parent_id != old_parents[p.id])
        if "type" in vals:
            moved = self.filtered("parent_id") | moved
        if moved:
            moved._coop_drop_benefits()
            memberships = self.sudo().coop_membership_ids
            for parent in (*old_parents.values(), self.parent_id):
                memberships |= parent.sudo().coop_membership_ids
            # a contact joining or leaving an organisation gains or loses its
            # benefits (000 §3.4.3), its own membership's stay
            memberships._apply_benefits()
        return res

    def _coop_drop_benefits(self):
        """Remove the benefits pricelist of contacts who left an
        organisation (in every company; their own membership, if any, sets
        its own again)."""
        pricelists = self.env["coop.membership"]._benefit_pricelists()
        companies = self.env["res.company"].sudo().search([])
        for company in companies:
            self.sudo().with_company(company).filtered(
                lambda p: p.specific_property_product_pricelist in pricelists
            ).write({"specific_property_product_pricelist": False})

    def _coop_get_membership(self, company=None):
        """The membership of this partner, or of its parent organisation, in
        ``company`` (default: the current company); empty when none."""
        self.ensure_one()
        company = company or self.env.company
        Membership = self.env["coop.membership"]
        partner = self
        while partner:
            membership = Membership.search(
                [("partner_id", "=", partner.id), ("company_id", "=", company.id)],
                limit=1,
            )
            if membership:
                return membership
            partner = partner.parent_id
        return Membership

    def action_view_coop_membership(self):
        self.ensure_one()
        membership = self.coop_membership_id
        action = {
            "type": "ir.actions.act_window",
            "res_model": "coop.membership",
            "name": self.env._("Membership"),
            "view_mode": "form",
        }
        if membership:
            action["res_id"] = membership.id
        else:
            action["context"] = {"default_partner_id": self.id}
        return action

    def _coop_membership_action(self, xmlid, domain):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = {"create": False}
        return action

    def action_view_coop_shares(self):
        """Share register of this partner's membership."""
        self.ensure_one()
        membership = self.coop_membership_id
        return self._coop_membership_action(
            "coop_membership.coop_share_line_action",
            [("membership_id", "=", membership.id)],
        )

    def action_view_coop_fees(self):
        """Fees (per period) of this partner's membership."""
        self.ensure_one()
        membership = self.coop_membership_id
        return self._coop_membership_action(
            "coop_membership.coop_fee_line_action",
            [("membership_id", "=", membership.id)],
        )

    def action_view_coop_proxies(self):
        """Assembly proxies given or held by this partner's membership."""
        self.ensure_one()
        return self._coop_membership_action(
            "coop_membership.coop_assembly_proxy_action",
            self.coop_membership_id._get_proxy_domain(),
        )
