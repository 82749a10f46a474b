# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What ``make run`` serves, decided as plain functions (tested in
``tests/test_coopdev.py``): a durable PostgreSQL cluster of its own with
password authentication and a role that is not a superuser, and Odoo in
multi-process mode with limits and without the database manager.

The test suite keeps its own fast cluster (``fsync=off``): its databases are
thrown away after each run, the served one holds a cooperative's books.
Standard library only, like ``coopdev.py``.
"""

import os
import re
import secrets
from pathlib import Path

SUPERUSER = "coop_admin"  # owns the served cluster, used by the setup only
ODOO_ROLE = "coop_odoo"  # what Odoo connects as: no superuser, no createdb
SECRET_MODE = 0o600

# Odoo's defaults for a production server (odoo-bin --help), on a 2-core
# machine: two HTTP workers and one cron worker.
WORKERS = 2
MAX_CRON_THREADS = 1
LIMIT_TIME_CPU = 60
LIMIT_TIME_REAL = 120
LIMIT_TIME_REAL_CRON = 300
LIMIT_MEMORY_SOFT = 2 * 1024**3
LIMIT_MEMORY_HARD = 2560 * 1024**2
LIMIT_REQUEST = 65536


def cluster_options(port, durable):
    """``postgres`` options: loopback only, no Unix socket; the served
    cluster keeps PostgreSQL's durable settings, the test cluster trades them
    for speed."""
    opts = [
        "-c listen_addresses=127.0.0.1",
        f"-p {port}",
        "-c unix_socket_directories=''",
        "-c max_connections=200",
    ]
    if durable:
        opts += [
            "-c fsync=on",
            "-c full_page_writes=on",
            "-c synchronous_commit=on",
            "-c password_encryption=scram-sha-256",
        ]
    else:
        opts += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
    return " ".join(opts)


def initdb_auth(durable, pwfile=None):
    """``initdb`` authentication arguments: scram-sha-256 with the
    superuser's password for the served cluster, trust for the test one."""
    if durable:
        return ["-A", "scram-sha-256", f"--pwfile={pwfile}"]
    return ["-A", "trust"]


def secret(path, nbytes=24):
    """The secret kept in ``path`` (created, readable by its owner only, on
    first use). Returns ``(value, created)``."""
    path = Path(path)
    if path.is_file():
        return path.read_text().strip(), False
    path.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    value = secrets.token_urlsafe(nbytes)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, SECRET_MODE)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    return value, True


def write_private(path, text):
    """Write ``text`` to ``path``, readable by its owner only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, SECRET_MODE)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    os.chmod(path, SECRET_MODE)
    return path


def sql_literal(value):
    """A PostgreSQL string literal (the secrets are URL-safe already)."""
    return "'" + str(value).replace("'", "''") + "'"


def role_sql(role, password):
    """Create or update Odoo's login role: it may log in, nothing more."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", role):
        raise ValueError(f"not a plain role name: {role!r}")
    attrs = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
    pw = sql_literal(password)
    return (
        "DO $$BEGIN "
        f"IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN "
        f"ALTER ROLE {role} {attrs} PASSWORD {pw}; "
        f"ELSE CREATE ROLE {role} {attrs} PASSWORD {pw}; END IF; END$$"
    )


def run_config(*, addons_path, data_dir, pg, db, master_hash, http_port, gevent_port):
    """Odoo's configuration for the served database (a list of lines).

    ``pg`` holds ``host``, ``port``, ``user`` and ``password``."""
    return [
        "[options]",
        f"addons_path = {addons_path}",
        f"data_dir = {data_dir}",
        f"db_host = {pg['host']}",
        f"db_port = {pg['port']}",
        f"db_user = {pg['user']}",
        f"db_password = {pg['password']}",
        f"db_name = {db}",
        f"dbfilter = ^{re.escape(db)}$",
        "list_db = False",
        f"admin_passwd = {master_hash}",
        "http_interface = 127.0.0.1",
        f"http_port = {http_port}",
        f"gevent_port = {gevent_port}",
        "proxy_mode = False",
        f"workers = {WORKERS}",
        f"max_cron_threads = {MAX_CRON_THREADS}",
        f"limit_time_cpu = {LIMIT_TIME_CPU}",
        f"limit_time_real = {LIMIT_TIME_REAL}",
        f"limit_time_real_cron = {LIMIT_TIME_REAL_CRON}",
        f"limit_memory_soft = {LIMIT_MEMORY_SOFT}",
        f"limit_memory_hard = {LIMIT_MEMORY_HARD}",
        f"limit_request = {LIMIT_REQUEST}",
    ]


def parse_options(lines):
    """``key = value`` lines of an Odoo configuration, as a dict."""
    opts = {}
    for line in lines:
        key, sep, value = line.partition("=")
        if sep:
            opts[key.strip()] = value.strip()
    return opts


def config_problems(lines):
    """What makes a served configuration unsafe (empty when it is safe)."""
    opts = parse_options(lines)
    problems = []
    if opts.get("list_db", "True") != "False":
        problems.append("the database manager is on (list_db)")
    if not opts.get("dbfilter"):
        problems.append("no dbfilter")
    if opts.get("admin_passwd", "admin") in ("", "admin", "False"):
        problems.append("the master password is empty or 'admin'")
    elif not opts["admin_passwd"].startswith("$pbkdf2-sha512$"):
        problems.append("the master password is stored in clear")
    if int(opts.get("workers", "0")) < 2:
        problems.append("Odoo runs threaded (workers < 2)")
    for key in ("limit_time_cpu", "limit_time_real", "limit_memory_hard"):
        if int(opts.get(key, "0")) <= 0:
            problems.append(f"{key} is not set")
    if opts.get("db_user") in ("postgres", "odoo", SUPERUSER):
        problems.append("Odoo connects as a superuser")
    if opts.get("db_password", "False") in ("", "False"):
        problems.append("no database password")
    return problems
