# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, fields, models

# key issues invoiced per cron run; the cron runs again at once for the rest
FEE_BATCH_SIZE = 50


class CoopMakerspaceKeyIssue(models.Model):
    """The reproduction fee of a key set not returned at the end of its
    holder's board mandate (003 §8.2)."""

    _inherit = "coop.makerspace.key.issue"  # pylint: disable=consider-merging-classes-inherited

    fee_move_id = fields.Many2one(
        "account.move",
        string="Fee Invoice",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
    )

    @api.model
    def _key_fee_due(self, day=None):
        """Open key set issues whose holder's last board mandate ended before
        ``day`` (today) and who holds no mandate on ``day``; not invoiced."""
        day = day or fields.Date.context_today(self)
        issues = self.search(
            [
                ("state", "=", "open"),
                ("kind", "=", "key_set"),
                ("fee_move_id", "=", False),
            ]
        )
        if not issues:
            return issues
        Mandate = self.env["coop.board.mandate"].sudo()
        partners = issues.holder_partner_id
        last_end = {}
        for mandate in Mandate.search(
            [
                ("partner_id", "in", partners.ids),
                ("company_id", "in", issues.company_id.ids),
                ("date_end", "<", day),
            ]
        ):
            pair = (mandate.partner_id.id, mandate.company_id.id)
            last_end[pair] = max(last_end.get(pair, mandate.date_end), mandate.date_end)
        for company in issues.company_id:
            for mandate in Mandate.search(
                Mandate._in_office_domain(company, day)
                + [("partner_id", "in", partners.ids)]
            ):
                last_end.pop((mandate.partner_id.id, company.id), None)
        return issues.filtered(
            lambda issue: (
                last_end.get((issue.holder_partner_id.id, issue.company_id.id))
                and issue.date_issued
                <= last_end[(issue.holder_partner_id.id, issue.company_id.id)]
            )
        )

    def _prepare_key_fee_invoice_vals(self):
        """Values of the customer invoice of this issue's fee: extension point
        (call super and add keys)."""
        self.ensure_one()
        company = self.company_id
        return {
            "move_type": "out_invoice",
            "partner_id": self.holder_partner_id.id,
            "company_id": company.id,
            "invoice_date": fields.Date.context_today(self),
            "invoice_line_ids": [
                Command.create(
                    {
                        "product_id": company._coop_key_fee_product().id,
                        "name": self.env._(
                            "Key set %s not returned at the end of the board "
                            "mandate: reproduction fee",
                            self.key_id.name,
                        ),
                        "quantity": 1,
                        "price_unit": company.coop_key_fee_amount,
                        "tax_ids": [Command.clear()],
                    }
                )
            ],
        }

    def _invoice_key_fee(self):
        """Invoice each issue's fee, link the invoice and mark the key lost;
        with elevated rights (the caller checked the access)."""
        moves = self.env["account.move"]
        for issue in self.sudo():
            if issue.fee_move_id or issue.state != "open":
                continue
            company = issue.company_id
            move = (
                moves.sudo()
                .with_company(company)
                .create(issue._prepare_key_fee_invoice_vals())
            )
            if company.coop_key_fee_post:
                move.action_post()
            issue.write(
                {"fee_move_id": move.id, "date_lost": fields.Date.context_today(issue)}
            )
            moves |= move
        return moves

    @api.model
    def _cron_invoice_key_fees(self, batch_size=FEE_BATCH_SIZE):
        due = self._key_fee_due()
        batch = due[:batch_size]
        batch._invoice_key_fee()
        self.env["ir.cron"]._notify_progress(
            done=len(batch), remaining=len(due) - len(batch)
        )

    def action_invoice_key_fees(self):
        """Manager button: invoice every fee due now; the invoices made."""
        self.check_access("write")
        self.env["coop.makerspace.key"].check_access("write")
        moves = self._key_fee_due()._invoice_key_fee()
        if not moves.has_access("read"):
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "success",
                    "message": self.env._(
                        "%s key set fee invoice(s) made.", len(moves)
                    ),
                },
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Key Set Fee Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
        }
