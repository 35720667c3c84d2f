"""``make bench-web``: the site under the load of a mid-sized organisation.

A hundred thousand claims (``manage.py demo --claims 100000``) in a PostgreSQL database of their
own, the production server (``manage.py serve``: gunicorn as in production, https only, with
the background worker beside it), and a hundred people using it at once for a minute with
locust, each pausing one to five seconds between pages (about 33 requests a second offered):
students and caseworkers reading the pages they read most (see ``bench/locustfile.py``).

The data is loaded once and kept: the database is made again only when the number of claims,
the demo's generator or the claims' migrations change (or with ``--reload``). Each page's
response times (median, 95th and 99th percentile) and errors are taken from locust's
statistics and held against the targets of the issue (bench/README.md); the claim pages are
compared with a page without data (the sign-in page) measured in the same run, so the ratio
travels between machines where the milliseconds do not. The full-size run writes its table
into bench/README.md between the web results markers. Missing a target is a result, not an
error: the exit status is non-zero only when something could not be run.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from run import git, machine_facts

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT_DIR = BENCH_DIR / "out" / "web"
README = BENCH_DIR / "README.md"
START_MARK = "<!-- web-results:start -->"
END_MARK = "<!-- web-results:end -->"
MANAGE = [sys.executable, str(ROOT / "manage.py")]

DEFAULT_CLAIMS = 100_000
DEFAULT_USERS = 100
DEFAULT_SECONDS = 60
DEFAULT_SPAWN_RATE = 20
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "refusjon_bench"
PASSWORD = "demo-refusjon-2026"  # the demo's (manage.py demo)
STUDENTS = 1_000
# What decides whether the loaded data is still the data this code would load.
GENERATOR = [
    ROOT / "src/refusjon/web/volume.py",
    ROOT / "src/refusjon/web/management/commands/demo.py",
    *sorted((ROOT / "src/refusjon/claims/migrations").glob("0*.py")),
]
# Where the deep queue pages start: this far into the open claims.
DEEP_PLACES = (20_000, 30_000, 40_000, 50_000, 60_000)
WARM_UP_SECONDS = 10
SIGN_IN_LIMIT_SECONDS = 300
QUIET_LOAD = 1.0
QUIET_WAIT_SECONDS = 600

# The targets (issue 10): every page within 300 ms at the 95th percentile and 800 ms at
# the 99th, no errors; the queue within 100 ms at any depth; the claim pages within five times
# a page without data, measured in the same run.
TARGET_P95_MS = 300
TARGET_P99_MS = 800
TARGET_QUEUE_MS = 100
TARGET_CLAIM_RATIO = 5.0
BASELINE = "baseline: sign-in page"
SIGN_IN = "sign in (argon2)"
PAGES = [
    BASELINE,
    "student: start page",
    "student: claim page",
    "student: live estimate",
    "caseworker: queue",
    "caseworker: queue by scheme",
    "caseworker: deep queue page",
    "caseworker: claim page",
]
QUEUE_PAGES = {"caseworker: queue", "caseworker: queue by scheme", "caseworker: deep queue page"}
CLAIM_PAGES = {"student: claim page", "caseworker: claim page"}
EXIT_OK, EXIT_ERROR = 0, 2


class BenchError(Exception):
    """Something that makes the measurement impossible: a server that does not start."""


@dataclasses.dataclass(frozen=True)
class Data:
    claims: int
    open_claims: int
    loaded_on: str
    load_seconds: float
    loaded_now: bool


@dataclasses.dataclass(frozen=True)
class PageStats:
    name: str
    requests: int
    failures: int
    p50: float
    p95: float
    p99: float
    max: float
    rps: float


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return bench(args)
    except BenchError as error:
        print(f"bench-web: {error}", file=sys.stderr)
        return EXIT_ERROR


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=DEFAULT_CLAIMS, help="claims loaded")
    parser.add_argument("--users", type=int, default=DEFAULT_USERS, help="people at once")
    parser.add_argument("--seconds", type=int, default=DEFAULT_SECONDS, help="how long")
    parser.add_argument("--spawn-rate", type=float, default=DEFAULT_SPAWN_RATE)
    parser.add_argument("--database", default=DATABASE, help="PostgreSQL database to use")
    parser.add_argument(
        "--workers", type=int, help="gunicorn worker processes (default: the server's)"
    )
    parser.add_argument("--threads", type=int, help="threads per worker (default: the server's)")
    parser.add_argument("--reload", action="store_true", help="make the database again")
    parser.add_argument(
        "--quiet-load",
        type=float,
        default=QUIET_LOAD,
        help="wait until the 1-minute load average is below this (default %(default)s)",
    )
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=QUIET_WAIT_SECONDS,
        help="but no longer than this many seconds (default %(default)s)",
    )
    parser.add_argument(
        "--readme",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="write the results into bench/README.md (default: only for the full-size run)",
    )
    args = parser.parse_args(argv)
    if args.claims < 1 or args.users < 1 or args.seconds < 1:
        parser.error("--claims, --users and --seconds must be at least 1")
    return args


def bench(args: argparse.Namespace) -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    database_url = f"{POSTGRES}/{args.database}"
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REFUSJON_DATA_DIR": str(OUT_DIR / "site"),
        "DJANGO_SETTINGS_MODULE": "refusjon.web.settings",
    }
    data = ensure_data(args, environment)
    places = queue_places(environment)
    write_plans(environment, places)
    wait_for_quiet(args.quiet_load, args.quiet_wait)
    load_before = os.getloadavg()
    with server(args, environment) as running:
        stats, cpu = run_locust(args, running, places)
    report = Report(args, data, stats, cpu, load_before, os.getloadavg())
    print()
    print(report.markdown())
    write_readme = args.readme
    if write_readme is None:
        write_readme = (args.claims, args.users, args.seconds) == (
            DEFAULT_CLAIMS,
            DEFAULT_USERS,
            DEFAULT_SECONDS,
        )
    if write_readme:
        update_readme(report.markdown())
        print(f"\nWritten to {README.relative_to(ROOT)}.")
    return EXIT_OK


# The data


def generator_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in GENERATOR:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def ensure_data(args: argparse.Namespace, environment: dict[str, str]) -> Data:
    """The database with ``args.claims`` volume claims, made (again) when it is missing or was
    loaded by other code or with another number."""
    stamp_path = OUT_DIR / f"{args.database}.json"
    stamp = json.loads(stamp_path.read_text()) if stamp_path.exists() else {}
    wanted = {"claims": args.claims, "generator": generator_fingerprint()}
    if not args.reload and {key: stamp.get(key) for key in wanted} == wanted:
        there = count_claims(environment)
        if there == (args.claims, stamp.get("open_claims")):
            print(f"Data: {args.claims:,} claims already in {args.database}, loaded {stamp['on']}")
            return Data(args.claims, there[1], stamp["on"], stamp["seconds"], False)
    print(f"Data: loading {args.claims:,} claims into a new database {args.database} ...")
    recreate_database(args.database)
    loading = {**environment, "REFUSJON_ENV": "development", "REFUSJON_DEBUG": "0"}
    run([*MANAGE, "migrate", "--verbosity", "0"], loading)
    started = time.monotonic()
    run([*MANAGE, "demo", "--claims", str(args.claims)], loading)
    seconds = time.monotonic() - started
    vacuum_analyze(args.database)
    claims, open_claims = count_claims(environment)
    stamp = {**wanted, "open_claims": open_claims, "on": today(), "seconds": round(seconds, 1)}
    stamp_path.write_text(json.dumps(stamp, indent=2))
    return Data(claims, open_claims, stamp["on"], seconds, True)


def today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def run(command: list[str], environment: dict[str, str]) -> None:
    completed = subprocess.run(command, env=environment, cwd=ROOT)
    if completed.returncode:
        raise BenchError(f"{' '.join(command[1:3])} failed (exit {completed.returncode})")


def postgres(database: str = "postgres") -> Any:
    import psycopg

    return psycopg.connect(f"{POSTGRES}/{database}", autocommit=True)


def recreate_database(name: str) -> None:
    with postgres() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def vacuum_analyze(name: str) -> None:
    """Statistics and the visibility map for the new rows, as autovacuum would make them a
    minute later (index-only scans need the latter)."""
    with postgres(name) as connection:
        connection.execute("VACUUM ANALYZE")


def django_query(environment: dict[str, str], code: str) -> Any:
    """What ``code`` (Python, with Django set up on the bench database) prints as JSON."""
    completed = subprocess.run(
        [sys.executable, "-c", f"import django, json\ndjango.setup()\n{code}"],
        env={**environment, "REFUSJON_ENV": "development", "REFUSJON_DEBUG": "0"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if completed.returncode:
        return None
    return json.loads(completed.stdout)


def count_claims(environment: dict[str, str]) -> tuple[int, int]:
    """The volume claims in the database, and the open claims (the queue), or (0, 0)."""
    found = django_query(
        environment,
        "from refusjon import clock\n"
        "from refusjon.web.volume import volume_loaded\n"
        "from refusjon.workspace.queries import open_claims\n"
        "print(json.dumps([volume_loaded(), open_claims(today=clock.today()).count()]))",
    )
    return (found[0], found[1]) if found else (0, 0)


def queue_places(environment: dict[str, str]) -> list[str]:
    """Cursors this deep into the queue, as the "Next" link writes them."""
    places = django_query(
        environment,
        "from refusjon import clock\n"
        "from refusjon.workspace.queries import Cursor, open_claims\n"
        "queue = open_claims(today=clock.today())\n"
        f"print(json.dumps([str(Cursor.of(c)) for n in {DEEP_PLACES!r} for c in queue[n:n + 1]]))",
    )
    if not places:
        raise BenchError("no deep places in the queue: is the data loaded?")
    return list(places)


def write_plans(environment: dict[str, str], places: list[str]) -> None:
    """PostgreSQL's plans, with timings, of the queries the pages under test make most, in
    bench/out/web/plans.txt: to read when a page is slow."""
    code = f"""
