# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

{
    "name": "Cooperative Spreadsheet Import",
    "summary": "One way for the cooperative addons to import a spreadsheet: "
    "Odoo's import reader, one set of cell rules, every bad row reported",
    "version": "18.0.1.0.0",
    "category": "Cooperatives",
    "website": "https://github.com/OCA/cooperative",
    "author": "Coop Addons Contributors, Odoo Community Association (OCA)",
    "maintainers": ["coop-addons"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["base_import"],
    "external_dependencies": {"python": ["odfpy", "openpyxl", "xlrd"]},
    "installable": True,
}
