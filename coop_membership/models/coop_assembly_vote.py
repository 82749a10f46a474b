# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import vote_codes


class CoopAssembly(models.Model):
    """The votes of an assembly (003 §6): items, electorate frozen when the
    vote opens, paper count or remote ballots with one-time codes, results
    computed and published when it closes."""

    _inherit = "coop.assembly"  # pylint: disable=consider-merging-classes-inherited

    vote_mode = fields.Selection(
        [("paper", "Paper Ballots"), ("remote", "Remote (Portal)")],
        default="paper",
        required=True,
        tracking=True,
        help="Paper: the staff enter the count of each item. Remote: each "
        "voter votes on the portal with a one-time code sent by email.",
    )
    vote_state = fields.Selection(
        [("not_open", "Not Open"), ("open", "Open"), ("closed", "Closed")],
        string="Vote",
        default="not_open",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    item_ids = fields.One2many("coop.assembly.item", "assembly_id", string="Items")
    participation_ids = fields.One2many("coop.assembly.participation", "assembly_id")
    voted_count = fields.Integer(compute="_compute_voted_count", string="Voted")
    vote_salt = fields.Char(groups="base.group_system", copy=False, readonly=True)

    @api.depends("participation_ids.has_voted")
    def _compute_voted_count(self):
        for assembly in self:
            assembly.voted_count = len(assembly.participation_ids.filtered("has_voted"))

    def _get_vote_salt(self):
        """The assembly's secret salt of the code hashes, made on first use."""
        self.ensure_one()
        sudo = self.sudo()
        if not sudo.vote_salt:
            sudo.vote_salt = vote_codes.new_secret()
        return sudo.vote_salt

    def _check_vote_state(self, state, remote=False):
        """Refuse, with the reason, when the vote is not in ``state`` (or,
        with ``remote``, when the assembly does not vote on the portal)."""
        for assembly in self:
            if remote and assembly.vote_mode != "remote":
                raise UserError(
                    self.env._("%s does not vote on the portal.", assembly.name)
                )
            if assembly.vote_state == state:
                continue
            if assembly.vote_state == "closed":
                raise UserError(self.env._("The vote of %s is closed.", assembly.name))
            if assembly.vote_state == "open":
                raise UserError(
                    self.env._("The vote of %s is already open.", assembly.name)
                )
            raise UserError(self.env._("The vote of %s is not open.", assembly.name))

    def _get_participation(self, membership):
        """The participation of ``membership`` in this assembly's vote."""
        self.ensure_one()
        participation = self.participation_ids.filtered(
            lambda p: p.membership_id == membership
        )
        if not membership or not participation:
            raise UserError(
                self.env._(
                    "You are not in the electorate of %s (fees not up to date "
                    "by the day before, or not a voting member).",
                    self.name,
                )
            )
        return participation

    def action_open_vote(self):
        self._check_vote_manager()
        self._check_vote_state("not_open")
        for assembly in self:
            assembly._check_can_open()
            electorate = assembly._get_electorate()
            done = assembly.participation_ids.membership_id
            assembly.env["coop.assembly.participation"].sudo().create(
                [
                    {"assembly_id": assembly.id, "membership_id": member.id}
                    for member in electorate - done
                ]
            )
            self.env["coop.assembly.tally"]._create_counters(assembly.item_ids)
            assembly.vote_state = "open"
            if assembly.vote_mode == "remote":
                assembly.participation_ids._send_code()
        return True

    def _check_vote_manager(self):
        self.env["coop.membership"]._check_manager()
        self.check_access("write")

    def _check_can_open(self):
        self.ensure_one()
        if self.state != "convened":
            raise UserError(self.env._("Convene the assembly before opening its vote."))
        if not self.item_ids:
            raise UserError(self.env._("Add the items to vote on first."))
        for item in self.item_ids.filtered(lambda i: i.kind == "election"):
            if not item.choice_ids:
                raise UserError(
                    self.env._("Declare the candidates of %s first.", item.name)
                )

    def action_close_vote(self):
        """Close the vote: count, publish the results, and rewrite the
        participation and the counters so that nothing dates a ballot."""
        self._check_vote_manager()
        self._check_vote_state("open")
        for assembly in self:
            errors = [item._paper_count_message() for item in assembly.item_ids]
            if any(errors):
                raise UserError("\n".join(filter(None, errors)))
            remote = self.env["coop.assembly.tally"]._read_votes(assembly.item_ids)
            electorate = len(assembly.participation_ids)
            for item in assembly.item_ids:
                item.sudo()._set_results(remote, electorate)
            assembly.vote_state = "closed"
            assembly._scrub_vote_traces()
            assembly.message_post(
                body=self.env._(
                    "Vote closed: %(voted)s of %(electorate)s members voted; "
                    "the results are published.",
                    voted=assembly.voted_count,
                    electorate=electorate,
                )
            )
        return True

    def _scrub_vote_traces(self):
        """Rewrite the participation and the counters in one statement each:
        their row versions then all name this transaction (see the readme)."""
        self.ensure_one()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE coop_assembly_participation SET has_voted = has_voted "
                "WHERE assembly_id = %s",
                self.id,
            )
        )
        self.env["coop.assembly.tally"]._scrub(self.item_ids)

    def action_print_results(self):
        self.check_access("read")
        self._check_vote_state("closed")
        return self.env.ref(
            "coop_membership.action_report_assembly_results"
        ).report_action(self)

    def action_admit_on_day(self):
        self._check_vote_manager()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_membership.coop_assembly_admit_wizard_action"
        )
        action["context"] = {"default_assembly_id": self.id}
        return action

    def _get_electorate(self):
        """Once the vote is open, the electorate is its participation
        (frozen when it opened, plus the members admitted on the day);
        before, the members entitled to vote plus those admitted."""
        self.ensure_one()
        participation = self.sudo().participation_ids
        if self.vote_state != "not_open":
            return participation.membership_id.with_env(self.env)
        admitted = participation.filtered("admitted_on_day").membership_id
        return super()._get_electorate() | admitted.with_env(self.env)

    def _admit_on_day(self, membership, reason):
        """Admit to the vote ``membership``, who regularised their fees on
        the day of the assembly (003 §6: "le jour même dans la mesure des
        moyens"), with the ``reason`` logged in the chatter."""
        self.ensure_one()
        self._check_vote_manager()
        reason = (reason or "").strip()
        if self.state != "convened" or self.vote_state == "closed":
            raise UserError(
                self.env._(
                    "Members are admitted on the day to a convened assembly "
                    "whose vote is not closed."
                )
            )
        if fields.Date.context_today(self) != self.date:
            raise UserError(
                self.env._(
                    "Admission on the day is possible on the day of the "
                    "assembly only (%s).",
                    self.date,
                )
            )
        if not reason:
            raise UserError(self.env._("Give the reason of the admission."))
        self._check_admissible(membership)
        participation = (
            self.env["coop.assembly.participation"]
            .sudo()
            .create(
                {
                    "assembly_id": self.id,
                    "membership_id": membership.id,
                    "admitted_on_day": True,
                    "admission_reason": reason,
                }
            )
        )
        self.message_post(
            body=self.env._(
                "%(member)s admitted to the vote on the day: %(reason)s",
                member=membership.partner_id.display_name,
                reason=reason,
            )
        )
        if self.vote_state == "open" and self.vote_mode == "remote":
            participation._send_code()
        return participation

    def _check_admissible(self, membership):
        self.ensure_one()
        name = membership.partner_id.display_name
        if membership in self._get_electorate():
            raise UserError(self.env._("%s is already in the electorate.", name))
        if membership not in self._get_voting_members():
            raise UserError(
                self.env._(
                    "%s is not a voting member of this assembly's cooperative "
                    "(status or category).",
                    name,
                )
            )
        if self._get_unpaid_members(membership, self.date):
            raise UserError(
                self.env._(
                    "The fees of %s are not paid on the day of the assembly: "
                    "record the payment first.",
                    name,
                )
            )

    def write(self, vals):
        if "vote_mode" in vals and any(a.vote_state != "not_open" for a in self):
            raise UserError(
                self.env._("The vote is open or closed: its mode cannot change.")
            )
        return super().write(vals)

    def action_done(self):
        if any(assembly.vote_state == "open" for assembly in self):
            raise UserError(self.env._("Close the vote before marking it as held."))
        return super().action_done()

    def action_draft(self):
        if any(assembly.vote_state != "not_open" for assembly in self):
            raise UserError(
                self.env._("The vote was opened: the assembly cannot go back to draft.")
            )
        return super().action_draft()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_voted(self):
        if any(assembly.vote_state != "not_open" for assembly in self):
            raise UserError(
                self.env._("An assembly whose vote was opened cannot be deleted.")
            )
