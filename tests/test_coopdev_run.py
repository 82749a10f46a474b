# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The server `make run` serves: safe by default, tested without touching
the machine."""

import subprocess
import sys

import coopdev_run
import pytest


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


def test_websocket_process_can_start():
    """With workers, Odoo serves websockets from ``odoo-bin gevent``, which
    first patches the standard library with gevent, loading gevent's plugins:
    a plugin whose requirement the venv's pkg_resources cannot find kills
    that process at start (then respawned every second, burning the CPU)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import gevent.monkey; gevent.monkey.patch_all(); print('patched')",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.strip() == "patched", done.stderr[-2000:]
