# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: up to 18.0.1.0.0 the contacts of every member organisation
got its benefits; now a category says so. Existing categories keep passing
them on: nothing changes for an upgraded database until a manager unticks
"Contacts Inherit Benefits" on the categories that should not (itopie:
every category but beneficiary).

Prepaid periods now count when their invoice is paid; the prepayments posted
before were counted when posted: they are marked counted."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("UPDATE coop_member_category SET benefits_to_contacts = TRUE")
    cr.execute(
        "UPDATE account_move SET coop_prepaid_counted = TRUE "
        "WHERE coop_move_kind = 'prepaid'"
    )
