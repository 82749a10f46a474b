/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";

function statusShows(selector, text) {
    return {
        content: `intercoop status shows ${text}`,
        trigger: `.o_coop_intercoop_status ${selector}:contains("${text}")`,
    };
}

registry.category("web_tour.tours").add("coop_intercoop_show_visitor_card", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Nico Visitor"),
            statusShows(".o_coop_card_name", "TRIAL/"),
            statusShows(".o_coop_remaining_purchases", "2 purchase(s) left"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Mathilde Etcheverry"),
            statusShows(".o_coop_partner_coop", "HendayaKoop"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Used Up Visitor"),
            statusShows(".o_coop_propose_membership", "propose membership"),
        ].flat(),
});

registry.category("web_tour.tours").add("coop_intercoop_register_visitor", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            {
                content: "open the visitor registration",
                trigger: ".o_coop_register_visitor",
                run: "click",
            },
            {
                content: "choose the 60-day formula",
                trigger: ".o_coop_visitor_dialog .o_coop_formula_choice:contains('Le Nid')",
                run: "click",
            },
            {
                content: "the 60-day formula is chosen",
                trigger: ".o_coop_formula_choice.active:contains('Le Nid')",
            },
            {
                trigger: ".o_coop_visitor_dialog .o_coop_lastname",
                run: "edit Dupont",
            },
            {
                trigger: ".o_coop_visitor_dialog .o_coop_firstname",
                run: "edit Marie",
            },
            {
                content: "issue the card without the mandatory email",
                trigger: ".modal .o_coop_issue_card",
                run: "click",
            },
            {
                content: "the mandatory email is asked for",
                trigger: ".o_coop_visitor_error:contains('Email')",
            },
            {
                trigger: ".o_coop_visitor_dialog .o_coop_email",
                run: "edit marie.dupont@example.org",
            },
            {
                content: "issue the card",
                trigger: ".modal .o_coop_issue_card",
                run: "click",
            },
            ProductScreen.customerIsSelected("Marie Dupont"),
            statusShows(".o_coop_remaining_days", "60 day(s) left"),
        ].flat(),
});

registry.category("web_tour.tours").add("coop_intercoop_purchase_counted", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Nico Visitor"),
            statusShows(".o_coop_remaining_purchases", "2 purchase(s) left"),
            ProductScreen.clickDisplayedProduct("Whiteboard Pen"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Bank"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            ReceiptScreen.clickNextOrder(),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Nico Visitor"),
            statusShows(".o_coop_remaining_purchases", "1 purchase(s) left"),
        ].flat(),
});
