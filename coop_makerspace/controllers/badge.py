# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The badge readers' endpoint (003 §8.2): a reader sends a member's badge
number and the equipment; the answer says whether the member may use it.

Authenticated by the reader's key in the ``X-Coop-Device-Key`` header. Every
answered check is logged; a refused request (unknown key, malformed input)
writes nothing and is answered with a 4xx status."""

import json
import logging

from odoo import http
from odoo.http import request

from ..models.coop_membership_badge import BADGE_SIZE

_logger = logging.getLogger(__name__)

KEY_HEADER = "X-Coop-Device-Key"
MAX_BODY = 4096
MAX_ID = 2**31 - 1


class BadRequest(Exception):
    """A parameter the endpoint refuses, with its HTTP status."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def _refuse_constant(name):
    raise ValueError(f"{name} is not a number")


def parse_body(raw):
    """The JSON object of the request's body, or BadRequest."""
    if len(raw) > MAX_BODY:
        raise BadRequest("request body too large", 413)
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequest("the body is not valid JSON") from exc
    if not isinstance(data, dict):
        raise BadRequest("the body is not a JSON object")
    # a JSON-RPC client sends its parameters in "params"
    params = data.get("params", data)
    if not isinstance(params, dict):
        raise BadRequest("params is not a JSON object")
    return params


def parse_badge(value):
    if not isinstance(value, str) or not value.strip():
        raise BadRequest("badge is required, as text")
    if len(value) > BADGE_SIZE or not value.isprintable():
        raise BadRequest(f"badge is printable text of at most {BADGE_SIZE} characters")
    return value.strip()


def parse_equipment(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        raise BadRequest("equipment is the id of an equipment (a positive integer)")
    return value


class CoopMakerspaceBadge(http.Controller):
    @http.route(
        "/coop_makerspace/badge/check",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def badge_check(self, **_kw):
        env = request.env(su=True)
        device = env["coop.makerspace.badge.device"]._coop_find_by_key(
            request.httprequest.headers.get(KEY_HEADER)
        )
        if not device:
            return self._error("unknown or missing device key", 401)
        try:
            params = parse_body(request.httprequest.get_data(cache=False))
            badge = parse_badge(params.get("badge"))
            equipment = self._equipment(
                device, parse_equipment(params.get("equipment"))
            )
        except BadRequest as exc:
            return self._error(str(exc), exc.status)
        lang = device.company_id.partner_id.lang
        device = device.with_context(lang=lang) if lang else device
        result = device._coop_badge_check(badge, equipment)
        return request.make_json_response(result)

    def _equipment(self, device, equipment_id):
        """The equipment checked: the one of the reader, or the one asked
        for among the reader's company's."""
        if equipment_id is None:
            if not device.equipment_id:
                raise BadRequest("equipment is required for this reader")
            return device.equipment_id
        if device.equipment_id and device.equipment_id.id != equipment_id:
            raise BadRequest("this reader is not at that equipment", 403)
        equipment = device.env["maintenance.equipment"].browse(equipment_id).exists()
        if not equipment or equipment.company_id not in (
            device.company_id,
            device.env["res.company"],
        ):
            raise BadRequest("unknown equipment", 404)
        return equipment

    def _error(self, message, status):
        _logger.info("badge check refused (%s): %s", status, message)
        return request.make_json_response({"error": message}, status=status)
