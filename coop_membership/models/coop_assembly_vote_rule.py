# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import bounds


class CoopAssemblyVoteRule(models.Model):
    """How an item of an assembly is decided: the majority of a motion and
    the quorum, as fractions (data, not code)."""

    _name = "coop.assembly.vote.rule"
    _description = "Assembly Voting Rule"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, size=128)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the rule with every company."
    )
    majority_numerator = fields.Integer(string="Majority: Numerator", default=1)
    majority_denominator = fields.Integer(string="Majority: Denominator", default=2)
    majority_strict = fields.Boolean(
        string="Strictly More Than",
        default=True,
        help="Checked: the votes for must be strictly more than the fraction "
        "of the votes cast (simple majority: more than 1/2). Unchecked: at "
        "least the fraction (two-thirds: at least 2/3).",
    )
    count_abstentions = fields.Boolean(
        string="Abstentions Count as Cast",
        help="Checked: abstentions count in the votes cast (and so weigh like "
        "votes against). Unchecked: only votes for and against are cast.",
    )
    quorum_numerator = fields.Integer(
        string="Quorum: Numerator",
        default=0,
        help="Ballots handed in (void and blank included), as a fraction of "
        "the electorate, for the vote to count; 0: no quorum.",
    )
    quorum_denominator = fields.Integer(string="Quorum: Denominator", default=1)

    @api.model
    def _coop_bounds(self):
        return {
            "majority_numerator": (1, bounds.MAX_COUNT),
            "majority_denominator": (1, bounds.MAX_COUNT),
            "quorum_numerator": (0, bounds.MAX_COUNT),
            "quorum_denominator": (1, bounds.MAX_COUNT),
        }

    @api.constrains(
        "majority_numerator",
        "majority_denominator",
        "quorum_numerator",
        "quorum_denominator",
    )
    def _check_fractions(self):
        for rule in self:
            if not 0 < rule.majority_numerator <= rule.majority_denominator:
                raise ValidationError(
                    self.env._(
                        "The majority is a fraction from 1/%(den)s to 1 (%(rule)s).",
                        den=rule.majority_denominator,
                        rule=rule.name,
                    )
                )
            if not 0 <= rule.quorum_numerator <= rule.quorum_denominator:
                raise ValidationError(
                    self.env._("The quorum is a fraction from 0 to 1 (%s).", rule.name)
                )
