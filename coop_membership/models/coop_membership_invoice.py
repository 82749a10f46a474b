# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields, models


class CoopMembership(models.Model):
    """Documents of a membership: the values its invoices share (fees,
    prepaid periods, shares, reimbursements) and their posting."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    def _prepare_coop_invoice_vals(
        self, kind, lines_vals, date=None, journal=None, move_type="out_invoice"
    ):
        """Values of a ``move_type`` invoice of this member of ``kind``
        (``coop_move_kind``) with a line for each of ``lines_vals``, dated
        ``date`` (today by default), in ``journal`` if set. The base of the
        ``_prepare_*_invoice_vals`` and ``_prepare_reimbursement_move_vals``
        hooks: extension point common to them (call super and add keys)."""
        self.ensure_one()
        vals = {
            "move_type": move_type,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "invoice_date": date or fields.Date.context_today(self),
            "coop_membership_id": self.id,
            "coop_move_kind": kind,
            "invoice_line_ids": [Command.create(line) for line in lines_vals],
        }
        if journal:
            vals["journal_id"] = journal.id
        return vals

    def _create_posted_move(self, vals):
        """Create and post a cooperative document of this member, in its
        company, with elevated rights (the caller checked the access)."""
        self.ensure_one()
        move = (
            self.env["account.move"].sudo().with_company(self.company_id).create(vals)
        )
        move.action_post()
        return move
