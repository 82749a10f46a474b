/** @odoo-module */
// Copyright 2026 Coop Addons Contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// An Electrolab remote assembly on the portal: Alice votes for herself and
// for Bob, whose proxy she holds, with the one-time code of her email; once
// the vote is closed she reads the published results.

import { registry } from "@web/core/registry";

function choose(voter, item, choice) {
    return {
        content: `${voter}: ${choice} on ${item}`,
        trigger: `.o_coop_ballot[data-voter='${voter}'] .o_coop_ballot_item[data-item='${item}'] input[data-choice='${choice}']`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("coop_membership_remote_assembly", {
    steps: () => [
        {
            content: "Bob's proxy is shown as held",
            trigger: ".o_coop_proxies:contains('You hold the proxy of')",
        },
        {
            content: "her own ballot and Bob's",
            trigger: ".o_coop_ballot[data-voter='Bob Banana']:contains('(proxy)')",
        },
        choose("Alice Apple", "Approve the accounts", "For"),
        choose("Alice Apple", "Elect the board", "Ada"),
        choose("Alice Apple", "Elect the board", "Bob"),
        choose("Bob Banana", "Approve the accounts", "For"),
        choose("Bob Banana", "Elect the board", "Ada"),
        {
            content: "the code received by email",
            trigger: "input[name=code]",
            run: "edit KTQ7M-XP4WZ",
        },
        {
            trigger: ".o_coop_submit_vote",
            run: "click",
        },
        {
            content: "counted",
            trigger: ".o_coop_voted_ok",
        },
        {
            content: "nothing left to vote",
            trigger: ".o_coop_has_voted",
        },
    ],
});

registry.category("web_tour.tours").add("coop_membership_remote_assembly_results", {
    steps: () => [
        {
            content: "the motion is adopted",
            trigger: ".o_coop_results .o_coop_result_item:contains('Approve the accounts') .o_coop_result:contains('Adopted')",
        },
        {
            content: "Ada is elected",
            trigger: ".o_coop_results tr:contains('Ada'):contains('Elected')",
        },
        {
            content: "the minutes as a PDF",
            trigger: "a.o_coop_results_pdf",
        },
    ],
});
