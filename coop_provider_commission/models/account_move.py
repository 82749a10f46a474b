# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    coop_provider_id = fields.Many2one(
        "res.partner",
        string="Mandated Provider",
        index="btree_not_null",
        help="Provider member who did the work the cooperative invoices: "
        "commission agreements on invoiced turnover attribute the invoice "
        "to this provider (otherwise to the client's network provider).",
    )
    coop_settlement_ids = fields.One2many(
        "coop.commission.settlement", "move_id", string="Commission Settlements"
    )

    def button_cancel(self):
        res = super().button_cancel()
        self._coop_release_settlements()
        return res

    def unlink(self):
        self._coop_release_settlements()
        return super().unlink()

    def _coop_release_settlements(self):
        """A cancelled or deleted document no longer settles its commissions:
        they are validated again, ready for a new document."""
        settlements = self.sudo().coop_settlement_ids.filtered(
            lambda s: s.state == "invoiced"
        )
        for settlement in settlements:
            settlement.message_post(
                body=self.env._(
                    "Document %(move)s cancelled: the settlement can be "
                    "invoiced again.",
                    move=settlement.move_id.display_name,
                )
            )
        settlements.write({"state": "validated", "move_id": False})