from django.db import connection
from django.test.utils import CaptureQueriesContext
from refusjon import clock
from refusjon.claims.models import Claim
from refusjon.workspace.queries import Cursor, open_claims
queue = open_claims(today=clock.today())
deep = Cursor.parse({places[-1]!r})
claim = Claim.objects.filter(status="appealed").order_by("pk").first()
decision = claim.assessments.filter(kind="decision", superseded_by__isnull=True)
plans = {{
    "queue, first page": queue[:51],
    "queue, deep page": queue.filter(deep.after())[:51],
    "queue by scheme, deep page": open_claims(today=clock.today(), scheme="ssn")
    .filter(deep.after())[:51],
    "current decision of a claim": decision.order_by("-created_at", "-pk")[:1],
}}
out = []
for title, query in plans.items():
    out.append("== " + title + "\\n" + query.explain(analyze=True))
with CaptureQueriesContext(connection) as counted:
    queue.count()
with connection.cursor() as cursor:
    cursor.execute("EXPLAIN ANALYZE " + counted.captured_queries[0]["sql"])
    out.append("== the queue's count\\n" + "\\n".join(row[0] for row in cursor.fetchall()))
print(json.dumps("\\n\\n".join(out)))
"""
    plans = django_query(environment, code)
    (OUT_DIR / "plans.txt").write_text(plans or "(no plans: the query failed)\n")


def wait_for_quiet(load: float, seconds: float) -> None:
    """On a shared machine, start when the others have left the cores alone for a while (the
    1-minute load average below ``load``), or after ``seconds`` in any case: the load average
    is in the results either way."""
    deadline = time.monotonic() + seconds
    if os.getloadavg()[0] >= load:
        print(f"Waiting up to {seconds:.0f} s for a load average below {load:g} ...", flush=True)
    while os.getloadavg()[0] >= load and time.monotonic() < deadline:
        time.sleep(5)


# The server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclasses.dataclass(frozen=True)
class Server:
    address: str
    process_group: int


@contextmanager
def server(args: argparse.Namespace, environment: dict[str, str]) -> Iterator[Server]:
    """The production server (``manage.py serve``) on a free port, until the block ends."""
    port = free_port()
    production = {
        **environment,
        "REFUSJON_ENV": "production",
        "REFUSJON_SECRET_KEY": secrets.token_urlsafe(50),
        "REFUSJON_ALLOWED_HOSTS": "127.0.0.1",
        "REFUSJON_BIND": f"127.0.0.1:{port}",
    }
    if args.workers:
        production["REFUSJON_WEB_WORKERS"] = str(args.workers)
    if args.threads:
        production["REFUSJON_WEB_THREADS"] = str(args.threads)
    run([*MANAGE, "collectstatic", "--noinput", "--verbosity", "0"], production)
    log = (OUT_DIR / "server.log").open("w")
    process = subprocess.Popen(
        [*MANAGE, "serve"],
        env=production,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stopped as one below
    )
    address = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(address, process)
        warm_up(address)
        yield Server(address, process.pid)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()


def wait_until_up(address: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    request = urllib.request.Request(f"{address}/login/", headers={"X-Forwarded-Proto": "https"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"the server stopped (exit {process.returncode}): see server.log")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise BenchError(f"the server did not answer within {seconds:.0f} s: see server.log")


def warm_up(address: str, seconds: float = WARM_UP_SECONDS) -> None:
    """Ask for the sign-in page from a few threads for a few seconds: the first answer comes
    from the first worker up, and the others may still be starting (importing Django, opening
    their database connection). The people arrive at a server that has been running."""

    def ask() -> None:
        request = urllib.request.Request(
            f"{address}/login/", headers={"X-Forwarded-Proto": "https"}
        )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), urllib.request.urlopen(request, timeout=10):
                pass
            time.sleep(0.2)  # a few hundred requests: gunicorn replaces a worker at 2,000

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


# The load


def run_locust(
    args: argparse.Namespace, running: Server, places: list[str]
) -> tuple[list[PageStats], dict[str, float]]:
    """The people's requests, page by page, and the CPU seconds the server, PostgreSQL (the
    bench database's connections) and locust used in the measured minute."""
    address = running.address
    prefix = OUT_DIR / "locust"
    command = [
        *(sys.executable, "-m", "locust"),
        *("-f", str(BENCH_DIR / "locustfile.py"), "--headless", "--only-summary"),
        *("--users", str(args.users), "--spawn-rate", str(args.spawn_rate)),
        # The people end the run themselves, a minute after the last signed in; this is a
        # limit in case they never all do.
        *("--run-time", f"{args.seconds + SIGN_IN_LIMIT_SECONDS}s", "--stop-timeout", "10"),
        *("--host", address, "--csv", str(prefix), "--loglevel", "WARNING"),
    ]
    sign_in_path = OUT_DIR / "sign-in.json"
    sign_in_path.unlink(missing_ok=True)
    environment = {
        **os.environ,
        "BENCH_QUEUE_PLACES": json.dumps(places),
        "BENCH_STUDENTS": str(STUDENTS),
        "BENCH_PASSWORD": PASSWORD,
        "BENCH_SECONDS": str(args.seconds),
        "BENCH_SIGN_IN_STATS": str(sign_in_path),
    }
    print(f"Load: {args.users} people for {args.seconds} s on {address} ...", flush=True)
    locust = subprocess.Popen(command, env=environment, cwd=ROOT)
    while not sign_in_path.exists() and locust.poll() is None:
        time.sleep(0.2)
    before = cpu_now(running, locust.pid, args.database)
    after = cpu_now(running, locust.pid, args.database)
    while locust.poll() is None:  # the last snapshot before it ends
        after = cpu_now(running, locust.pid, args.database)
        time.sleep(0.5)
    if locust.returncode not in (0, 1):  # 1: some requests failed, which the table shows
        raise BenchError(f"locust failed (exit {locust.returncode})")
    if not sign_in_path.exists():
        raise BenchError(f"not everyone signed in within {SIGN_IN_LIMIT_SECONDS} s")
    stats = read_stats(Path(f"{prefix}_stats.csv"))
    sign_in = json.loads(sign_in_path.read_text())
    stats.append(
        PageStats(
            SIGN_IN,
            sign_in["requests"],
            sign_in["failures"],
            sign_in["p50"],
            sign_in["p95"],
            sign_in["p99"],
            sign_in["max"],
            sign_in["requests"] / sign_in["seconds"] if sign_in["seconds"] else 0.0,
        )
    )
    cpu = {name: after.get(name, 0.0) - before.get(name, 0.0) for name in after}
    return stats, cpu


