# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Electrolab's board (coop_membership's test board: 8 members seated on
1 January 2026), the premises' rules (003 §8.1-8.2), keys and members."""

from datetime import date, datetime

from odoo.tests import new_test_user

from odoo.addons.coop_membership.tests.board_common import (
    BoardCommon,
    BoardHttpCommon,
)

USER = "base.group_user,coop_makerspace.group_coop_makerspace_user"
MANAGER = "base.group_user,coop_makerspace.group_coop_makerspace_manager"
# a Thursday evening in March 2026
OPENING_START = datetime(2026, 3, 12, 17, 0)
OPENING_END = datetime(2026, 3, 12, 22, 0)


class KeysMixin:
    COUNTED_KEYS = (
        "coop.makerspace.key",
        "coop.makerspace.key.issue",
        "coop.makerspace.opening",
        "coop.makerspace.opening.attendance",
        "account.move",
    )

    @classmethod
    def _setup_keys(cls):
        cls.env.user.groups_id |= cls.env.ref(
            "coop_makerspace.group_coop_makerspace_manager"
        )
        cls.company.write(
            {
                "coop_key_fee_amount": 30.0,
                "coop_opening_official_min_board": 2,
                "coop_opening_unofficial_min_board": 1,
                "coop_opening_unofficial_max_members": 5,
            }
        )
        users = {
            "company_id": cls.company.id,
            "company_ids": [(6, 0, cls.company.ids)],
        }
        cls.maker_user = new_test_user(
            cls.env, "maker_user", USER, name="Workshop User", **users
        )
        cls.maker_manager = new_test_user(
            cls.env, "maker_manager", MANAGER, name="Bureau Manager", **users
        )
        cls.plain_members = [
            cls._member(f"Member {index}", cls.cat_elab, "active")
            for index in range(1, 8)
        ]
        cls.Key = cls.env["coop.makerspace.key"].with_user(cls.maker_manager)

    def _key(self, name="SET-01", kind="key_set", **vals):
        return self.Key.create(dict(vals, name=name, kind=kind))

    def _issue(self, key, partner, day=date(2026, 1, 5)):
        return (
            self.env["coop.makerspace.key.issue"]
            .with_user(self.maker_manager)
            .create(
                {"key_id": key.id, "holder_partner_id": partner.id, "date_issued": day}
            )
        )

    def _opening(self, kind, planned, name="Opening"):
        """An opening of ``kind`` with ``planned`` partners on its attendance,
        as the bureau."""
        return (
            self.env["coop.makerspace.opening"]
            .with_user(self.maker_manager)
            .create(
                {
                    "name": name,
                    "kind": kind,
                    "date_start": OPENING_START,
                    "date_end": OPENING_END,
                    "attendance_ids": [
                        (0, 0, {"partner_id": partner.id}) for partner in planned
                    ],
                }
            )
        )

    def _board(self, *names):
        return [self.members[name].partner_id for name in names]

    def _counts_keys(self):
        return {
            model: self.env[model].sudo().search_count([])
            for model in self.COUNTED_KEYS
        }


class KeysCommon(KeysMixin, BoardCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_keys()


class KeysHttpCommon(KeysMixin, BoardHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_keys()
