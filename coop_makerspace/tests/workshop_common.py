# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Electrolab's workshop on a Thursday evening (003 §8–9): a drill press
(yellow), a laser cutter (red), an unlabelled lathe (the association's,
green), a member's oscilloscope and the association's CNC mill (blue); Camille
trained by the board on the drill press and on the laser cutters' category."""

from datetime import date, datetime

from odoo.tests import new_test_user

from odoo.addons.coop_membership.tests.board_common import BoardMixin
from odoo.addons.coop_membership.tests.common import CoopCommon, CoopHttpCommon

THURSDAY = datetime(2026, 3, 12, 19, 30)
TRAINED_ON = date(2026, 2, 5)
USER = "base.group_user,coop_makerspace.group_coop_makerspace_user"
MANAGER = "base.group_user,coop_makerspace.group_coop_makerspace_manager"


class WorkshopMixin(BoardMixin):
    COUNTED_WORKSHOP = (
        "coop.makerspace.qualification",
        "coop.makerspace.badge.log",
        "maintenance.request",
        "mail.activity",
    )

    @classmethod
    def _setup_workshop(cls):
        cls.env.user.groups_id |= cls.env.ref(
            "coop_makerspace.group_coop_makerspace_manager"
        )
        cls._setup_board()
        cls.board_member = cls.members["President"]
        ref = cls.env.ref
        cls.green = ref("coop_makerspace.access_level_green")
        cls.yellow = ref("coop_makerspace.access_level_yellow")
        cls.red = ref("coop_makerspace.access_level_red")
        cls.blue = ref("coop_makerspace.access_level_blue")
        users = {
            "company_id": cls.company.id,
            "company_ids": [(6, 0, cls.company.ids)],
        }
        cls.workshop_user = new_test_user(
            cls.env, "ws_user", USER, name="Workshop User", **users
        )
        cls.board_user = new_test_user(
            cls.env, "ws_board", MANAGER, name="Board User", **users
        )
        cls.camille = cls._member("Camille", cls.cat_elab, "active")
        cls.hugo = cls._member("Hugo", cls.cat_elab, "active")
        cls._setup_equipment()
        cls._setup_qualifications()

    @classmethod
    def _setup_equipment(cls):
        """The drill press (yellow), the laser cutter (red), the lathe
        (unlabelled: green), Hugo's oscilloscope and a CNC mill (blue)."""
        Category = cls.env["maintenance.equipment.category"]
        cls.lasers = Category.create({"name": "Laser cutters"})
        Equipment = cls.env["maintenance.equipment"]
        cls.drill_press = Equipment.create(
            {"name": "Drill Press", "coop_access_level_id": cls.yellow.id}
        )
        cls.laser = Equipment.create(
            {
                "name": "Laser Cutter",
                "category_id": cls.lasers.id,
                "coop_access_level_id": cls.red.id,
            }
        )
        cls.lathe = Equipment.create({"name": "Lathe"})
        cls.oscilloscope = Equipment.create(
            {
                "name": "Hugo's Oscilloscope",
                "coop_owner_id": cls.hugo.partner_id.id,
                "coop_access_level_id": cls.blue.id,
            }
        )
        cls.cnc = Equipment.create(
            {"name": "CNC Mill", "coop_access_level_id": cls.blue.id}
        )

    @classmethod
    def _setup_qualifications(cls):
        """Camille is qualified on the drill press (trained by the
        president), the laser cutters, the oscilloscope and the CNC mill."""
        Qualification = cls.env["coop.makerspace.qualification"]
        cls.qualification_drill = Qualification.create(
            {
                "membership_id": cls.camille.id,
                "equipment_id": cls.drill_press.id,
                "decision_date": TRAINED_ON,
                "trainer_id": cls.board_member.partner_id.id,
            }
        )
        Qualification.create(
            [
                {
                    "membership_id": cls.camille.id,
                    "category_id": cls.lasers.id,
                    "decision_date": TRAINED_ON,
                },
                {
                    "membership_id": cls.camille.id,
                    "equipment_id": cls.oscilloscope.id,
                    "decision_date": TRAINED_ON,
                },
                {
                    "membership_id": cls.camille.id,
                    "equipment_id": cls.cnc.id,
                    "decision_date": TRAINED_ON,
                },
            ]
        )

    def _workshop_counts(self):
        return {
            model: self.env[model].sudo().search_count([])
            for model in self.COUNTED_WORKSHOP
        }

    def _may(self, membership, equipment, **kwargs):
        kwargs.setdefault("at", THURSDAY)
        return equipment._coop_check_access(
            membership.partner_id, with_code=True, **kwargs
        )


class WorkshopCommon(WorkshopMixin, CoopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_workshop()


class WorkshopHttpCommon(WorkshopMixin, CoopHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_workshop()
