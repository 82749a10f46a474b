# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..tools import trial_rules
from .coop_intercoop_agreement import CARD_NUMBER_SIZE, PROOFS

# a member's card at a partner cooperative is not for other members to read
STAFF_GROUPS = "point_of_sale.group_pos_user,coop_intercoop.group_coop_intercoop_user"


class ResPartner(models.Model):
    _inherit = "res.partner"

    coop_intercoop_agreement_id = fields.Many2one(
        "coop.intercoop.agreement",
        string="Partner Cooperative Agreement",
        index="btree_not_null",
        groups=STAFF_GROUPS,
        help="Set on members of a partner cooperative visiting our shop.",
    )
    coop_intercoop_partner_coop_id = fields.Many2one(
        related="coop_intercoop_agreement_id.partner_coop_id",
        string="Member Of (Partner Coop)",
        groups=STAFF_GROUPS,
    )
    coop_intercoop_card_number = fields.Char(
        string="Partner Coop Card Number", size=CARD_NUMBER_SIZE, groups=STAFF_GROUPS
    )
    coop_intercoop_proof = fields.Selection(
        PROOFS, string="Membership Established By", groups=STAFF_GROUPS
    )
    coop_trial_card_ids = fields.One2many(
        "coop.trial.card", "partner_id", string="Trial Cards", groups=STAFF_GROUPS
    )
    coop_trial_card_count = fields.Integer(
        string="Number of Trial Cards",
        compute="_compute_coop_trial_card_count",
        groups=STAFF_GROUPS,
    )
    coop_volunteer_hours_home = fields.Float(
        string="Volunteer Hours (Counted Here)",
        compute="_compute_coop_volunteer_hours_home",
        groups=STAFF_GROUPS,
        help="Hours done here and at partner cooperatives pooling hours with us.",
    )

    @api.depends_context("company")
    def _compute_coop_volunteer_hours_home(self):
        data = self.env["coop.volunteer.hours"]._read_group(
            [
                ("partner_id", "in", self.ids),
                ("company_id", "=", self.env.company.id),
                ("counts_at_home", "=", True),
            ],
            ["partner_id"],
            ["hours:sum"],
        )
        hours = {partner.id: total for partner, total in data}
        for partner in self:
            partner.coop_volunteer_hours_home = hours.get(partner.id, 0.0)

    def _compute_coop_trial_card_count(self):
        data = self.env["coop.trial.card"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in data}
        for partner in self:
            partner.coop_trial_card_count = counts.get(partner.id, 0)

    def action_view_coop_trial_cards(self):
        """The contact's trial cards (smart button of the contact form)."""
        self.ensure_one()
        self.check_access("read")
        self.env["coop.trial.card"].check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_intercoop.coop_trial_card_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # Membership (coop_membership) -------------------------------------------
    def _coop_intercoop_is_member(self, company=None):
        """True when the contact already is a member of ``company``."""
        self.ensure_one()
        # membership records are for cooperative staff: ask as superuser
        membership = self.sudo()._coop_get_membership(company=company)
        return bool(membership and membership.state in ("active", "passive", "leaving"))

    # Benefits ---------------------------------------------------------------
    def _coop_intercoop_benefits(self):
        """Intercoop status of the contacts, in few queries (any batch size).

        :return: {partner_id: dict(kind, pricelist_id, card, agreement)} for the
            partners having a valid agreement or a trial card in the company.
        """
        if not self.ids:
            return {}
        today = fields.Date.context_today(self)
        self.env["coop.trial.card"].flush_model()
        self.env["coop.trial.formula"].flush_model()
        self.env["coop.intercoop.agreement"].flush_model()
        self.flush_model(["coop_intercoop_agreement_id"])
        result = self._coop_intercoop_agreement_benefits(today)
        self._coop_intercoop_card_benefits(today, result)
        return result

    def _coop_intercoop_agreement_benefits(self, today):
        """``{partner_id: benefit}`` of the contacts under an agreement of the
        company (plain values: no ORM read per record, whatever the batch
        size)."""
        self.env.cr.execute(
            """
            SELECT p.id, a.id, p.coop_intercoop_card_number, p.coop_intercoop_proof,
                   a.state, a.date_start, a.date_end, a.pricelist_id
              FROM res_partner p
              JOIN coop_intercoop_agreement a ON a.id = p.coop_intercoop_agreement_id
             WHERE p.id = ANY(%s) AND a.company_id = %s
            """,
            [list(self.ids), self.env.company.id],
        )
        Agreement = self.env["coop.intercoop.agreement"].sudo()
        Pricelist = self.env["product.pricelist"]
        result = {}
        for row in self.env.cr.fetchall():
            partner_id, agreement_id, number, proof, state, start, end, pricelist = row
            result[partner_id] = {
                "kind": "agreement",
                "agreement": Agreement.browse(agreement_id),
                "card_number": number or "",
                "proof": proof or "",
                "valid": trial_rules.agreement_is_valid(state, start, end, today),
                "pricelist": Pricelist.browse(pricelist),
            }
        return result

    def _coop_intercoop_card_benefits(self, today, result):
        """Add to ``result`` the latest trial card of the contacts without a
        valid agreement (a valid agreement wins over a trial card)."""
        self.env.cr.execute(
            """
            SELECT DISTINCT ON (c.partner_id)
                   c.partner_id, c.id, c.start_date, c.purchases_used,
                   f.max_purchases, f.max_days, f.pricelist_id
              FROM coop_trial_card c
              JOIN coop_trial_formula f ON f.id = c.formula_id
             WHERE c.partner_id = ANY(%s) AND c.company_id = %s
               AND c.cancelled IS NOT TRUE
             ORDER BY c.partner_id, c.start_date DESC, c.id DESC
            """,
            [list(self.ids), self.env.company.id],
        )
        Card = self.env["coop.trial.card"].sudo()
        Pricelist = self.env["product.pricelist"]
        for row in self.env.cr.fetchall():
            partner_id, card_id, start, used, max_purchases, max_days, pricelist = row
            if result.get(partner_id, {}).get("valid"):
                continue
            state = trial_rules.card_state(
                max_purchases, max_days, start, used or 0, today
            )
            result[partner_id] = {
                "kind": "card",
                "card": Card.browse(card_id),
                "valid": state == trial_rules.ACTIVE,
                "pricelist": Pricelist.browse(pricelist),
            }

    @api.depends(
        "country_id",
        "specific_property_product_pricelist",
        "coop_intercoop_agreement_id.state",
        "coop_intercoop_agreement_id.date_end",
        "coop_intercoop_agreement_id.pricelist_id",
        "coop_trial_card_ids.purchases_used",
        "coop_trial_card_ids.cancelled",
    )
    @api.depends_context("company", "country_code")
    def _compute_product_pricelist(self):
        res = super()._compute_product_pricelist()
        benefits = self._coop_intercoop_benefits()
        for partner in self:
            benefit = benefits.get(partner.id)
            if benefit and benefit["valid"] and benefit["pricelist"]:
                partner.property_product_pricelist = benefit["pricelist"]
        return res

    def _coop_intercoop_status_values(self, membership=None):
        """Plain status of one contact for the POS and the back office: its
        benefits here (agreement or card) and its shift duty as a member.

        :param membership: the contact's own membership here when the caller
            already looked it up (empty: none), else None
        """
        self.ensure_one()
        values = self._coop_intercoop_benefit_values()
        if membership is None:
            membership = self._coop_own_membership()
        values["shift_duty"] = (
            membership._coop_shift_duty_values() if membership else False
        )
        return values

    def _coop_own_membership(self):
        """The contact's own membership in the current company (as superuser:
        memberships are for cooperative staff; the caller only gets the shift
        duty of a contact it already reads)."""
        self.ensure_one()
        return (
            self.env["coop.membership"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.id),
                    ("company_id", "=", self.env.company.id),
                ],
                limit=1,
            )
        )

    def _coop_intercoop_find_customer(self, partner_id):
        """The contact ``partner_id`` if the caller may read it (archived
        too), and its own membership here (as superuser), in one query.

        :return: ``(partner, membership)``, empty records when not found
        """
        query = self.with_context(active_test=False)._search(
            [("id", "=", partner_id)], limit=1
        )
        alias = query.make_alias(query.table, "coop_membership")
        query.add_join(
            "LEFT JOIN",
            alias,
            "coop_membership",
            SQL(
                "%s = %s AND %s = %s",
                SQL.identifier(alias, "partner_id"),
                SQL.identifier(query.table, "id"),
                SQL.identifier(alias, "company_id"),
                self.env.company.id,
            ),
        )
        self.env.cr.execute(
            query.select(SQL.identifier(query.table, "id"), SQL.identifier(alias, "id"))
        )
        row = self.env.cr.fetchone()
        Membership = self.env["coop.membership"].sudo()
        if not row:
            return self.browse(), Membership
        return self.browse(row[0]), Membership.browse(row[1] or [])

    def _coop_intercoop_benefit_values(self):
        """Plain benefits of one contact here: agreement or trial card."""
        self.ensure_one()
        benefit = self._coop_intercoop_benefits().get(self.id)
        if not benefit:
            return {"kind": "none", "partner_id": self.id}
        values = {
            "kind": benefit["kind"],
            "partner_id": self.id,
            "valid": benefit["valid"],
            "pricelist_id": benefit["pricelist"].id or False,
            "propose_membership": False,
        }
        if benefit["kind"] == "agreement":
            agreement = benefit["agreement"]
            values.update(
                {
                    "label": agreement.partner_coop_id.name,
                    "agreement_id": agreement.id,
                    "card_number": benefit["card_number"],
                    "proof": benefit["proof"],
                }
            )
        else:
            card = benefit["card"]
            values.update(
                {
                    "label": card.formula_id.name,
                    "card_id": card.id,
                    "card_name": card.name,
                    "state": card.state,
                    "remaining_purchases": card.remaining_purchases,
                    "remaining_days": card.remaining_days,
                    "propose_membership": not benefit["valid"],
                }
            )
        return values

    @api.model
    def _coop_intercoop_check_staff(self):
        """Intercoop status is for the cashiers and the intercoop staff."""
        user = self.env.user
        if not (
            user.has_group("point_of_sale.group_pos_user")
            or user.has_group("coop_intercoop.group_coop_intercoop_user")
        ):
            raise AccessError(
                self.env._(
                    "Only cashiers and inter-cooperation staff may look up the "
                    "inter-cooperation status of a contact."
                )
            )

    @api.model
    def coop_intercoop_pos_status(self, partner_id):
        """POS lookup of a customer's intercoop status (agreement or card).

        :param int partner_id: the contact
        :return: plain values (see :meth:`_coop_intercoop_status_values`)
        """
        self._coop_intercoop_check_staff()
        if isinstance(partner_id, bool) or not isinstance(partner_id, int):
            raise UserError(self.env._("The contact must be given by its id."))
        # one query: the contact exists, the caller may read it, and its own
        # membership here (for the shift duty)
        partner, membership = self._coop_intercoop_find_customer(partner_id)
        if not partner:
            raise UserError(self.env._("This contact does not exist (any more)."))
        return partner._coop_intercoop_status_values(membership=membership)
