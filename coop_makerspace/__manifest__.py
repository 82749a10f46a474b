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
        "security/coop_makerspace_keys_security.xml",
        "data/coop_makerspace_key_data.xml",
        "views/coop_makerspace_key_views.xml",
        "views/coop_makerspace_opening_views.xml",
        "views/res_config_settings_keys_views.xml",
        "views/portal_openings_templates.xml",
    ],
    "demo": [
        "demo/coop_makerspace_keys_demo.xml",
    ],
    "installable": True,
}
