# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import BaseCase

from ..tools.mail_request import (
    REFERENCE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    classify_quality,
    clean_text,
    extract_expectations,
    is_auto_submitted,
    normalize_reference,
    pick_partner,
    split_attachments,
    split_subject,
    strip_reply_prefixes,
)
from ..tools.request_guard import is_frozen, write_refusal
from ..tools.stage import is_invoiced, is_ordered, request_stage


class TestMailRequestTools(BaseCase):
    def test_split_subject(self):
        cases = [
            # subject, reference, title
            (
                "2024-17 Laptop for the accounting",
                "2024-17",
                "Laptop for the accounting",
            ),
            ("PRJ42: new PCs for the school", "PRJ42", "new PCs for the school"),
            ("#123 - Disques durs", "123", "Disques durs"),
            ("Re: 2024-17 Laptop", "2024-17", "Laptop"),
            ("RE : TR: Fwd: 2024-17 Laptop", "2024-17", "Laptop"),
            ("Laptop 15 inches", "", "Laptop 15 inches"),
            ("Commande écrans", "", "Commande écrans"),
            ("S00042", "S00042", ""),
            ("", "", ""),
            (None, "", ""),
            ("   ", "", ""),
            ("Re: ", "", ""),
            # a token too long for a reference is part of the title
            ("A1" * 5000 + " Laptop", "", ("A1" * 5000)[:TITLE_MAX_LENGTH]),
            ("9" * REFERENCE_MAX_LENGTH, "9" * REFERENCE_MAX_LENGTH, ""),
            ("X" * 300, "", "X" * TITLE_MAX_LENGTH),
            # control characters never reach a reference or a title
            ("2024-18\x00\x07 Laptop\x1b[31m\r\n red", "2024-18", "Laptop [31m red"),
        ]
        for subject, reference, title in cases:
            with self.subTest(subject=subject):
                self.assertEqual(split_subject(subject), (reference, title))

    def test_clean_text(self):
        cases = [
            # text, max length, expected
            ("Laptop", 0, "Laptop"),
            (None, 0, ""),
            ("a\x00b\tc\r\nd\x7f\x85e", 0, "a b c d e"),
            ("  many   blanks ", 0, "many blanks"),
            ("abcdef", 3, "abc"),
        ]
        for text, max_length, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(clean_text(text, max_length), expected)

    def test_strip_reply_prefixes(self):
        cases = [
            ("Re: Re: hello", "hello"),
            ("AW: SV: hello", "hello"),
            ("Re[2]: hello", "hello"),
            ("Regarding hello", "Regarding hello"),
        ]
        for subject, expected in cases:
            with self.subTest(subject=subject):
                self.assertEqual(strip_reply_prefixes(subject), expected)

    def test_normalize_reference(self):
        cases = [("2024-17", "2024-17"), ("prj 42", "PRJ42"), ("", ""), (None, "")]
        for reference, expected in cases:
            with self.subTest(reference=reference):
                self.assertEqual(normalize_reference(reference), expected)

    def test_extract_expectations(self):
        cases = [
            (
                (
                    "Bonjour,\nJe souhaite un portable.\nDélai : 2 semaines\n"
                    "Qualité : occasion, bon état"
                ),
                "2 semaines",
                "occasion, bon état",
                "used",
            ),
            (
                "Hello\nExpected delay: end of March\nQuality: new",
                "end of March",
                "new",
                "new",
            ),
            (
                "Deadline - 15.04\nCondition: refurbished or new",
                "15.04",
                "refurbished or new",
                "any",
            ),
            ("Just a laptop please, thanks", "", "", ""),
            ("", "", "", ""),
            ("délai souhaité: dès que possible", "dès que possible", "", ""),
        ]
        for text, delay, quality, kind in cases:
            with self.subTest(text=text):
                self.assertEqual(
                    extract_expectations(text),
                    {"delay": delay, "quality": quality, "quality_kind": kind},
                )

    def test_classify_quality(self):
        cases = [
            ("occasion", "used"),
            ("reconditionné", "used"),
            ("neuf", "new"),
            ("renewed", ""),
            ("d'occasion ou neuf", "any"),
            ("", ""),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(classify_quality(text), expected)

    def test_is_auto_submitted(self):
        cases = [
            ({}, "marie@example.com", False),
            ({"auto-submitted": "no"}, "marie@example.com", False),
            ({"auto-submitted": "auto-replied"}, "marie@example.com", True),
            ({"auto-submitted": "auto-generated"}, "marie@example.com", True),
            ({"precedence": "bulk"}, "marie@example.com", True),
            ({"precedence": "auto_reply"}, "marie@example.com", True),
            ({"precedence": "list"}, "marie@example.com", True),
            ({"precedence": "first-class"}, "marie@example.com", False),
            ({"x-autoreply": "yes"}, "marie@example.com", True),
            ({"list-id": "<shop.lists.example.com>"}, "marie@example.com", True),
            ({"return-path": "<>"}, "marie@example.com", True),
            ({}, "MAILER-DAEMON@mx.example.com", True),
            ({}, "Mail Delivery <postmaster@example.com>", True),
            ({}, "no-reply@shop.example.com", True),
        ]
        for headers, email_from, expected in cases:
            with self.subTest(headers=headers, email_from=email_from):
                self.assertEqual(is_auto_submitted(headers, email_from), expected)

    def test_pick_partner(self):
        cases = [
            ([], False),
            ([{"id": 5}], 5),
            ([{"id": 5}, {"id": 3}], 3),
            ([{"id": 3}, {"id": 5, "is_member": True}], 5),
            ([{"id": 3, "to_verify": True}, {"id": 5}], 5),
            ([{"id": 3, "is_company": True}, {"id": 5}], 5),
            (
                [
                    {"id": 2, "is_company": True, "is_member": True},
                    {"id": 7, "is_member": True},
                ],
                7,
            ),
        ]
        for candidates, expected in cases:
            with self.subTest(candidates=candidates):
                self.assertEqual(pick_partner(candidates), expected)

    def test_split_attachments(self):
        cases = [
            ([10, 2000, 30], 1000, [0, 2], [1]),
            ([10, 2000], 0, [0, 1], []),
            ([1000], 1000, [0], []),
            ([], 1000, [], []),
        ]
        for sizes, limit, kept, refused in cases:
            with self.subTest(sizes=sizes, limit=limit):
                self.assertEqual(split_attachments(sizes, limit), (kept, refused))

    def test_request_stage(self):
        cases = [
            (("draft", False, False, False), "new"),
            (("sent", False, False, False), "quoted"),
            (("sale", False, False, False), "confirmed"),
            (("sale", True, False, False), "ordered"),
            (("sale", True, True, False), "arrived"),
            (("sale", True, True, True), "invoiced"),
            (("sale", False, False, True), "invoiced"),
            (("cancel", True, True, False), "cancelled"),
        ]
        for args, expected in cases:
            with self.subTest(args=args):
                self.assertEqual(request_stage(*args), expected)

    def test_is_ordered(self):
        cases = [
            # purchase states of the request's goods, ordered
            ([], False),
            (["draft"], False),
            (["sent", "to approve"], False),
            (["cancel"], False),
            (["purchase"], True),
            (["cancel", "done"], True),
            (["draft", "purchase"], True),
        ]
        for states, expected in cases:
            with self.subTest(states=states):
                self.assertEqual(is_ordered(states), expected)

    def test_is_invoiced(self):
        cases = [
            # (posted quantity, unit rounding) per line, invoiced
            ([], False),
            ([(0.0, 0.01)], False),
            ([(0.004, 0.01)], False),
            ([(0.006, 0.01)], True),
            ([(1.0, 1.0)], True),
            ([(0.4, 1.0)], False),
            ([(-1.0, 0.01), (0.0, 0.01)], False),
            ([(0.0, 0.01), (2.0, 0.01)], True),
            ([(1.0, 0.0)], True),
        ]
        for quantities, expected in cases:
            with self.subTest(quantities=quantities):
                self.assertEqual(is_invoiced(quantities), expected)

    def test_write_refusal(self):
        cases = [
            # fields, superuser, any frozen, expected
            ({"shop_ordered"}, False, False, "progress"),
            ({"shop_arrived", "note"}, False, True, "progress"),
            ({"shop_ack_state"}, False, False, "progress"),
            ({"shop_request_description"}, False, False, "progress"),
            ({"shop_invoiced"}, True, True, ""),
            ({"shop_request_title"}, False, True, "frozen"),
            ({"shop_request_title"}, True, True, "frozen"),
            ({"shop_request_quality_kind"}, False, False, ""),
            ({"note", "client_order_ref"}, False, True, ""),
            (set(), False, True, ""),
        ]
        for fields, superuser, frozen, expected in cases:
            with self.subTest(fields=fields, superuser=superuser, frozen=frozen):
                self.assertEqual(write_refusal(fields, superuser, frozen), expected)

    def test_is_frozen(self):
        cases = [
            ("draft", False, False),
            ("sent", False, False),
            ("sale", False, True),
            ("done", False, True),
            ("cancel", False, False),
            ("draft", True, True),
        ]
        for state, invoiced, expected in cases:
            with self.subTest(state=state, invoiced=invoiced):
                self.assertEqual(is_frozen(state, invoiced), expected)
