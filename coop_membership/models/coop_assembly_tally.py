# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL


class CoopAssemblyTally(models.Model):
    """The secret side of a remote vote: one counter per item and choice
    (and one per item, without choice, counting its ballots), incremented
    when a ballot is submitted.

    There is no row per ballot, hence no id order, and no voter, user, date
    or proxy mark (``_log_access = False``: no create_uid, create_date,
    write_uid nor write_date). Nobody reads it through the ORM (its access
    rights give no one any permission): the results are copied onto the
    items and choices when the vote closes. See the readme, *Ballot secrecy*.
    """

    _name = "coop.assembly.tally"
    _description = "Assembly Remote Vote Counter"
    _log_access = False

    item_id = fields.Many2one(
        "coop.assembly.item", required=True, ondelete="cascade", index=True
    )
    choice_id = fields.Many2one("coop.assembly.choice", ondelete="cascade")
    votes = fields.Integer()

    def _create_counters(self, items):
        """The counters of ``items``, at zero (when the vote opens)."""
        vals_list = []
        for item in items:
            vals_list.append({"item_id": item.id, "votes": 0})
            vals_list += [
                {"item_id": item.id, "choice_id": choice.id, "votes": 0}
                for choice in item.choice_ids
            ]
        return self.sudo().create(vals_list)

    def _add(self, keys):
        """Add one vote per ``(item id, choice id or False)`` of ``keys``
        (a key may repeat), in one statement and without touching anything
        else: the rows keep no trace of who or when."""
        added = {}
        for key in keys:
            added[key] = added.get(key, 0) + 1
        item_ids = list({item_id for item_id, _choice in added})
        counters = self.sudo().search([("item_id", "in", item_ids)])
        rows = [
            SQL("(%s, %s)", counter.id, added[key])
            for counter in counters
            for key in [(counter.item_id.id, counter.choice_id.id or False)]
            if key in added
        ]
        if not rows:
            return
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE coop_assembly_tally AS t "
                "SET votes = COALESCE(t.votes, 0) + d.n "
                "FROM (VALUES %s) AS d(id, n) WHERE t.id = d.id",
                SQL(", ").join(rows),
            )
        )
        self.invalidate_model(["votes"])

    def _read_votes(self, items):
        """``{(item id, choice id or False): votes}`` of ``items``."""
        counters = self.sudo().search([("item_id", "in", items.ids)])
        return {
            (counter.item_id.id, counter.choice_id.id or False): counter.votes
            for counter in counters
        }

    def _scrub(self, items):
        """Rewrite the counters of ``items`` in one statement (when the vote
        closes): PostgreSQL's row versions (``xmin``) then name the closing
        transaction for all, not the last ballot's."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE coop_assembly_tally SET votes = votes WHERE item_id IN %s",
                tuple(items.ids) or (0,),
            )
        )
