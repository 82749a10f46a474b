# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class CoopWalletHistory(models.Model):
    """Every movement of every wallet, with its running balance (SQL view).

    A movement is either a posted journal item on the company's wallet account
    or, while its POS session is not closed yet, a processed POS order that
    spent from (or topped up) the wallet: its journal items do not exist yet,
    so it is shown as a *pending* line. Once the session is closed, each order
    has its own journal items (one per wallet payment, one for its top-ups),
    shown under the order's reference as its pending line was. The two parts
    are exactly what ``coop.wallet.balance`` sums (``posted_balance`` and
    ``pos_pending``), so the last running balance of a wallet is its balance.
    """

    _name = "coop.wallet.history"
    _description = "Wallet Movement"
    _auto = False
    _order = "date desc, pending desc, id desc"
    _rec_name = "reference"
    _depends = {  # noqa: RUF012 (read by the ORM, never mutated)
        "account.move": ["coop_wallet_kind", "name", "ref"],
        "account.move.line": [
            "account_id",
            "balance",
            "company_id",
            "coop_wallet_pos_order_id",
            "date",
            "move_id",
            "name",
            "parent_state",
            "partner_id",
        ],
        "pos.order": [
            "account_move",
            "coop_wallet_delta",
            "coop_wallet_partner_id",
            "coop_wallet_processed",
            "company_id",
            "date_order",
            "name",
            "pos_reference",
            "session_id",
        ],
        "pos.session": ["state"],
        "res.company": ["coop_wallet_account_id"],
    }

    date = fields.Date(readonly=True)
    reference = fields.Char(readonly=True)
    label = fields.Char(string="Description", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Wallet Holder", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(readonly=True, help="Credited positive, spent negative.")
    running_balance = fields.Monetary(string="Balance", readonly=True)
    pending = fields.Boolean(
        string="Pending at POS",
        readonly=True,
        help="Paid in a POS session not closed yet: its journal items are "
        "created when the session is closed.",
    )
    move_line_id = fields.Many2one(
        "account.move.line", string="Journal Item", readonly=True
    )
    pos_order_id = fields.Many2one("pos.order", string="POS Order", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT t.*,
                           SUM(t.amount) OVER (
                               PARTITION BY t.company_id, t.partner_id
                               ORDER BY t.date, t.pending, t.id
                           ) AS running_balance
                      FROM (%s) AS t
                )
                """,
                SQL.identifier(self._table),
                self._coop_wallet_movements_query(),
            )
        )

    def _coop_wallet_movements_query(self):
        """Posted wallet journal items (even ids) and pending POS orders (odd
        ids), with the conditions of ``coop.wallet.balance``'s refreshes."""
        return SQL(
            """
            SELECT l.id * 2 AS id, l.date,
                   COALESCE(po.pos_reference, po.name, m.name) AS reference,
                   CASE WHEN po.id IS NOT NULL AND m.coop_wallet_kind IS NULL
                        THEN po.name ELSE COALESCE(m.ref, l.name)
                   END AS label,
                   l.partner_id, l.company_id,
                   -l.balance AS amount, FALSE AS pending,
                   l.id AS move_line_id, l.coop_wallet_pos_order_id AS pos_order_id
              FROM account_move_line l
              JOIN res_company c ON c.id = l.company_id
                                AND c.coop_wallet_account_id = l.account_id
              JOIN account_move m ON m.id = l.move_id
              LEFT JOIN pos_order po ON po.id = l.coop_wallet_pos_order_id
             WHERE l.parent_state = 'posted' AND l.partner_id IS NOT NULL
            UNION ALL
            SELECT o.id * 2 + 1, o.date_order::date,
                   COALESCE(o.pos_reference, o.name), o.name,
                   o.coop_wallet_partner_id, o.company_id,
                   -o.coop_wallet_delta, TRUE, NULL::int, o.id
              FROM pos_order o
              JOIN pos_session s ON s.id = o.session_id
             WHERE s.state != 'closed' AND o.account_move IS NULL
               AND o.coop_wallet_processed
               AND o.coop_wallet_partner_id IS NOT NULL
            """
        )
