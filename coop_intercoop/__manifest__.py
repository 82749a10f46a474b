# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

{
    "name": "Inter-Cooperation",
    "summary": "Agreements between cooperatives, visitor and trial cards, "
    "vouchers, fee discounts, pooled volunteer hours, shift duty, co-financed "
    "developments",
    "version": "18.0.1.1.0",
    "category": "Cooperatives",
    "website": "https://github.com/OCA/cooperative",
    "author": "Coop Addons Contributors, Odoo Community Association (OCA)",
    "maintainers": ["coop-addons"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": [
        "coop_membership",
        "coop_spreadsheet_import",
        "point_of_sale",
        "loyalty",
        "pos_loyalty",
        "sale_loyalty",
    ],
    "data": [
        "security/coop_intercoop_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence.xml",
        "data/coop_shared_development_data.xml",
        "report/coop_shared_development_statement.xml",
        "views/coop_trial_formula_views.xml",
        "views/coop_trial_card_views.xml",
        "views/coop_intercoop_agreement_views.xml",
        "views/coop_volunteer_hours_views.xml",
        "views/res_partner_views.xml",
        "views/coop_member_category_views.xml",
        "views/coop_membership_views.xml",
        "views/coop_shared_development_views.xml",
        "views/coop_board_mandate_views.xml",
        "views/coop_fee_scheme_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/coop_intercoop_demo.xml",
        "demo/coop_shift_duty_demo.xml",
        "demo/coop_komunigi_demo.xml",
    ],
    "assets": {
        "point_of_sale._assets_pos": [
            "coop_intercoop/static/src/app/**/*",
        ],
        "web.assets_tests": [
            "coop_intercoop/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
