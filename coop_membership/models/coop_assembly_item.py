# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import bounds
from ..tools import votes as vote_rules

PAPER_FIELDS = frozenset({"paper_ballot_count", "paper_void_count"})
# computed when the vote closes, on items and on their choices
RESULT_FIELDS = frozenset(
    {"ballot_count", "result", "result_note", "vote_count", "outcome"}
)
MOTION_CHOICES = ("for", "against", "abstain")


class CoopAssemblyItem(models.Model):
    """A motion or an election on the agenda of an assembly (003 §6)."""

    _name = "coop.assembly.item"
    _description = "Assembly Item to Vote On"
    _inherit = ("coop.membership.bounds.mixin",)
    _order = "assembly_id, sequence, id"
    _check_company_auto = True

    assembly_id = fields.Many2one(
        "coop.assembly", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="assembly_id.company_id", store=True)
    vote_state = fields.Selection(related="assembly_id.vote_state")
    vote_mode = fields.Selection(related="assembly_id.vote_mode")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True, size=256)
    description = fields.Text()
    kind = fields.Selection(
        [("motion", "Motion"), ("election", "Election")],
        required=True,
        default="motion",
    )
    rule_id = fields.Many2one(
        "coop.assembly.vote.rule",
        string="Voting Rule",
        required=True,
        check_company=True,
        ondelete="restrict",
        default=lambda self: self.env["coop.assembly.vote.rule"].search([], limit=1),
    )
    seats = fields.Integer(
        compute="_compute_seats",
        store=True,
        readonly=False,
        precompute=True,
        help="Seats open at an election: a ballot keeps at most this many names.",
    )
    choice_ids = fields.One2many("coop.assembly.choice", "item_id", string="Choices")
    paper_ballot_count = fields.Integer(
        string="Ballots Handed In", help="Paper ballots, void ones included."
    )
    paper_void_count = fields.Integer(
        string="Void Ballots",
        help="Paper ballots keeping more names than seats or with an added name.",
    )
    ballot_count = fields.Integer(
        string="Ballots", readonly=True, help="Ballots of the item (result)."
    )
    result = fields.Selection(
        [
            ("adopted", "Adopted"),
            ("rejected", "Rejected"),
            ("elected", "Elected"),
            ("tie", "Tie for the last seat"),
            ("no_quorum", "Quorum not met"),
        ],
        readonly=True,
    )
    result_note = fields.Char(readonly=True)

    @api.depends("kind", "assembly_id.seats")
    def _compute_seats(self):
        for item in self:
            if item.kind != "election":
                item.seats = 0
            elif not item.seats:
                item.seats = item.assembly_id.seats or 1

    @api.model
    def _coop_bounds(self):
        return {
            "seats": (0, bounds.MAX_COUNT),
            "paper_ballot_count": (0, bounds.MAX_COUNT),
            "paper_void_count": (0, bounds.MAX_COUNT),
        }

    @api.constrains("kind", "seats")
    def _check_seats(self):
        for item in self:
            if item.kind == "election" and item.seats < 1:
                raise ValidationError(
                    self.env._("An election opens at least one seat (%s).", item.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._check_vote_edit()
        items._sync_choices()
        return items

    def write(self, vals):
        self._check_vote_edit(vals)
        res = super().write(vals)
        if "kind" in vals:
            self._sync_choices()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_opened(self):
        self._check_vote_edit()

    def _check_vote_edit(self, fnames=None, paper_fields=PAPER_FIELDS):
        """Items and candidates are set before the vote opens, the paper
        count (``paper_fields``) is entered while the vote of a paper
        assembly is open, the results are written when it closes (all of
        them, from the counts). ``fnames``: the fields written, None when
        creating or deleting."""
        written = set(fnames or ())
        results = written & RESULT_FIELDS
        paper = written & paper_fields
        structural = fnames is None or bool(written - paper_fields - RESULT_FIELDS)
        for assembly in self.assembly_id:
            state = assembly.vote_state
            if results and state != "open":
                raise UserError(
                    self.env._("Results are computed when the vote closes.")
                )
            if paper and (state != "open" or assembly.vote_mode != "paper"):
                raise UserError(
                    self.env._(
                        "The paper count is entered while the vote of a paper "
                        "assembly is open."
                    )
                )
            if structural and state != "not_open":
                raise UserError(
                    self.env._(
                        "The vote of %s is open or closed: its items and "
                        "candidates cannot be changed.",
                        assembly.name,
                    )
                )

    def _sync_choices(self):
        """A motion's choices are for, against and abstain; an election's
        are its candidates."""
        Choice = self.env["coop.assembly.choice"]
        for item in self:
            if item.kind == "motion":
                item.choice_ids.filtered(lambda c: c.value == "candidate").unlink()
                missing = set(MOTION_CHOICES) - set(item.choice_ids.mapped("value"))
                Choice.create(
                    [
                        item._prepare_motion_choice_vals(value)
                        for value in MOTION_CHOICES
                        if value in missing
                    ]
                )
            else:
                item.choice_ids.filtered(lambda c: c.value != "candidate").unlink()

    def _prepare_motion_choice_vals(self, value):
        self.ensure_one()
        labels = dict(
            self.env["coop.assembly.choice"]
            ._fields["value"]
            ._description_selection(self.env)
        )
        return {
            "item_id": self.id,
            "value": value,
            "name": labels[value],
            "sequence": MOTION_CHOICES.index(value),
        }

    def _paper_count_message(self):
        """Why this item's paper count is impossible, or None."""
        self.ensure_one()
        error = vote_rules.paper_count_error(
            self.paper_ballot_count,
            self.paper_void_count,
            self.choice_ids.mapped("paper_count"),
            self.seats if self.kind == "election" else None,
        )
        if not error:
            return None
        messages = {
            vote_rules.PAPER_NEGATIVE: self.env._("a count is negative"),
            vote_rules.PAPER_VOID_EXCEEDS: self.env._(
                "more void ballots than ballots handed in"
            ),
            vote_rules.PAPER_MOTION_SUM: self.env._(
                "for, against and abstain do not add up to the valid ballots"
            ),
            vote_rules.PAPER_CANDIDATE_EXCEEDS: self.env._(
                "a candidate has more votes than valid ballots"
            ),
            vote_rules.PAPER_NAMES_EXCEED: self.env._(
                "the names kept exceed the valid ballots times the seats"
            ),
        }
        return self.env._(
            "The paper count of %(item)s is impossible: %(why)s.",
            item=self.name,
            why=messages[error],
        )

    def _ballot_error_message(self):
        """Why a remote ballot of this item is refused."""
        self.ensure_one()
        if self.kind == "motion":
            return self.env._(
                "Choose one answer (for, against or abstain) on %s.", self.name
            )
        return self.env._(
            "A ballot of %(item)s keeps at most %(seats)s names, each once, "
            "among the declared candidates.",
            item=self.name,
            seats=self.seats,
        )

    def _set_results(self, remote, electorate):
        """Count this item when the vote closes: paper count plus the remote
        counters ``remote`` (``{(item id, choice id or False): votes}``), the
        quorum on the ``electorate`` size, then the majority or the seats."""
        self.ensure_one()
        votes = {
            choice: choice.paper_count + remote.get((self.id, choice.id), 0)
            for choice in self.choice_ids
        }
        ballots = self.paper_ballot_count + remote.get((self.id, False), 0)
        for choice, count in votes.items():
            choice.write({"vote_count": count, "outcome": False})
        rule = self.rule_id
        needed = vote_rules.quorum_needed(
            electorate, rule.quorum_numerator, rule.quorum_denominator
        )
        vals = {"ballot_count": ballots}
        if ballots < needed:
            vals.update(
                result="no_quorum",
                result_note=self.env._(
                    "Quorum not met: %(ballots)s ballots, %(needed)s needed "
                    "(%(electorate)s members in the electorate).",
                    ballots=ballots,
                    needed=needed,
                    electorate=electorate,
                ),
            )
        elif self.kind == "motion":
            vals.update(self._motion_result(votes))
        else:
            vals.update(self._election_result(votes))
        self.write(vals)

    def _motion_result(self, votes):
        by_value = {choice.value: count for choice, count in votes.items()}
        rule = self.rule_id
        adopted = vote_rules.motion_adopted(
            by_value.get("for", 0),
            by_value.get("against", 0),
            by_value.get("abstain", 0),
            rule.majority_numerator,
            rule.majority_denominator,
            strict=rule.majority_strict,
            count_abstentions=rule.count_abstentions,
        )
        return {
            "result": "adopted" if adopted else "rejected",
            "result_note": self.env._(
                "For %(yes)s, against %(no)s, abstaining %(abstain)s (%(rule)s).",
                yes=by_value.get("for", 0),
                no=by_value.get("against", 0),
                abstain=by_value.get("abstain", 0),
                rule=rule.name,
            ),
        }

    def _election_result(self, votes):
        elected, tied = vote_rules.election_result(
            {choice.id: count for choice, count in votes.items()}, self.seats
        )
        Choice = self.env["coop.assembly.choice"]
        Choice.browse(list(elected)).write({"outcome": "elected"})
        Choice.browse(list(tied)).write({"outcome": "tie"})
        note = self.env._(
            "%(elected)s elected for %(seats)s seats.",
            elected=len(elected),
            seats=self.seats,
        )
        if tied:
            note += " " + self.env._(
                "%s candidates are tied for the last seats: the assembly "
                "decides between them.",
                len(tied),
            )
        return {"result": "tie" if tied else "elected", "result_note": note}
