/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/** Amount a member may still spend: balance minus minimum, never negative. */
export function walletAvailable(balance, minimum, alreadyUsed = 0) {
    const available = (balance || 0) - (minimum || 0) - (alreadyUsed || 0);
    return Math.max(Math.round(available * 100) / 100, 0);
}

/** Wallet payments made on this till while offline, per partner id. */
export const offlineSpent = {};
