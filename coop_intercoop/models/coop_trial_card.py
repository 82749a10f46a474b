# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from odoo.addons.coop_membership.tools import bounds

from ..tools import trial_rules

CARD_STATES = [
    (trial_rules.ACTIVE, "Active"),
    (trial_rules.EXHAUSTED, "Exhausted"),
    (trial_rules.EXPIRED, "Expired"),
    (trial_rules.CANCELLED, "Cancelled"),
]
# a card once used keeps who, what and when it was issued for
USED_CARD_FIELDS = {"partner_id", "formula_id", "company_id", "start_date"}
# what the till may send when it registers a visitor
VISITOR_TEXT_FIELDS = {"lastname": 128, "firstname": 128, "email": 254, "phone": 64}


class CoopTrialCard(models.Model):
    _name = "coop.trial.card"
    _inherit = ("mail.thread",)
    _description = "Trial / Visitor Card"
    _order = "start_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number",
        required=True,
        copy=False,
        readonly=True,
        default="/",
        size=32,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Holder",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    formula_id = fields.Many2one(
        "coop.trial.formula", required=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    start_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True
    )
    cancelled = fields.Boolean(tracking=True, copy=False, default=False)
    usage_ids = fields.One2many("coop.trial.card.usage", "card_id", string="Purchases")
    purchases_used = fields.Integer(compute="_compute_purchases_used", store=True)
    max_purchases = fields.Integer(related="formula_id.max_purchases")
    max_days = fields.Integer(related="formula_id.max_days")
    last_day = fields.Date(compute="_compute_last_day", store=True)
    # numbers for the till; screens show remaining_*_display (unlimited)
    remaining_purchases = fields.Integer(
        string="Purchases Left (number)",
        compute="_compute_status",
        help="-1 when the formula has no purchase limit",
    )
    remaining_days = fields.Integer(
        string="Days Left (number)",
        compute="_compute_status",
        help="-1 when the formula has no day limit",
    )
    state = fields.Selection(
        CARD_STATES, string="Status", compute="_compute_status", search="_search_state"
    )

    @api.depends("usage_ids.quantity")
    def _compute_purchases_used(self):
        data = self.env["coop.trial.card.usage"]._read_group(
            [("card_id", "in", self.ids)], ["card_id"], ["quantity:sum"]
        )
        used = {card.id: qty for card, qty in data}
        for card in self:
            card.purchases_used = max(used.get(card.id, 0), 0)

    @api.depends("start_date", "formula_id.max_days")
    def _compute_last_day(self):
        for card in self:
            card.last_day = trial_rules.card_last_day(
                card.start_date, card.formula_id.max_days
            )

    @api.depends_context("coop_today")
    @api.depends("start_date", "cancelled", "purchases_used", "formula_id", "last_day")
    def _compute_status(self):
        today = self._coop_today()
        for card in self:
            formula = card.formula_id
            card.state = trial_rules.card_state(
                formula.max_purchases,
                formula.max_days,
                card.start_date,
                card.purchases_used,
                today,
                cancelled=card.cancelled,
            )
            purchases = trial_rules.remaining_purchases(
                formula.max_purchases, card.purchases_used
            )
            days = trial_rules.remaining_days(card.start_date, formula.max_days, today)
            card.remaining_purchases = -1 if purchases is None else purchases
            card.remaining_days = -1 if days is None else days

    def _coop_today(self):
        return self.env.context.get("coop_today") or fields.Date.context_today(self)

    def _search_state(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on card state."))
        values = {value} if isinstance(value, str) else set(value)
        today = self._coop_today()
        cards = self.search(self._state_candidates_domain(values, today))
        cards = cards.with_context(coop_today=today)
        ids = cards.filtered(lambda c: c.state in values).ids
        positive = operator in ("=", "in")
        return [("id", "in" if positive else "not in", ids)]

    @api.model
    def _state_candidates_domain(self, states, today):
        """Cards that may be in ``states`` on ``today``, from stored fields;
        the state rule then decides on these only (not on every card ever
        issued): a cancelled card is cancelled, a card past its last day is
        expired."""
        branches = []
        if trial_rules.CANCELLED in states:
            branches.append([("cancelled", "=", True)])
        others = set(states) - {trial_rules.CANCELLED}
        if others:
            domain = [("cancelled", "=", False)]
            if trial_rules.EXPIRED not in others:
                domain += ["|", ("last_day", "=", False), ("last_day", ">=", today)]
            elif others == {trial_rules.EXPIRED}:
                domain += [("last_day", "!=", False)]
            branches.append(domain)
        return expression.OR(branches) if branches else expression.FALSE_DOMAIN

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("coop.trial.card")
                    or "/"
                )
        cards = super().create(vals_list)
        cards._check_holder()
        return cards

    def write(self, vals):
        used = self.filtered("usage_ids") if USED_CARD_FIELDS & set(vals) else None
        if used:
            raise UserError(
                self.env._(
                    "Card %s has been used: its holder, formula, company and start "
                    "date cannot change. Cancel it and issue a new card.",
                    used[0].name,
                )
            )
        res = super().write(vals)
        if {"partner_id", "cancelled", "company_id", "formula_id"} & set(vals):
            self._check_holder()
        return res

    def _check_holder(self):
        """A member needs no trial card; one active card per person and company."""
        today = self._coop_today()
        for card in self.filtered(lambda c: not c.cancelled):
            partner = card.partner_id.with_company(card.company_id)
            if partner._coop_intercoop_is_member(card.company_id):
                raise ValidationError(
                    self.env._(
                        "%s is already a member: a trial card is not needed.",
                        partner.display_name,
                    )
                )
            others = self.search(
                [
                    ("id", "!=", card.id),
                    ("partner_id", "=", card.partner_id.id),
                    ("company_id", "=", card.company_id.id),
                    ("cancelled", "=", False),
                ]
            )
            if others.with_context(coop_today=today).filtered(
                lambda c: c.state == trial_rules.ACTIVE
            ):
                raise ValidationError(
                    self.env._(
                        "%s already holds an active trial card.",
                        card.partner_id.display_name,
                    )
                )

    def action_cancel(self):
        self.write({"cancelled": True})
        return True

    # Registration ---------------------------------------------------------
    @api.model
    def _visitor_field_labels(self):
        return {
            "lastname": self.env._("last name"),
            "firstname": self.env._("first name"),
            "email": self.env._("email"),
            "phone": self.env._("phone"),
        }

    @api.model
    def _registration_values_check(self, formula, values):
        missing = trial_rules.missing_registration_fields(
            formula._required_registration_fields(), values
        )
        if missing:
            labels = self._visitor_field_labels()
            raise UserError(
                self.env._(
                    "The registration for %(formula)s requires: %(fields)s.",
                    formula=formula.name,
                    fields=", ".join(labels[m] for m in missing),
                )
            )

    @api.model
    def _register_visitor(self, formula_id, values):
        """Register a visitor (new or ``values['partner_id']``) and issue a card.

        ``values``: lastname, firstname, email, phone, partner_id (all optional
        but the formula's mandatory fields). Returns the new card.
        """
        self.check_access("create")
        formula = self.env["coop.trial.formula"].browse(formula_id).exists()
        if not formula:
            raise UserError(self.env._("Choose a trial formula."))
        values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
        partner = self.env["res.partner"]
        if values.get("partner_id"):
            partner = partner.browse(values["partner_id"]).exists()
        if partner:
            # an existing contact brings what is already known about them
            known = {
                "lastname": partner.name,
                "email": partner.email,
                "phone": partner.phone,
            }
            if values.get("firstname") or values.get("lastname"):
                known.pop("lastname")
            for key, value in known.items():
                if value and not values.get(key):
                    values[key] = value
        self._registration_values_check(formula, values)
        partner = self._visitor_partner(partner, values)
        return self.create(
            {
                "partner_id": partner.id,
                "formula_id": formula.id,
                "company_id": formula.company_id.id,
            }
        )

    @api.model
    def _visitor_partner(self, partner, values):
        """The visitor's contact: ``partner`` completed with the e-mail and
        phone it lacks, or a new contact (the caller checked its rights)."""
        if partner:
            updates = {
                key: values[key]
                for key in ("email", "phone")
                if values.get(key) and not partner[key]
            }
            if updates:
                partner.sudo().write(updates)
            return partner
        name = " ".join(
            part for part in (values.get("firstname"), values.get("lastname")) if part
        )
        if not name:
            raise UserError(self.env._("The visitor needs a name."))
        # cashiers may register visitors without being contact managers:
        # the right to issue cards is checked, then the bare contact is created
        self.check_access("create")
        vals = {
            "name": name,
            "email": values.get("email") or False,
            "phone": values.get("phone") or False,
            "company_id": False,
        }
        return partner.sudo().create(vals).sudo(False)

    @api.model
    def _check_visitor_arguments(self, formula_id, values):
        """What the till sends: a formula id and a dict of short texts."""
        if isinstance(formula_id, bool) or not isinstance(formula_id, int):
            raise UserError(self.env._("Choose a trial formula."))
        if not isinstance(values, dict):
            raise UserError(self.env._("The visitor's details are missing."))
        partner_id = values.get("partner_id") or False
        if partner_id is not False and (
            isinstance(partner_id, bool) or not isinstance(partner_id, int)
        ):
            raise UserError(self.env._("The contact must be given by its id."))
        for key, size in VISITOR_TEXT_FIELDS.items():
            value = values.get(key) or ""
            if not isinstance(value, str) or bounds.text_too_long(value, size):
                raise UserError(
                    self.env._(
                        "The %(field)s of the visitor must be a text of at most "
                        "%(size)s characters.",
                        field=self._visitor_field_labels()[key],
                        size=size,
                    )
                )

    @api.model
    def pos_register_visitor(self, formula_id, values):
        """POS entry point: returns the holder id and the card status."""
        self.env["res.partner"]._coop_intercoop_check_staff()
        self._check_visitor_arguments(formula_id, values)
        card = self._register_visitor(formula_id, values)
        return {
            "partner_id": card.partner_id.id,
            "status": card.partner_id._coop_intercoop_status_values(),
        }

    # Purchases -------------------------------------------------------------
    def _is_usable(self):
        self.ensure_one()
        return self.state == trial_rules.ACTIVE

    def _register_purchase(self, pos_order=None, sale_order=None, strict=False):
        """Count one paid purchase on the card, once per order.

        Returns the usage line (or an empty recordset when the card could not
        be used and ``strict`` is False).
        """
        self.ensure_one()
        Usage = self.env["coop.trial.card.usage"].sudo()
        order_domain = (
            [("pos_order_id", "=", pos_order.id)]
            if pos_order
            else [("sale_order_id", "=", sale_order.id)]
        )
        existing = Usage.search([("card_id", "=", self.id)] + order_domain, limit=1)
        if existing:
            return existing
        if not self._is_usable():
            if strict:
                raise UserError(
                    self.env._(
                        "Card %(card)s of %(holder)s is %(state)s: member conditions "
                        "no longer apply. Propose membership to %(holder)s.",
                        card=self.name,
                        holder=self.partner_id.display_name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[self.state],
                    )
                )
            return Usage
        usage = Usage.create(
            {
                "card_id": self.id,
                "pos_order_id": pos_order.id if pos_order else False,
                "sale_order_id": sale_order.id if sale_order else False,
                "quantity": 1,
            }
        )
        self.invalidate_recordset(["purchases_used"])
        return usage

    def _register_refund(self, refund_pos_order, original_pos_order):
        """Give back the purchase of ``original_pos_order`` (once)."""
        self.ensure_one()
        Usage = self.env["coop.trial.card.usage"].sudo()
        counted = Usage.search(
            [("card_id", "=", self.id), ("pos_order_id", "=", original_pos_order.id)],
            limit=1,
        )
        if not counted:
            return Usage
        existing = Usage.search(
            [("card_id", "=", self.id), ("pos_order_id", "=", refund_pos_order.id)],
            limit=1,
        )
        if existing:
            return existing
        return Usage.create(
            {"card_id": self.id, "pos_order_id": refund_pos_order.id, "quantity": -1}
        )