def cpu_now(running: Server, locust: int, database: str) -> dict[str, float]:
    """CPU seconds so far of the server's processes, of PostgreSQL's connections to the bench
    database, and of locust (a process that ended since counts no more: the figures are for
    processes that live through the minute, as these do)."""
    server = [pid for pid, group in processes() if group == running.process_group]
    with postgres() as connection:
        backends = [
            row[0]
            for row in connection.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s", (database,)
            )
        ]
    return {
        "server": sum(cpu_seconds(pid) for pid in server),
        "postgres": sum(cpu_seconds(pid) for pid in backends),
        "locust": cpu_seconds(locust),
    }


def processes() -> Iterator[tuple[int, int]]:
    """(pid, process group) of every process."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = (entry / "stat").read_text().rpartition(")")[2].split()
                yield int(entry.name), int(fields[2])


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process ``pid`` and of its children that ended (gunicorn
    replaces a worker after so many requests: its time passes to the master), 0 if it is
    gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return sum(int(field) for field in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def read_stats(path: Path) -> list[PageStats]:
    if not path.exists():
        raise BenchError(f"locust wrote no statistics ({path.name})")
    stats = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == SIGN_IN:  # counted afresh with the minute: read apart
                continue
            stats.append(
                PageStats(
                    name=row["Name"],
                    requests=int(row["Request Count"]),
                    failures=int(row["Failure Count"]),
                    p50=_number(row["50%"]),
                    p95=_number(row["95%"]),
                    p99=_number(row["99%"]),
                    max=_number(row["Max Response Time"]),
                    rps=_number(row["Requests/s"]),
                )
            )
    return stats


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:  # "N/A" for a page never asked for
        return float("nan")


# The report


class Report:
    def __init__(
        self,
        args: argparse.Namespace,
        data: Data,
        stats: list[PageStats],
        cpu: dict[str, float],
        load_before: tuple[float, float, float],
        load_after: tuple[float, float, float],
    ) -> None:
        self.args = args
        self.data = data
        self.by_name = {page.name: page for page in stats}
        self.cpu = cpu
        self.load_before = load_before
        self.load_after = load_after

    def page(self, name: str) -> PageStats | None:
        return self.by_name.get(name)

    def markdown(self) -> str:
        lines = [self.heading(), "", *self.table(), "", *self.verdicts(), *self.facts()]
        return "\n".join(lines)

    def heading(self) -> str:
        args = self.args
        commit = git("rev-parse", "--short", "HEAD")
        dirty = " (with uncommitted changes)" if git("status", "--porcelain", "--", "src") else ""
        return (
            f"Measured {today()}, commit {commit}{dirty}: {args.users} people for "
            f"{args.seconds} s (spawned {args.spawn_rate:g} a second), each pausing 1–5 s; "
            f"{self.data.claims:,} claims, {self.data.open_claims:,} of them open; "
            f"the server {self.server_config()}."
        )

    def server_config(self) -> str:
        # What refusjon.web.gunicorn gives the server from this environment, unless the run
        # set it: the server inherits the environment.
        from refusjon.web import gunicorn

        workers = self.args.workers or gunicorn.workers
        threads = self.args.threads or gunicorn.threads
        given = " (as given)" if self.args.workers or self.args.threads else " (its defaults)"
        return f"gunicorn with {workers} workers × {threads} threads{given}"

    def table(self) -> list[str]:
        rows = [
            "| page | requests | errors | median ms | p95 ms | p99 ms | max ms | "
            "p95 ≤ 300 | p99 ≤ 800 | own target |",
            "|---|--:|--:|--:|--:|--:|--:|:-:|:-:|---|",
        ]
        for name in [*PAGES, SIGN_IN, "Aggregated"]:
            page = self.page(name)
            if page is None:
                rows.append(f"| {name} | 0 | – | – | – | – | – | – | – | not asked for |")
                continue
            general = name not in (SIGN_IN, "Aggregated", BASELINE)
            rows.append(
                f"| {name} | {page.requests:,} | {page.failures:,} | {page.p50:.0f} "
                f"| {page.p95:.0f} | {page.p99:.0f} | {page.max:.0f} "
                f"| {_mark(page.p95 <= TARGET_P95_MS) if general else '–'} "
                f"| {_mark(page.p99 <= TARGET_P99_MS) if general else '–'} "
                f"| {self.own_target(name)} |"
            )
        return rows

    def own_target(self, name: str) -> str:
        page = self.page(name)
        baseline = self.page(BASELINE)
        if page is None:
            return ""
        if name in QUEUE_PAGES:
            return f"p95 ≤ {TARGET_QUEUE_MS} ms: {_mark(page.p95 <= TARGET_QUEUE_MS)}"
        if name in CLAIM_PAGES and baseline is not None and baseline.p50 > 0:
            ratio = page.p50 / baseline.p50
            return (
                f"median {ratio:.1f}× the baseline's (≤ {TARGET_CLAIM_RATIO:g}×): "
                f"{_mark(ratio <= TARGET_CLAIM_RATIO)}"
            )
        if name == SIGN_IN:
            return "none: before the minute measured (argon2 costs by design)"
        if name == "Aggregated":
            return f"{page.rps:.1f} requests a second served"
        return ""

    def verdicts(self) -> list[str]:
        missed = []
        for name in PAGES[1:]:
            page = self.page(name)
            if page is None:
                missed.append(f"{name} was never asked for")
                continue
            if page.failures:
                missed.append(f"{name}: {page.failures} errors")
            if page.p95 > TARGET_P95_MS or page.p99 > TARGET_P99_MS:
                missed.append(f"{name}: p95 {page.p95:.0f} ms, p99 {page.p99:.0f} ms")
            if name in QUEUE_PAGES and page.p95 > TARGET_QUEUE_MS:
                missed.append(f"{name}: p95 {page.p95:.0f} ms, over {TARGET_QUEUE_MS} ms")
        baseline = self.page(BASELINE)
        for name in CLAIM_PAGES:
            page = self.page(name)
            if page and baseline and baseline.p50 and page.p50 / baseline.p50 > TARGET_CLAIM_RATIO:
                missed.append(f"{name}: {page.p50 / baseline.p50:.1f}× the baseline")
        if not missed:
            return ["* Every target **met**."]
        return ["* Targets **not met**: " + "; ".join(missed) + "."]

    def facts(self) -> list[str]:
        data = self.data
        loaded = (
            f"loaded in this run in {data.load_seconds:.0f} s"
            if data.loaded_now
            else f"loaded {data.loaded_on} in {data.load_seconds:.0f} s"
        )
        before = ", ".join(f"{value:.2f}" for value in self.load_before)
        after = ", ".join(f"{value:.2f}" for value in self.load_after)
        total = self.page("Aggregated")
        served = total.requests if total else 0
        per_request = ", ".join(
            f"{name} {seconds * 1000 / served:.1f} ms" for name, seconds in self.cpu.items()
        )
        return [
            f"* CPU per request in the minute measured: {per_request} "
            f"({served:,} requests; two cores give 2,000 ms a second).",
            f"* Data: `manage.py demo --claims {data.claims}` on PostgreSQL, {loaded}.",
            f"* Machine: {machine_facts()}; load average {before} before, {after} after "
            "(the load generator runs on the same machine).",
        ]


def _mark(met: bool) -> str:
    return "met" if met else "**not met**"


def update_readme(results: str) -> None:
    """Replace what is between the web results markers; the rest stays as it is."""
    text = README.read_text(encoding="utf-8")
    block = f"{START_MARK}\n{results}\n{END_MARK}"
    if START_MARK in text and END_MARK in text:
        head, _, rest = text.partition(START_MARK)
        _, _, tail = rest.partition(END_MARK)
        text = f"{head}{block}{tail}"
    else:
        text = f"{text.rstrip()}\n\n## Web: results\n\n{block}\n"
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
