# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every addon speaks French and German: each entry of its template (.pot) is
translated in ``fr.po`` and ``de.po``, with the same placeholders."""

import re
from pathlib import Path

import coopdev
import pytest
from babel.messages import pofile

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("fr", "de")
PLACEHOLDER = re.compile(r"%\(\w+\)s|%[sd]|\{\w*\}")


def _catalog(path):
    with open(path, "rb") as handle:
        return pofile.read_po(handle)


def _first(text):
    """The singular of a (possibly plural) babel message id or string."""
    return text[0] if isinstance(text, tuple) else text


def _problem(source, translated):
    """Why ``translated`` does not translate ``source`` (None: it does)."""
    strings = translated and translated.string
    strings = strings if isinstance(strings, tuple) else (strings,)
    if not translated or not all(strings):
        return "untranslated"
    if translated.fuzzy:
        return "fuzzy"
    expected = sorted(PLACEHOLDER.findall(_first(source.id)))
    if sorted(PLACEHOLDER.findall(strings[0])) != expected:
        return "placeholders differ"
    return None


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("addon", coopdev.ADDONS)
def test_every_entry_is_translated(addon, lang):
    template = _catalog(ROOT / addon / "i18n" / f"{addon}.pot")
    catalog = _catalog(ROOT / addon / "i18n" / f"{lang}.po")
    problems = [
        (problem, _first(message.id)[:60])
        for message in template
        if message.id
        and (problem := _problem(message, catalog.get(message.id, message.context)))
    ]
    assert not problems, f"{addon} {lang}.po: {len(problems)}: {problems[:10]}"
