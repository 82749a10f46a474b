# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Group checks of the public methods (RPC endpoints)."""

from odoo.exceptions import AccessError

MANAGER = "coop_provider_commission.group_commission_manager"

# a validated or invoiced settlement only moves its state and document
SETTLEMENT_LOCKED_FIELDS = frozenset(
    {
        "agreement_id",
        "partner_id",
        "company_id",
        "date_from",
        "date_to",
        "line_ids",
        "target_units",
    }
)


def check_manager(env):
    """Only a Commission Manager validates, settles and invoices (sudo
    callers already decided)."""
    if not env.su and not env.user.has_group(MANAGER):
        raise AccessError(
            env._("Only a Provider Commissions Manager may do this operation.")
        )
