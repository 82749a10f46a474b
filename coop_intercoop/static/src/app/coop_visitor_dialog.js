/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, useState } from "@odoo/owl";
import { Dialog } from "@web/core/dialog/dialog";
import { _t } from "@web/core/l10n/translation";
import { usePos } from "@point_of_sale/app/store/pos_hook";

const FIELDS = ["lastname", "firstname", "email", "phone"];

export class CoopVisitorDialog extends Component {
    static template = "coop_intercoop.CoopVisitorDialog";
    static components = { Dialog };
    static props = { getPayload: Function, close: Function };

    setup() {
        this.pos = usePos();
        const formulas = this.formulas;
        this.state = useState({
            formulaId: formulas.length ? formulas[0].id : false,
            lastname: "",
            firstname: "",
            email: "",
            phone: "",
            error: "",
            busy: false,
        });
    }
    get formulas() {
        const byId = new Map();
        for (const formula of this.pos.models["coop.trial.formula"].getAll()) {
            byId.set(formula.id, formula);
        }
        return [...byId.values()];
    }
    get formula() {
        return this.pos.models["coop.trial.formula"].get(this.state.formulaId);
    }
    selectFormula(formula) {
        this.state.formulaId = formula.id;
        this.state.error = "";
    }
    isRequired(field) {
        return Boolean(this.formula && this.formula[`require_${field}`]);
    }
    get labels() {
        return {
            lastname: _t("Last name"),
            firstname: _t("First name"),
            email: _t("Email"),
            phone: _t("Phone"),
        };
    }
    missingFields() {
        return FIELDS.filter(
            (field) => this.isRequired(field) && !this.state[field].trim()
        ).map((field) => this.labels[field]);
    }
    async confirm() {
        if (!this.formula) {
            this.state.error = _t("Choose a trial formula.");
            return;
        }
        const missing = this.missingFields();
        if (missing.length) {
            this.state.error = _t("Required: %s", missing.join(", "));
            return;
        }
        this.state.busy = true;
        this.state.error = "";
        try {
            const values = {};
            for (const field of FIELDS) {
                values[field] = this.state[field].trim();
            }
            const result = await this.pos.data.call(
                "coop.trial.card",
                "pos_register_visitor",
                [this.formula.id, values]
            );
            this.props.getPayload(result);
            this.props.close();
        } catch (error) {
            this.state.error =
                error?.data?.message || error?.message || _t("The card could not be issued.");
        } finally {
            this.state.busy = false;
        }
    }
}
