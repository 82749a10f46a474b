# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


def post_init_hook(env):
    """Create the share capital account of the companies having a chart."""
    env["res.company"].search([])._coop_membership_setup()
