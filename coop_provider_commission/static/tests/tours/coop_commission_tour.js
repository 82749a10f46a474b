/* Copyright 2026 Coop Addons Contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A manager's journey: a provider's submitted declaration is validated, then
// the month is settled and the settlement validated. The data comes from the
// Python test (TestCommissionTour).
registry.category("web_tour.tours").add("coop_commission_declare_and_settle", {
    url: "/odoo/action-coop_provider_commission.coop_commission_declaration_action",
    steps: () => [
        {
            content: "Open the provider's submitted declaration",
            trigger: ".o_data_row td:contains('Tour Provider Zoé')",
            run: "click",
        },
        {
            content: "The declaration waits for validation",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Submitted')",
        },
        {
            content: "Validate it",
            trigger: ".o_statusbar_buttons button[name=action_validate]",
            run: "click",
        },
        {
            content: "It is validated",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Validated')",
        },
        {
            content: "The chatter gives the turnover with its currency",
            trigger: ".o-mail-Message-body:contains('Declaration validated')",
        },
        {
            content: "Open the Commissions menu",
            trigger: ".o_menu_sections .dropdown-toggle:contains('Commissions')",
            run: "click",
        },
        {
            content: "Settle the month",
            trigger: ".o-dropdown-item:contains('Settle Commissions')",
            run: "click",
        },
        {
            content: "Choose the agreement",
            trigger: ".modal .o_field_widget[name=agreement_ids] input",
            run: "edit Tour network",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour network')",
            run: "click",
        },
        {
            content: "The agreement is chosen",
            trigger: ".modal .o_field_widget[name=agreement_ids] .o_tag:contains('Tour network')",
        },
        {
            content: "Settle",
            trigger: ".modal button[name=action_settle]",
            run: "click",
        },
        {
            content: "Open the provider's settlement",
            trigger: ".o_data_row td:contains('Tour Provider Zoé')",
            run: "click",
        },
        {
            content: "Validate the settlement",
            trigger: ".o_statusbar_buttons button[name=action_validate]",
            run: "click",
        },
        {
            content: "The settlement is validated",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Validated')",
        },
        {
            content: "The chatter says who owes what",
            trigger: ".o-mail-Message-body:contains('Tour Provider Zoé owes')",
        },
    ],
});
