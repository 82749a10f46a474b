# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pure helpers to read an order request email (no ORM inside).

Every function takes plain values and returns plain values so that the rules
can be tested with tables of cases.
"""

import re

# "Re:", "RE :", "Fwd:", "TR:", "AW:", "Réf:"-like reply/forward prefixes
_PREFIX_RE = re.compile(
    r"^\s*(?:re|fw|fwd|tr|aw|wg|rif|sv|vs|antw|réf|ref)\s*(?:\[\d+\])?\s*:\s*",
    re.IGNORECASE,
)
# length limits of what an email may write (indexed reference, titles)
REFERENCE_MAX_LENGTH = 64
TITLE_MAX_LENGTH = 256
# C0/C1 control characters (tab and newlines included: a subject is one line)
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_TOKEN_STRIP = " \t:;,-–—#/\\|()[]{}<>\"'"
_SEPARATORS = " \t:;,-–—|"

# Keywords announcing the expected delay / quality, FR and EN, at line start
_DELAY_RE = re.compile(
    r"^\s*(?:d[ée]lai(?:\s+(?:attendu|souhait[ée]|de\s+livraison))?|expected\s+delay|"
    r"delay|deadline|due(?:\s+date)?|needed\s+by|[ée]ch[ée]ance)\s*[:=\-–]\s*(?P<v>.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_QUALITY_RE = re.compile(
    r"^\s*(?:qualit[ée](?:\s+(?:attendue|souhait[ée]e))?|quality|[ée]tat|condition)"
    r"\s*[:=\-–]\s*(?P<v>.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_USED_WORDS = (
    "occasion",
    "used",
    "second-hand",
    "second hand",
    "seconde main",
    "reconditionn",
    "refurbished",
    "revaloris",
)
_NEW_WORDS = ("neuf", "neuve", "new", "brand new")

AUTO_PRECEDENCE = {"bulk", "auto_reply", "list", "junk"}
AUTO_LOCALPARTS = {
    "mailer-daemon",
    "postmaster",
    "noreply",
    "no-reply",
    "donotreply",
    "do-not-reply",
}


def strip_reply_prefixes(subject):
    """Remove any number of leading reply/forward prefixes."""
    subject = (subject or "").strip()
    previous = None
    while previous != subject:
        previous = subject
        subject = _PREFIX_RE.sub("", subject, count=1).strip()
    return subject


def split_subject(subject):
    """Split a request subject into (reference, title).

    The reference is the first token when it contains a digit and is at most
    ``REFERENCE_MAX_LENGTH`` long; the title is the rest, at most
    ``TITLE_MAX_LENGTH`` long. Reply prefixes and control characters are
    ignored. Missing parts are returned as ``""``.
    """
    subject = strip_reply_prefixes(clean_text(subject))
    if not subject:
        return "", ""
    first, _sep, rest = subject.partition(" ")
    token = first.strip(_TOKEN_STRIP)
    if (
        token
        and len(token) <= REFERENCE_MAX_LENGTH
        and any(char.isdigit() for char in token)
    ):
        return token, clean_text(rest.strip(_SEPARATORS), TITLE_MAX_LENGTH)
    return "", clean_text(subject, TITLE_MAX_LENGTH)


def clean_text(text, max_length=0):
    """One line of text: control characters become spaces, blanks are
    collapsed, and the result is cut at ``max_length`` (0: no limit)."""
    # undecodable bytes (surrogates) cannot be stored either
    text = (text or "").encode("utf-8", "replace").decode("utf-8")
    text = " ".join(_CONTROL_RE.sub(" ", text).split())
    return text[:max_length] if max_length else text


def normalize_reference(reference):
    """Normalised form of a reference to compare two subjects."""
    return re.sub(r"\s+", "", (reference or "")).upper()


def classify_quality(text):
    """Map a free quality statement to ``used``, ``new``, ``any`` or ``""``."""
    low = (text or "").lower()
    used = any(word in low for word in _USED_WORDS)
    new = any(re.search(r"\b%s\b" % re.escape(word), low) for word in _NEW_WORDS)
    if used and new:
        return "any"
    if used:
        return "used"
    if new:
        return "new"
    return ""


def extract_expectations(text):
    """Find the expected delay and quality stated in a plain-text body.

    Returns a dict ``{"delay": str, "quality": str, "quality_kind": str}``
    (empty strings when not stated).
    """
    text = text or ""
    delay = _DELAY_RE.search(text)
    quality = _QUALITY_RE.search(text)
    quality_text = quality.group("v").strip() if quality else ""
    return {
        "delay": delay.group("v").strip()[:120] if delay else "",
        "quality": quality_text[:120],
        "quality_kind": classify_quality(quality_text),
    }


def is_auto_submitted(headers, email_from=""):
    """True when the message was generated automatically and must never be
    answered (RFC 3834 Auto-Submitted, Precedence, vacation headers,
    mailer-daemon / postmaster / no-reply senders).

    ``headers`` is a mapping of lower-case header names to string values.
    """
    auto = (headers.get("auto-submitted") or "").strip().lower()
    if auto and auto != "no":
        return True
    if (headers.get("precedence") or "").strip().lower() in AUTO_PRECEDENCE:
        return True
    for name in ("x-autoreply", "x-autorespond"):
        value = (headers.get(name) or "").strip().lower()
        if value and value not in ("no", "none"):
            return True
    if headers.get("list-id") or headers.get("list-unsubscribe"):
        return True
    if (headers.get("return-path") or "").strip() == "<>":
        return True
    localpart = (email_from or "").strip().lower().split("@", 1)[0]
    localpart = localpart.rsplit("<", 1)[-1].strip()
    return localpart in AUTO_LOCALPARTS


def pick_partner(candidates):
    """Choose the customer among contacts sharing the sender's address.

    ``candidates``: iterable of dicts with ``id``, ``is_member`` (the contact or
    its company is a member), ``is_company`` and ``to_verify``. A member's
    contact is preferred, then verified contacts, then individuals over
    companies, then the oldest. Returns an id or ``False``.
    """
    candidates = list(candidates)
    if not candidates:
        return False
    best = min(
        candidates,
        key=lambda c: (
            not c.get("is_member"),
            bool(c.get("to_verify")),
            bool(c.get("is_company")),
            c["id"],
        ),
    )
    return best["id"]


def split_attachments(sizes, limit_bytes):
    """Indexes of attachments to keep and to refuse for a size limit.

    ``limit_bytes`` ≤ 0 means no limit. Returns ``(kept, refused)`` lists.
    """
    kept, refused = [], []
    for index, size in enumerate(sizes):
        if limit_bytes and limit_bytes > 0 and size > limit_bytes:
            refused.append(index)
        else:
            kept.append(index)
    return kept, refused
