/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, useEffect } from "@odoo/owl";
import { patch } from "@web/core/utils/patch";
import { usePos } from "@point_of_sale/app/store/pos_hook";
import { PosStore } from "@point_of_sale/app/store/pos_store";
import { ControlButtons } from "@point_of_sale/app/screens/product_screen/control_buttons/control_buttons";
import { makeAwaitable } from "@point_of_sale/app/store/make_awaitable_dialog";
import { CoopVisitorDialog } from "./coop_visitor_dialog";

patch(PosStore.prototype, {
    async setup() {
        this.coopIntercoopStatus = {};
        await super.setup(...arguments);
    },
    /** Ask the server for the intercoop status of a customer and apply it. */
    async coopFetchIntercoopStatus(partner) {
        if (!partner?.id) {
            return false;
        }
        let status;
        try {
            status = await this.data.call("res.partner", "coop_intercoop_pos_status", [
                partner.id,
            ]);
        } catch {
            // offline: keep what we know, the server counts the order at sync
            return this.coopIntercoopStatus[partner.id] || false;
        }
        this.coopIntercoopStatus[partner.id] = status;
        this.coopApplyIntercoopPricelist(status);
        return status;
    },
    coopApplyIntercoopPricelist(status) {
        const order = this.get_order();
        if (!order || !status || status.kind === "none" || !status.pricelist_id) {
            return;
        }
        if (order.get_partner()?.id !== status.partner_id) {
            return;
        }
        const benefit = this.models["product.pricelist"].get(status.pricelist_id);
        if (status.valid && benefit && order.pricelist_id?.id !== benefit.id) {
            order.set_pricelist(benefit);
        } else if (!status.valid && order.pricelist_id?.id === status.pricelist_id) {
            order.set_pricelist(this.config.pricelist_id);
        }
    },
    async coopRegisterVisitor() {
        const result = await makeAwaitable(this.dialog, CoopVisitorDialog, {});
        if (!result) {
            return false;
        }
        const [partner] = await this.data.read("res.partner", [result.partner_id]);
        const order = this.get_order();
        if (partner && order) {
            order.set_partner(partner);
            this.coopIntercoopStatus[partner.id] = result.status;
            this.coopApplyIntercoopPricelist(result.status);
        }
        return partner;
    },
});

export class CoopIntercoopStatus extends Component {
    static template = "coop_intercoop.CoopIntercoopStatus";
    static props = {};

    setup() {
        this.pos = usePos();
        useEffect(
            (partnerId) => {
                if (partnerId) {
                    this.pos.coopFetchIntercoopStatus(this.partner);
                }
            },
            () => [this.partner?.id]
        );
    }
    get partner() {
        return this.pos.get_order()?.get_partner();
    }
    get status() {
        const partner = this.partner;
        return partner ? this.pos.coopIntercoopStatus[partner.id] : false;
    }
    get hasStatus() {
        return this.status && this.status.kind !== "none";
    }
    /** The customer's shift duty as a member here (food cooperatives, 004). */
    get shiftDuty() {
        return this.status?.shift_duty || false;
    }
    get shiftDutyClass() {
        const classes = { up_to_date: "text-bg-success", late: "text-bg-danger" };
        return classes[this.shiftDuty.state] || "text-bg-secondary";
    }
    onClickRegister() {
        this.pos.coopRegisterVisitor();
    }
}

patch(ControlButtons, {
    components: { ...ControlButtons.components, CoopIntercoopStatus },
});
