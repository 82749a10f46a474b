# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One-time voting codes and confirmation tokens (pure functions, no ORM).

A code is random (``secrets``), shown once to its voter (by email) and
stored only as an HMAC-SHA256 keyed with a per-assembly salt.
"""

import hashlib
import hmac
import secrets

# no I, L, O, 0, 1: nothing to confuse when typed from an email
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10
# wrong codes a voter may type before their code is locked (a manager
# sends a new one): a technical bound, like tools/bounds.py
MAX_ATTEMPTS = 5
# what the portal accepts as typed (dashes and spaces included)
MAX_TYPED = 32


def new_code():
    """A new code of ``CODE_LENGTH`` characters (about 50 bits)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def new_secret():
    """A random salt or token (128 bits, hexadecimal)."""
    return secrets.token_hex(16)


def display_code(code):
    """``ABCDEFGHJK`` as ``ABCDE-FGHJK``, easier to copy."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def normalise_code(typed):
    """The code as typed, without spaces and dashes, in capitals; '' when it
    cannot be a code (not a text, too long)."""
    if not isinstance(typed, str) or len(typed) > MAX_TYPED:
        return ""
    return "".join(char for char in typed.upper() if char not in " -")


def code_hash(salt, code):
    """The stored form of ``code``: HMAC-SHA256 keyed with ``salt``."""
    return hmac.new(
        salt.encode(), normalise_code(code).encode(), hashlib.sha256
    ).hexdigest()


def code_matches(salt, typed, stored):
    """True when ``typed`` is the code whose hash is ``stored`` (an empty
    ``stored``: no code, or already used)."""
    code = normalise_code(typed)
    if not (salt and stored and code):
        return False
    return hmac.compare_digest(code_hash(salt, code), stored)


def token_hash(token):
    """The stored form of an emailed confirmation token (SHA-256)."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(typed, stored):
    """True when ``typed`` is the token whose hash is ``stored``."""
    if not (isinstance(typed, str) and stored) or len(typed) > MAX_TYPED * 2:
        return False
    return hmac.compare_digest(token_hash(typed), stored)
