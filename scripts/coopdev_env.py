# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo set up for coopdev: config, installs, databases from the template cache."""

import datetime
import fcntl
import subprocess
from pathlib import Path

import coopdev_tools as tools
from coopdev_base import (
    LOCAL,
    ROOT,
    TEMPLATE_CACHE,
    TOUR_PACKAGES,
    VENV,
    SetupError,
    apt_install,
    ensure_odoo_src,
    ensure_venv,
    run,
    say,
    venv_python,
)
from coopdev_pg import (
    Postgres,
    restore_dump,
)


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
