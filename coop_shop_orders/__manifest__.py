# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

{
    "name": "Cooperative Shop Orders by Email",
    "summary": "Ordering by email: an email to the shop becomes a quotation, "
    "priced for members, confirmed, purchased, announced on arrival, "
    "invoiced by email",
    "version": "18.0.1.1.0",
    "category": "Cooperatives",
    "website": "https://github.com/OCA/cooperative",
    "author": "Coop Addons Contributors, Odoo Community Association (OCA)",
    "maintainers": ["coop-addons"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["sale_management", "purchase", "stock"],
    "data": [
        "security/ir.model.access.csv",
        "data/res_groups_data.xml",
        "security/coop_shop_orders_security.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/product_pricelist_data.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_views.xml",
        "views/coop_shop_order_mail_log_views.xml",
        "views/res_partner_views.xml",
    ],
    "demo": ["demo/coop_shop_orders_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "coop_shop_orders/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
