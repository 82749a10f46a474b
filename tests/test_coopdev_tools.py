# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The setup script's use of the tools it drives (click-odoo-contrib,
manifestoo, checklog-odoo) and of Odoo's own test runner, tested without
touching the machine."""

import datetime

import coopdev_base
import coopdev_test
import coopdev_tools as tools
import pytest


def test_addon_dirs_are_the_folders_with_a_manifest(tmp_path):
    for name in ("coop_b", "coop_a", "notes"):
        (tmp_path / name).mkdir()
    (tmp_path / "coop_a" / "__manifest__.py").write_text("{}")
    (tmp_path / "coop_b" / "__manifest__.py").write_text("{}")
    assert tools.addon_dirs(tmp_path) == ["coop_a", "coop_b"]


def test_addons_are_this_repositorys():
    assert "coop_wallet" in coopdev_base.ADDONS and "scripts" not in coopdev_base.ADDONS


@pytest.mark.parametrize(
    "output, expected",
    [
        ("account,stock,portal\n", ["account", "portal", "stock"]),
        ("sale, sale ,\n", ["sale"]),
        ("", []),
        ("a\nb\n", ["a", "b"]),
    ],
)
def test_module_list(output, expected):
    assert tools.module_list(output) == expected


def test_manifestoo_reads_our_manifests_with_stock_addons_only():
    cmd = tools.manifestoo_cmd("/v/bin", "/odoo", "/repo")
    assert cmd[0] == "/v/bin/manifestoo"
    assert cmd[cmd.index("--addons-path") + 1] == "/odoo/addons,/odoo/odoo/addons"
    assert cmd[cmd.index("--select-addons-dir") + 1] == "/repo"
    assert cmd[-2:] == ["list-depends", "--separator=,"]


@pytest.mark.parametrize(
    "modules, expected",
    [
        (["stock", "account"], "account,stock"),
        (["account"], "account"),
    ],
)
def test_initdb_uses_the_cache_with_demo_data(modules, expected):
    cmd = tools.initdb_cmd("/v/bin", "/c/odoo.conf", "db1", modules)
    assert cmd[0] == "/v/bin/click-odoo-initdb"
    assert cmd[cmd.index("-m") + 1] == expected
    assert cmd[cmd.index("-n") + 1] == "db1"
    assert cmd[cmd.index("-c") + 1] == "/c/odoo.conf"
    assert cmd[cmd.index("--cache-prefix") + 1] == tools.CACHE_PREFIX
    assert "--demo" in cmd and "--no-cache" not in cmd


def test_dropdb_tolerates_a_missing_database():
    assert tools.dropdb_cmd("/b", "/c.conf", "x") == [
        "/b/click-odoo-dropdb",
        "-c",
        "/c.conf",
        "--if-exists",
        "x",
    ]


HASH = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(
    "when, expected",
    [
        (datetime.datetime(2026, 12, 2, 13, 5), f"coopdev-202612021305-{HASH}"),
        (datetime.datetime(2027, 1, 9, 0, 0), f"coopdev-202701090000-{HASH}"),
    ],
)
def test_template_names_are_click_odoo_initdbs(when, expected):
    name = tools.template_name(HASH, when)
    assert name == expected and len(name) <= 63
    like = tools.template_like(HASH)
    assert len(like) == len(name)
    assert all(a in ("_", b) for a, b in zip(like, name, strict=True))


def test_dump_is_keyed_on_the_content_hash(tmp_path):
    assert tools.dump_path(tmp_path, HASH) == tmp_path / f"coopdev-{HASH}.dump"
    assert tools.dump_path(tmp_path, HASH) != tools.dump_path(tmp_path, "f" * 40)


@pytest.mark.parametrize(
    "output, expected",
    [
        ("", 0),
        ("\nerrors that did not cause failure (2):\n...", 0),
        ("\nerrors that caused failure (3):\n...\nError: Errors detected", 3),
    ],
)
def test_checklog_failures(output, expected):
    assert tools.checklog_failures(output) == expected


def test_checklog_reads_the_projects_ignore_list():
    cmd = tools.checklog_cmd("/v/bin", "/r/checklog-odoo.cfg", "/l/x.log")
    assert cmd == [
        "/v/bin/checklog-odoo",
        "-c",
        "/r/checklog-odoo.cfg",
        "--no-echo",
        "/l/x.log",
    ]
    assert "[checklog-odoo]" in coopdev_base.CHECKLOG_CFG.read_text()


def test_classes_in():
    text = "class TestA(Common):\n    pass\nclass _Helper:\nclass TestB(X, Y):\n"
    assert tools.classes_in(text) == ["TestA", "TestB"]


CLASSES = {"account": ["TestAccountMove", "TestAccountMoveSend", "TestTax"]}


@pytest.mark.parametrize(
    "specs, expected",
    [
        (["/purchase"], "/purchase"),
        (
            ["/account:TestAccountMove*"],
            "/account:TestAccountMove,/account:TestAccountMoveSend",
        ),
        (["/account:TestAccountMove"], "/account:TestAccountMove"),
        (["-/account:TestAccountMoveS*"], "-/account:TestAccountMoveSend"),
        (["/account:Nothing*", "/sale"], "/sale"),
        (["/test_mail:TestMailgateway.test_x"], "/test_mail:TestMailgateway.test_x"),
    ],
)
def test_expand_test_tags(specs, expected):
    assert tools.expand_test_tags(specs, lambda m: CLASSES.get(m, [])) == expected


def test_core_test_tags_are_odoos():
    tags = coopdev_test.core_test_tags(coopdev_base.CACHE_SRC)
    assert "*" not in tags
    if coopdev_base.odoo_version(coopdev_base.CACHE_SRC):
        assert "/account:TestAccountMove," in tags + ","
        assert "/account:TestAccountPayment," in tags + ","


CORE_LOG = """\
2026-12-02 14:00:00,000 7 INFO db odoo.addons.account.tests.test_x: Starting TestA
2026-12-02 14:00:01,000 7 ERROR db odoo.addons.account.tests.test_x: FAIL: \
TestA.test_one
Traceback (most recent call last):
AssertionError: 1 != 2
2026-12-02 14:00:02,000 7 ERROR db odoo.addons.sale.tests.test_y: ERROR: \
TestB.test_two
2026-12-02 14:00:03,000 7 ERROR db odoo.modules.loading: Module x: 1 tests failed
2026-12-02 14:00:04,000 7 INFO db odoo.addons.sale.tests.test_y: FAIL: not a failure
"""


def test_failed_tests():
    assert tools.failed_tests(CORE_LOG.splitlines()) == {
        "odoo.addons.account.tests.test_x: TestA.test_one",
        "odoo.addons.sale.tests.test_y: TestB.test_two",
    }


@pytest.mark.parametrize(
    "without, with_ours, expected",
    [
        (set(), set(), []),
        ({"a"}, {"a"}, []),
        ({"a"}, {"a", "b"}, ["b"]),
        ({"a", "c"}, {"b"}, ["b"]),
    ],
)
def test_only_with_ours(without, with_ours, expected):
    assert tools.only_with_ours(without, with_ours) == expected
