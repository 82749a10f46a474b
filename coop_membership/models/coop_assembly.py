# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import bounds
from ..tools import votes as vote_rules

LOCKED_FIELDS = {"name", "date", "company_id", "seats", "proxy_ids", "state"}


class CoopAssembly(models.Model):
    _name = "coop.assembly"
    _description = "General Assembly"
    _inherit = ("mail.thread", "mail.activity.mixin", "coop.membership.bounds.mixin")
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    date = fields.Date(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    seats = fields.Integer(string="Seats to Elect", tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("convened", "Convened"), ("done", "Done")],
        default="draft",
        required=True,
        tracking=True,
    )
    voter_ids = fields.Many2many(
        "coop.membership",
        compute="_compute_voter_ids",
        string="Electorate",
    )
    voter_count = fields.Integer(compute="_compute_voter_ids", string="Voters")
    proxy_ids = fields.One2many("coop.assembly.proxy", "assembly_id", string="Proxies")
    note = fields.Html()

    @api.depends("date", "company_id")
    def _compute_voter_ids(self):
        for assembly in self:
            voters = assembly._get_electorate() if assembly.date else False
            assembly.voter_ids = voters
            assembly.voter_count = len(voters) if voters else 0

    def _get_electorate(self):
        """Members who may vote: active or leaving members (and passive ones
        whose category keeps the vote) who joined by the assembly date and
        whose fees of the periods started by then were paid by the day before
        the assembly (regularising is accepted up to that day)."""
        self.ensure_one()
        members = self._get_voting_members()
        return members - self._get_unpaid_members(
            members, self.date - timedelta(days=1)
        )

    def _get_voting_members(self):
        """Members whose status and category give the vote at this assembly
        (fees aside)."""
        self.ensure_one()
        return self.env["coop.membership"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("join_date", "<=", self.date),
                "|",
                "&",
                ("state", "in", ("active", "leaving")),
                ("leaving_from_passive", "=", False),
                "&",
                "|",
                ("state", "=", "passive"),
                ("leaving_from_passive", "=", True),
                ("category_id.passive_can_vote", "=", True),
            ]
        )

    def _get_unpaid_members(self, members, day):
        """Those of ``members`` with a fee of a period started by the assembly
        date not paid on ``day``."""
        self.ensure_one()
        fees = self.env["coop.fee.line"].search(
            [
                ("membership_id", "in", members.ids),
                ("kind", "=", "invoice"),
                ("period_start", "<=", self.date),
            ]
        )
        return fees._get_unpaid_on(day).membership_id

    @api.constrains("seats")
    def _check_seats(self):
        for assembly in self:
            if not 0 <= assembly.seats <= bounds.MAX_COUNT:
                raise ValidationError(
                    self.env._(
                        "The number of seats to elect must lie between 0 and %s.",
                        bounds.MAX_COUNT,
                    )
                )

    def write(self, vals):
        if LOCKED_FIELDS & set(vals) and any(a.state == "done" for a in self):
            raise UserError(
                self.env._(
                    "The assembly was held: its date, seats, electorate and "
                    "proxies cannot be changed."
                )
            )
        return super().write(vals)

    def _set_state(self, from_states, state):
        self.env["coop.membership"]._check_manager()
        self.check_access("write")
        if any(a.state not in from_states for a in self):
            raise UserError(
                self.env._("This step does not apply to the assembly in its state.")
            )
        self.write({"state": state})
        return True

    def action_convene(self):
        return self._set_state(("draft",), "convened")

    def action_done(self):
        return self._set_state(("convened",), "done")

    def action_draft(self):
        return self._set_state(("convened",), "draft")

    def check_ballot(self, selected, candidates=None):
        """True when a ballot selecting ``selected`` names is valid."""
        self.ensure_one()
        self.check_access("read")
        for names in (selected, candidates or []):
            if not isinstance(names, list | tuple) or not all(
                isinstance(name, str) for name in names
            ):
                raise UserError(self.env._("A ballot is a list of names."))
        return vote_rules.ballot_is_valid(selected, self.seats, candidates)

    def action_print_register(self):
        self.check_access("read")
        return self.env.ref(
            "coop_membership.action_report_voter_register"
        ).report_action(self)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(a.state == "done" for a in self):
            raise UserError(self.env._("A held assembly cannot be deleted."))
