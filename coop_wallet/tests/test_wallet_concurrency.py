# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
from unittest.mock import patch

from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.modules.registry import DummyRLock, Registry
from odoo.tests.common import BaseCase, get_db_name, tagged
from odoo.tools import SQL, mute_logger


@tagged("post_install", "-at_install")
class TestWalletConcurrency(BaseCase):
    """Two tills, two real database connections, one 50.00 wallet.

    No test cursor here: the data of this test is committed and removed in
    cursors of its own (the addon code itself never commits).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {})

    def _setup_data(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env.ref("base.main_company")
            if not company.coop_wallet_account_id:
                return None
            partner = env["res.partner"].create({"name": "Concurrent Wallet Member"})
            journal = env["account.journal"].search(
                [("type", "in", ("cash", "bank")), ("company_id", "=", company.id)],
                limit=1,
            )
            payment = (
                env["coop.wallet.topup"]
                .with_company(company)
                .create(
                    {
                        "partner_id": partner.id,
                        "amount": 50.0,
                        "journal_id": journal.id,
                        "company_id": company.id,
                    }
                )
                ._coop_wallet_confirm()
            )
            # committed when the cursor's context manager exits
            return company.id, partner.id, payment.id

    def _cleanup(self, payment_id, partner_id):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            payment = env["account.payment"].browse(payment_id)
            payment.action_draft()
            payment.unlink()
            env["coop.wallet.balance"].search(
                [("partner_id", "=", partner_id)]
            ).unlink()
            env["res.partner"].browse(partner_id).unlink()

    def _pay(self, company_id, partner_id, barrier, results):
        """One till: lock, check and spend 40.00, retrying like Odoo's RPC does."""
        for _attempt in range(5):
            try:
                # the cursor commits when its block ends without error
                with self.registry.cursor() as cr:
                    env = self._env(cr)
                    Balance = env["coop.wallet.balance"]
                    company = env["res.company"].browse(company_id)
                    partner = env["res.partner"].browse(partner_id)
                    barrier.wait(timeout=10)
                    Balance._check_spend(partner, company, 40.0)
                    Balance._add_pending(partner, company, 40.0)
                    # hold the lock a little so that the other till must wait
                    cr.execute(SQL("SELECT pg_sleep(0.3)"))
            except errors.SerializationFailure:
                barrier = _NoBarrier()
                continue
            except UserError:
                results.append("refused")
                return
            results.append("paid")
            return
        results.append("gave up")

    @mute_logger("odoo.sql_db")
    def test_two_tills_same_wallet(self):
        data = self._setup_data()
        self.assertTrue(data, "the main company has no wallet account")
        company_id, partner_id, payment_id = data
        try:
            barrier = threading.Barrier(2)
            results = []
            threads = [
                threading.Thread(
                    target=self._pay, args=(company_id, partner_id, barrier, results)
                )
                for _i in range(2)
            ]
            # the test runner holds the registry lock for the whole post_install
            # run: let the tills' threads build their environments (the registry
            # is loaded already, as in a running server)
            with patch.object(Registry, "_lock", DummyRLock()):
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join(timeout=60)
            self.assertEqual(sorted(results), ["paid", "refused"])
            with self.registry.cursor() as cr:
                cr.execute(
                    SQL(
                        "SELECT balance, pos_pending FROM coop_wallet_balance"
                        " WHERE partner_id = %s AND company_id = %s",
                        partner_id,
                        company_id,
                    )
                )
                self.assertEqual(cr.fetchone(), (10.0, 40.0))
        finally:
            self._cleanup(payment_id, partner_id)


class _NoBarrier:
    def wait(self, timeout=None):
        return 0
