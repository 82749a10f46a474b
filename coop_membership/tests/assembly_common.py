# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An Electrolab-style assembly to vote at: a motion (simple majority) and
an election of 2 seats among Ada, Bob and Cyd."""

import base64
import re

from odoo import fields

from ..tools import vote_codes

CODE_IN_MAIL = re.compile(r"\b([%s]{5}-[%s]{5})\b" % ((vote_codes.ALPHABET,) * 2))


class CoopVoteMixin:
    """Mixed into a CoopCommon test class: ``_setup_vote`` builds the
    assembly; helpers open it, read the codes from the emails, vote."""

    @classmethod
    def _setup_vote(cls, mode="remote", voters=None):
        cls.assembly = cls.env["coop.assembly"].create(
            {
                "name": "Electrolab AGM",
                "date": fields.Date.context_today(cls.env.user),
                "seats": 2,
                "vote_mode": mode,
                "company_id": cls.company.id,
            }
        )
        cls.simple = cls.env.ref("coop_membership.vote_rule_simple_majority")
        Item = cls.env["coop.assembly.item"]
        cls.motion = Item.create(
            {
                "assembly_id": cls.assembly.id,
                "name": "Approve the accounts",
                "kind": "motion",
                "rule_id": cls.simple.id,
                "sequence": 1,
            }
        )
        cls.election = Item.create(
            {
                "assembly_id": cls.assembly.id,
                "name": "Elect the board",
                "kind": "election",
                "seats": 2,
                "rule_id": cls.simple.id,
                "sequence": 2,
                "choice_ids": [
                    (0, 0, {"name": name, "sequence": seq})
                    for seq, name in enumerate(("Ada", "Bob", "Cyd"))
                ],
            }
        )
        cls.voters = voters or [
            cls._member(f"Voter {letter}", cls.cat_provider, "active")
            for letter in "ABCDE"
        ]
        for voter in cls.voters:
            voter.partner_id.email = (
                "%s@example.com" % voter.partner_id.name.replace(" ", ".").lower()
            )

    def _choice(self, item, name):
        """The choice of ``item`` named ``name`` (For, Against, Ada...)."""
        return item.choice_ids.filtered(lambda c: c.name == name)

    def _ballot(self, answer, names=()):
        """A remote ballot: ``answer`` to the motion, ``names`` elected."""
        return {
            self.motion.id: [self._choice(self.motion, answer).id],
            self.election.id: [self._choice(self.election, n).id for n in names],
        }

    @classmethod
    def _proxy(cls, giver, holder, authenticated=True):
        vals = {
            "assembly_id": cls.assembly.id,
            "giver_id": giver.id,
            "holder_id": holder.id,
        }
        if authenticated:
            vals.update(
                authentication="form",
                form_file=base64.b64encode(b"%PDF-1.4 signed proxy form"),
                form_filename="proxy.pdf",
            )
        return cls.env["coop.assembly.proxy"].create(vals)

    def _open(self):
        """Open the vote; ``{membership: code}`` read from the emails."""
        self.assembly.action_convene()
        mails_before = self.env["mail.mail"].search([])
        self.assembly.action_open_vote()
        mails = self.env["mail.mail"].search([]) - mails_before
        return self._codes_from(mails)

    def _codes_from(self, mails):
        codes = {}
        for mail in mails:
            participation = self.env[mail.model].browse(mail.res_id)
            found = CODE_IN_MAIL.search(mail.body_html)
            codes[participation.membership_id] = found.group(1)
        return codes

    def _participation(self, member):
        return self.assembly._get_participation(member)

    def _vote(self, member, code, ballots):
        """``ballots``: ``{member whose vote is cast: ballot}``."""
        return self._participation(member)._submit_ballots(
            code,
            {
                self._participation(voter).id: ballot
                for voter, ballot in ballots.items()
            },
        )

    def _votes(self):
        """``{(item name, choice name): votes}`` of the closed vote."""
        return {
            (choice.item_id.name, choice.name): choice.vote_count
            for choice in self.assembly.item_ids.choice_ids
        }

    def _tally(self):
        return self.env["coop.assembly.tally"]._read_votes(self.assembly.item_ids)
