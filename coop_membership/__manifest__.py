# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

{
    "name": "Cooperative Membership",
    "summary": "Member categories, share capital, fees with proration and "
    "prepaid periods, notice, assemblies with votes and proxies, member benefits",
    "version": "18.0.1.2.0",
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
        "data/res_groups_data.xml",
        "data/ir_cron.xml",
        "report/coop_membership_reports.xml",
        "views/coop_wizard_views.xml",
        "views/coop_member_category_views.xml",
        "views/coop_membership_views.xml",
        "views/coop_fee_scheme_views.xml",
        "views/coop_assembly_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
        "security/coop_assembly_vote_security.xml",
        "data/coop_assembly_vote_rule_data.xml",
        "data/coop_assembly_mail_templates.xml",
        "report/coop_assembly_reports.xml",
        "views/coop_assembly_vote_views.xml",
        "views/coop_assembly_portal_templates.xml",
    ],
    "demo": ["demo/coop_membership_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "coop_membership/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "post_init_hook": "post_init_hook",
}
