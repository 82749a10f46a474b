/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { patch } from "@web/core/utils/patch";
import { PartnerList } from "@point_of_sale/app/screens/partner_list/partner_list";

patch(PartnerList.prototype, {
    /** The customer list's balance column shows the wallet balance. */
    get isBalanceDisplayed() {
        return super.isBalanceDisplayed || this.pos.coopWalletEnabled;
    },
});
