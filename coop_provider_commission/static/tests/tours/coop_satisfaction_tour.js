/* Copyright 2026 Coop Addons Contributors
   License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A mediator reads its clients' ratings and assesses its semester on the
// portal. The data comes from the Python test (TestSatisfactionTour).
registry.category("web_tour.tours").add("coop_satisfaction_self_assessment", {
    url: "/my/commissions/satisfaction",
    steps: () => [
        {
            content: "The client's rating is listed",
            trigger: ".o_coop_client_ratings td:contains('Online at once')",
        },
        {
            content: "Choose 4 of 5",
            trigger: ".o_coop_assessment_form select[name=score]",
            run: "selectByIndex 3",
        },
        {
            content: "Comment",
            trigger: ".o_coop_assessment_form textarea[name=comment]",
            run: "edit One client asked for a training",
        },
        {
            content: "Save",
            trigger: ".o_coop_assessment_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The self-assessment is saved",
            trigger: ".o_coop_satisfaction_saved",
        },
    ],
});
