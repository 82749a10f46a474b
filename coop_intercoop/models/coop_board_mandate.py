# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CoopBoardMandate(models.Model):
    """The rotation of the core group (komunigi, 002): the mandate of a
    member standing for a category with a limit ends after it, flagged when
    due."""

    _inherit = "coop.board.mandate"

    date_rotation = fields.Date(
        string="Rotation Date",
        compute="_compute_date_rotation",
        store=True,
        help="The day the mandate reaches its category's limit (komunigi: 2 "
        "years for the cooperative supermarkets' members).",
    )
    rotation_due = fields.Boolean(
        compute="_compute_rotation_due", search="_search_rotation_due"
    )

    @api.depends("date_start", "category_id.board_mandate_max_months")
    def _compute_date_rotation(self):
        for mandate in self:
            months = mandate.category_id.board_mandate_max_months
            mandate.date_rotation = (
                mandate.date_start + relativedelta(months=months)
                if months and mandate.date_start
                else False
            )

    def _rotation_open_domain(self, day):
        """Mandates whose limit is reached by ``day`` and that still run
        past it."""
        return [
            ("date_rotation", "!=", False),
            ("date_rotation", "<=", day),
            "|",
            ("date_end", "=", False),
            ("date_end", ">", day),
        ]

    def _compute_rotation_due(self):
        today = fields.Date.context_today(self)
        due = self.filtered_domain(self._rotation_open_domain(today))
        for mandate in self:
            mandate.rotation_due = mandate in due

    def _search_rotation_due(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        domain = self._rotation_open_domain(fields.Date.context_today(self))
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _cron_flag_rotation(self):
        """An activity on each mandate whose rotation is due, once."""
        activity_type = self.env.ref("coop_intercoop.mail_activity_type_rotation")
        due = self.search([("rotation_due", "=", True)])
        flagged = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", due.ids),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
        for mandate in due.filtered(lambda m: m.id not in flagged.mapped("res_id")):
            user = mandate.create_uid if mandate.create_uid.active else self.env.user
            mandate.activity_schedule(
                act_type_xmlid="coop_intercoop.mail_activity_type_rotation",
                date_deadline=mandate.date_rotation,
                summary=self.env._(
                    "%s has served the category's longest mandate: elect a successor.",
                    mandate.partner_id.display_name,
                ),
                user_id=user.id,
            )
        return True
