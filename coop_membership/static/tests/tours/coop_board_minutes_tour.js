/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// A member reads the minutes of the board's last meeting on the portal.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("coop_board_minutes", {
    url: "/my",
    steps: () => [
        {
            content: "open the board minutes from the portal home",
            trigger: "a[href='/my/board']",
            run: "click",
        },
        {
            content: "the held meeting is listed, the convened one is not",
            trigger:
                ".o_coop_board_meetings:not(:contains('July board meeting')) " +
                "a:contains('June board meeting')",
            run: "click",
        },
        {
            content: "its minutes are shown",
            trigger: ".o_coop_board_minutes:contains('PUBLISHED-MINUTES')",
        },
    ],
});
