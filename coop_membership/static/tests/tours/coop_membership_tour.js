/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// A first day at the cooperative's office: subscribe a candidate's shares
// and see them held once paid, admit her, run the year's fees, then record
// her notice.

import { registry } from "@web/core/registry";

function openMenu(section, item) {
    return [
        {
            content: `open the ${section} menu`,
            trigger: `button[data-menu-xmlid="coop_membership.${section}"]`,
            run: "click",
        },
        {
            trigger: `.dropdown-item[data-menu-xmlid="coop_membership.${item}"]`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("coop_membership_journey", {
    url: "/odoo/action-coop_membership.coop_membership_action",
    steps: () => [
        {
            content: "show candidates too: remove the Active filter",
            trigger: ".o_searchview .o_facet_remove",
            run: "click",
        },
        {
            content: "open the candidate",
            trigger: ".o_data_row .o_data_cell:contains('Tourist Tina')",
            run: "click",
        },
        {
            content: "subscribe shares",
            trigger: ".o_statusbar_buttons button:contains('Subscribe Shares')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=quantity] input",
            run: "edit 5",
        },
        {
            trigger: ".modal button[name=action_subscribe]",
            run: "click",
        },
        {
            content: "the share invoice is posted: register its payment",
            trigger: ".o_form_view button[name=action_register_payment]",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_create_payments]",
            run: "click",
        },
        {
            content: "back to the member",
            trigger: ".o_breadcrumb .breadcrumb-item:nth-child(2) a",
            run: "click",
        },
        {
            content: "the paid shares are held",
            trigger: ".o_form_view .o_inner_group .o_field_widget[name=shares_held]:contains('5')",
        },
        {
            content: "admit her",
            trigger: ".o_form_view button[name=action_activate]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains('Active')",
        },
        ...openMenu("menu_coop_fees", "menu_coop_fee_run"),
        {
            content: "invoice the fees of the year",
            trigger: ".modal .o_field_widget[name=scheme_id] input",
            run: "edit Tour year",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour year')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_run]",
            run: "click",
        },
        {
            content: "her fee invoice is created",
            trigger: ".o_list_view .o_data_row",
        },
        ...openMenu("menu_coop_members", "menu_coop_membership"),
        {
            trigger: ".o_data_row .o_data_cell:contains('Tourist Tina')",
            run: "click",
        },
        {
            content: "record her notice",
            trigger: ".o_statusbar_buttons button:contains('Record Notice')",
            run: "click",
        },
        {
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "she is leaving",
            trigger: ".o_field_widget[name=state] .o_arrow_button_current:contains('Leaving')",
        },
    ],
});
