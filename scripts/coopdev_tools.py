# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The command lines of the tools coopdev drives, and how it reads their output.

- click-odoo-contrib: ``click-odoo-initdb`` creates every database from a
  cached template whose name carries a hash of the installed modules'
  content; ``click-odoo-dropdb`` drops a database and its filestore;
- manifestoo: the stock modules our addons depend on, from their manifests;
- checklog-odoo: fails a test log on any WARNING or ERROR record not in the
  ignore list of ``checklog-odoo.cfg``.

Standard library only, and pure: tested in ``tests/test_coopdev.py``.
"""

import fnmatch
import re
from pathlib import Path

# Template databases are named "coopdev-YYYYmmddHHMM-<sha1 of the modules>";
# click-odoo-initdb drops those unused for CACHE_MAX_AGE days or beyond the
# CACHE_MAX_SIZE most recently used (older ones: modules whose content changed).
CACHE_PREFIX = "coopdev"
CACHE_MAX_AGE = 30
CACHE_MAX_SIZE = 4
# The addons_hash() click-odoo-initdb keys its cache on, printed (venv python).
ADDONS_HASH_CODE = (
    "import sys, odoo; odoo.tools.config.parse_config(['-c', sys.argv[1]]); "
    "from click_odoo_contrib.initdb import addons_hash; "
    "print(addons_hash(sys.argv[2].split(','), True))"
)
CHECKLOG_FAILURES = re.compile(r"errors that caused failure \((\d+)\)")
TEST_FAILURE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?:ERROR|CRITICAL) \S+ "
    r"(?P<logger>\S+): (?P<kind>FAIL|ERROR): (?P<test>.+?)\s*$"
)
TEST_CLASS = re.compile(r"^class (\w+)\(", re.MULTILINE)


def addon_dirs(root):
    """Our addons: the repository's folders holding a ``__manifest__.py``."""
    return sorted(p.parent.name for p in Path(root).glob("*/__manifest__.py"))


def addons_path(src, root):
    return [str(Path(src) / "addons"), str(Path(src) / "odoo" / "addons"), str(root)]


def manifestoo_cmd(bindir, src, root):
    """List the stock modules our addons' manifests depend on (direct ones)."""
    return [
        str(Path(bindir) / "manifestoo"),
        "--addons-path",
        ",".join(addons_path(src, root)[:2]),
        "--no-addons-path-from-import-odoo",
        "--select-addons-dir",
        str(root),
        "list-depends",
        "--separator=,",
    ]


def module_list(output):
    """``a,b,c`` (manifestoo's output) as a sorted list without blanks."""
    return sorted(
        {m.strip() for m in output.replace("\n", ",").split(",") if m.strip()}
    )


def initdb_cmd(bindir, conf, db, modules):
    """Create ``db`` with ``modules`` (demo data) from the template cache."""
    return [
        str(Path(bindir) / "click-odoo-initdb"),
        "-c",
        str(conf),
        "-n",
        db,
        "-m",
        ",".join(sorted(modules)),
        "--demo",
        "--cache-prefix",
        CACHE_PREFIX,
        "--cache-max-age",
        str(CACHE_MAX_AGE),
        "--cache-max-size",
        str(CACHE_MAX_SIZE),
    ]


def dropdb_cmd(bindir, conf, db):
    return [str(Path(bindir) / "click-odoo-dropdb"), "-c", str(conf), "--if-exists", db]


def template_like(hashsum):
    """SQL LIKE pattern of the cached template for ``hashsum`` (any date)."""
    return f"{CACHE_PREFIX}-{'_' * 12}-{hashsum}"[:63]


def template_name(hashsum, now):
    """A template name click-odoo-initdb recognises (``now``: a datetime)."""
    return f"{CACHE_PREFIX}-{now:%Y%m%d%H%M}-{hashsum}"[:63]


def dump_path(cache_dir, hashsum):
    """Where a template's dump is kept across clusters (CI, ``make run``)."""
    return Path(cache_dir) / f"{CACHE_PREFIX}-{hashsum}.dump"


def checklog_cmd(bindir, cfg, log):
    return [str(Path(bindir) / "checklog-odoo"), "-c", str(cfg), "--no-echo", str(log)]


def checklog_failures(output):
    """How many log records made checklog-odoo fail (0 when none)."""
    match = CHECKLOG_FAILURES.search(output)
    return int(match.group(1)) if match else 0


def classes_in(text):
    """Test class names defined in a Python source text."""
    return TEST_CLASS.findall(text)


def expand_test_tags(specs, classes_of):
    """Odoo ``--test-tags`` from ``specs``, where a class may end in ``*``.

    ``/account:TestAccountMove*`` becomes one ``/account:<Class>`` per class of
    ``classes_of("account")`` matching the pattern (Odoo matches exact names).
    """
    tags = []
    for spec in specs:
        head, sep, klass = spec.partition(":")
        if not sep or "*" not in klass:
            tags.append(spec)
            continue
        module = head.lstrip("+-").split("/")[-1]
        matching = sorted(set(fnmatch.filter(classes_of(module), klass)))
        tags += [f"{head}:{name}" for name in matching]
    return ",".join(tags)


def failed_tests(lines):
    """The tests an Odoo log reports as failed or in error (set of names)."""
    found = set()
    for line in lines:
        match = TEST_FAILURE.match(line.rstrip("\n"))
        if match:
            found.add(f"{match.group('logger')}: {match.group('test')}")
    return found


def only_with_ours(without, with_ours):
    """Failures that appear only once our addons are installed."""
    return sorted(set(with_ours) - set(without))
