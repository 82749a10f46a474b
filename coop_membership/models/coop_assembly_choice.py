# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import bounds


class CoopAssemblyChoice(models.Model):
    """What a ballot of an item may choose: for, against or abstain on a
    motion, a declared candidate at an election. It holds the paper count
    entered by the staff and, once the vote is closed, the result; never a
    voter (the remote votes are counted in ``coop.assembly.tally``)."""

    _name = "coop.assembly.choice"
    _description = "Assembly Ballot Choice"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "item_id, sequence, id"
    _check_company_auto = True

    item_id = fields.Many2one(
        "coop.assembly.item", required=True, ondelete="cascade", index=True
    )
    assembly_id = fields.Many2one(related="item_id.assembly_id", store=True)
    company_id = fields.Many2one(related="item_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, size=128, help="As printed on the ballot.")
    value = fields.Selection(
        [
            ("for", "For"),
            ("against", "Against"),
            ("abstain", "Abstain"),
            ("candidate", "Candidate"),
        ],
        required=True,
        default="candidate",
        readonly=True,
    )
    candidate_id = fields.Many2one(
        "coop.membership",
        string="Candidate Member",
        check_company=True,
        ondelete="restrict",
        help="The member standing for election, when the candidate is one.",
    )
    paper_count = fields.Integer(string="Paper Votes")
    vote_count = fields.Integer(
        string="Votes", readonly=True, help="Paper and remote votes (result)."
    )
    outcome = fields.Selection(
        [("elected", "Elected"), ("tie", "Tied for the last seat")], readonly=True
    )

    @api.model
    def _coop_bounds(self):
        return {"paper_count": (0, bounds.MAX_COUNT)}

    @api.constrains("value", "item_id")
    def _check_value(self):
        for choice in self:
            is_candidate = choice.value == "candidate"
            if is_candidate != (choice.item_id.kind == "election"):
                raise ValidationError(
                    self.env._(
                        "Candidates stand at elections; a motion is voted for, "
                        "against or abstaining (%s).",
                        choice.item_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        choices = super().create(vals_list)
        choices.item_id._check_vote_edit()
        return choices

    def write(self, vals):
        self.item_id._check_vote_edit(vals, frozenset({"paper_count"}))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_opened(self):
        self.item_id._check_vote_edit()
