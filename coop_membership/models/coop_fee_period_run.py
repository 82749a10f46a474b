# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The fee run as a background job: started by the button or the daily cron,
run by the cron in batches (a commit per batch, Odoo's ``_notify_progress``),
its state, progress and summary shown on the period."""

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .coop_fee_period import RUN_ACTIVE

# Odoo's cron calls a job up to ten times in a row (a commit after each) in
# one unit of work of its cron worker, which limit_time_cpu (60 s) and
# limit_time_real (120 s) bound: ten batches of 50 posted invoices take
# 20 to 50 s. A run in the request may be larger (one unit of its own).
BATCH_PARAM = ("coop_membership.fee_run_batch_size", 50, 1)
REQUEST_PARAM = ("coop_membership.fee_run_request_limit", 300, 0)
MAX_PARAM = 5000


class CoopFeePeriod(models.Model):
    _inherit = "coop.fee.period"

    run_state = fields.Selection(
        [
            ("none", "Not Run"),
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        string="Fee Run",
        default="none",
        required=True,
        readonly=True,
        copy=False,
    )
    run_total = fields.Integer(string="Members to Handle", readonly=True, copy=False)
    run_done = fields.Integer(string="Members Handled", readonly=True, copy=False)
    run_invoice_count = fields.Integer(
        string="Invoices Created", readonly=True, copy=False
    )
    run_progress = fields.Float(compute="_compute_run_progress")
    run_error = fields.Text(string="Failure Reason", readonly=True, copy=False)
    run_user_id = fields.Many2one(
        "res.users", string="Run Started By", readonly=True, copy=False
    )
    run_last_member_id = fields.Integer(readonly=True, copy=False)

    @api.depends("run_done", "run_total")
    def _compute_run_progress(self):
        for period in self:
            total = period.run_total
            period.run_progress = 100.0 * period.run_done / total if total else 0.0

    @api.model
    def _fee_run_param(self, param):
        """A bounded integer system parameter: ``(key, default, minimum)``."""
        key, default, minimum = param
        value = self.env["ir.config_parameter"].sudo().get_param(key)
        try:
            number = int(value or default)
        except ValueError:
            number = default
        return min(max(number, minimum), MAX_PARAM)

    @api.model
    def _fee_run_batch_size(self):
        """Members invoiced per batch of the background job."""
        return self._fee_run_param(BATCH_PARAM)

    @api.model
    def _fee_run_request_limit(self):
        """The most members a run invoices in the request (0: always queued)."""
        return self._fee_run_param(REQUEST_PARAM)

    def action_run_fees(self):
        """Invoice the period's fees: at once up to the request limit (the
        invoices are shown), otherwise as a background job (the user is told
        when it is done). Pressing it again while a run is queued or running
        only wakes the job up; after a failure it starts the run again."""
        self.env["coop.membership"]._check_manager()
        self.check_access("write")
        self._check_open()
        size = self._fee_run_request_limit()
        moves = self.env["account.move"]
        queued = self.browse()
        for period in self:
            if period.run_state in RUN_ACTIVE:
                queued |= period
                continue
            if period._count_members_due() <= size:
                moves |= period._run_fees_now()
                continue
            period._lock_or_refuse()  # reads the state again, under the lock
            if period.run_state not in RUN_ACTIVE:
                period._queue_fee_run(self.env.user)
            queued |= period
        if queued:
            self.env.ref("coop_membership.ir_cron_coop_invoice_fees")._trigger()
            return queued._fee_run_queued_action()
        return self._fee_invoices_action([("id", "in", moves.ids)])

    def _fee_run_queued_action(self):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Fee run started"),
                "message": self.env._(
                    "%(count)s member(s) of %(periods)s are invoiced in the "
                    "background; you will be notified when the run is done.",
                    count=sum(self.mapped("run_total")),
                    periods=", ".join(self.mapped("display_name")),
                ),
                "type": "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------ locks

    def _lock_for_run(self):
        """Lock this period's row for a batch; False when another request or
        server holds it (the lock is the database's: any number of servers)."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM coop_fee_period WHERE id = %s"
                " FOR NO KEY UPDATE SKIP LOCKED",
                self.id,
            )
        )
        return bool(self.env.cr.fetchone())

    def _lock_or_refuse(self):
        try:
            with self.env.cr.savepoint(flush=False):
                # a lock held elsewhere is expected, not an error to log
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM coop_fee_period WHERE id = %s"
                        " FOR NO KEY UPDATE NOWAIT",
                        self.id,
                    ),
                    log_exceptions=False,
                )
        except psycopg2.errors.LockNotAvailable as error:
            raise UserError(
                self.env._(
                    "A fee run of %s is in progress: it goes on in the "
                    "background, try again later.",
                    self.display_name,
                )
            ) from error
        self.invalidate_recordset(["run_state", "state"])

    # ------------------------------------------------------------ runs

    def _run_fees_now(self):
        """Run the whole period in this transaction (a small run)."""
        self.ensure_one()
        self._lock_or_refuse()
        self._check_open()
        total = self._count_members_due()
        moves = self._run_fees()
        self.sudo().write(
            {
                "run_state": "done",
                "run_total": total,
                "run_done": total,
                "run_invoice_count": len(moves),
                "run_error": False,
                "run_user_id": self.env.user.id,
            }
        )
        self._post_fee_run_summary()
        return moves

    def _queue_fee_run(self, user):
        """Queue the period's run for the cron (``user`` is told of the end);
        the caller holds the period's lock."""
        self.ensure_one()
        self.sudo().write(
            {
                "run_state": "queued",
                "run_total": self._count_members_due(),
                "run_done": 0,
                "run_invoice_count": 0,
                "run_last_member_id": 0,
                "run_error": False,
                "run_user_id": user.id,
            }
        )
        if user:
            self.sudo().message_post(
                body=self.env._(
                    "Fee run queued by %(user)s: %(count)s member(s) to handle.",
                    user=user.name,
                    count=self.run_total,
                )
            )

    @api.model
    def _cron_run_fee_batch(self):
        """One batch of the first queued run (the cron calls it again, up to
        its own limit, while work remains; a commit after each batch)."""
        active = self.sudo().search([("run_state", "in", RUN_ACTIVE)], order="id")
        done = remaining = 0
        for period in active:
            if period._lock_for_run():
                done, remaining = period._run_fee_batch(self._fee_run_batch_size())
                active -= period
                break
        remaining += sum(
            p._run_remaining()
            for p in active.filtered(lambda p: p.run_state in RUN_ACTIVE)
        )
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    def _run_fee_batch(self, size):
        """Invoice the next ``size`` members due; return how many were
        handled and how many remain.

        The run goes through the members by id from where its last batch
        ended, so a batch costs the same at the start and at the end of a
        large run (a member who becomes due behind it is left to the next
        run). Idempotent: a batch lost to a crash or a kill is rolled back
        with its place in the run, and done again."""
        self.ensure_one()
        members = self._members_due(limit=size, after_id=self.run_last_member_id)
        try:
            with self.env.cr.savepoint():
                self._check_open()
                moves = self._run_fees_batch(members)
        except (UserError, ValidationError) as error:
            self._fail_fee_run(error)
            return 0, 0
        vals = {
            "run_state": "running",
            "run_done": self.run_done + len(members),
            "run_invoice_count": self.run_invoice_count + len(moves),
        }
        if members:
            vals["run_last_member_id"] = members[-1].id
        self.write(vals)
        remaining = self._run_remaining() if len(members) == size else 0
        if not remaining:
            self.write({"run_state": "done", "run_total": self.run_done})
            self._post_fee_run_summary()
            self._notify_fee_run_user("success")
        return len(members), remaining

    def _run_remaining(self):
        """What the cron's progress shows as left: the run's own figures, not
        a count of the members due (a scan of all of them at each batch, a
        cost growing with the cooperative). At least 1 while the run is
        active: the batch that finds no one left ends the run."""
        self.ensure_one()
        return max(self.run_total - self.run_done, 1)

    def _fail_fee_run(self, error):
        reason = error.args[0] if error.args else str(error)
        self.write({"run_state": "failed", "run_error": reason})
        self.message_post(
            body=self.env._(
                "The fee run stopped after %(done)s member(s): %(reason)s",
                done=self.run_done,
                reason=reason,
            )
        )
        self._notify_fee_run_user("danger")

    def _post_fee_run_summary(self):
        self.sudo().message_post(
            body=self.env._(
                "Fee run done: %(members)s member(s) handled, %(invoices)s "
                "invoice(s) created.",
                members=self.run_done,
                invoices=self.run_invoice_count,
            )
        )

    def _notify_fee_run_user(self, kind):
        """Tell the user who started the run how it ended (a notification in
        their open web client, in their language)."""
        if not self.run_user_id:
            return
        period = self.with_context(lang=self.run_user_id.lang)
        _ = period.env._
        if kind == "success":
            message = _(
                "%(period)s: %(members)s member(s) handled, %(invoices)s "
                "invoice(s) created.",
                period=period.display_name,
                members=period.run_done,
                invoices=period.run_invoice_count,
            )
        else:
            message = _(
                "%(period)s: the fee run failed: %(reason)s",
                period=period.display_name,
                reason=period.run_error,
            )
        period.run_user_id._bus_send(
            "simple_notification",
            {
                "title": _("Fee run"),
                "message": message,
                "type": kind,
                "sticky": kind == "danger",
            },
        )
