# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import params
from . import coop_commission_declaration_import_job as imports
from . import coop_commission_settlement_document_job as documents

# setting: its system parameter (shared by the companies; not
# ``config_parameter`` fields, which would store 0 as "unset")
SIZES = {
    "coop_import_request_max_bytes": imports.REQUEST_PARAM,
    "coop_import_batch_size": imports.BATCH_PARAM,
    "coop_documents_request_limit": documents.REQUEST_PARAM,
    "coop_documents_batch_size": documents.BATCH_PARAM,
}


class ResConfigSettings(models.TransientModel):
    """The sizes of the background import and documents jobs."""

    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    coop_import_request_max_bytes = fields.Integer(
        string="Declaration Files in the Request (bytes)",
        help="A declaration file up to this size is imported at once; a larger "
        "one in the background (0: every file).",
    )
    coop_import_batch_size = fields.Integer(
        string="Declaration Lines per Batch",
        help="Lines a batch of the background import creates (a commit each).",
    )
    coop_documents_request_limit = fields.Integer(
        string="Settlement Documents in the Request",
        help="Up to this many documents are made at once; more in the "
        "background (0: always).",
    )
    coop_documents_batch_size = fields.Integer(
        string="Partners per Documents Batch",
        help="Partners whose documents a batch of the background job makes.",
    )

    @api.model
    def get_values(self):
        # the settings' own access (administrators) before reading sudo
        self.check_access("read")
        res = super().get_values()
        res.update(
            {
                name: params.bounded_param(self.env, param)
                for name, param in SIZES.items()
            }
        )
        return res

    def set_values(self):
        self.check_access("write")
        params.set_bounded_params(
            self.env, {param: self[name] for name, param in SIZES.items()}
        )
        return super().set_values()
