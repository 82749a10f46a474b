# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

{
    "name": "Cooperative Makerspace",
    "summary": "Workshop equipment by access level, member qualifications, badges "
    "and keys, openings with board members present, defects, labelled projects",
    "version": "18.0.1.0.0",
    "category": "Cooperatives",
    "website": "https://github.com/OCA/cooperative",
    "author": "Coop Addons Contributors, Odoo Community Association (OCA)",
    "maintainers": ["coop-addons"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_membership",
        "maintenance",
        "project",
        "account",
    ],
    "data": [
        "security/coop_makerspace_security.xml",
        "security/ir.model.access.csv",
        "views/menus.xml",
        "security/coop_makerspace_project_security.xml",
        "data/coop_makerspace_project_data.xml",
        "data/coop_makerspace_licence_data.xml",
        "report/coop_makerspace_project_reports.xml",
        "views/coop_makerspace_project_wizard_views.xml",
        "views/project_project_views.xml",
        "views/coop_makerspace_project_report_views.xml",
        "views/coop_makerspace_licence_views.xml",
        "views/res_config_settings_projects_views.xml",
        "views/portal_project_templates.xml",
        "views/coop_makerspace_project_menus.xml",
    ],
    "demo": [
        "demo/coop_makerspace_project_demo.xml",
    ],
    "installable": True,
}
