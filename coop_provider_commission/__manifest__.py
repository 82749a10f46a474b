# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

{
    "name": "Cooperative Provider Commissions",
    "summary": "Provider members' network clients, commissions both ways, "
    "monthly declarations, settlements and multi-level networks",
    "version": "18.0.1.1.0",
    "category": "Cooperatives",
    "website": "https://github.com/OCA/cooperative",
    "author": "Coop Addons Contributors, Odoo Community Association (OCA)",
    "maintainers": ["coop-addons"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["account", "rating", "coop_spreadsheet_import"],
    "data": [
        "security/coop_provider_commission_security.xml",
        "security/ir.model.access.csv",
        "report/coop_section_report.xml",
        "data/mail_template.xml",
        "data/ir_cron.xml",
        "wizards/coop_declaration_import_wizard_views.xml",
        "wizards/coop_network_departure_wizard_views.xml",
        "wizards/coop_commission_settle_wizard_views.xml",
        "views/coop_network_client_views.xml",
        "views/coop_commission_agreement_views.xml",
        "views/coop_commission_declaration_views.xml",
        "views/coop_commission_settlement_views.xml",
        "views/res_partner_views.xml",
        "views/account_move_views.xml",
        "views/res_config_settings_views.xml",
        "views/coop_satisfaction_views.xml",
        "views/portal_templates.xml",
        "views/portal_satisfaction_templates.xml",
        "report/coop_commission_settlement_report.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/coop_commission_demo.xml", "demo/coop_satisfaction_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "coop_provider_commission/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
