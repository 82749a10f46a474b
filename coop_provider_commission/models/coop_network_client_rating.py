# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Client satisfaction of a network client (001: "faire part d'un commentaire
final (indicateur de satisfaction)"), with Odoo's own ratings (``rating``):
the client (``client_id``) rates, the mediator (``provider_id``) is rated."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..tools import satisfaction

# rating requests sent by one run of the daily job (it runs again at once
# while some are left)
RATING_BATCH = 100


class CoopNetworkClient(models.Model):
    _inherit = "coop.network.client"

    contract_signed_on = fields.Date(
        string="Hosting Contract Signed On",
        tracking=True,
        help="Day the client signed its hosting contract with the mediator "
        "(001: the mediator hands each signed contract to the section). The "
        "client is asked to rate the mediator from this day, then at the "
        "company's rating request interval.",
    )
    rating_request_last = fields.Date(
        string="Last Rating Request", readonly=True, copy=False
    )
    rating_request_next = fields.Date(
        string="Next Rating Request",
        compute="_compute_rating_request_next",
        store=True,
        index="btree_not_null",
    )

    @api.depends(
        "contract_signed_on",
        "rating_request_last",
        "company_id.coop_rating_interval_months",
    )
    def _compute_rating_request_next(self):
        for record in self:
            record.rating_request_next = satisfaction.next_rating_request(
                record.contract_signed_on,
                record.rating_request_last,
                record.company_id.coop_rating_interval_months,
            )

    # rating.mixin ------------------------------------------------------------
    def _rating_get_partner(self):
        """The client rates (it receives the request)."""
        return self.client_id

    def _rating_get_operator(self):
        """The mediator is rated."""
        return self.provider_id

    # Requests ----------------------------------------------------------------
    @api.model
    def _cron_send_rating_requests(self, batch=RATING_BATCH):
        """Daily: ask the clients whose rating request is due (by email, with
        Odoo's rating links), ``batch`` at a time."""
        today = fields.Date.context_today(self)
        domain = [
            ("rating_request_next", "<=", today),
            ("client_id.email", "!=", False),
        ]
        due = self.search(domain, limit=batch, order="rating_request_next, id")
        due._send_rating_request(today)
        self.env["ir.cron"]._notify_progress(
            done=len(due), remaining=self.search_count(domain)
        )
        return due

    def _send_rating_request(self, today):
        """Email each client its rating request (the mediator is named) and
        record the day."""
        template = self.env.ref(
            "coop_provider_commission.mail_template_network_client_rating"
        )
        for record in self:
            record.rating_send_request(
                template, lang=record.client_id.lang, force_send=False
            )
        self.write({"rating_request_last": today})

    def action_send_rating_request(self):
        """Ask the clients for a rating now (button of the staff)."""
        if not self.env.user.has_group(
            "coop_provider_commission.group_commission_user"
        ):
            raise AccessError(
                self.env._("Only commission staff may ask clients for a rating.")
            )
        self.check_access("write")
        self._send_rating_request(fields.Date.context_today(self))
        return True

    def action_view_ratings(self):
        """The ratings of the client (smart button of the form)."""
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "coop_provider_commission.rating_rating_action_network"
        )
        action["domain"] = [
            ("res_model", "=", self._name),
            ("res_id", "=", self.id),
            ("consumed", "=", True),
        ]
        return action

    # Satisfaction index ------------------------------------------------------
    @api.model
    def _coop_rating_scores(self, mediators, companies, date_from, date_to):
        """``{(mediator id, company id): [(date, score)]}``: the ratings the
        clients of ``companies``' network gave to ``mediators`` on a request
        made from ``date_from`` to ``date_to`` (one query, as superuser:
        ratings are not for every employee; callers hand back figures).
        ``mediators`` None: every mediator rated.

        A rating counts on the day it was asked (``create_date``, Odoo's
        "Submitted on")."""
        if mediators is not None and not mediators or not companies:
            return {}
        self.env["rating.rating"].flush_model(
            ["res_model", "res_id", "rated_partner_id", "rating", "consumed"]
        )
        self.flush_model(["company_id"])
        self.env.cr.execute(
            """
            SELECT r.rated_partner_id, n.company_id, r.create_date::date, r.rating
              FROM rating_rating r
              JOIN coop_network_client n ON n.id = r.res_id
             WHERE r.res_model = %s AND r.consumed
               AND r.rating >= %s
               AND (%s OR r.rated_partner_id = ANY(%s)) AND n.company_id = ANY(%s)
               AND r.create_date >= %s
               AND r.create_date < %s::date + 1
            """,
            [
                self._name,
                satisfaction.MIN_SCORE,
                mediators is None,
                list(mediators.ids if mediators is not None else []),
                list(companies.ids),
                date_from,
                date_to,
            ],
        )
        scores = defaultdict(list)
        for mediator_id, company_id, day, score in self.env.cr.fetchall():
            scores[mediator_id, company_id].append((day, score))
        return scores
