# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bounded integer system parameters (the sizes of the background jobs)."""

MAX_PARAM = 100000000


def bounded_param(env, param):
    """The integer system parameter ``(key, default, minimum)``, its default
    when unset or not a number, kept between its minimum and MAX_PARAM."""
    key, default, minimum = param
    value = env["ir.config_parameter"].sudo().get_param(key)
    try:
        number = int(value or default)
    except ValueError:
        number = default
    return min(max(number, minimum), MAX_PARAM)
