# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .coop_fee_period_run import BATCH_PARAM, MAX_PARAM, REQUEST_PARAM


class ResConfigSettings(models.TransientModel):
    """The fee run's sizes (system parameters shared by the companies; not
    ``config_parameter`` fields, which would store 0 as "unset")."""

    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    coop_fee_run_request_limit = fields.Integer(
        string="Fee Runs in the Request",
        help="Up to this many members due, Invoice Fees invoices them at once; "
        "a larger run goes to the background job (0: always).",
    )
    coop_fee_run_batch_size = fields.Integer(
        string="Fee Run Batch Size",
        help="Members invoiced per batch of the background job (a commit each).",
    )

    @api.model
    def get_values(self):
        # the settings' own access (administrators) before reading sudo
        self.check_access("read")
        res = super().get_values()
        Period = self.env["coop.fee.period"]
        res.update(
            coop_fee_run_request_limit=Period._fee_run_request_limit(),
            coop_fee_run_batch_size=Period._fee_run_batch_size(),
        )
        return res

    def set_values(self):
        self.check_access("write")
        sizes = (
            (REQUEST_PARAM, self.coop_fee_run_request_limit),
            (BATCH_PARAM, self.coop_fee_run_batch_size),
        )
        # every size checked before any is saved
        if any(not minimum <= value <= MAX_PARAM for (_k, _d, minimum), value in sizes):
            raise ValidationError(
                self.env._(
                    "The fee run's sizes go from %(minimum)s (in the request: 0) "
                    "to %(maximum)s.",
                    minimum=BATCH_PARAM[2],
                    maximum=MAX_PARAM,
                )
            )
        res = super().set_values()
        Param = self.env["ir.config_parameter"].sudo()
        for (key, _default, _minimum), value in sizes:
            Param.set_param(key, str(value))
        return res
