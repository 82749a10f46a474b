# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The promises of the layout: every addon is OCA-shaped and installs alone."""

import ast
import re
from pathlib import Path

import coopdev
import pytest

ROOT = Path(__file__).resolve().parent.parent
# Our addons may depend only on these of ours (coop_intercoop builds on
# membership, as the makerspace does; the two that import spreadsheets share
# the reader).
ALLOWED_OWN_DEPENDS = {
    "coop_intercoop": {"coop_membership", "coop_spreadsheet_import"},
    "coop_makerspace": {"coop_membership"},
    "coop_provider_commission": {"coop_spreadsheet_import"},
}
# a model stored in the database (access rights needed), not an AbstractModel
STORED_MODEL = re.compile(r"models\.(Model|TransientModel)\)")


def _manifest(addon):
    return ast.literal_eval((ROOT / addon / "__manifest__.py").read_text())


@pytest.mark.parametrize("addon", coopdev.ADDONS)
def test_manifest_is_oca_shaped(addon):
    manifest = _manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"])
    assert manifest["license"] == "AGPL-3"
    assert manifest["maintainers"]
    assert manifest["development_status"] in {
        "Alpha",
        "Beta",
        "Production/Stable",
        "Mature",
    }
    assert "Odoo Community Association (OCA)" in manifest["author"]
    assert manifest.get("installable", True)


@pytest.mark.parametrize("addon", coopdev.ADDONS)
def test_addon_files(addon):
    base = ROOT / addon
    sources = [path.read_text() for path in base.glob("*/*.py")]
    if any(STORED_MODEL.search(text) for text in sources):
        assert (base / "security/ir.model.access.csv").is_file(), addon
    for rel in (
        "pyproject.toml",
        "readme/DESCRIPTION.md",
        "readme/USAGE.md",
        "static/description/icon.png",
    ):
        assert (base / rel).is_file(), f"{addon}/{rel} is missing"
    assert "whool" in (base / "pyproject.toml").read_text()
    assert list((base / "tests").glob("test_*.py")), f"{addon} has no tests"
    manifest = _manifest(addon)
    for rel in manifest.get("data", []) + manifest.get("demo", []):
        assert (base / rel).is_file(), f"{addon} manifest names missing {rel}"


@pytest.mark.parametrize("addon", coopdev.ADDONS)
def test_addon_depends_on_no_other_of_ours(addon):
    ours = set(coopdev.ADDONS)
    own = set(_manifest(addon)["depends"]) & ours
    assert own <= ALLOWED_OWN_DEPENDS.get(addon, set())


def test_metapackage_lists_every_addon():
    text = (ROOT / "setup" / "_metapackage" / "pyproject.toml").read_text()
    for addon in coopdev.ADDONS:
        assert f"odoo-addon-{addon}" in text
