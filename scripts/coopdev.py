#!/usr/bin/env python3
# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Development environment of the coop addons: venv, Odoo, PostgreSQL, run, test.

Standard library only: it runs before the virtual environment exists.
Every decision that can be tested fast is a small function (see
``tests/test_coopdev.py``); the commands glue them together. The parts:
coopdev_base (settings, Odoo's source, the venv), coopdev_pg (PostgreSQL),
coopdev_env (Odoo's config, databases from the template cache), coopdev_test
(the test and lint commands), coopdev_tools (the command lines of
click-odoo-contrib, manifestoo and checklog-odoo), coopdev_run (the served
instance's settings); this file: `make run`/`make stop`, setup, db, main.

Usage: python3 scripts/coopdev.py {setup,run,stop,test,test-core,lint,db,shell-env}
"""

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import coopdev_run
from coopdev_base import (
    ADDONS,
    LOCAL,
    ROOT,
    RUN_DIR,
    RUN_PACKAGES,
    RUN_SECRETS,
    SetupError,
    apt_install,
    port_is_free,
    run,
    say,
    venv_python,
)
from coopdev_env import (
    Env,
    install_db,
    odoo_cmd,
)
from coopdev_pg import (
    Postgres,
    external_pg,
    restore_dump,
)
from coopdev_test import (
    cmd_lint,
    cmd_test,
    cmd_test_core,
)


def cmd_setup(_args):
    Env()
    say("environment ready")


def odoo_pidfile():
    return LOCAL / "odoo.pid"


def odoo_running():
    pidfile = odoo_pidfile()
    if not pidfile.is_file():
        return None
    try:
        pid = int(pidfile.read_text())
        os.kill(pid, 0)
    except (ValueError, ProcessLookupError):
        return None
    return pid


def served_postgres():
    """The durable cluster ``make run`` serves, started, with Odoo's role."""
    pg = Postgres(durable=True)
    pg.start()
    if pg.external:
        return pg, {"host": pg.host, "port": pg.port, "user": pg.user}
    password = coopdev_run.secret(RUN_SECRETS / "pg_odoo")[0]
    pg.psql(coopdev_run.role_sql(coopdev_run.ODOO_ROLE, password))
    return pg, {
        "host": pg.host,
        "port": pg.port,
        "user": coopdev_run.ODOO_ROLE,
        "password": password,
    }


def hash_master_password(password):
    """Odoo's own hash of the master password (passlib, as Odoo stores it)."""
    code = (
        "import sys; from odoo.tools.config import crypt_context; "
        "print(crypt_context.hash(sys.stdin.read().strip()))"
    )
    return run(
        [str(venv_python()), "-c", code],
        input=password,
        capture_output=True,
        text=True,
    ).stdout.strip()


def create_served_db(env, pg, login, db):
    """Copy the template into the served cluster and install our addons."""
    dump = env.template_dump()
    building = db + "_building"
    data_dir = RUN_DIR / "data"
    say(f"installing the coop addons with demo data into {db}")
    if not restore_dump(pg, dump, building, data_dir, owner=login["user"]):
        raise SetupError("restoring the template into the served cluster failed.")
    # A copy must not share the template's signing secret and identity.
    pg.psql(
        "UPDATE ir_config_parameter SET value = gen_random_uuid()::text "
        "WHERE key IN ('database.secret', 'database.uuid')",
        db=building,
    )
    conf = write_run_config(env.src, login, building, 8069)
    log = LOCAL / "logs" / f"{db}-install.log"
    if install_db(env.src, conf, building, ADDONS, log):
        pg.drop_db(building, data_dir)
        raise SetupError(f"installing the coop addons failed: read {log}.")
    pg.rename_db(building, db, data_dir)


def write_run_config(src, login, db, port):
    master, created = coopdev_run.secret(RUN_SECRETS / "master_password")
    if created:
        say(f"master password (database manager is off): {master}")
        say(f"it is kept in {RUN_SECRETS / 'master_password'} (owner only)")
    addons_path = ",".join(
        [str(Path(src) / "addons"), str(Path(src) / "odoo" / "addons"), str(ROOT)]
    )
    lines = coopdev_run.run_config(
        addons_path=addons_path,
        data_dir=RUN_DIR / "data",
        pg=dict(login, password=login.get("password", "")),
        db=db,
        master_hash=hash_master_password(master),
        http_port=port,
        gevent_port=port + 3,
    )
    problems = coopdev_run.config_problems(lines)
    if problems and not external_pg(os.environ):
        raise SetupError("unsafe server configuration: " + "; ".join(problems))
    for problem in problems:
        say(f"warning: {problem} (your own PostgreSQL settings)")
    return coopdev_run.write_private(RUN_DIR / "odoo.conf", "\n".join(lines) + "\n")


def cmd_run(args):
    env = Env()
    apt_install(RUN_PACKAGES, "PDF reports")
    db = args.db
    pid = odoo_running()
    if pid:
        say(f"Odoo already running (pid {pid}) on http://127.0.0.1:{args.port}")
        return
    for port in (args.port, args.port + 3):
        if not port_is_free(port):
            raise SetupError(
                f"port {port} is busy: "
                "stop what uses it or run 'make run PORT=<other>'."
            )
    pg, login = served_postgres()
    if not pg.db_exists(db):
        create_served_db(env, pg, login, db)
    conf = write_run_config(env.src, login, db, args.port)
    log = LOCAL / "logs" / "odoo.log"
    proc = subprocess.Popen(
        odoo_cmd(env.src, conf, f"--logfile={log}"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    odoo_pidfile().write_text(str(proc.pid))
    url = f"http://127.0.0.1:{args.port}"
    wait_for_odoo(proc, url, log)
    say(f"Odoo 18.0 with the coop addons is serving {url}  (database {db})")
    say(
        f"{coopdev_run.WORKERS} workers, limits {coopdev_run.LIMIT_TIME_CPU} s CPU / "
        f"{coopdev_run.LIMIT_TIME_REAL} s real, no database manager"
    )
    say("log in as admin / admin (demo users: demo / demo, portal / portal)")
    say("stop everything with: make stop")


def wait_for_odoo(proc, url, log):
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            odoo_pidfile().unlink(missing_ok=True)
            raise SetupError(f"Odoo exited at start: read {log}.")
        try:
            with urllib.request.urlopen(f"{url}/web/login", timeout=5) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SetupError(f"Odoo did not answer on {url} within 120 s: read {log}.")


def cmd_stop(_args):
    pid = odoo_running()
    if pid:
        say(f"stopping Odoo (pid {pid})")
        try:
            os.killpg(pid, 15)
        except ProcessLookupError:
            pass
        for _ in range(50):
            if not odoo_running():
                break
            time.sleep(0.2)
        else:
            os.killpg(pid, 9)
    odoo_pidfile().unlink(missing_ok=True)
    Postgres(durable=True).stop()
    Postgres().stop()


def cmd_db(args):
    """Create a scratch database with the given addons (pytest-odoo, benchmarks)."""
    env = Env()
    env.new_db(args.db)
    log = LOCAL / "logs" / f"{args.db}.log"
    if args.addons and install_db(env.src, env.conf, args.db, args.addons, log):
        raise SetupError(f"installing {args.addons} failed: read {log}.")
    say(f"database {args.db} ready (config {env.conf})")


def cmd_shell_env(_args):
    """Print shell exports: ODOO_SRC, the config file and PG settings."""
    env = Env()
    print(f"export ODOO_SRC={env.src}")
    print(f"export ODOO_RC={env.conf}")
    print(f"export PGHOST={env.pg.host} PGPORT={env.pg.port} PGUSER={env.pg.user}")


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="coopdev", description=__doc__.splitlines()[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("setup", help="venv, Odoo and PostgreSQL").set_defaults(
        func=cmd_setup
    )
    p_run = sub.add_parser("run", help="serve coop_demo on 127.0.0.1")
    p_run.add_argument("--db", default="coop_demo")
    p_run.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8069")))
    p_run.set_defaults(func=cmd_run)
    sub.add_parser("stop", help="stop Odoo and PostgreSQL").set_defaults(func=cmd_stop)
    p_test = sub.add_parser("test", help="the whole test suite")
    p_test.add_argument("addons", nargs="*")
    p_test.add_argument("--alone-only", action="store_true")
    p_test.add_argument("--together-only", action="store_true")
    p_test.add_argument("--no-pytest", action="store_true")
    p_test.add_argument("--no-lint", action="store_true")
    p_test.add_argument(
        "--jobs",
        type=int,
        default=int(os.environ.get("COOP_TEST_JOBS", "2")),
        help="Odoo test runs at once (default 2, or COOP_TEST_JOBS)",
    )
    p_test.set_defaults(func=cmd_test)
    p_core = sub.add_parser("test-core", help="Odoo's tests, with and without ours")
    p_core.add_argument("--jobs", type=int, default=2)
    p_core.set_defaults(func=cmd_test_core)
    sub.add_parser("lint", help="pre-commit on all files").set_defaults(func=cmd_lint)
    p_db = sub.add_parser("db", help="a scratch database from the template")
    p_db.add_argument("db")
    p_db.add_argument("addons", nargs="*")
    p_db.set_defaults(func=cmd_db)
    sub.add_parser("shell-env", help="print exports").set_defaults(func=cmd_shell_env)
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except SetupError as exc:
        print(f"coopdev: error: {exc}", file=sys.stderr)
        return 2
    except PermissionError as exc:
        print(
            f"coopdev: error: no write access to {exc.filename}: "
            "run from a clone you own, or fix the permissions.",
            file=sys.stderr,
        )
        return 2
    except subprocess.CalledProcessError as exc:
        cmd = " ".join(map(str, exc.cmd))[:200]
        print(
            f"coopdev: error: '{cmd}' failed (exit {exc.returncode}); "
            "read its output above, fix it and run the same command again.",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print(
            "coopdev: interrupted; run the same command again to resume.",
            file=sys.stderr,
        )
        return 130


if __name__ == "__main__":
    sys.exit(main())
