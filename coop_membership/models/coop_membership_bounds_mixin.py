# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools import bounds


class CoopMembershipBoundsMixin(models.AbstractModel):
    """Refuse, with a clear error, numbers the database cannot hold (NaN,
    infinity, integers beyond the column range) and texts longer than their
    field's size, instead of failing in SQL or truncating silently.

    A model may also give its fields a range of their own: ``_coop_bounds()``
    maps a field name to its ``(minimum, maximum)``."""

    _name = "coop.membership.bounds.mixin"
    _description = "Cooperative Input Bounds"

    @api.model
    def _coop_bounds(self):
        return {}

    @api.model
    def _coop_check_bounds(self, vals):
        limits = self._coop_bounds()
        for fname in bounds.bad_fields(vals, limits):
            minimum, maximum = limits[fname]
            raise ValidationError(
                self.env._(
                    "%(field)s must be a number from %(minimum)s to %(maximum)s.",
                    field=self._fields[fname]._description_string(self.env),
                    minimum=minimum,
                    maximum=maximum,
                )
            )
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is False or value is None:
                continue
            if field.type == "integer" and (
                not bounds.is_finite(value) or abs(float(value)) > bounds.MAX_INT
            ):
                self._coop_raise_bounds(field)
            if field.type in ("float", "monetary") and not bounds.in_range(
                value, -bounds.MAX_AMOUNT, bounds.MAX_AMOUNT
            ):
                self._coop_raise_bounds(field)
            if field.type == "char" and bounds.text_too_long(value, field.size):
                raise ValidationError(
                    self.env._(
                        "%(field)s is limited to %(size)s characters.",
                        field=field._description_string(self.env),
                        size=field.size,
                    )
                )

    @api.model
    def _coop_raise_bounds(self, field):
        raise ValidationError(
            self.env._(
                "%s must be a finite number within the allowed range.",
                field._description_string(self.env),
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._coop_check_bounds(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._coop_check_bounds(vals)
        return super().write(vals)
