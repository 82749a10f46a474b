# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The setup script's decisions, tested without touching the machine."""

import datetime
from types import SimpleNamespace

import coopdev_base
import coopdev_pg
import coopdev_run
import coopdev_test
import coopdev_tools as tools
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


# ------------------------------------------------- the tools coopdev drives


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


# ------------------------------------------------- the server `make run` serves


def _served_config(**overrides):
    values = {
        "addons_path": "/odoo/addons",
        "data_dir": "/clone/.local/run/data",
        "pg": {
            "host": "127.0.0.1",
            "port": 54420,
            "user": "coop_odoo",
            "password": "s3",
        },
        "db": "coop_demo",
        "master_hash": "$pbkdf2-sha512$600000$abc$def",
        "http_port": 8069,
        "gevent_port": 8072,
    }
    values.update(overrides)
    return coopdev_run.run_config(**values)


def test_served_config_is_safe_by_default():
    lines = _served_config()
    opts = coopdev_run.parse_options(lines)
    assert coopdev_run.config_problems(lines) == []
    assert opts["list_db"] == "False"
    assert opts["dbfilter"] == "^coop_demo$"
    assert int(opts["workers"]) >= 2
    assert int(opts["max_cron_threads"]) >= 1
    assert int(opts["limit_time_cpu"]) == 60
    assert int(opts["limit_time_real"]) == 120
    assert int(opts["limit_memory_soft"]) < int(opts["limit_memory_hard"])
    assert opts["gevent_port"] == "8072"
    assert opts["http_interface"] == "127.0.0.1"


@pytest.mark.parametrize(
    "line, problem",
    [
        ("list_db = True", "database manager"),
        ("admin_passwd = admin", "master password"),
        ("admin_passwd = hunter2", "in clear"),
        ("workers = 0", "threaded"),
        ("limit_time_real = 0", "limit_time_real"),
        ("db_user = odoo", "superuser"),
        ("db_password = False", "no database password"),
        ("dbfilter = ", "dbfilter"),
    ],
)
def test_config_problems_names_each_unsafe_setting(line, problem):
    key = line.partition("=")[0].strip()
    lines = [x for x in _served_config() if not x.startswith(key + " ")] + [line]
    found = coopdev_run.config_problems(lines)
    assert any(problem in text for text in found), found


def test_served_cluster_is_durable_and_test_cluster_fast():
    served = coopdev_run.cluster_options(54420, durable=True)
    fast = coopdev_run.cluster_options(54320, durable=False)
    for setting in ("fsync=on", "full_page_writes=on", "synchronous_commit=on"):
        assert setting in served
    assert "off" not in served
    assert "fsync=off" in fast
    for opts in (served, fast):
        assert "listen_addresses=127.0.0.1" in opts
        assert "unix_socket_directories=''" in opts


def test_served_cluster_asks_passwords():
    assert coopdev_run.initdb_auth(True, "/x/pw") == [
        "-A",
        "scram-sha-256",
        "--pwfile=/x/pw",
    ]
    assert coopdev_run.initdb_auth(False) == ["-A", "trust"]


def test_secret_is_random_private_and_kept(tmp_path):
    path = tmp_path / "secrets" / "master_password"
    value, created = coopdev_run.secret(path)
    assert created and len(value) >= 24 and value != "admin"
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert coopdev_run.secret(path) == (value, False)
    other, _ = coopdev_run.secret(tmp_path / "other")
    assert other != value


def test_odoo_role_is_no_superuser():
    sql = coopdev_run.role_sql("coop_odoo", "pa'ss")
    assert "NOSUPERUSER NOCREATEDB NOCREATEROLE" in sql
    assert "PASSWORD 'pa''ss'" in sql
    with pytest.raises(ValueError):
        coopdev_run.role_sql("x; DROP TABLE y", "pw")
