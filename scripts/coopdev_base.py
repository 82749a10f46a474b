# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""coopdev's settings and the steps before PostgreSQL: Odoo's source, the venv.

Standard library only: it runs before the virtual environment exists.
"""

import hashlib
import os
import re
import shutil
import socket
import subprocess
import tarfile
import urllib.request
from pathlib import Path

import coopdev_tools as tools

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ROOT / ".local"
RUN_DIR = LOCAL / "run"  # what `make run` serves: config, data, secrets
RUN_SECRETS = RUN_DIR / "secrets"
VENV = ROOT / ".venv"
# Our addons; the stock modules they depend on come from their manifests
# (Env.stock_modules(), manifestoo): they make the template database.
ADDONS = tools.addon_dirs(ROOT)
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
VENV_LAYOUT = "4"  # bump when ensure_venv() installs something new


class SetupError(Exception):
    """A problem the user fixes; printed as one line naming the fix."""


def say(msg):
    print(f"[coopdev] {msg}", flush=True)


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


# cbor2 5.4.2 builds only with setuptools < 70 (build isolation too). With
# that setuptools, gevent 22.10.2 (Odoo's pin) loads its plugins through
# pkg_resources, which does not find zope.interface 7+ and zope.event 5.1+
# (their metadata folders use the normalised name): Odoo's websocket process
# (``odoo-bin gevent``, started with workers) would die at start and be
# respawned every second.
BUILD_CONSTRAINTS = "setuptools<70\nzope.interface<7\nzope.event<5.1\n"


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
    constraint = LOCAL / "build-constraints.txt"
    LOCAL.mkdir(exist_ok=True)
    constraint.write_text(BUILD_CONSTRAINTS)
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
