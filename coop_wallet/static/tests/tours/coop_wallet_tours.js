/** @odoo-module */
/* global posmodel */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import * as Chrome from "@point_of_sale/../tests/tours/utils/chrome_util";
import * as Dialog from "@point_of_sale/../tests/tours/utils/dialog_util";
import * as ProductScreen from "@point_of_sale/../tests/tours/utils/product_screen_util";
import * as PaymentScreen from "@point_of_sale/../tests/tours/utils/payment_screen_util";
import * as ReceiptScreen from "@point_of_sale/../tests/tours/utils/receipt_screen_util";
import { registry } from "@web/core/registry";

function walletBalanceIs(amount) {
    return [
        {
            content: `wallet balance shown is ${amount}`,
            trigger: `.payment-screen .coop-wallet-info .coop-wallet-amount:contains("${amount}")`,
        },
    ];
}

function dialogSays(text) {
    return [
        {
            content: `dialog says "${text}"`,
            trigger: `.modal .modal-body:contains("${text}")`,
        },
    ];
}

function receiptWalletBalanceIs(amount) {
    return [
        {
            content: `receipt prints the new wallet balance ${amount}`,
            trigger: `.receipt-screen .pos-receipt .coop-wallet-balance:contains("${amount}")`,
        },
    ];
}

function openRegister() {
    return [Chrome.startPoS(), Dialog.confirm("Open Register")].flat();
}

/** Sell `product` to Member Ana and open the payment screen. */
function payForMember(product, quantity, price) {
    return [
        ProductScreen.addOrderline(product, quantity, price),
        ProductScreen.clickPartnerButton(),
        ProductScreen.clickCustomer("Member Ana"),
        ProductScreen.clickPayButton(),
    ].flat();
}

registry.category("web_tour.tours").add("CoopWalletPayTour", {
    steps: () =>
        [
            openRegister(),
            payForMember("Wallet Apples", "3"),
            walletBalanceIs("50.00"),
            PaymentScreen.clickPaymentMethod("Wallet", true, { remaining: "0.00" }),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            receiptWalletBalanceIs("20.00"),
            ReceiptScreen.clickNextOrder(),
        ].flat(),
});

registry.category("web_tour.tours").add("CoopWalletRefusedTour", {
    steps: () =>
        [
            openRegister(),
            payForMember("Wallet Apples", "6"),
            walletBalanceIs("50.00"),
            // the wallet line is capped at the available balance
            PaymentScreen.clickPaymentMethod("Wallet", true, { remaining: "10.00" }),
            PaymentScreen.clickNumpad("⌫ ⌫"),
            PaymentScreen.clickNumpad("6 0"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),
            dialogSays("Insufficient wallet balance"),
            Dialog.confirm(),
            PaymentScreen.isShown(),
        ].flat(),
});

registry.category("web_tour.tours").add("CoopWalletServerRefusedTour", {
    steps: () =>
        [
            openRegister(),
            {
                content:
                    "the till still has the old minimum (-100.00): the manager " +
                    "raised it to 0.00 after the till loaded",
                trigger: ".pos",
                run: () => {
                    posmodel.company.coop_wallet_minimum = -100;
                },
            },
            payForMember("Wallet Apples", "6"),
            walletBalanceIs("50.00"),
            // the till allows 60.00 (50.00 + its stale overdraft of 100.00)
            PaymentScreen.clickPaymentMethod("Wallet", true, { remaining: "0.00" }),
            PaymentScreen.clickValidate(),
            // the server checks against the current minimum and refuses
            dialogSays("Insufficient wallet balance for Member Ana"),
            Dialog.confirm(),
            PaymentScreen.isShown(),
        ].flat(),
});

registry.category("web_tour.tours").add("CoopWalletNoCustomerTour", {
    steps: () =>
        [
            openRegister(),
            ProductScreen.addOrderline("Wallet Apples", "1"),
            ProductScreen.clickPayButton(),
            PaymentScreen.clickPaymentMethod("Wallet"),
            dialogSays("Select a customer"),
            Dialog.confirm(),
            PaymentScreen.isShown(),
        ].flat(),
});

registry.category("web_tour.tours").add("CoopWalletTopupTour", {
    steps: () =>
        [
            openRegister(),
            payForMember("Member Top-up", "1", "25"),
            walletBalanceIs("50.00"),
            PaymentScreen.clickPaymentMethod("Cash"),
            PaymentScreen.remainingIs("0.00"),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            receiptWalletBalanceIs("75.00"),
            ReceiptScreen.clickNextOrder(),
        ].flat(),
});

registry.category("web_tour.tours").add("CoopWalletOfflineTour", {
    steps: () =>
        [
            openRegister(),
            // online: pay 30.00 of the 50.00 wallet
            payForMember("Wallet Apples", "3"),
            PaymentScreen.clickPaymentMethod("Wallet", true, { remaining: "0.00" }),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            receiptWalletBalanceIs("20.00"),
            ReceiptScreen.clickNextOrder(),
            // offline: the till only trusts its cached balance (20.00)
            payForMember("Wallet Apples", "3"),
            {
                content: "the till goes offline",
                trigger: ".payment-screen",
                run: () => {
                    posmodel.data.network.offline = true;
                },
            },
            PaymentScreen.clickPaymentMethod("Wallet", true, { remaining: "10.00" }),
            {
                content: "the cached balance is used while offline",
                trigger: ".payment-screen .coop-wallet-info:contains('offline')",
            },
            walletBalanceIs("20.00"),
            {
                content: "back online",
                trigger: ".payment-screen",
                run: () => {
                    posmodel.data.network.offline = false;
                },
            },
        ].flat(),
});
