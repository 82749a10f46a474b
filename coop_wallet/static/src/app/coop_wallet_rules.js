/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { roundDecimals } from "@web/core/utils/numbers";

/** Amount a member may still spend: balance minus minimum, never negative,
 *  rounded to the `decimals` of the wallet's currency. */
export function walletAvailable(balance, minimum, decimals, alreadyUsed = 0) {
    const available = (balance || 0) - (minimum || 0) - (alreadyUsed || 0);
    return Math.max(roundDecimals(available, decimals), 0);
}

/** Wallet payments made on this till while offline, per partner id. */
export const offlineSpent = {};
