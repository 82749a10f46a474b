# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Bounded integer system parameters (the sizes of the background jobs)."""

from odoo.exceptions import ValidationError

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


def set_bounded_params(env, values):
    """Save ``{(key, default, minimum): value}``, every value checked before
    any is saved (a ValidationError names the bounds of the first wrong one)."""
    for (_key, _default, minimum), value in values.items():
        if not minimum <= value <= MAX_PARAM:
            raise ValidationError(
                env._(
                    "This size goes from %(minimum)s to %(maximum)s: %(value)s.",
                    minimum=minimum,
                    maximum=MAX_PARAM,
                    value=value,
                )
            )
    Param = env["ir.config_parameter"].sudo()
    for (key, _default, _minimum), value in values.items():
        Param.set_param(key, str(value))
