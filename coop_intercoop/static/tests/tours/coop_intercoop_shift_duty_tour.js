/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";

function shiftDutyShows(selector, text) {
    return {
        content: `shift duty shows ${text}`,
        trigger: `.o_coop_shift_duty ${selector}:contains("${text}")`,
    };
}

registry.category("web_tour.tours").add("coop_intercoop_shift_duty", {
    steps: () =>
        [
            Chrome.startPoS(),
            Dialog.confirm("Open Register"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Thomas Late"),
            shiftDutyShows(".o_coop_shift_duty_state", "Late"),
            shiftDutyShows(".o_coop_shift_to_do", "6 h to do"),
            ProductScreen.clickPartnerButton(),
            ProductScreen.clickCustomer("Maialen Pooled"),
            shiftDutyShows(".o_coop_shift_duty_state", "Up to date"),
            {
                content: "no hours to do shown for an up-to-date member",
                trigger: ".o_coop_shift_duty:not(:has(.o_coop_shift_to_do))",
            },
        ].flat(),
});
