# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The PostgreSQL clusters coopdev runs (tests, `make run`) or a user's server."""

import hashlib
import os
import shutil
import subprocess
import time
from pathlib import Path

import coopdev_run
from coopdev_base import (
    DEBIAN_PG_PACKAGES,
    LOCAL,
    PG_SUPERUSER,
    PG_SYSTEM_USER,
    ROOT,
    RUN_SECRETS,
    SetupError,
    apt_install,
    is_root,
    pick_port,
    port_is_free,
    run,
    say,
)


def external_pg(environ):
    """Connection settings of a user-provided PostgreSQL server, or None."""
    keys = ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD")
    if not any(environ.get(key) for key in keys):
        return None
    return {
        "host": environ.get("PGHOST", "127.0.0.1"),
        "port": int(environ.get("PGPORT", "5432")),
        "user": environ.get("PGUSER", "odoo"),
        "password": environ.get("PGPASSWORD", ""),
    }


def traversable_by_others(path):
    """Whether a non-root user can reach ``path`` (every parent has o+x)."""
    path = Path(path)
    return all(os.stat(p).st_mode & 0o001 for p in [*path.parents] if p.exists())


def pg_home(root, as_root, others_can_reach=traversable_by_others):
    """Where the project's cluster lives: ``.local/pg``, or, when PostgreSQL
    runs as the dedicated user and cannot reach the clone (a private parent
    folder), a folder of its own under /var/tmp named after the clone."""
    local = Path(root) / ".local" / "pg"
    if not as_root or others_can_reach(local):
        return local
    digest = hashlib.sha1(str(root).encode()).hexdigest()[:10]
    return Path("/var/tmp") / f"coop-addons-pg-{digest}"


