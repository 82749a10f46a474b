/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { patch } from "@web/core/utils/patch";
import { ConnectionLostError } from "@web/core/network/rpc";
import { PosStore } from "@point_of_sale/app/store/pos_store";

patch(PosStore.prototype, {
    /** Whether this shop takes wallet payments. */
    get coopWalletEnabled() {
        return this.config.payment_method_ids.some((pm) => pm.coop_is_wallet);
    },
    /** Fresh wallet balance of `partner` from the server, kept on the partner:
     *  `{ balance, offline }`; the cached balance when the till is offline. */
    async coopWalletFetchBalance(partner) {
        try {
            const result = await this.data.call("res.partner", "coop_wallet_get_balance", [
                partner.id,
            ]);
            partner.coop_wallet_balance = result.balance;
            return { balance: result.balance, offline: false };
        } catch (error) {
            if (!(error instanceof ConnectionLostError)) {
                throw error;
            }
            return { balance: partner.coop_wallet_balance || 0, offline: true };
        }
    },
    async selectPartner() {
        const result = await super.selectPartner(...arguments);
        const partner = this.get_order()?.get_partner();
        if (partner && this.coopWalletEnabled) {
            await this.coopWalletFetchBalance(partner);
        }
        return result;
    },
});
