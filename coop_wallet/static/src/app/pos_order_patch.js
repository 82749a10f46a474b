/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { patch } from "@web/core/utils/patch";
import { PosOrder } from "@point_of_sale/app/models/pos_order";

patch(PosOrder.prototype, {
    export_for_printing() {
        const result = super.export_for_printing(...arguments);
        if (this.coop_wallet_processed) {
            result.coop_wallet_balance = this.coop_wallet_balance_after;
            result.coop_wallet_overdrawn = this.coop_wallet_overdrawn;
        }
        return result;
    },
});
