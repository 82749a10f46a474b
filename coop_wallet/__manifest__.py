# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

{
    "name": "Cooperative Customer Wallet",
    "summary": "A prepaid customer wallet kept in accounting, topped up and spent "
    "at the POS and on invoices, never overdrawn",
    "version": "18.0.1.1.0",
    "category": "Cooperatives",
    "website": "https://github.com/OCA/cooperative",
    "author": "Coop Addons Contributors, Odoo Community Association (OCA)",
    "maintainers": ["coop-addons"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["account", "point_of_sale", "portal"],
    "data": [
        "security/coop_wallet_security.xml",
        "security/ir.model.access.csv",
        "data/product_data.xml",
        "wizards/coop_wallet_views.xml",
        "views/res_partner_views.xml",
        "views/coop_wallet_balance_views.xml",
        "views/portal_templates.xml",
        "report/coop_wallet_report.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "coop_wallet/static/src/app/**/*",
        ],
        "web.assets_tests": [
            "coop_wallet/static/tests/tours/**/*",
        ],
    },
    "post_init_hook": "post_init_hook",
    "demo": ["demo/coop_wallet_demo.xml"],
    "installable": True,
}
