# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import admission as admission_rules


class CoopMembership(models.Model):
    """Admission of candidates and passive/active status changes."""

    _inherit = "coop.membership"  # pylint: disable=consider-merging-classes-inherited

    def _check_admission(self, day):
        """Category conditions on the candidate: natural person, minimum age."""
        self.ensure_one()
        category = self.category_id
        name = self.partner_id.display_name
        if category.natural_persons_only and self.partner_id.is_company:
            raise ValidationError(
                self.env._(
                    "%(member)s is an organisation: the category %(category)s "
                    "admits natural persons only.",
                    member=name,
                    category=category.name,
                )
            )
        if not category.min_age:
            return
        if not self.birthdate:
            raise ValidationError(
                self.env._(
                    "Set the birth date of %(member)s: the category %(category)s "
                    "requires members aged %(age)s or more.",
                    member=name,
                    category=category.name,
                    age=category.min_age,
                )
            )
        if not admission_rules.is_old_enough(self.birthdate, day, category.min_age):
            raise ValidationError(
                self.env._(
                    "%(member)s is %(years)s years old: the category %(category)s "
                    "requires members aged %(age)s or more.",
                    member=name,
                    years=admission_rules.age_on(self.birthdate, day),
                    category=category.name,
                    age=category.min_age,
                )
            )

    def _check_status_change(self):
        """Status buttons are for cooperative managers of the member's company."""
        self._check_manager()
        self.check_access("write")

    def action_activate(self):
        self._check_status_change()
        today = fields.Date.context_today(self)
        for member in self:
            if member.state != "candidate":
                raise UserError(self.env._("Only candidates can be admitted."))
            member._check_admission(today)
            if member.shares_subscribed < member.min_shares:
                raise UserError(
                    self.env._(
                        "%(member)s must subscribe at least %(minimum)s share(s) "
                        "(%(count)s subscribed).",
                        member=member.partner_id.display_name,
                        minimum=member.min_shares,
                        count=member.shares_subscribed,
                    )
                )
        self.write({"state": "active"})
        return True

    def action_set_passive(self):
        self._check_status_change()
        if any(m.state != "active" for m in self):
            raise UserError(self.env._("Only active members can become passive."))
        self.write({"state": "passive"})
        return True

    def action_set_active(self):
        self._check_status_change()
        if any(m.state != "passive" for m in self):
            raise UserError(self.env._("Only passive members can be reactivated."))
        self.write({"state": "active"})
        return True
