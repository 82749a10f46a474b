/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// A first day at the shop's office: register a Le Nid tester from the
// Inter-Cooperation app and read the card it issued.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("coop_intercoop_backend_register_visitor", {
    url: "/odoo",
    steps: () => [
        {
            content: "open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "open the Inter-Cooperation app",
            trigger: '.o_app[data-menu-xmlid="coop_intercoop.menu_coop_intercoop_root"]',
            run: "click",
        },
        {
            content: "open the Visitors menu",
            trigger: 'button[data-menu-xmlid="coop_intercoop.menu_coop_intercoop_visitors"]',
            run: "click",
        },
        {
            content: "register a visitor",
            trigger: '.dropdown-item[data-menu-xmlid="coop_intercoop.menu_coop_trial_card_register"]',
            run: "click",
        },
        {
            content: "choose Le Nid's 60-day formula",
            trigger: ".modal .o_field_widget[name=formula_id] input",
            run: "edit Le Nid",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Le Nid tester')",
            run: "click",
        },
        {
            content: "the formula asks for the first name",
            trigger: ".modal .o_field_widget[name=firstname].o_required_modifier",
        },
        {
            trigger: ".modal .o_field_widget[name=lastname] input",
            run: "edit Dupont",
        },
        {
            trigger: ".modal .o_field_widget[name=firstname] input",
            run: "edit Marie",
        },
        {
            trigger: ".modal .o_field_widget[name=email] input",
            run: "edit marie.dupont@example.org",
        },
        {
            content: "issue the card",
            trigger: ".modal button[name=action_register]",
            run: "click",
        },
        {
            content: "the card has no purchase limit",
            trigger:
                ".o_form_view .o_field_widget[name=remaining_purchases_display]:contains('Unlimited')",
        },
        {
            content: "and 60 days of shopping",
            trigger: ".o_form_view .o_field_widget[name=remaining_days_display]:contains('60')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=partner_id] input:value('Marie Dupont')",
        },
    ],
});
