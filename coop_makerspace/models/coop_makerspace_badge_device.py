# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import binascii
import os

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.base.models.res_users import INDEX_SIZE, KEY_CRYPT_CONTEXT

MANAGER = "coop_makerspace.group_coop_makerspace_manager"
KEY_BYTES = 20
# a key is hexadecimal: twice its bytes
KEY_SIZE = 2 * KEY_BYTES


class CoopMakerspaceBadgeDevice(models.Model):
    """An RFID badge reader at a device (003 §8.2). It authenticates with a
    key generated once and shown once; only its hash is stored, as Odoo
    stores users' API keys (an index of the first characters and a
    pbkdf2-sha512 hash)."""

    _name = "coop.makerspace.badge.device"
    _description = "Badge Reader"
    _order = "name, id"
    _check_company_auto = True

    name = fields.Char(required=True, size=128)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    equipment_id = fields.Many2one(
        "maintenance.equipment",
        check_company=True,
        help="The equipment this reader unlocks. Empty: the reader asks for "
        "any equipment of the company (e.g. a reader at the workshop's door "
        "or a shared cabinet).",
    )
    location = fields.Char(size=128)
    key_index = fields.Char(
        size=INDEX_SIZE,
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_system",
    )
    key_hash = fields.Char(readonly=True, copy=False, groups="base.group_system")
    key_set = fields.Boolean(
        string="Key Generated", compute="_compute_key_set", compute_sudo=True
    )
    log_ids = fields.One2many("coop.makerspace.badge.log", "device_id")

    @api.depends("key_hash")
    def _compute_key_set(self):
        for device in self:
            device.key_set = bool(device.key_hash)

    def action_generate_key(self):
        """Generate a new key (the previous one stops working) and show it
        once, in a dialog."""
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the board manages badge readers."))
        self.check_access("write")
        key = binascii.hexlify(os.urandom(KEY_BYTES)).decode()
        self.sudo().write(
            {"key_index": key[:INDEX_SIZE], "key_hash": KEY_CRYPT_CONTEXT.hash(key)}
        )
        # shown in an unsaved dialog, as Odoo shows a new API key: the key
        # itself is never stored
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Badge Reader Key"),
            "res_model": "coop.makerspace.badge.device.key",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_device_id": self.id, "default_key": key},
        }

    @api.model
    def _coop_find_by_key(self, key):
        """The active device whose key is ``key`` (empty when none)."""
        if not isinstance(key, str) or len(key) != KEY_SIZE:
            return self.browse()
        devices = (
            self.sudo()
            .with_context(active_test=True)
            .search([("key_index", "=", key[:INDEX_SIZE])])
        )
        for device in devices:
            if device.key_hash and KEY_CRYPT_CONTEXT.verify(key, device.key_hash):
                return device
        return self.browse()

    def _coop_badge_check(self, badge_number, equipment):
        """Answer a reader (as superuser, the reader being authenticated):
        ``{"allowed", "reason", "reason_code"}``, and log the answer."""
        self.ensure_one()
        membership = (
            self.env["coop.membership"]
            .sudo()
            .search(
                [
                    ("coop_badge_number", "=", badge_number),
                    ("company_id", "=", self.company_id.id),
                ],
                limit=1,
            )
        )
        partner = membership.partner_id
        if partner:
            allowed, code = equipment._coop_check_access(partner, with_code=True)
            reason = equipment._coop_reason_text(code)
        else:
            allowed, code = False, "unknown_badge"
            reason = self.env._("unknown badge")
        self.env["coop.makerspace.badge.log"].sudo().create(
            self._prepare_badge_log_vals(
                badge_number, partner, equipment, allowed, code, reason
            )
        )
        return {"allowed": allowed, "reason": reason, "reason_code": code}

    def _prepare_badge_log_vals(
        self, badge_number, partner, equipment, allowed, code, reason
    ):
        self.ensure_one()
        return {
            "device_id": self.id,
            "badge_number": badge_number,
            "partner_id": partner.id,
            "equipment_id": equipment.id,
            "allowed": allowed,
            "reason_code": code,
            "reason": reason,
        }
