# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

{
    "name": "Cooperative Membership",
    "summary": "Member categories, share capital, fees with proration and "
    "prepaid periods, notice, assemblies with votes and proxies, member benefits",
    "version": "18.0.1.1.0",
    "category": "Cooperatives",
    "website": "https://github.com/OCA/cooperative",
    "author": "Coop Addons Contributors, Odoo Community Association (OCA)",
    "maintainers": ["coop-addons"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["account", "sale_management", "portal"],
    "data": [
        "security/coop_membership_security.xml",
        "security/ir.model.access.csv",
        "security/coop_board_security.xml",
        "data/res_groups_data.xml",
        "data/ir_cron.xml",
        "data/coop_board_mail_template.xml",
        "report/coop_membership_reports.xml",
        "views/coop_wizard_views.xml",
        "views/coop_member_category_views.xml",
        "views/coop_membership_views.xml",
        "views/coop_fee_scheme_views.xml",
        "views/coop_assembly_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/coop_board_views.xml",
        "views/portal_board_templates.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/coop_membership_demo.xml", "demo/coop_board_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "coop_membership/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "post_init_hook": "post_init_hook",
}