class Postgres:
    """The project's local cluster under .local/pg, or an external server.

    ``durable=True`` is the cluster ``make run`` serves (.local/pg-run):
    PostgreSQL's durable settings, password authentication, its superuser's
    password in .local/run/secrets; the test cluster trusts local
    connections and skips fsync (its databases are thrown away)."""

    def __init__(self, durable=False):
        self.durable = durable
        self.external = external_pg(os.environ)
        pgdir = pg_home(ROOT, is_root())
        if durable:
            pgdir = pgdir.with_name(pgdir.name + "-run")
        self.datadir = pgdir / "data"
        self.portfile = pgdir / "port"

    # -- settings
    @property
    def host(self):
        return self.external["host"] if self.external else "127.0.0.1"

    @property
    def port(self):
        if self.external:
            return self.external["port"]
        return int(self.portfile.read_text()) if self.portfile.is_file() else None

    @property
    def user(self):
        if self.external:
            return self.external["user"]
        return coopdev_run.SUPERUSER if self.durable else PG_SUPERUSER

    @property
    def password(self):
        if self.external:
            return self.external["password"]
        if self.durable:
            return coopdev_run.secret(RUN_SECRETS / "pg_superuser")[0]
        return ""

    def env(self):
        env = dict(os.environ)
        env.update(
            PGHOST=self.host,
            PGPORT=str(self.port),
            PGUSER=self.user,
            PGDATABASE="postgres",
        )
        if self.password:
            env["PGPASSWORD"] = self.password
        return env

    # -- binaries
    def bindir(self):
        base = Path("/usr/lib/postgresql")
        if base.is_dir():
            versions = sorted(
                (p for p in base.iterdir() if (p / "bin" / "initdb").exists()),
                key=lambda p: int(p.name) if p.name.isdigit() else 0,
            )
            if versions:
                return versions[-1] / "bin"
        found = shutil.which("initdb")
        return Path(found).parent if found else None

    def _as_owner(self, cmd):
        if is_root():
            return ["runuser", "-u", PG_SYSTEM_USER, "--", *cmd]
        return cmd

    def _ensure_system_user(self):
        if not is_root():
            return
        if subprocess.run(
            ["id", PG_SYSTEM_USER], capture_output=True, check=False
        ).returncode:
            run(
                [
                    "useradd",
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    PG_SYSTEM_USER,
                ]
            )

    def running(self):
        pidfile = self.datadir / "postmaster.pid"
        if not pidfile.is_file():
            return False
        try:
            pid = int(pidfile.read_text().split()[0])
            os.kill(pid, 0)
        except (ValueError, ProcessLookupError, IndexError):
            return False
        except PermissionError:
            return True
        return True

    def start(self):
        if self.external:
            self.wait_ready()
            return
        if not self.bindir():
            apt_install(DEBIAN_PG_PACKAGES, "the local PostgreSQL cluster")
        bindir = self.bindir()
        if not bindir:
            raise SetupError(
                "No PostgreSQL binaries: run 'sudo apt-get install postgresql'."
            )
        self._ensure_system_user()
        pgdir = self.datadir.parent
        pgdir.mkdir(parents=True, exist_ok=True)
        if is_root():
            shutil.chown(pgdir, PG_SYSTEM_USER)
        if not (self.datadir / "PG_VERSION").is_file():
            self._initdb(bindir)
        if self.running():
            return
        first = 54420 if self.durable else 54320
        port = self.port if self.port and port_is_free(self.port) else pick_port(first)
        self.portfile.write_text(str(port))
        logfile = pgdir / "postgres.log"
        if is_root():
            logfile.touch()
            shutil.chown(logfile, PG_SYSTEM_USER)
        opts = coopdev_run.cluster_options(port, self.durable)
        say(f"starting PostgreSQL on 127.0.0.1:{port}")
        result = run(
            self._as_owner(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(self.datadir),
                    "-l",
                    str(logfile),
                    "-o",
                    opts,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            check=False,
            stdout=subprocess.DEVNULL,
        )
        if result.returncode:
            raise SetupError(f"PostgreSQL did not start: read {logfile}.")
        self.wait_ready()

    def _initdb(self, bindir):
        shutil.rmtree(self.datadir, ignore_errors=True)  # an interrupted initdb
        say(f"initialising PostgreSQL cluster in {self.datadir}")
        pwfile = self.datadir.parent / "initdb.pw"
        if self.durable:
            coopdev_run.write_private(pwfile, self.password + "\n")
            if is_root():
                shutil.chown(pwfile, PG_SYSTEM_USER)
        try:
            run(
                self._as_owner(
                    [
                        str(bindir / "initdb"),
                        "-D",
                        str(self.datadir),
                        "-U",
                        self.user,
                        *coopdev_run.initdb_auth(self.durable, pwfile),
                        "-E",
                        "UTF8",
                        "--locale=C.UTF-8",
                    ]
                ),
                stdout=subprocess.DEVNULL,
            )
        finally:
            pwfile.unlink(missing_ok=True)

    def wait_ready(self, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.psql("SELECT 1", check=False).returncode == 0:
                return
            time.sleep(0.5)
        raise SetupError(
            f"Cannot connect to PostgreSQL at {self.host}:{self.port} as {self.user}: "
            "check PGHOST/PGPORT/PGUSER/PGPASSWORD or run 'make stop' then 'make run'."
        )

    def stop(self):
        if self.external or not self.running():
            return
        bindir = self.bindir()
        say("stopping PostgreSQL")
        run(
            self._as_owner(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(self.datadir),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ]
            ),
            check=False,
            stdout=subprocess.DEVNULL,
        )

    def psql(self, sql, check=True, db="postgres"):
        return subprocess.run(
            [
                "psql",
                "-X",
                "-q",
                "-t",
                "-A",
                "-v",
                "ON_ERROR_STOP=1",
                "-d",
                db,
                "-c",
                sql,
            ],
            env=self.env(),
            capture_output=True,
            text=True,
            check=check,
        )

    def db_exists(self, name):
        out = self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").stdout
        return out.strip() == "1"

    def drop_db(self, name, data_dir=None):
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(filestore(name, data_dir), ignore_errors=True)

    def rename_db(self, old, new, data_dir=None):
        self.psql(f'ALTER DATABASE "{old}" RENAME TO "{new}"')
        if filestore(old, data_dir).is_dir():
            shutil.rmtree(filestore(new, data_dir), ignore_errors=True)
            filestore(old, data_dir).rename(filestore(new, data_dir))


def filestore(db, data_dir=None):
    return (data_dir or LOCAL / "data") / "filestore" / db


def restore_dump(pg, dump, db, data_dir=None, owner=None):
    """Restore a template dump into a new database ``db`` of ``pg`` (owned
    by ``owner`` if given); False (nothing left) on failure. The template's
    attachments are in the database (click-odoo-initdb): no filestore."""
    bindir = pg.bindir()
    if not bindir:
        return False
    pg.drop_db(db, data_dir)
    pg.psql(f'CREATE DATABASE "{db}"' + (f' OWNER "{owner}"' if owner else ""))
    role = ["--role", owner] if owner else []
    result = subprocess.run(
        [str(bindir / "pg_restore"), "-j", "2", "--no-owner", *role, "-d", db]
        + [str(dump)],
        env=pg.env(),
        capture_output=True,
        check=False,
    )
    if result.returncode:
        pg.drop_db(db, data_dir)
        return False
    return True
