# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import votes as vote_rules


class CoopAssembly(models.Model):
    _name = "coop.assembly"
    _description = "General Assembly"
    _inherit = ("mail.thread", "mail.activity.mixin")
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
        Membership = self.env["coop.membership"]
        candidates = Membership.search(
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
        fees = self.env["coop.fee.line"].search(
            [
                ("membership_id", "in", candidates.ids),
                ("kind", "=", "invoice"),
                ("period_start", "<=", self.date),
            ]
        )
        unpaid = fees._get_unpaid_on(self.date - timedelta(days=1))
        return candidates - unpaid.membership_id

    def action_convene(self):
        self.write({"state": "convened"})

    def action_done(self):
        self.write({"state": "done"})

    def action_draft(self):
        self.write({"state": "draft"})

    def check_ballot(self, selected, candidates=None):
        """True when a ballot selecting ``selected`` names is valid."""
        self.ensure_one()
        return vote_rules.ballot_is_valid(selected, self.seats, candidates)

    def action_print_register(self):
        return self.env.ref(
            "coop_membership.action_report_voter_register"
        ).report_action(self)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if any(a.state == "done" for a in self):
            raise UserError(self.env._("A held assembly cannot be deleted."))
