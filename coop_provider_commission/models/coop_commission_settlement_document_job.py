# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The accounting documents of many settlements made in the background: a
few at once in the request, more queued for a cron job that makes the
documents of a batch of partners at a time (a commit per batch, Odoo's
``_notify_progress``); a settlement invoiced leaves the queue, so a batch
lost to a killed worker is simply done again."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import params, security

# documents made in the request; more are queued (one document a partner,
# or a partner and direction: about 30 ms each)
REQUEST_PARAM = ("coop_provider_commission.documents_request_limit", 100, 0)
# partners whose documents a batch makes (ten batches to a cron worker's
# unit of work: about 15 s, within its 60 s CPU and 120 s real limits)
BATCH_PARAM = ("coop_provider_commission.documents_batch_size", 50, 1)


class CoopCommissionSettlement(models.Model):
    _inherit = "coop.commission.settlement"  # pylint: disable=consider-merging-classes-inherited

    document_queued = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="Its invoice or bill is being made in the background.",
    )
    document_net = fields.Boolean(readonly=True, copy=False)
    document_user_id = fields.Many2one("res.users", readonly=True, copy=False)

    def action_create_documents(self, net=False):
        """The documents of these settlements: made at once up to the
        request limit (and listed), otherwise queued for the cron (the user
        is told when they are made)."""
        security.check_manager(self.env)
        self.check_access("write")
        self._check_validated()
        limit = params.bounded_param(self.env, REQUEST_PARAM)
        if len(self._document_groups(bool(net))) <= limit:
            return super().action_create_documents(net=net)
        self.sudo().write(
            {
                "document_queued": True,
                "document_net": bool(net),
                "document_user_id": self.env.user.id,
            }
        )
        self.env.ref("coop_provider_commission.ir_cron_settlement_documents")._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Documents queued"),
                "message": self.env._(
                    "The documents of %s settlement(s) are made in the "
                    "background; you will be notified when they are done.",
                    len(self),
                ),
                "type": "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _cron_create_documents_batch(self):
        """The documents of the next batch of partners queued (the cron
        calls it again while some remain; a commit after each batch)."""
        size = params.bounded_param(self.env, BATCH_PARAM)
        queued = [("document_queued", "=", True)]
        groups = self.sudo()._read_group(
            queued, ["document_user_id", "document_net", "partner_id"], limit=size
        )
        if not groups:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return 0
        user, net = groups[0][0], groups[0][1]
        partners = [g[2].id for g in groups if g[:2] == (user, net)]
        batch = self.sudo().search(
            [
                *queued,
                ("document_user_id", "=", user.id),
                ("document_net", "=", net),
                ("partner_id", "in", partners),
            ]
        )
        # every settlement of the batch leaves the queue (one reset to draft
        # or invoiced since it was queued gets no document)
        handled = len(batch)
        batch.write({"document_queued": False})
        batch = batch.filtered(lambda s: s.state == "validated")
        failed = False
        try:
            with self.env.cr.savepoint():
                batch._create_documents(net=net)
        except (UserError, ValidationError) as error:
            batch._fail_documents(user, net, error)
            failed = True
        remaining = self.sudo().search_count(queued)
        if not failed and not self.sudo().search_count(
            [*queued, ("document_user_id", "=", user.id)], limit=1
        ):
            batch._notify_documents_user(user, "success")
        self.env["ir.cron"]._notify_progress(done=handled, remaining=remaining)
        return handled

    def _fail_documents(self, user, net, error):
        """Stop the run of ``user``: every settlement it queued leaves the
        queue, still validated, and the user is told why."""
        reason = error.args[0] if error.args else str(error)
        run = self.sudo().search(
            [
                ("document_queued", "=", True),
                ("document_user_id", "=", user.id),
                ("document_net", "=", net),
            ]
        )
        run.write({"document_queued": False})
        for settlement in self:
            settlement.message_post(
                body=self.env._("Its document was not made: %s", reason)
            )
        self._notify_documents_user(user, "danger", reason)

    def _notify_documents_user(self, user, kind, reason=""):
        if not user:
            return
        _ = self.with_context(lang=user.lang).env._
        if kind == "success":
            message = _("The queued commission documents are made.")
        else:
            message = _(
                "The commission documents stopped: %s. The settlements not "
                "invoiced are still validated: correct and run it again.",
                reason,
            )
        user._bus_send(
            "simple_notification",
            {
                "title": _("Commission documents"),
                "message": message,
                "type": kind,
                "sticky": kind == "danger",
            },
        )
