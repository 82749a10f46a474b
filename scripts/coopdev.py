#!/usr/bin/env python3
# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Development environment of the coop addons: venv, Odoo, PostgreSQL, run, test.

Standard library only: it runs before the virtual environment exists.
Every decision that can be tested fast is a small function (see
``tests/test_coopdev.py``); the commands at the bottom glue them together.

Usage: python3 scripts/coopdev.py {setup,run,stop,test,test-addon,db,shell-env}
"""

import argparse
import concurrent.futures
import datetime
import fcntl
import hashlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

import coopdev_run
import coopdev_tools as tools

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
RUN_DIR = LOCAL / "run"  # what `make run` serves: config, data, secrets
RUN_SECRETS = RUN_DIR / "secrets"
VENV = ROOT / ".venv"
ADDONS = tools.addon_dirs(ROOT)
# The stock modules our addons depend on come from their manifests
# (Env.stock_modules(), manifestoo): they make the template database.
ODOO_ARCHIVE_URL = "https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
CACHE_SRC = Path.home() / ".cache" / "odoo-src" / "18.0"
TEMPLATE_CACHE = Path.home() / ".cache" / "coop-addons" / "templates"
PG_SUPERUSER = "odoo"
PG_SYSTEM_USER = "coopdb"
DEBIAN_PG_PACKAGES = ["postgresql", "postgresql-client"]
BUILD_PACKAGES = ["libldap2-dev", "libsasl2-dev", "libpq-dev"]
TOUR_PACKAGES = ["chromium"]
RUN_PACKAGES = ["wkhtmltopdf"]
OUR_REQUIREMENTS = ROOT / "requirements-dev.txt"
CHECKLOG_CFG = ROOT / "checklog-odoo.cfg"
# `make test-core`: Odoo's own tests of the stock modules we extend, on a
# database without our addons and on one with them. CORE_TEST_TAGS is the one
# list to widen (README, "Odoo's own tests"); a class name may end in "*".
CORE_MODULES = [
    "account",
    "loyalty",
    "point_of_sale",
    "pos_loyalty",
    "purchase",
    "sale",
    "sale_loyalty",
    "test_mail",
]
CORE_TEST_TAGS = [
    "/account:TestAccountMove*",
    "/account:TestAccountPayment*",
    "/test_mail:TestMailgateway",
    "/test_mail:TestMailGatewayLoops",
    "/test_mail:TestMailGatewayReplies",
    "/sale:TestSaleOrder*",
    "/sale:TestSaleToInvoice",
    "/purchase",
    "/loyalty",
    "/sale_loyalty",
    "/point_of_sale:TestPoS*",
    # Wider, with browser tours (much longer): "/point_of_sale", "/pos_loyalty",
    # "/sale", "/account".
]
VENV_LAYOUT = "3"  # bump when ensure_venv() installs something new
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>\S+): (?P<msg>.*)$"
)
RESULT_LINE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests"
)


class SetupError(Exception):
    """A problem the user fixes; printed as one line naming the fix."""


def say(msg):
    print(f"[coopdev] {msg}", flush=True)


# ---------------------------------------------------------------- decisions


def odoo_version(src):
    """Return Odoo's ``version_info[:2]`` read from ``odoo/release.py`` or None."""
    release = Path(src) / "odoo" / "release.py"
    if not release.is_file():
        return None
    match = re.search(
        r"^version_info\s*=\s*\((\d+),\s*(\d+)", release.read_text(), re.MULTILINE
    )
    if not match:
        return None
    return int(match.group(1)), int(match.group(2))


def find_odoo_src(environ, cache=CACHE_SRC):
    """Pick Odoo's source tree: ``ODOO_SRC``, else the cache, else None (download).

    A set but wrong ``ODOO_SRC`` is an error, never silently replaced.
    """
    explicit = environ.get("ODOO_SRC")
    if explicit:
        version = odoo_version(explicit)
        if version is None:
            raise SetupError(
                f"ODOO_SRC={explicit} holds no Odoo source (no odoo/release.py): "
                "point it at an Odoo 18.0 tree or unset it."
            )
        if version != (18, 0):
            raise SetupError(
                f"ODOO_SRC={explicit} is Odoo {version[0]}.{version[1]}, not 18.0: "
                "point it at an Odoo 18.0 tree or unset it."
            )
        return Path(explicit)
    if odoo_version(cache) == (18, 0):
        return Path(cache)
    return None


