# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools import wallet_rules


class CoopWalletBalance(models.Model):
    """Stored balance of one wallet (partner, company).

    ``posted_balance`` is the sum of the posted journal items of the partner on
    the company's wallet account (credits positive); ``pos_pending`` is what
    open POS sessions already spent (minus what they topped up) and is not yet
    in accounting. Both are maintained in SQL by the ORM hooks of
    ``account.move.line`` / ``account.move`` and by the POS order sync, under a
    row lock, never from values sent by the browser.
    """

    _name = "coop.wallet.balance"
    _description = "Wallet Balance"
    _order = "partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Wallet Holder",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        ondelete="cascade",
        readonly=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    posted_balance = fields.Monetary(readonly=True)
    pos_pending = fields.Monetary(string="Pending at POS", readonly=True)
    balance = fields.Monetary(readonly=True)
    overdrawn = fields.Boolean(compute="_compute_overdrawn", search="_search_overdrawn")

    _sql_constraints = (
        (
            "partner_company_uniq",
            "unique (partner_id, company_id)",
            "One wallet per partner and company.",
        ),
    )

    def init(self):
        tools.create_index(
            self.env.cr,
            "coop_wallet_aml_partner_account_idx",
            "account_move_line",
            ["account_id", "partner_id"],
            where="parent_state = 'posted' AND partner_id IS NOT NULL",
        )

    def _compute_overdrawn(self):
        for wallet in self:
            wallet.overdrawn = (
                wallet.currency_id.compare_amounts(
                    wallet.balance, wallet.company_id.coop_wallet_minimum
                )
                < 0
            )

    def _search_overdrawn(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdrawn wallets."))
        self.env["res.company"].flush_model(["coop_wallet_minimum", "currency_id"])
        self.flush_model(["balance", "company_id"])
        # below the minimum once rounded to the company currency
        query = SQL(
            "SELECT w.id FROM coop_wallet_balance w "
            "JOIN res_company c ON c.id = w.company_id "
            "JOIN res_currency cur ON cur.id = c.currency_id "
            "WHERE ROUND((w.balance - COALESCE(c.coop_wallet_minimum, 0))"
            " / cur.rounding) < 0"
        )
        ids = [row[0] for row in self.env.execute_query(query)]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    # ------------------------------------------------------------------
    # Maintenance (SQL, called by the ORM hooks)
    # ------------------------------------------------------------------
    @api.model
    def _refresh_posted(self, keys):
        """Recompute the posted balance of wallets ``{(company_id, partner_id)}``."""
        keys = {(c, p) for c, p in keys if c and p}
        if not keys:
            return
        self.env["account.move.line"].flush_model(
            ["balance", "partner_id", "account_id", "parent_state", "company_id"]
        )
        by_company = {}
        for company_id, partner_id in keys:
            by_company.setdefault(company_id, []).append(partner_id)
        companies = self.env["res.company"].sudo().browse(list(by_company))
        for company in companies:
            account = company.coop_wallet_account_id
            if not account:
                continue
            self.env.cr.execute(
                SQL(
                    """
                    INSERT INTO coop_wallet_balance AS w
                        (partner_id, company_id, posted_balance, pos_pending, balance,
                         create_uid, write_uid, create_date, write_date)
                    SELECT pid, %(company)s, t.total, 0, t.total,
                           %(uid)s, %(uid)s, now() AT TIME ZONE 'UTC',
                           now() AT TIME ZONE 'UTC'
                      FROM unnest(%(pids)s::int[]) AS pid,
                           LATERAL (
                               SELECT COALESCE(-SUM(l.balance), 0) AS total
                                 FROM account_move_line l
                                WHERE l.account_id = %(account)s
                                  AND l.partner_id = pid
                                  AND l.parent_state = 'posted'
                                  AND l.company_id = %(company)s
                           ) AS t
                    ON CONFLICT (partner_id, company_id) DO UPDATE
                       SET posted_balance = EXCLUDED.posted_balance,
                           balance = EXCLUDED.posted_balance - w.pos_pending,
                           write_date = EXCLUDED.write_date
                    """,
                    company=company.id,
                    account=account.id,
                    pids=by_company[company.id],
                    uid=self.env.uid,
                )
            )
        self.invalidate_model()

    @api.model
    def _refresh_pending(self, keys):
        """Recompute what open POS sessions spent, ``{(company_id, partner_id)}``."""
        keys = {(c, p) for c, p in keys if c and p}
        if not keys:
            return
        self.env["pos.order"].flush_model()
        self.env["pos.session"].flush_model(["state"])
        for company_id in {c for c, _p in keys}:
            pids = [p for c, p in keys if c == company_id]
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE coop_wallet_balance w
                       SET pos_pending = t.total,
                           balance = w.posted_balance - t.total
                      FROM (
                        SELECT pid, COALESCE((
                            SELECT SUM(o.coop_wallet_delta)
                              FROM pos_order o
                              JOIN pos_session s ON s.id = o.session_id
                             WHERE s.state != 'closed'
                               AND o.account_move IS NULL
                               AND o.coop_wallet_partner_id = pid
                               AND o.company_id = %(company)s
                        ), 0) AS total
                        FROM unnest(%(pids)s::int[]) AS pid
                      ) AS t
                     WHERE w.partner_id = t.pid AND w.company_id = %(company)s
                    """,
                    company=company_id,
                    pids=pids,
                )
            )
        self.invalidate_model()

    @api.model
    def _lock(self, partner, company):
        """Lock the wallet row of ``partner`` and return its current balance.

        ``SELECT ... FOR UPDATE`` serialises the spending of one wallet across
        tills: a second transaction waits, then (repeatable read) fails with a
        serialization error and is retried by Odoo with fresh data.
        """
        query = SQL(
            "SELECT balance FROM coop_wallet_balance "
            "WHERE partner_id = %s AND company_id = %s FOR UPDATE",
            partner.id,
            company.id,
        )
        self.env.cr.execute(query)
        row = self.env.cr.fetchone()
        if row is None:
            self._refresh_posted({(company.id, partner.id)})
            self.env.cr.execute(query)
            row = self.env.cr.fetchone()
        return row[0] if row else 0.0

    @api.model
    def _add_pending(self, partner, company, amount):
        """Add ``amount`` spent at the POS (negative for a top-up) on a locked row."""
        self.env.cr.execute(
            SQL(
                "UPDATE coop_wallet_balance SET pos_pending = pos_pending + %(amount)s,"
                " balance = balance - %(amount)s"
                " WHERE partner_id = %(partner)s AND company_id = %(company)s"
                " RETURNING balance",
                amount=amount,
                partner=partner.id,
                company=company.id,
            )
        )
        row = self.env.cr.fetchone()
        self.invalidate_model()
        return row[0] if row else 0.0

    @api.model
    def _get_balances(self, partners, company):
        """Balances of ``partners``' wallets in ONE query: {partner_id: balance}.

        The holder is resolved in SQL (commercial partner, or top-most parent
        for household wallets) so that no partner/company row is read.
        """
        partner_ids = [pid for pid in partners.ids if pid]
        if not partner_ids:
            return {}
        self.flush_model(["balance"])
        self.env["res.partner"].flush_model(["parent_id", "commercial_partner_id"])
        self.env["res.company"].flush_model(["coop_wallet_household"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.id, COALESCE(w.balance, 0)
                  FROM res_partner p
                  JOIN res_company c ON c.id = %(company)s
                  LEFT JOIN LATERAL (
                      WITH RECURSIVE up(id, parent_id) AS (
                          SELECT r.id, r.parent_id FROM res_partner r
                           WHERE r.id = p.id
                          UNION ALL
                          SELECT r.id, r.parent_id FROM res_partner r
                            JOIN up ON r.id = up.parent_id
                      )
                      SELECT up.id FROM up WHERE up.parent_id IS NULL LIMIT 1
                  ) root ON c.coop_wallet_household
                  LEFT JOIN coop_wallet_balance w
                    ON w.company_id = c.id
                   AND w.partner_id = CASE WHEN c.coop_wallet_household
                                           THEN root.id
                                           ELSE p.commercial_partner_id END
                 WHERE p.id = ANY(%(ids)s)
                """,
                company=company.id,
                ids=partner_ids,
            )
        )
        return dict(rows)

    @api.model
    def _check_spend(self, partner, company, amount, offline=False):
        """Lock the wallet and decide: 'ok', 'flag' (offline overdraft within the
        company's cap), 'review' (offline, beyond the cap) or raise."""
        currency = company.currency_id
        if not wallet_rules.amount_ok(amount) or (
            currency.compare_amounts(amount, 0.0) <= 0
        ):
            raise UserError(self.env._("A wallet payment must be a positive amount."))
        balance = self._lock(partner, company)
        minimum = company.coop_wallet_minimum
        decision = wallet_rules.spend_decision(
            balance,
            minimum,
            amount,
            offline,
            offline_cap=company.coop_wallet_offline_cap,
            rounding=currency.rounding,
        )
        if decision == wallet_rules.REFUSE:
            raise UserError(
                self.env._(
                    "Insufficient wallet balance for %(partner)s: %(amount)s "
                    "requested, %(available)s available.",
                    partner=partner.display_name,
                    amount=tools.format_amount(self.env, amount, currency),
                    available=tools.format_amount(
                        self.env,
                        wallet_rules.available_amount(
                            balance, minimum, currency.rounding
                        ),
                        currency,
                    ),
                )
            )
        return decision
