# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Ballot secrecy (003 §6): what a voter chose is stored apart from who
voted, and nothing joins them again, for an administrator either."""

from odoo import models
from odoo.tests import tagged

from .assembly_common import CoopVoteMixin
from .common import ACCESS, CoopHttpCommon

VOTER_MODELS = {
    "res.partner",
    "res.users",
    "coop.membership",
    "coop.assembly.participation",
    "coop.assembly.proxy",
}


@tagged("post_install", "-at_install")
class TestAssemblySecrecy(CoopVoteMixin, CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_vote(voters=[cls.member_a, cls.member_b])

    def _columns(self, table):
        self.env.cr.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = %s",
            (table,),
        )
        return dict(self.env.cr.fetchall())

    def test_tally_has_no_path_to_a_voter(self):
        Tally = self.env["coop.assembly.tally"]
        self.assertFalse(Tally._log_access)
        relations = {
            field.comodel_name for field in Tally._fields.values() if field.relational
        }
        self.assertEqual(relations, {"coop.assembly.item", "coop.assembly.choice"})
        # the choices and items lead to the candidates (and to the staff who
        # set them up or typed the paper count), never to voters
        for model in ("coop.assembly.choice", "coop.assembly.item"):
            fields_ = self.env[model]._fields.values()
            reached = {
                f.comodel_name
                for f in fields_
                if f.relational and f.name not in models.LOG_ACCESS_COLUMNS
            }
            with self.subTest(model=model):
                self.assertFalse(reached & (VOTER_MODELS - {"coop.membership"}))
        columns = self._columns("coop_assembly_tally")
        self.assertEqual(set(columns), {"id", "item_id", "choice_id", "votes"})
        # the participation has no way to the counters nor to a choice
        Participation = self.env["coop.assembly.participation"]
        reached = {
            f.comodel_name for f in Participation._fields.values() if f.relational
        }
        self.assertFalse(
            reached
            & {"coop.assembly.tally", "coop.assembly.choice", "coop.assembly.item"}
        )
        columns = self._columns("coop_assembly_participation")
        self.assertFalse([c for c, t in columns.items() if "time" in t or "date" in t])
        self.assertNotIn("write_uid", columns)

    def test_nobody_reads_the_counters(self):
        codes = self._open()
        a = self.member_a
        self._vote(a, codes[a], {a: self._ballot("For", ["Ada"])})
        counter = self.env["coop.assembly.tally"].sudo().search([], limit=1)
        for login in ("admin", "sec_manager", "sec_portal_a"):
            for method, args, kwargs in (
                ("search_read", [[]], {"fields": ["votes"]}),
                ("read", [counter.ids, ["votes"]], {}),
                ("read_group", [[], ["votes:sum"], ["choice_id"]], {}),
                ("export_data", [counter.ids, ["votes"]], {}),
                ("write", [counter.ids, {"votes": 99}], {}),
            ):
                with self.subTest(login=login, method=method):
                    self.assertRpcRefused(
                        login,
                        "coop.assembly.tally",
                        method,
                        args,
                        ACCESS + "|rights to export",
                        kwargs,
                    )
        # the choices show no count before the vote is closed
        self.assertFalse(any(self.assembly.item_ids.choice_ids.mapped("vote_count")))

    def test_portal_reads_only_own_participation(self):
        self._open()
        own = self._participation(self.member_a)
        other = self._participation(self.member_b)
        answer = self._rpc(
            "sec_portal_a",
            "coop.assembly.participation",
            "search_read",
            [[]],
            {"fields": ["membership_id", "has_voted"]},
        )
        self.assertEqual([row["id"] for row in answer["result"]], own.ids)
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.assembly.participation",
            "read",
            [other.ids, ["has_voted"]],
            ACCESS,
        )
        # and never the hash of a code, own included
        self.assertRpcRefused(
            "sec_portal_a",
            "coop.assembly.participation",
            "read",
            [own.ids, ["code_hash"]],
            "field|access",
        )

    def test_row_versions_do_not_date_ballots(self):
        """Each ballot in its own transaction (a savepoint here): until the
        vote closes, PostgreSQL's row version of the last voter's
        participation is that of the counters they changed; closing
        rewrites them all in one statement."""
        codes = self._open()
        a, b = self.member_a, self.member_b
        for member, answer, names in ((a, "For", ["Ada"]), (b, "Against", ["Cyd"])):
            with self.env.cr.savepoint():
                self._vote(member, codes[member], {member: self._ballot(answer, names)})
        self.env.flush_all()

        def versions():
            self.env.cr.execute(
                "SELECT xmin::text FROM coop_assembly_participation "
                "WHERE assembly_id = %s AND membership_id = %s",
                (self.assembly.id, b.id),
            )
            last_voter = self.env.cr.fetchone()[0]
            self.env.cr.execute(
                "SELECT t.xmin::text, c.name FROM coop_assembly_tally t "
                "JOIN coop_assembly_choice c ON c.id = t.choice_id "
                "WHERE t.item_id IN %s",
                (tuple(self.assembly.item_ids.ids),),
            )
            return last_voter, self.env.cr.fetchall()

        last_voter, rows = versions()
        # the leak closing removes: B's choices share B's row version
        self.assertEqual(
            sorted(name for xmin, name in rows if xmin == last_voter),
            ["Against", "Cyd"],
        )
        with self.env.cr.savepoint():
            self.assembly.action_close_vote()
        self.env.cr.execute(
            "SELECT DISTINCT xmin::text FROM coop_assembly_participation "
            "WHERE assembly_id = %s",
            (self.assembly.id,),
        )
        participation_versions = {row[0] for row in self.env.cr.fetchall()}
        last_voter, rows = versions()
        self.assertEqual(len(participation_versions), 1)
        self.assertEqual({xmin for xmin, _name in rows}, participation_versions)

    def test_no_trace_per_ballot(self):
        """Casting a vote posts no message, sends no mail, logs no access
        date: only the participation's "has voted" and the counters change."""
        codes = self._open()
        a = self.member_a
        counts = {
            model: self.env[model].sudo().search_count([])
            for model in ("mail.message", "mail.mail", "ir.attachment")
        }
        self._vote(a, codes[a], {a: self._ballot("Abstain", ["Bob"])})
        for model, count in counts.items():
            with self.subTest(model=model):
                self.assertEqual(self.env[model].sudo().search_count([]), count)
