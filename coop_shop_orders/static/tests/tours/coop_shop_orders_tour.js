/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// A first day at the shop: a member's email has become a request; the
// salesperson finds it in Sales, prices it and confirms the quotation.

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import tourUtils from "@sale/js/tours/tour_utils";

registry.category("web_tour.tours").add("coop_shop_orders_email_to_quote", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("sale.sale_menu_root", "Open the Sales app"),
        {
            content: "the Sales app opens on the quotations",
            trigger: ".o_breadcrumb:contains('Quotations')",
        },
        {
            content: "open the Orders menu",
            trigger: 'button[data-menu-xmlid="sale.sale_order_menu"]',
            run: "click",
        },
        {
            content: "open the requests by email",
            trigger:
                '.dropdown-item[data-menu-xmlid="coop_shop_orders.menu_coop_shop_orders_requests"]',
            run: "click",
        },
        {
            content: "open the member's request",
            trigger: ".o_kanban_record:contains('Screen for the office')",
            run: "click",
        },
        {
            content: "the member's email is the original request",
            trigger:
                ".o_field_widget[name=shop_request_description]:contains('I need a 24 inch screen')",
        },
        {
            content: "price it on the order lines",
            trigger: "a[name=order_lines]",
            run: "click",
        },
        ...tourUtils.addProduct("Office screen 24 inch"),
        {
            content: "the line is priced at member price",
            trigger: ".o_data_row .o_field_widget[name=price_unit] input:value('138.00')",
        },
        {
            content: "save the quotation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "the quotation is saved",
            trigger: ".o_form_saved .o_data_row:contains('Office screen 24 inch')",
        },
        {
            content: "confirm the quotation",
            trigger: ".o_statusbar_buttons button[name=action_confirm]",
            run: "click",
        },
        {
            content: "the quotation is a sales order",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Sales Order')",
        },
    ],
});
