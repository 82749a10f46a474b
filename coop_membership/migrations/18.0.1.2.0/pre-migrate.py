# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: a proxy's authentication is a method (signed form, confirmed
by the giver on the portal or from an emailed link) instead of a free text.

The free text is kept as the proxy's authentication notes; the method
starts as "not authenticated" (the new column's default): a text cannot
prove that the giver was authenticated, so a manager records the method
(or the giver confirms) for the proxies of assemblies still to come."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT column_name FROM information_schema.columns
         WHERE table_name = 'coop_assembly_proxy'
           AND column_name IN ('authentication', 'authentication_note')
        """
    )
    columns = {row[0] for row in cr.fetchall()}
    if "authentication" in columns and "authentication_note" not in columns:
        cr.execute(
            "ALTER TABLE coop_assembly_proxy "
            "RENAME COLUMN authentication TO authentication_note"
        )
