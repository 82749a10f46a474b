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
        "security/coop_makerspace_workshop_security.xml",
        "data/coop_makerspace_access_level_data.xml",
        "views/coop_makerspace_danger_report_views.xml",
        "views/maintenance_equipment_views.xml",
        "views/coop_makerspace_access_level_views.xml",
        "views/coop_makerspace_qualification_views.xml",
        "views/coop_makerspace_badge_device_views.xml",
        "views/coop_makerspace_badge_log_views.xml",
        "views/coop_membership_views.xml",
        "views/portal_equipment_templates.xml",
        "views/coop_makerspace_workshop_menus.xml",
    ],
    "demo": [
        "demo/coop_makerspace_workshop_demo.xml",
    ],
    "installable": True,
}
