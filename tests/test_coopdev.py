# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The setup script's decisions, tested without touching the machine."""

from types import SimpleNamespace

import coopdev_base
import coopdev_pg
import coopdev_test
import pytest


def _tree(tmp_path, version_line):
    (tmp_path / "odoo").mkdir(parents=True)
    (tmp_path / "odoo" / "release.py").write_text(version_line + "\n")
    return tmp_path


@pytest.mark.parametrize(
    "line, expected",
    [
        ("version_info = (18, 0, 0, FINAL, 0, '')", (18, 0)),
        ("version_info = (17, 0, 0, FINAL, 0, '')", (17, 0)),
        ("nothing here", None),
    ],
)
def test_odoo_version(tmp_path, line, expected):
    assert coopdev_base.odoo_version(_tree(tmp_path, line)) == expected


def test_odoo_version_missing_tree(tmp_path):
    assert coopdev_base.odoo_version(tmp_path / "absent") is None


def test_find_src_prefers_odoo_src(tmp_path):
    explicit = _tree(tmp_path / "mine", "version_info = (18, 0, 0, FINAL, 0, '')")
    cache = _tree(tmp_path / "cache", "version_info = (18, 0, 0, FINAL, 0, '')")
    assert coopdev_base.find_odoo_src({"ODOO_SRC": str(explicit)}, cache) == explicit


def test_find_src_falls_back_to_cache(tmp_path):
    cache = _tree(tmp_path / "cache", "version_info = (18, 0, 0, FINAL, 0, '')")
    assert coopdev_base.find_odoo_src({}, cache) == cache


def test_find_src_none_means_download(tmp_path):
    assert coopdev_base.find_odoo_src({}, tmp_path / "nothing") is None


def test_find_src_wrong_version_is_an_error(tmp_path):
    old = _tree(tmp_path / "old", "version_info = (17, 0, 0, FINAL, 0, '')")
    with pytest.raises(coopdev_base.SetupError, match="not 18.0"):
        coopdev_base.find_odoo_src({"ODOO_SRC": str(old)}, tmp_path / "cache")


def test_find_src_not_odoo_is_an_error(tmp_path):
    with pytest.raises(coopdev_base.SetupError, match="no Odoo source"):
        coopdev_base.find_odoo_src({"ODOO_SRC": str(tmp_path)}, tmp_path / "cache")


def test_cache_with_wrong_version_is_not_used(tmp_path):
    cache = _tree(tmp_path / "cache", "version_info = (17, 0, 0, FINAL, 0, '')")
    assert coopdev_base.find_odoo_src({}, cache) is None


def test_pick_port_skips_busy_ports():
    busy = {8069, 8070}
    assert coopdev_base.pick_port(8069, is_free=lambda p: p not in busy) == 8071


def test_pick_port_gives_up_with_a_clear_error():
    with pytest.raises(coopdev_base.SetupError, match="No free TCP port"):
        coopdev_base.pick_port(9000, is_free=lambda p: False, span=3)


def test_real_busy_port_is_detected():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert not coopdev_base.port_is_free(port)


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({}, None),
        (
            {"PGHOST": "db.local", "PGPORT": "5433"},
            {"host": "db.local", "port": 5433, "user": "odoo", "password": ""},
        ),
        (
            {"PGUSER": "me", "PGPASSWORD": "pw"},
            {"host": "127.0.0.1", "port": 5432, "user": "me", "password": "pw"},
        ),
    ],
)
def test_external_pg(environ, expected):
    assert coopdev_pg.external_pg(environ) == expected


LOG = """\
2026-11-22 14:00:00,000 42 INFO db odoo.modules.loading: loading coop_wallet
2026-11-22 14:00:01,000 42 WARNING db odoo.models: Two fields have the same label
2026-11-22 14:00:02,000 42 INFO db odoo.addons.coop_wallet.tests.test_x: skipped \
test_a (x.TestX.test_a) : no chrome
2026-11-22 14:00:02,500 42 INFO db odoo.addons.account.tests.test_y: skipped \
test_b (y.TestY.test_b) : theirs
2026-11-22 14:00:03,000 42 ERROR db odoo.addons.coop_wallet.tests.test_x: FAIL: test_c
Traceback (most recent call last):
2026-11-22 14:00:04,000 42 INFO db odoo.tests.result: 1 failed, 0 error(s) of 12 tests \
when loading database 'db'
"""


