# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import email_normalize, html2plaintext

from ..tools.mail_request import (
    REFERENCE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    extract_expectations,
    normalize_reference,
    split_subject,
)
from ..tools.request_guard import is_frozen, write_refusal
from ..tools.stage import STAGES, request_stage


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ("sale.order", "coop.shop.order.mail.mixin")

    shop_is_email_request = fields.Boolean(
        string="Requested by email", readonly=True, copy=False, index=True
    )
    shop_request_title = fields.Char(
        string="Request title", copy=False, size=TITLE_MAX_LENGTH
    )
    shop_request_description = fields.Html(
        string="Original request", readonly=True, copy=False, sanitize=True
    )
    shop_request_email_from = fields.Char(string="Requested by", readonly=True)
    shop_request_date = fields.Datetime(
        string="Request date", readonly=True, copy=False
    )
    shop_request_deadline = fields.Date(
        string="Answer due",
        copy=False,
        help="The shop answers requests within the delay set in the settings.",
    )
    shop_request_delay = fields.Char(string="Expected delay", copy=False, size=120)
    shop_request_quality = fields.Char(string="Expected quality", copy=False, size=120)
    shop_request_quality_kind = fields.Selection(
        [("used", "Used / refurbished"), ("new", "New"), ("any", "Used or new")],
        string="Quality",
        copy=False,
    )
    shop_request_ref_key = fields.Char(
        string="Request Reference Key",
        compute="_compute_shop_request_ref_key",
        store=True,
        index=True,
        size=REFERENCE_MAX_LENGTH,
    )
    shop_ack_state = fields.Selection(
        [
            ("pending", "To send"),
            ("sent", "Sent"),
            ("skipped", "Not sent (automatic email)"),
            ("failed", "Not sent (template error)"),
        ],
        string="Acknowledgement",
        readonly=True,
        copy=False,
    )
    shop_ordered = fields.Boolean(
        string="Ordered from suppliers", copy=False, readonly=True
    )
    shop_arrived = fields.Boolean(string="Goods arrived", copy=False, readonly=True)
    shop_invoiced = fields.Boolean(string="Invoice sent", copy=False, readonly=True)
    shop_stage = fields.Selection(
        STAGES,
        string="Request stage",
        compute="_compute_shop_stage",
        store=True,
        group_expand="_group_expand_shop_stage",
    )
    shop_request_age = fields.Integer(
        string="Age (days)", compute="_compute_shop_request_age"
    )
    shop_arrival_ids = fields.One2many(
        "coop.shop.order.arrival", "order_id", string="Arrival Notices"
    )

    @api.model
    def _group_expand_shop_stage(self, stages, domain):
        return [key for key, _label in STAGES]

    @api.depends("client_order_ref")
    def _compute_shop_request_ref_key(self):
        for order in self:
            order.shop_request_ref_key = (
                normalize_reference(order.client_order_ref) or False
            )

    @api.depends("state", "shop_ordered", "shop_arrived", "shop_invoiced")
    def _compute_shop_stage(self):
        for order in self:
            order.shop_stage = request_stage(
                order.state, order.shop_ordered, order.shop_arrived, order.shop_invoiced
            )

    @api.depends("shop_request_date", "date_order")
    def _compute_shop_request_age(self):
        now = fields.Datetime.now()
        for order in self:
            start = order.shop_request_date or order.date_order or now
            order.shop_request_age = (now - start).days

    def _shop_mail_company(self):
        return self.company_id or self.env.company

    def write(self, vals):
        self._shop_check_write(vals)
        return super().write(vals)

    def _shop_check_write(self, vals):
        frozen = self.filtered(lambda o: is_frozen(o.state, o.shop_invoiced))
        refusal = write_refusal(vals, self.env.su, bool(frozen))
        if refusal == "progress":
            raise UserError(
                self.env._(
                    "The original request, its acknowledgement and its progress "
                    "(ordered, arrived, invoiced) are set by the order email, the "
                    "purchase, the receipt and the invoice: they cannot be "
                    "changed by hand."
                )
            )
        if refusal == "frozen":
            raise UserError(
                self.env._(
                    "The request of a confirmed quotation cannot be changed: %s.",
                    ", ".join(frozen.mapped("name")),
                )
            )

    @api.model
    def _shop_find_request(self, partner, reference, company):
        key = normalize_reference(reference)
        if not key or not partner:
            return self.browse()
        return self.search(
            [
                ("shop_request_ref_key", "=", key),
                ("shop_is_email_request", "=", True),
                ("company_id", "=", company.id),
                (
                    "partner_id.commercial_partner_id",
                    "=",
                    partner.commercial_partner_id.id,
                ),
                ("state", "!=", "cancel"),
            ],
            order="id desc",
            limit=1,
        )

    @api.model
    def _shop_request_defaults(self, company, user):
        """Sales team and warehouse of the requests of a company's shop
        responsible, computed as the quotation would, cached for the
        transaction (the gateway processes a batch of emails in a row)."""
        cache = self.env.cr.cache.setdefault("coop_shop_orders.request_defaults", {})
        key = (company.id, user.id)
        if key not in cache:
            probe = self.with_company(company).new(
                {"company_id": company.id, "user_id": user.id}
            )
            cache[key] = {
                fname: probe[fname].id
                for fname in ("team_id", "warehouse_id")
                if fname in self._fields and probe[fname]
            }
        return dict(cache[key])

    @api.model
    def _shop_create_request(
        self, company, partner, subject, body, email_from, date, ack="pending"
    ):
        """Create the draft quotation of an order request."""
        reference, title = split_subject(subject)
        text = html2plaintext(body or "").strip()
        expectations = extract_expectations(text)
        date = fields.Datetime.to_datetime(date) or fields.Datetime.now()
        answer_days = company.shop_order_answer_days
        values = {
            "partner_id": partner.id,
            "company_id": company.id,
            "client_order_ref": reference or False,
            "shop_is_email_request": True,
            "shop_request_title": title
            or self.with_company(company)._shop_staff_env()._("(no subject)"),
            "shop_request_description": body if text else False,
            "shop_request_email_from": email_from,
            "shop_request_date": date,
            "shop_request_deadline": (date + timedelta(days=answer_days)).date(),
            "shop_request_delay": expectations["delay"] or False,
            "shop_request_quality": expectations["quality"] or False,
            "shop_request_quality_kind": expectations["quality_kind"] or False,
            "shop_ack_state": ack,
        }
        if company.shop_order_user_id:
            values["user_id"] = company.shop_order_user_id.id
        # team and warehouse are the same for every request of a batch: look
        # them up once instead of once per email
        values.update(
            self._shop_request_defaults(
                company, company.shop_order_user_id or self.env.user
            )
        )
        if not reference:
            # the quotation number becomes the reference
            values["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                "sale.order", sequence_date=date
            ) or self.env._("New")
            values["client_order_ref"] = values["name"]
        # the responsible follows the request and gets the activity below: no
        # "you have been assigned" email for each request
        order = (
            self.with_company(company)
            .with_context(mail_auto_subscribe_no_notify=True)
            .create(values)
        )
        # the activity shows in the responsible's activities: no assignment email
        order.with_context(mail_activity_quick_update=True).activity_schedule(
            "coop_shop_orders.mail_activity_type_prepare_quote",
            date_deadline=values["shop_request_deadline"],
            summary=values["shop_request_title"],
            user_id=(company.shop_order_user_id or order.user_id or self.env.user).id,
        )
        return order

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An email to the order alias: a draft quotation (or the existing one
        with the same reference), or a log entry when it cannot be one."""
        if not self.env.is_system():
            raise AccessError(
                self.env._("Only the mail gateway may deliver order emails.")
            )
        values = dict(custom_values or {})
        company = (
            self.env["res.company"].browse(values["company_id"])
            if values.get("company_id")
            else self.env.company
        )
        auto = bool(self.env.context.get("shop_order_auto_submitted"))
        email = email_normalize(msg_dict.get("email_from") or "")
        subject = msg_dict.get("subject") or ""
        reference, _title = split_subject(subject)
        partner = self.env["res.partner"]._shop_find_customer(email, company)
        if reference and partner:
            existing = self._shop_find_request(partner, reference, company)
            if existing:
                return existing
        Log = self.env["coop.shop.order.mail.log"].sudo()
        log_values = {
            "name": subject or "-",
            "email_from": msg_dict.get("email_from"),
            "company_id": company.id,
            "partner_id": partner.id,
        }
        if auto or not email:
            return Log._shop_create_from_email(dict(log_values, kind="auto"))
        if not partner:
            if company.shop_order_sender_policy != "anyone":
                log = Log._shop_create_from_email(
                    dict(log_values, kind="unknown_sender")
                )
                log._shop_send_how_to_order()
                return log
            partner = self.env["res.partner"]._shop_create_contact(
                msg_dict.get("email_from")
            )
        return self._shop_create_request(
            company,
            partner,
            subject,
            msg_dict.get("body") or "",
            msg_dict.get("email_from"),
            msg_dict.get("date"),
        )

    def message_update(self, msg_dict, update_vals=None):
        self.check_access("write")
        res = super().message_update(msg_dict, update_vals=update_vals)
        for order in self.filtered(
            lambda o: o.shop_is_email_request and o.state == "cancel"
        ):
            order._shop_todo(
                order._shop_staff_env()._("Reply received on a cancelled quotation")
            )
        return res

    def message_post(self, **kwargs):
        refused = self._shop_gateway_filter_post_kwargs(kwargs)
        message = super().message_post(**kwargs)
        self._shop_post_refused_note(refused)
        if (
            self.env.context.get("from_alias")
            and self.env.is_system()
            and len(self) == 1
            and self.shop_ack_state == "pending"
        ):
            self._shop_send_acknowledgement()
        return message

    def _shop_todo(self, summary, note=None):
        """A to-do for the shop's responsible (else the salesperson)."""
        for order in self:
            order.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=summary,
                note=note,
                user_id=(
                    order.company_id.shop_order_user_id
                    or order.user_id
                    or self.env.user
                ).id,
            )

    def _shop_refresh_arrived(self):
        for order in self.filtered("shop_is_email_request"):
            moves = order.order_line.move_ids.filtered(
                lambda m: (
                    m.state != "cancel"
                    and m.picking_code == "outgoing"
                    and m.product_id.type == "consu"
                )
            )
            order.sudo().shop_arrived = bool(moves) and all(
                m.state in ("assigned", "done") for m in moves
            )

    def action_shop_open_request_log(self):
        self.env["coop.shop.order.mail.log"].check_access("read")
        return self.env["ir.actions.act_window"]._for_xml_id(
            "coop_shop_orders.coop_shop_order_mail_log_action"
        )
