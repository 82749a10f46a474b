# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""`make test`, `make test-addon`, `make test-core` and `make lint`."""

import concurrent.futures
import os
import re
import subprocess
import time
from pathlib import Path

import coopdev_tools as tools
from coopdev_base import (
    ADDONS,
    CHECKLOG_CFG,
    LOCAL,
    ROOT,
    VENV,
    ensure_odoo_src,
    ensure_venv,
    find_odoo_src,
    pick_port,
    run,
    say,
    venv_python,
)
from coopdev_env import (
    Env,
    install_db,
)

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

LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
    r"(?P<logger>\S+): (?P<msg>.*)$"
)

RESULT_LINE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests"
)


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


def plan_test_runs(args):
    """The Odoo runs of `make test` as (database, modules, label), and the
    first HTTP port of each."""
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
    return runs, bases


def _run_odoo_runs(env, runs, bases, jobs):
    """(a) and (b): Odoo's runner on each planned database, ``jobs`` at once."""

    def one(index):
        db, modules, label = runs[index]
        return _run_odoo_tests(env, db, modules, bases[index], label)

    jobs = max(1, min(jobs, len(runs)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, range(len(runs))))


def _tally_odoo_runs(env, runs, reports):
    """Print each run's report and drop its database (not coop_test_all, that
    pytest uses); return the passed and failed counts and the failed runs."""
    passed = failed = 0
    problems = []
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
    return passed, failed, problems


def _run_pytest(env):
    """(c): pytest on tests/ against coop_test_all; return the passed and
    failed counts and the failed step."""
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
    if result.returncode:
        print(result.stderr[-3000:])
    passed, failed = pytest_counts(result.stdout)
    if result.returncode and not failed:
        failed = 1
    say(f"{label}: {passed} passed, {failed} failed")
    return passed, failed, [label] if result.returncode else []


def _run_lint(args):
    """(d): `make lint`; return the failed step."""
    label = "(d) lint"
    rc = cmd_lint(args)
    say(f"{label}: {'ok' if rc == 0 else 'FAILED'}")
    return [label] if rc else []


def cmd_test(args):
    env = Env(need_tours=True)
    runs, bases = plan_test_runs(args)
    reports = _run_odoo_runs(env, runs, bases, args.jobs)
    passed, failed, problems = _tally_odoo_runs(env, runs, reports)
    if not args.no_pytest and not args.alone_only:
        more_passed, more_failed, failed_step = _run_pytest(env)
        passed += more_passed
        failed += more_failed
        problems += failed_step
    if not args.no_lint:
        problems += _run_lint(args)
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
