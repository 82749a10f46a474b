# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Admission rules (pure functions, no ORM)."""


def age_on(birthdate, day):
    """Age in whole years on ``day`` of a person born on ``birthdate``."""
    years = day.year - birthdate.year
    if (day.month, day.day) < (birthdate.month, birthdate.day):
        years -= 1
    return years


def is_old_enough(birthdate, day, min_age):
    """True when there is no minimum age, or the person is ``min_age`` on ``day``."""
    if not min_age:
        return True
    if not birthdate:
        return False
    return age_on(birthdate, day) >= min_age
