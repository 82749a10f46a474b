/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { useEffect, useState } from "@odoo/owl";
import { AlertDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { PaymentScreen } from "@point_of_sale/app/screens/payment_screen/payment_screen";
import { offlineSpent, walletAvailable } from "./coop_wallet_rules";

const countedOffline = new Set();

patch(PaymentScreen.prototype, {
    setup() {
        super.setup(...arguments);
        this.coopWallet = useState({ partnerId: null, balance: 0, offline: false });
        useEffect(
            () => {
                this.coopWalletRefresh();
            },
            () => [this.currentOrder.get_partner()?.id]
        );
    },
    get coopWalletMethods() {
        return this.payment_methods_from_config.filter((pm) => pm.coop_is_wallet);
    },
    get coopWalletMinimum() {
        return this.pos.company.coop_wallet_minimum || 0;
    },
    coopWalletLines() {
        return this.paymentLines.filter((line) => line.payment_method_id.coop_is_wallet);
    },
    coopWalletIsRefund() {
        return this.currentOrder.lines.some((line) => line.refunded_orderline_id);
    },
    /** Fresh balance from the server; cached balance minus offline spending when offline. */
    async coopWalletRefresh() {
        const partner = this.currentOrder.get_partner();
        if (!partner || !this.coopWalletMethods.length) {
            Object.assign(this.coopWallet, { partnerId: null, balance: 0, offline: false });
            return this.coopWallet;
        }
        const { balance: known, offline } = await this.pos.coopWalletFetchBalance(partner);
        if (!offline) {
            delete offlineSpent[partner.id];
        }
        const balance = offline ? known - (offlineSpent[partner.id] || 0) : known;
        Object.assign(this.coopWallet, { partnerId: partner.id, balance, offline });
        return this.coopWallet;
    },
    coopWalletAlert(body) {
        this.dialog.add(AlertDialog, { title: _t("Wallet"), body });
    },
    async addNewPaymentLine(paymentMethod) {
        if (!paymentMethod.coop_is_wallet) {
            return super.addNewPaymentLine(...arguments);
        }
        if (!this.currentOrder.get_partner()) {
            this.coopWalletAlert(_t("Select a customer to pay with the wallet."));
            return false;
        }
        await this.coopWalletRefresh();
        const used = this.coopWalletLines().reduce((sum, line) => sum + line.amount, 0);
        const available = walletAvailable(
            this.coopWallet.balance,
            this.coopWalletMinimum,
            this.pos.currency.decimal_places,
            used
        );
        if (!this.coopWalletIsRefund() && available <= 0) {
            this.coopWalletAlert(_t("The wallet of this customer has no available balance."));
            return false;
        }
        const result = await this.coopWalletAddLine(...arguments);
        const line = this.paymentLines.at(-1);
        if (
            result &&
            line?.payment_method_id.coop_is_wallet &&
            this.env.utils.roundCurrency(line.amount - available) > 0
        ) {
            line.set_amount(available);
        }
        return result;
    },
    /** Add the wallet line without the stock "due balance follow-up" warning
     *  that Odoo shows for every payment method without a journal: a wallet
     *  payment is settled from the prepaid wallet, there is nothing to follow
     *  up. Only the notification raised synchronously at the start of the
     *  stock method, before its first await, is muted. */
    coopWalletAddLine() {
        const notification = this.notification;
        this.notification = { ...notification, add: () => {} };
        try {
            return super.addNewPaymentLine(...arguments);
        } finally {
            this.notification = notification;
        }
    },
    async _isOrderValid(isForceValidate) {
        const walletLines = this.coopWalletLines();
        const hasTopup = this.currentOrder.lines.some((line) => line.product_id.coop_wallet_topup);
        if ((walletLines.length || hasTopup) && !this.currentOrder.get_partner()) {
            this.coopWalletAlert(_t("Select a customer: wallet payments and top-ups need one."));
            return false;
        }
        if (walletLines.length) {
            const isRefund = this.coopWalletIsRefund();
            if (walletLines.some((line) => (isRefund ? line.amount >= 0 : line.amount <= 0))) {
                this.coopWalletAlert(_t("A wallet payment must be a positive amount."));
                return false;
            }
            const total = walletLines.reduce((sum, line) => sum + line.amount, 0);
            await this.coopWalletRefresh();
            const available = walletAvailable(
                this.coopWallet.balance,
                this.coopWalletMinimum,
                this.pos.currency.decimal_places
            );
            if (!isRefund && this.env.utils.roundCurrency(total - available) > 0) {
                this.coopWalletAlert(
                    _t(
                        "Insufficient wallet balance: %(amount)s requested, %(available)s available.",
                        {
                            amount: this.env.utils.formatCurrency(total),
                            available: this.env.utils.formatCurrency(available),
                        }
                    )
                );
                return false;
            }
            if (this.coopWallet.offline) {
                // the server records the order even if another till spent the
                // wallet meanwhile, and flags the overdraft
                this.currentOrder.coop_wallet_offline = true;
            }
        }
        return super._isOrderValid(...arguments);
    },
    async _finalizeValidation() {
        const order = this.currentOrder;
        if (order.coop_wallet_offline && !countedOffline.has(order.uuid)) {
            // later wallet payments on this till are limited by this one
            countedOffline.add(order.uuid);
            const partnerId = order.get_partner().id;
            const total = this.coopWalletLines().reduce((sum, line) => sum + line.amount, 0);
            offlineSpent[partnerId] = (offlineSpent[partnerId] || 0) + total;
        }
        const result = await super._finalizeValidation(...arguments);
        if (order.coop_wallet_processed && order.get_partner()) {
            // keep the cached balance of the till in line with the server
            order.get_partner().coop_wallet_balance = order.coop_wallet_balance_after;
        }
        return result;
    },
});
