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

function customerListBalanceIs(name, amount) {
    return [
        {
            content: `the customer list shows the wallet balance ${amount} of ${name}`,
            trigger: `.partner-list .partner-line:contains("${name}") .partner-line-balance .coop-wallet-partner-balance:contains("${amount}")`,
        },
    ];
}

function selectedCustomerBalanceIs(amount) {
    return [
        {
            content: `the wallet balance ${amount} is shown next to the selected customer`,
            trigger: `.product-screen .set-partner .coop-wallet-partner-balance:contains("${amount}")`,
        },
    ];
}

function noFollowUpWarning() {
    return [
        {
            content: "no 'due balance follow-up' warning for a wallet payment",
            trigger: ".payment-screen .paymentline:contains('Wallet')",
            run: () => {
                const warning = [...document.querySelectorAll(".o_notification")].find((el) =>
                    el.textContent.includes("follow-up")
                );
                if (warning) {
                    throw new Error("The stock follow-up warning is shown for the wallet.");
                }
            },
        },
    ];
}

/** Sell `product` to Member Ana and open the payment screen; with `balance`,
 *  check the wallet balance in the customer list and next to the customer. */
function payForMember(product, quantity, price, balance) {
    return [
        ProductScreen.addOrderline(product, quantity, price),
        ProductScreen.clickPartnerButton(),
        balance ? customerListBalanceIs("Member Ana", balance) : [],
        ProductScreen.clickCustomer("Member Ana"),
        balance ? selectedCustomerBalanceIs(balance) : [],
        ProductScreen.clickPayButton(),
    ].flat();
}

registry.category("web_tour.tours").add("CoopWalletPayTour", {
    steps: () =>
        [
            openRegister(),
            payForMember("Wallet Apples", "3", undefined, "50.00"),
            walletBalanceIs("50.00"),
            PaymentScreen.clickPaymentMethod("Wallet", true, { remaining: "0.00" }),
            noFollowUpWarning(),
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

/** Journey, back-office part: a cashier tops up Member Ana's wallet from her
 *  contact form and sees the new balance and history. */
registry.category("web_tour.tours").add("CoopWalletBackofficeTopupTour", {
    steps: () => [
        {
            content: "the wallet smart button shows the balance (50.00)",
            trigger: ".o_form_view .o-form-buttonbox button[name=action_coop_wallet_history]:contains('50.00')",
        },
        {
            content: "top up the wallet",
            trigger: ".o_form_view .o-form-buttonbox button[name=action_coop_wallet_topup]",
            run: "click",
        },
        {
            content: "amount: 50",
            trigger: ".modal .o_field_widget[name=amount] input",
            run: "edit 50",
        },
        {
            content: "confirm the top-up",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "the smart button shows the new balance (100.00)",
            trigger: "body:not(:has(.modal)) .o_form_view .o-form-buttonbox button[name=action_coop_wallet_history]:contains('100.00')",
            run: "click",
        },
        {
            content: "the history ends at the balance",
            trigger: ".o_list_view .o_data_row:first td[name=running_balance]:contains('100.00')",
        },
    ],
});

/** Journey, till part: Member Ana pays 90.00 of her 100.00 with the wallet. */
registry.category("web_tour.tours").add("CoopWalletJourneyTour", {
    steps: () =>
        [
            openRegister(),
            payForMember("Wallet Apples", "9", undefined, "100.00"),
            walletBalanceIs("100.00"),
            PaymentScreen.clickPaymentMethod("Wallet", true, { remaining: "0.00" }),
            noFollowUpWarning(),
            PaymentScreen.clickValidate(),
            ReceiptScreen.isShown(),
            receiptWalletBalanceIs("10.00"),
            ReceiptScreen.clickNextOrder(),
            ProductScreen.clickPartnerButton(),
            customerListBalanceIs("Member Ana", "10.00"),
            ProductScreen.clickCustomer("Member Ana"),
            selectedCustomerBalanceIs("10.00"),
        ].flat(),
});