def test_scan_log_counts_and_flags():
    report = coopdev_test.scan_log(LOG.splitlines())
    assert report["run"] == 12
    assert report["failed"] == 1
    assert report["results"] == 1
    assert len(report["skipped"]) == 1  # only ours counts as a skip


def test_scan_log_without_result_line():
    report = coopdev_test.scan_log(["garbage", ""])
    assert report == {"run": 0, "failed": 0, "skipped": [], "results": 0}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("....\n12 passed in 3.2s\n", (12, 0)),
        ("F.\n1 failed, 3 passed in 1s\n", (3, 1)),
        ("E\n2 passed, 1 error in 1s\n", (2, 1)),
        ("no tests ran in 0.1s\n", (0, 0)),
    ],
)
def test_pytest_counts(text, expected):
    assert coopdev_test.pytest_counts(text) == expected


def _test_args(addons=(), alone_only=False, together_only=False):
    return SimpleNamespace(
        addons=list(addons), alone_only=alone_only, together_only=together_only
    )


def test_plan_test_runs_whole_suite():
    runs, bases = coopdev_test.plan_test_runs(_test_args())
    addons = coopdev_base.ADDONS
    assert runs[0] == ("coop_test_all", addons, "(a) all addons together")
    assert runs[1:] == [(f"coop_test_{a}", [a], f"(b) {a} alone") for a in addons]
    assert bases == [18269 + 20 * i for i in range(len(addons) + 1)]


def test_plan_test_runs_one_addon_alone_keeps_its_ports():
    addon = coopdev_base.ADDONS[1]
    runs, bases = coopdev_test.plan_test_runs(_test_args([addon], alone_only=True))
    assert runs == [(f"coop_test_{addon}", [addon], f"(b) {addon} alone")]
    assert bases == [18089]


def test_pg_home_in_the_clone():
    assert coopdev_pg.pg_home("/srv/coop", as_root=False) == coopdev_base.Path(
        "/srv/coop/.local/pg"
    )
    assert coopdev_pg.pg_home("/srv/coop", True, others_can_reach=lambda p: True) == (
        coopdev_base.Path("/srv/coop/.local/pg")
    )


def test_pg_home_outside_a_private_clone():
    def private(root):
        return coopdev_pg.pg_home(root, True, others_can_reach=lambda p: False)

    home = private("/root/coop")
    assert str(home).startswith("/var/tmp/coop-addons-pg-")
    assert home == private("/root/coop")
    assert home != private("/root/other")


def test_traversable_by_others(tmp_path):
    private = tmp_path / "private"
    (private / "clone").mkdir(parents=True)
    private.chmod(0o700)
    try:
        assert not coopdev_pg.traversable_by_others(private / "clone" / ".local")
    finally:
        private.chmod(0o755)
    assert coopdev_pg.traversable_by_others(private / "clone" / ".local") == (
        coopdev_pg.traversable_by_others(tmp_path)
    )


def _cli(*args, env=None):
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, str(coopdev_base.ROOT / "scripts" / "coopdev.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
        timeout=60,
    )


def test_cli_wrong_odoo_src_is_one_line_naming_the_fix(tmp_path):
    _tree(tmp_path, "version_info = (16, 0, 0, FINAL, 0, '')")
    result = _cli("setup", env={"ODOO_SRC": str(tmp_path)})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "is Odoo 16.0, not 18.0" in lines[0] and "ODOO_SRC" in lines[0]


def test_cli_missing_odoo_src_is_one_line(tmp_path):
    result = _cli("setup", env={"ODOO_SRC": str(tmp_path / "nowhere")})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "holds no Odoo source" in result.stderr


def test_cli_busy_port_is_one_line_naming_the_fix():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = _cli("run", "--port", str(port))
    assert result.returncode == 2
    assert f"port {port} is busy" in result.stderr
    assert "PORT=" in result.stderr