def port_is_free(port, host="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def pick_port(preferred, is_free=port_is_free, span=200):
    """First free port from ``preferred`` on, within ``span`` ports."""
    for port in range(preferred, preferred + span):
        if is_free(port):
            return port
    raise SetupError(
        f"No free TCP port between {preferred} and {preferred + span - 1}: "
        "stop what uses them or set another port."
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


def scan_log(lines, our_prefix="odoo.addons.coop_"):
    """Read an Odoo test log for what checklog-odoo does not check.

    ``skipped`` lists each of our tests that was skipped (a skipped tour fails
    the suite); ``run``/``failed`` come from Odoo's own result lines
    ("N failed, N error(s) of N tests"); ``results`` counts those lines.
    WARNING and ERROR records are checklog-odoo's job (``checklog-odoo.cfg``).
    """
    report = {"run": 0, "failed": 0, "skipped": [], "results": 0}
    for line in lines:
        line = line.rstrip("\n")
        match = LOG_LINE.match(line)
        if (
            match
            and match.group("logger").startswith(our_prefix)
            and match.group("msg").startswith("skipped ")
        ):
            report["skipped"].append(line)
        result = RESULT_LINE.search(line)
        if result and "when loading database" in line:
            report["results"] += 1
            report["run"] += int(result.group("run"))
            report["failed"] += int(result.group("failed")) + int(
                result.group("errors")
            )
    return report


def pytest_counts(text):
    """Passed and failed counts from pytest's closing line."""
    passed = failed = 0
    tail = [
        ln for ln in text.splitlines() if re.search(r"\d+ (passed|failed|error)", ln)
    ]
    if tail:
        last = tail[-1]
        for num, word in re.findall(r"(\d+) (passed|failed|errors?)", last):
            if word == "passed":
                passed = int(num)
            else:
                failed += int(num)
    return passed, failed


# ---------------------------------------------------------------- plumbing


def run(cmd, check=True, **kw):
    return subprocess.run(cmd, check=check, **kw)


def is_root():
    return os.geteuid() == 0


def apt_install(packages, why):
    missing = [p for p in packages if not dpkg_installed(p)]
    if not missing:
        return
    if not is_root() or not shutil.which("apt-get"):
        raise SetupError(
            f"{why} needs Debian packages {' '.join(missing)}: "
            f"run 'sudo apt-get install {' '.join(missing)}'."
        )
    say(f"installing Debian packages: {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    result = run(
        ["apt-get", "install", "-y", "--no-install-recommends", *missing],
        check=False,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    if result.returncode:
        run(["apt-get", "update"], check=False, stdout=subprocess.DEVNULL)
        run(
            ["apt-get", "install", "-y", "--no-install-recommends", *missing],
            env=env,
            stdout=subprocess.DEVNULL,
        )


def dpkg_installed(package):
    if not shutil.which("dpkg-query"):
        return True  # not Debian: trust the user
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return "install ok installed" in result.stdout


def ensure_odoo_src():
    src = find_odoo_src(os.environ)
    if src:
        return src
    say(f"no Odoo 18.0 source found: downloading {ODOO_ARCHIVE_URL}")
    partial = CACHE_SRC.with_name("18.0.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    archive = partial / "odoo.tar.gz"
    try:
        urllib.request.urlretrieve(ODOO_ARCHIVE_URL, archive)
        with tarfile.open(archive) as tar:
            tar.extractall(partial, filter="data")
    except Exception as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise SetupError(
            f"Odoo 18.0 source missing and download failed ({exc}): put an Odoo 18.0 "
            f"tree at {CACHE_SRC} or set ODOO_SRC to one."
        ) from exc
    tops = [p for p in partial.iterdir() if p.is_dir()]
    if len(tops) != 1 or odoo_version(tops[0]) != (18, 0):
        shutil.rmtree(partial, ignore_errors=True)
        raise SetupError(
            "the downloaded archive is not Odoo 18.0: "
            f"put an Odoo 18.0 tree at {CACHE_SRC}."
        )
    shutil.rmtree(CACHE_SRC, ignore_errors=True)
    tops[0].rename(CACHE_SRC)
    shutil.rmtree(partial, ignore_errors=True)
    return CACHE_SRC


def find_python():
    for name in ("python3.11", "python3"):
        exe = shutil.which(name)
        if not exe:
            continue
        out = subprocess.run(
            [exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if out == "3.11":
            return exe
    raise SetupError(
        "Odoo 18.0 here needs Python 3.11: install python3.11 (and python3.11-venv)."
    )


def venv_python():
    return VENV / "bin" / "python"


def ensure_venv(src):
    """Create ``.venv`` with Odoo's and our requirements; idempotent."""
    stamp = VENV / ".coop-stamp"
    reqs = [Path(src) / "requirements.txt", OUR_REQUIREMENTS]
    digest = hashlib.sha1(
        b"".join(p.read_bytes() for p in reqs) + f"{src}:{VENV_LAYOUT}".encode()
    ).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest and venv_python().exists():
        return
    if not os.access(ROOT, os.W_OK):
        raise SetupError(
            f"{ROOT} is not writable: clone the project where you can write."
        )
    apt_install(BUILD_PACKAGES, "building Odoo's Python requirements")
    if not venv_python().exists():
        say("creating .venv")
        shutil.rmtree(VENV, ignore_errors=True)
        run([find_python(), "-m", "venv", str(VENV)])
    pip = [str(venv_python()), "-m", "pip", "--disable-pip-version-check", "-q"]
    # cbor2 5.4.2 builds only with setuptools < 70 (build isolation too).
    constraint = LOCAL / "build-constraints.txt"
    LOCAL.mkdir(exist_ok=True)
    constraint.write_text("setuptools<70\n")
    env = dict(os.environ, PIP_CONSTRAINT=str(constraint))
    say("installing Odoo's requirements (first run takes a few minutes)")
    run([*pip, "install", "setuptools<70", "wheel"], env=env)
    run([*pip, "install", "-r", str(reqs[0])], env=env)
    say("installing the project's requirements")
    run([*pip, "install", "-r", str(OUR_REQUIREMENTS)], env=env)
    # Odoo itself as an editable distribution, so OCA wheels (odoo-addon-*)
    # find their 'odoo' requirement satisfied.
    run([*pip, "install", "--no-deps", "--no-build-isolation", "-e", str(src)], env=env)
    # OCA wheels ship an empty 'odoo' namespace; the .pth makes the real one win.
    site = subprocess.run(
        [
            str(venv_python()),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "00-odoo-src.pth").write_text(f"{src}\n")
    check = subprocess.run(
        [
            str(venv_python()),
            "-c",
            "import odoo.release as r; print(r.version_info[0])",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if check.stdout.strip() != "18":
        raise SetupError(
            f"'import odoo' does not reach {src} in .venv: remove .venv and rerun."
        )
    stamp.write_text(digest)


# ---------------------------------------------------------------- PostgreSQL


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


# ---------------------------------------------------------------- Odoo


def write_config(pg, src, http_port=8069):
    conf = LOCAL / "odoo.conf"
    addons_path = ",".join(
        [str(Path(src) / "addons"), str(Path(src) / "odoo" / "addons"), str(ROOT)]
    )
    lines = [
        "[options]",
        f"addons_path = {addons_path}",
        f"data_dir = {LOCAL / 'data'}",
        f"db_host = {pg.host}",
        f"db_port = {pg.port}",
        f"db_user = {pg.user}",
        f"db_password = {pg.password or 'False'}",
        "admin_passwd = admin",
        f"http_port = {http_port}",
        "http_interface = 127.0.0.1",
        "list_db = True",
        "max_cron_threads = 1",
    ]
    conf.write_text("\n".join(lines) + "\n")
    return conf


def odoo_cmd(src, conf, *args):
    return [str(venv_python()), str(Path(src) / "odoo-bin"), "-c", str(conf), *args]


def install_db(src, conf, db, modules, logfile, test=False, http_port=None, extra=()):
    """Install ``modules`` into ``db``; write Odoo's log to ``logfile``."""
    args = [
        "-d",
        db,
        "-i",
        ",".join(modules),
        "--stop-after-init",
        "--no-http" if not test else "--http-interface=127.0.0.1",
    ]
    if test:
        args += ["--test-enable", f"--http-port={http_port}", "--log-level=test"]
    args += list(extra)
    with open(logfile, "w") as log:
        return subprocess.run(
            odoo_cmd(src, conf, *args),
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode


class Env:
    """Everything set up: source, venv, PostgreSQL, config."""

    def __init__(self, need_tours=False):
        self.src = ensure_odoo_src()
        ensure_venv(self.src)
        if need_tours:
            apt_install(TOUR_PACKAGES, "browser tours")
        self.pg = Postgres()
        self.pg.start()
        self.conf = write_config(self.pg, self.src)
        (LOCAL / "logs").mkdir(exist_ok=True)

        self._hashes = {}
        self._stock = None

    def stock_modules(self):
        """The stock modules our addons' manifests depend on (manifestoo)."""
        if self._stock is None:
            out = run(
                tools.manifestoo_cmd(VENV / "bin", self.src, ROOT),
                capture_output=True,
                text=True,
            ).stdout
            self._stock = tools.module_list(out)
        return self._stock

    def modules_hash(self, modules):
        """click-odoo-initdb's cache key: the content of ``modules`` and of
        their dependencies (what a source change must invalidate)."""
        key = ",".join(sorted(modules))
        if key not in self._hashes:
            code = tools.ADDONS_HASH_CODE
            self._hashes[key] = run(
                [str(venv_python()), "-c", code, str(self.conf), key],
                capture_output=True,
                text=True,
            ).stdout.strip()
        return self._hashes[key]

    def drop_db(self, db):
        """Drop an Odoo database and its filestore (click-odoo-dropdb)."""
        run(tools.dropdb_cmd(VENV / "bin", self.conf, db), capture_output=True)

    def new_db(self, db, modules=None):
        """``db`` afresh with ``modules`` (default: the stock ones), copied by
        click-odoo-initdb from its template cache or built once."""
        modules = modules or self.stock_modules()
        hashsum = self.modules_hash(modules)
        log = LOCAL / "logs" / f"{db}-initdb.log"
        self.drop_db(db)
        # One builder at a time: the others wait, then copy its template.
        with open(LOCAL / "template.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self._drop_old_templates()
            if not self._cached(hashsum) and not self._restore_template(hashsum):
                say(f"building the template database of {len(modules)} modules")
            cmd = tools.initdb_cmd(VENV / "bin", self.conf, db, modules)
            with open(log, "w") as out:
                rc = run(cmd, check=False, stdout=out, stderr=subprocess.STDOUT)
            if rc.returncode:
                raise SetupError(f"creating database {db} failed: read {log}.")
            if sorted(modules) == self.stock_modules():
                self._save_template(hashsum)
        return db

    def _cached(self, hashsum):
        """Name of the cluster's template for ``hashsum``, or ''."""
        return self.pg.psql(
            "SELECT datname FROM pg_database WHERE datname LIKE "
            f"'{tools.template_like(hashsum)}' ORDER BY datname DESC LIMIT 1"
        ).stdout.strip()

    def _drop_old_templates(self):
        """Templates of the script before click-odoo-initdb (coop_tmpl_*)."""
        names = self.pg.psql(
            "SELECT datname FROM pg_database WHERE datname LIKE 'coop\\_tmpl\\_%'"
        ).stdout.split()
        for name in names:
            self.pg.drop_db(name)

    # A fresh cluster (CI, or `make run`'s own cluster) restores the stock
    # template from a dump in the user's cache, keyed on the same content
    # hash, instead of installing the stock modules again (10 minutes).
    def _restore_template(self, hashsum):
        dump = tools.dump_path(TEMPLATE_CACHE, hashsum)
        if not dump.is_file():
            return False
        name = tools.template_name(hashsum, datetime.datetime.now(datetime.UTC))
        say(f"restoring the template database from {dump}")
        if restore_dump(self.pg, dump, name):
            return True
        say("the template dump did not restore: building the template instead")
        dump.unlink(missing_ok=True)
        return False

    def _save_template(self, hashsum):
        dump = tools.dump_path(TEMPLATE_CACHE, hashsum)
        name = self._cached(hashsum)
        bindir = self.pg.bindir()
        if dump.is_file() or not name or not bindir:
            return
        TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
        tmp = dump.with_suffix(".partial")
        result = subprocess.run(
            [str(bindir / "pg_dump"), "-Fc", "-Z1", "-f", str(tmp), name],
            env=self.pg.env(),
            capture_output=True,
            check=False,
        )
        if result.returncode:
            tmp.unlink(missing_ok=True)
            return
        tmp.rename(dump)

    def template_dump(self):
        """The dump of the stock template (made if missing), for `make run`."""
        dump = tools.dump_path(TEMPLATE_CACHE, self.modules_hash(self.stock_modules()))
        if not dump.is_file():
            self.drop_db(self.new_db("coop_template_dump"))
        return dump


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


# ---------------------------------------------------------------- commands


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


def _run_odoo_tests(env, db, modules, port_base, label):
    log = LOCAL / "logs" / f"{db}.log"
    started = time.time()
    for attempt in range(3):
        env.new_db(db)
        http_port = pick_port(port_base + 5 * attempt, span=20)
        say(f"{label}: running (database {db}, HTTP port {http_port})")
        rc = install_db(
            env.src, env.conf, db, modules, log, test=True, http_port=http_port
        )
        with open(log) as fh:
            report = scan_log(fh)
        # Another process took the port between our check and Odoo's bind.
        if rc and not report["results"] and "Address already in use" in log.read_text():
            continue
        break
    report.update(check_log(log))
    report.update(rc=rc, seconds=time.time() - started, log=log, label=label)
    return report


def check_log(log):
    """checklog-odoo on a test log: any WARNING/ERROR record not ignored in
    checklog-odoo.cfg fails the run (``bad``: how many, ``checklog``: why)."""
    result = run(
        tools.checklog_cmd(VENV / "bin", CHECKLOG_CFG, log),
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    output = result.stdout + result.stderr
    bad = tools.checklog_failures(output) or (1 if result.returncode else 0)
    return {"bad": bad, "checklog": output if result.returncode else ""}


def _print_report(report):
    ok = (
        report["rc"] == 0
        and not report["failed"]
        and not report["bad"]
        and not report["skipped"]
        and report["results"]
    )
    say(
        f"{report['label']}: {report['run']} tests, {report['failed']} failed, "
        f"{len(report['skipped'])} skipped, {report['bad']} warning/error records, "
        f"{report['seconds']:.0f} s -> {'ok' if ok else 'FAILED'} ({report['log']})"
    )
    for line in report["skipped"][:30]:
        print("    " + line[:400])
    if report["checklog"]:
        print(report["checklog"].strip()[-4000:])
    return ok


def cmd_test(args):
    env = Env(need_tours=True)
    passed = failed = 0
    problems = []
    addons = args.addons or ADDONS
    runs = []
    if not args.alone_only:
        runs.append(("coop_test_all", addons, "(a) all addons together"))
    if not args.together_only:
        runs += [(f"coop_test_{a}", [a], f"(b) {a} alone") for a in addons]
    # Each run its own range of HTTP ports (tours), so runs can overlap, also
    # with another developer's single-addon run.
    if args.addons and len(runs) == 1 and addons[0] in ADDONS:
        bases = [18069 + 20 * ADDONS.index(addons[0])]
    else:
        bases = [18269 + 20 * i for i in range(len(runs))]

    def one(index):
        db, modules, label = runs[index]
        return _run_odoo_tests(env, db, modules, bases[index], label)

    jobs = max(1, min(args.jobs, len(runs)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        reports = list(pool.map(one, range(len(runs))))
    for (db, _modules, label), report in zip(runs, reports, strict=True):
        ok = _print_report(report)
        bad_tests = report["failed"]
        if not ok and not bad_tests:
            bad_tests = 1  # a warning, a skip or a crash fails the run
        passed += max(report["run"] - report["failed"], 0)
        failed += bad_tests
        if not ok:
            problems.append(label)
        if db != "coop_test_all":
            env.drop_db(db)
    if not args.no_pytest and not args.alone_only:
        label = "(c) pytest on tests/"
        result = subprocess.run(
            [
                str(venv_python()),
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                str(ROOT / "tests"),
                "--odoo-database=coop_test_all",
                f"--odoo-config={env.conf}",
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        print(result.stdout[-6000:])
        if result.returncode not in (0,):
            print(result.stderr[-3000:])
        p, f = pytest_counts(result.stdout)
        if result.returncode and not f:
            f = 1
        passed += p
        failed += f
        say(f"{label}: {p} passed, {f} failed")
        if result.returncode:
            problems.append(label)
    if not args.no_lint:
        label = "(d) lint"
        rc = cmd_lint(args)
        say(f"{label}: {'ok' if rc == 0 else 'FAILED'}")
        if rc:
            problems.append(label)
    if problems:
        say("failed: " + "; ".join(problems))
    print(f"{passed} passed, {failed} failed")
    return 1 if problems else 0


def core_test_tags(src):
    """CORE_TEST_TAGS for Odoo's --test-tags, class patterns expanded."""

    def classes_of(module):
        tests = Path(src) / "addons" / module / "tests"
        return [
            name
            for path in sorted(tests.glob("*.py"))
            for name in tools.classes_in(path.read_text())
        ]

    return tools.expand_test_tags(CORE_TEST_TAGS, classes_of)


def _run_core(env, run_spec, tags):
    db, modules, label, port_base = run_spec
    log = LOCAL / "logs" / f"{db}.log"
    started = time.time()
    env.drop_db(db)
    http_port = pick_port(port_base, span=20)
    say(f"{label}: installing {len(modules)} modules, running the tests ({db})")
    extra = [f"--test-tags={tags}"]
    rc = install_db(
        env.src, env.conf, db, modules, log, True, http_port=http_port, extra=extra
    )
    with open(log) as fh:
        lines = fh.readlines()
    report = scan_log(lines)
    report.update(rc=rc, failures=tools.failed_tests(lines), label=label)
    report["seconds"] = time.time() - started
    say(
        f"{label}: {report['run']} tests, {len(report['failures'])} failed "
        f"(exit {rc}), {report['seconds']:.0f} s ({log})"
    )
    return report


def cmd_test_core(args):
    """Odoo's own tests of what we extend, without then with our addons."""
    env = Env(need_tours=True)
    tags = core_test_tags(env.src)
    stock = sorted(set(env.stock_modules()) | set(CORE_MODULES))
    runs = [
        ("coop_core_stock", stock, "(1) stock modules only", 18469),
        ("coop_core_ours", stock + ADDONS, "(2) with the coop addons", 18489),
    ]
    started = time.time()
    jobs = max(1, min(args.jobs, 2))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        without, with_ours = pool.map(lambda r: _run_core(env, r, tags), runs)
    new = tools.only_with_ours(without["failures"], with_ours["failures"])
    for name in sorted(without["failures"]):
        print(f"    fails without our addons too: {name}")
    for name in new:
        print(f"    FAILS ONLY WITH OUR ADDONS: {name}")
    crashed = [r["label"] for r in (without, with_ours) if not r["results"]]
    for label in crashed:
        say(f"{label}: no test result in the log (install failed?)")
    say(
        f"test-core: {with_ours['run']} tests with our addons, "
        f"{len(new)} failure(s) only with them, {time.time() - started:.0f} s"
    )
    return 1 if new or crashed else 0


def cmd_lint(_args):
    src = find_odoo_src(os.environ) or ensure_odoo_src()
    ensure_venv(src)
    env = dict(os.environ, PATH=f"{VENV / 'bin'}:{os.environ['PATH']}")
    env.setdefault("PRE_COMMIT_HOME", str(Path.home() / ".cache" / "pre-commit"))
    return subprocess.run(
        [
            str(VENV / "bin" / "pre-commit"),
            "run",
            "--all-files",
            "--show-diff-on-failure",
        ],
        cwd=ROOT,
        env=env,
        check=False,
    ).returncode


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
