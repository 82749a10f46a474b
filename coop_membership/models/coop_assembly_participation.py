# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import vote_codes
from ..tools import votes as vote_rules


class CoopAssemblyParticipation(models.Model):
    """A member of the electorate of an assembly: whether they have voted
    (themselves or by proxy), and their one-time voting code (its hash).

    What they chose is not here nor reachable from here: the remote votes
    are counters (``coop.assembly.tally``). No log columns
    (``_log_access = False``): nothing dates a vote.
    """

    _name = "coop.assembly.participation"
    _description = "Assembly Participation"
    _order = "assembly_id, id"
    _log_access = False
    _check_company_auto = True

    assembly_id = fields.Many2one(
        "coop.assembly", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="assembly_id.company_id", store=True)
    membership_id = fields.Many2one(
        "coop.membership",
        string="Member",
        required=True,
        check_company=True,
        ondelete="cascade",
        index=True,
    )
    partner_id = fields.Many2one(related="membership_id.partner_id", string="Contact")
    has_voted = fields.Boolean(readonly=True)
    voted_via = fields.Selection(
        [("self", "Themselves"), ("proxy", "By Proxy")], readonly=True
    )
    admitted_on_day = fields.Boolean(
        readonly=True,
        help="Regularised their fees on the day of the assembly and admitted "
        "by a manager.",
    )
    admission_reason = fields.Text(readonly=True)
    code_hash = fields.Char(groups="base.group_system", copy=False, readonly=True)
    code_sent = fields.Boolean(readonly=True, copy=False)
    code_attempts = fields.Integer(string="Wrong Codes", readonly=True, copy=False)
    code_state = fields.Selection(
        [
            ("none", "Not Sent"),
            ("sent", "Sent"),
            ("used", "Used"),
            ("locked", "Locked"),
        ],
        compute="_compute_code_state",
        string="Voting Code",
    )

    _sql_constraints = (
        (
            "assembly_membership_uniq",
            "unique(assembly_id, membership_id)",
            "A member is once in the electorate of an assembly.",
        ),
    )

    @api.depends("code_sent", "code_attempts", "code_hash")
    def _compute_code_state(self):
        for participation in self:
            if not participation.code_sent:
                participation.code_state = "none"
            elif participation.code_attempts >= vote_codes.MAX_ATTEMPTS:
                participation.code_state = "locked"
            elif participation.sudo().code_hash:
                participation.code_state = "sent"
            else:
                participation.code_state = "used"

    def action_send_code(self):
        """Send a new voting code (lost, locked or used with a vote left)."""
        self.env["coop.membership"]._check_manager()
        self.check_access("read")
        for assembly in self.assembly_id:
            assembly._check_vote_state("open", remote=True)
        self._send_code()
        for participation in self.filtered(lambda p: p.partner_id.email):
            participation.assembly_id.message_post(
                body=self.env._(
                    "A new voting code was sent to %s.",
                    participation.partner_id.display_name,
                )
            )
        return True

    def _issue_code(self):
        """A new one-time code for this participation (the previous one no
        longer works); only its hash is stored. Returns the code."""
        self.ensure_one()
        salt = self.assembly_id.sudo()._get_vote_salt()
        code = vote_codes.new_code()
        self.sudo().write(
            {
                "code_hash": vote_codes.code_hash(salt, code),
                "code_sent": True,
                "code_attempts": 0,
            }
        )
        return code

    def _send_code(self):
        """Email each voter a new code (not kept anywhere in clear: the mail
        is deleted once sent). Voters without an email address get none: the
        assembly's chatter names them."""
        template = self.env.ref("coop_membership.mail_template_assembly_vote_code")
        unreachable = self.filtered(lambda p: not p.partner_id.email)
        for participation in self - unreachable:
            code = vote_codes.display_code(participation._issue_code())
            template.with_context(vote_code=code).send_mail(
                participation.id,
                email_values=participation._prepare_code_mail_vals(),
            )
        for assembly in unreachable.assembly_id:
            names = unreachable.filtered(lambda p, a=assembly: p.assembly_id == a)
            assembly.message_post(
                body=self.env._(
                    "No email address, so no voting code sent to: %s. Record "
                    "their address, then send them a code from the "
                    "Participation tab.",
                    ", ".join(names.partner_id.mapped("display_name")),
                )
            )

    def _prepare_code_mail_vals(self):
        """Values of the mail carrying a voting code: deleted once sent."""
        return {"auto_delete": True}

    def _use_code(self, typed):
        """True, and the code is spent, when ``typed`` is this voter's code;
        False, and one more wrong attempt is counted, otherwise."""
        self.ensure_one()
        sudo = self.sudo()
        if self.code_attempts >= vote_codes.MAX_ATTEMPTS:
            raise UserError(
                self.env._(
                    "Too many wrong codes: your code is locked. Ask the "
                    "assembly's organisers for a new one."
                )
            )
        if not sudo.code_hash:
            raise UserError(
                self.env._(
                    "Your voting code was already used (or never sent): ask "
                    "the assembly's organisers for a new one if you have a "
                    "vote left."
                )
            )
        salt = self.assembly_id.sudo()._get_vote_salt()
        if not vote_codes.code_matches(salt, typed, sudo.code_hash):
            sudo.code_attempts += 1
            return False
        sudo.code_hash = False
        return True

    def _voting_rights(self):
        """The participations whose vote this voter casts now: their own
        and those of the givers of the authenticated proxies they hold."""
        self.ensure_one()
        assembly = self.assembly_id.sudo()
        member = self.membership_id
        by_member = {p.membership_id: p for p in assembly.participation_ids}
        proxies = assembly.proxy_ids.filtered("is_authenticated")
        held = assembly.proxy_ids.filtered(lambda p: p.holder_id == member)
        rights = vote_rules.voting_rights(
            self.id,
            self.has_voted,
            bool(proxies.filtered(lambda p: p.giver_id == member)),
            [
                (
                    by_member[proxy.giver_id].id,
                    proxy.is_authenticated,
                    by_member[proxy.giver_id].has_voted,
                )
                for proxy in held.sorted("id")
                if proxy.giver_id in by_member
            ],
            assembly.company_id.coop_max_proxies,
        )
        return self.browse(rights)

    def _submit_ballots(self, typed_code, ballots):
        """Cast this voter's remote ballots with their one-time code.

        ``ballots``: ``{participation id: {item id: [choice ids]}}``, one
        ballot per vote the voter casts (their own, their proxies'). Bad
        input raises and writes nothing; a wrong code counts an attempt and
        returns False; True once the votes are counted.
        """
        self.ensure_one()
        self.assembly_id._check_vote_state("open", remote=True)
        voters = self._check_ballot_rights(ballots)
        keys = []
        for voter in voters:
            keys += self._ballot_keys(ballots[voter.id])
        if not self._use_code(typed_code):
            return False
        voters = voters.sudo()
        (voters & self).write({"has_voted": True, "voted_via": "self"})
        (voters - self).write({"has_voted": True, "voted_via": "proxy"})
        self.env["coop.assembly.tally"]._add(keys)
        return True

    def _check_ballot_rights(self, ballots):
        """The participations ``ballots`` vote for, when this voter may cast
        each of their votes now."""
        if not isinstance(ballots, dict) or not ballots:
            raise UserError(self.env._("No ballot was submitted."))
        rights = self._voting_rights()
        voters = self.browse()
        for right_id in ballots:
            voter = self.browse(right_id if isinstance(right_id, int) else 0)
            if voter not in rights:
                raise UserError(voter._no_right_message(self))
            voters |= voter
        return voters

    def _no_right_message(self, caster):
        """Why ``caster`` may not cast the vote of ``self`` now."""
        if self == caster and self.has_voted:
            return self.env._("You have already voted at this assembly.")
        if self == caster:
            return self.env._(
                "You gave an authenticated proxy: your vote is cast by its holder."
            )
        voter = self.sudo().exists()
        givers = caster.assembly_id.sudo().proxy_ids.filtered(
            lambda p: p.holder_id == caster.membership_id and p.is_authenticated
        )
        if voter.has_voted and voter.membership_id in givers.giver_id:
            return self.env._(
                "The vote of %s was already cast.", voter.partner_id.display_name
            )
        return self.env._(
            "You may not vote for this member: you hold no authenticated "
            "proxy of theirs, or more proxies than the %s counted per member.",
            caster.assembly_id.sudo().company_id.coop_max_proxies,
        )

    def _ballot_keys(self, ballot):
        """The tally keys of one valid ``ballot`` (``{item id: [choice
        ids]}``): the item's ballot counter and each choice kept."""
        items = self.assembly_id.sudo().item_ids
        if not isinstance(ballot, dict) or set(ballot) - set(items.ids):
            raise UserError(self.env._("A ballot names an item of another vote."))
        keys = []
        for item in items:
            selected = ballot.get(item.id, [])
            if not isinstance(selected, list):
                selected = [selected]
            if not vote_rules.remote_ballot_is_valid(
                item.kind, selected, item.choice_ids.ids, item.seats
            ):
                raise UserError(item._ballot_error_message())
            keys.append((item.id, False))
            keys += [(item.id, choice_id) for choice_id in selected]
        return keys
