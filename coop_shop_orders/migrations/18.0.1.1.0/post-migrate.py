# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: the order aliases carry the order request marker in their
defaults; "ordered" and "invoiced" are computed from the purchases' and the
invoices' states (recomputed once for the existing requests)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    companies = env["res.company"].search([("shop_order_alias_id", "!=", False)])
    for company in companies:
        values = company._shop_order_alias_values(
            company, company.shop_order_alias_id.alias_name
        )
        company.shop_order_alias_id.write({"alias_defaults": values["alias_defaults"]})
    orders = env["sale.order"].search([("shop_is_email_request", "=", True)])
    Order = env["sale.order"]
    env.add_to_compute(Order._fields["shop_ordered"], orders)
    env.add_to_compute(Order._fields["shop_invoiced"], orders)
    env.flush_all()
