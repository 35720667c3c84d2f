"""``make bench``: time ``refusjon assess`` on 200,000 claims beside the I/O floor.

The floor and the engine run as separate processes on the same generated file, taking turns,
several rounds each (the machine is shared, so one run says little); the median wall time
counts and the peak memory is the highest seen. Each runs under ``bench/measure.py``, which
reports that one command's wall time, CPU time and peak memory (of its whole process tree,
since the engine may use worker processes).

The engine is measured as an operator runs it (its own choice of worker processes) and, when
it has a ``--jobs`` option, also on one process, which is the like-for-like comparison with the
single-process floor. Both must write the same decisions.

The results are printed and, for the full-size run, written into ``bench/README.md`` between
the results markers. Missing the targets is a result, not an error: the exit status is non-zero
only when something could not be run or checked.
"""

from __future__ import annotations

import argparse
import dataclasses
import filecmp
import hashlib
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from generate import DEFAULT_CLAIMS, DEFAULT_SEED, Dataset, ensure_dataset

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
README = BENCH_DIR / "README.md"
START_MARK = "<!-- results:start -->"
END_MARK = "<!-- results:end -->"

# The targets: the engine's wall time as a multiple of the orjson floor's, on one process
# and with its own choice of workers; peak memory of the whole process tree under 150 MiB, and
# the same (within 10 %) on a file a tenth the size.
TARGET_ONE_PROCESS = 6.0
TARGET_WORKERS = 3.5
TARGET_MEMORY_MB = 150 * 2**20 / 1e6
TARGET_FLAT = 0.10
SMALL_SHARE = 10  # the file for the flat-memory check has a tenth of the claims
EXIT_OK, EXIT_ERROR = 0, 2
ASSESS = [sys.executable, "-m", "refusjon.cli", "assess"]


class BenchError(Exception):
    """Something that makes the measurement meaningless: a crash, a short output file."""


@dataclasses.dataclass(frozen=True)
class Run:
    """One timed run of one program, as ``bench/measure.py`` reported it."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    processes: int


@dataclasses.dataclass(frozen=True)
class Program:
    """A program under test: how to start it, where it writes, which exit codes are fine."""

    name: str
    command: list[str]
    out_path: Path
    ok_codes: frozenset[int]


@dataclasses.dataclass
class Result:
    program: Program
    runs: list[Run] = dataclasses.field(default_factory=list)

    @property
    def wall_s(self) -> float:
        return statistics.median(run.wall_s for run in self.runs)

    @property
    def cpu_s(self) -> float:
        return statistics.median(run.cpu_s for run in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)

    @property
    def processes(self) -> int:
        return max(run.processes for run in self.runs)

    @property
    def wall_range(self) -> str:
        walls = [run.wall_s for run in self.runs]
        return f"{min(walls):.2f}–{max(walls):.2f}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        return bench(args)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return EXIT_ERROR


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=DEFAULT_CLAIMS, help="claims in the file")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each program")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument(
        "--jobs",
        default="auto,1",
        help="comma-separated --jobs values for assess; auto: its default (default: auto,1)",
    )
    parser.add_argument(
        "--readme",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="write the results into bench/README.md (default: only for the full-size run)",
    )
    args = parser.parse_args(argv)
    if args.claims < 1 or args.rounds < 1:
        parser.error("--claims and --rounds must be at least 1")
    args.jobs = [value.strip() for value in args.jobs.split(",") if value.strip()]
    if not args.jobs or any(value != "auto" and not value.isdigit() for value in args.jobs):
        parser.error("--jobs takes a list such as auto,1,2")
    return args


def bench(args: argparse.Namespace) -> int:
    if importlib.util.find_spec("refusjon") is None:
        raise BenchError("refusjon is not importable: run through `make bench` or `uv run`")
    load_before = os.getloadavg()
    print(f"Data: {args.claims:,} claims (seed {args.seed}) in {OUT_DIR} ...", flush=True)
    dataset = ensure_dataset(OUT_DIR, args.claims, args.seed)
    warm_page_cache(dataset.claims_path)
    small = ensure_dataset(OUT_DIR, max(1, args.claims // SMALL_SHARE), args.seed)
    compile_modules(small)
    floors, engines = floor_programs(dataset), engine_programs(dataset, args.jobs)
    small_engines = engine_programs(small, args.jobs, suffix="-small")
    engine_before = engine_fingerprint()
    results = measure([*floors, *engines], args.rounds)
    small_results = measure(small_engines, 1)
    if engine_fingerprint() != engine_before:
        raise BenchError("the engine's source changed during the run: measure again")
    for result in results:
        check_output(result.program, dataset.stats["claims"])
    for result in small_results:
        check_output(result.program, small.stats["claims"])
    same = all(filecmp.cmp(engines[0].out_path, other.out_path, False) for other in engines[1:])
    report = Report(
        dataset, results, small_results, load_before, os.getloadavg(), args.rounds, same
    )
    print()
    print(report.markdown())
    write_readme = args.readme if args.readme is not None else args.claims == DEFAULT_CLAIMS
    if write_readme:
        update_readme(report.markdown())
        print(f"\nWritten to {README.relative_to(BENCH_DIR.parent)}.")
    if not same:
        print("bench: the engine's decisions differ between --jobs values", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def floor_programs(dataset: Dataset) -> list[Program]:
    """The floor with Python's json (as the engine decodes), and with orjson."""
    claims = str(dataset.claims_path)
    floor = [sys.executable, str(BENCH_DIR / "floor.py"), claims]
    return [
        Program("floor", floor, OUT_DIR / "floor-records.jsonl", frozenset({0})),
        Program(
            "orjson floor",
            [*floor, "--orjson"],
            OUT_DIR / "floor-orjson-records.jsonl",
            frozenset({0}),
        ),
    ]


def engine_programs(dataset: Dataset, jobs: Sequence[str], suffix: str = "") -> list[Program]:
    """The engine once per ``--jobs`` value, each writing its own file."""
    claims, rates = str(dataset.claims_path), str(dataset.rates_path)
    if not assess_has_jobs():
        jobs = ["auto"]
    engines = []
    for value in dict.fromkeys(jobs):
        option = [] if value == "auto" else ["--jobs", value]
        engines.append(
            Program(
                " ".join(["refusjon assess", *option]),
                [*ASSESS, claims, "--rates", rates, *option],
                OUT_DIR / f"decisions-jobs-{value}{suffix}.jsonl",
                # 1 means "some lines were invalid": the file has malformed lines on purpose.
                frozenset({0, 1}),
            )
        )
    return engines


def assess_has_jobs() -> bool:
    """Whether this version of ``refusjon assess`` can be told how many processes to use."""
    completed = subprocess.run([*ASSESS, "--help"], capture_output=True, text=True, check=False)
    return "--jobs" in completed.stdout


def compile_modules(dataset: Dataset) -> None:
    """Run the engine once on ``dataset`` (the small file), writing the bytecode of every
    module it imports, as installing a package does. Where ``PYTHONDONTWRITEBYTECODE`` is set
    (as on the shared machine), each run would otherwise compile the engine and its libraries
    from source again: a third of a second of start-up that an installed engine never pays."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [*ASSESS, str(dataset.claims_path), "--rates", str(dataset.rates_path)]
    subprocess.run([*command, "--out", os.devnull], env=environment, capture_output=True)


def warm_page_cache(path: Path) -> None:
    """Read the file once so that no program pays for the first read from disk."""
    with path.open("rb") as handle:
        while handle.read(1 << 24):
            pass


def measure(programs: list[Program], rounds: int) -> list[Result]:
    """Take turns, and change who goes first each round, so that a slow spell on the shared
    machine hits every program alike."""
    results = [Result(program) for program in programs]
    for round_number in range(rounds):
        shift = round_number % len(results)
        for result in results[shift:] + results[:shift]:
            run = run_once(result.program)
            result.runs.append(run)
            print(
                f"  round {round_number + 1}/{rounds}  {result.program.name:<26} "
                f"{run.wall_s:7.1f} s wall  {run.cpu_s:7.1f} s CPU  {run.peak_mb:7.1f} MB"
                f"  ({run.processes} process{'es' if run.processes > 1 else ''})",
                flush=True,
            )
    return results


def run_once(program: Program) -> Run:
    """Run the program under ``bench/measure.py``, which reports its resource usage."""
    log_path = program.out_path.with_suffix(".log")
    usage_path = program.out_path.with_suffix(".usage.json")
    command = [*program.command, "--out", str(program.out_path)]
    measure = [sys.executable, str(BENCH_DIR / "measure.py"), str(usage_path), "--", *command]
    with log_path.open("wb") as log:
        completed = subprocess.run(measure, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
    if completed.returncode not in program.ok_codes:
        tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise BenchError(
            f"{program.name} exited with {completed.returncode}:\n{' '.join(command)}\n{tail}"
        )
    usage = json.loads(usage_path.read_text(encoding="utf-8"))
    return Run(usage["wall_s"], usage["cpu_s"], usage["peak_bytes"] / 1e6, usage["processes"])


def check_output(program: Program, claims: int) -> None:
    """One output line per input line, or the timing measured something else."""
    with program.out_path.open("rb") as handle:
        count = sum(1 for _ in handle)
    if count != claims:
        raise BenchError(f"{program.name} wrote {count:,} lines for {claims:,} claims")


def outcome_mix(path: Path) -> Counter[str]:
    """The outcomes in the engine's decisions: a check that the mix is realistic (a file
    where everything is invalid would be fast and meaningless)."""
    outcomes: Counter[str] = Counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            outcomes[json.loads(line)["outcome"]] += 1
    return outcomes


@dataclasses.dataclass
class Report:
    dataset: Dataset
    results: list[Result]  # the two floors first
    small_results: list[Result]  # the engines again on a tenth of the claims
    load_before: Sequence[float]
    load_after: Sequence[float]
    rounds: int
    same_decisions: bool

    def __post_init__(self) -> None:
        self.measured_at = datetime.now(UTC)
        self.floor, self.orjson_floor, *self.engines = self.results
        self.outcomes = outcome_mix(self.engines[0].program.out_path)

    def markdown(self) -> str:
        stats = self.dataset.stats
        lines = [
            f"Measured {self.measured_at:%Y-%m-%d %H:%M} UTC, {engine_version()}, "
            f"{stats['claims']:,} claims with {stats['expense_lines']:,} expense lines, "
            f"median of {self.rounds} runs each, taking turns.",
            "",
            "| program | processes | wall s (range) | CPU s | claims/s | lines/s | peak MB "
            "| output MB | × floor | × orjson floor |",
            "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
            *(self.row(result) for result in self.results),
            "",
        ]
        lines += [
            self.verdict(engine, small)
            for engine, small in zip(self.engines, self.small_results, strict=True)
        ]
        if stats["claims"] != DEFAULT_CLAIMS:
            lines.append(
                f"* A small run: start-up weighs more than in the full run; the targets are "
                f"for {DEFAULT_CLAIMS:,} claims."
            )
        if len(self.engines) > 1:
            same = "yes" if self.same_decisions else "**NO: a bug**"
            lines.append(f"* Same decisions from every `--jobs` value: {same}.")
        lines += [
            f"* Data: {self.data_summary()}",
            f"* Decisions: {self.outcome_summary()}.",
            f"* Machine: {machine_facts()}; load average {self.load_before[0]:.2f} before, "
            f"{self.load_after[0]:.2f} after.",
        ]
        return "\n".join(lines)

    def row(self, result: Result) -> str:
        stats = self.dataset.stats
        wall = result.wall_s
        size = result.program.out_path.stat().st_size / 1e6
        return (
            f"| {result.program.name} | {result.processes} "
            f"| {wall:.2f} ({result.wall_range}) | {result.cpu_s:.2f} "
            f"| {stats['claims'] / wall:,.0f} | {stats['expense_lines'] / wall:,.0f} "
            f"| {result.peak_mb:.0f} | {size:.0f} | {wall / self.floor.wall_s:.2f} "
            f"| {wall / self.orjson_floor.wall_s:.2f} |"
        )

    def verdict(self, engine: Result, small: Result) -> str:
        ratio = engine.wall_s / self.orjson_floor.wall_s
        one_process = engine.program.command[-1] == "1"
        target = TARGET_ONE_PROCESS if one_process else TARGET_WORKERS
        flat = engine.peak_mb / small.peak_mb - 1
        return (
            f"* `{engine.program.name}`: **{ratio:.2f}×** the orjson floor's time, target ≤ "
            f"{target:g}× **{met(ratio <= target)}**; peak memory **{engine.peak_mb:.0f} MB** "
            f"(target < {TARGET_MEMORY_MB:.0f} MB, 150 MiB, "
            f"**{met(engine.peak_mb < TARGET_MEMORY_MB)}**), {flat:+.0%} against "
            f"{small.peak_mb:.0f} MB on {self.small_claims:,} claims (target ±"
            f"{TARGET_FLAT:.0%} **{met(abs(flat) <= TARGET_FLAT)}**)."
        )

    @property
    def small_claims(self) -> int:
        return self.dataset.stats["claims"] // SMALL_SHARE

    def data_summary(self) -> str:
        stats = self.dataset.stats
        total = stats["claims"]
        schemes = ", ".join(
            f"{name} {count / total:.0%}" for name, count in sorted(stats["schemes"].items())
        )
        size = self.dataset.claims_path.stat().st_size / 1e6
        return (
            f"{size:.0f} MB, {stats['people']:,} people "
            f"({total / stats['people']:.1f} claims each), "
            f"{stats['expense_lines'] / total:.2f} lines per claim; {schemes}; "
            f"{stats['foreign_lines']:,} foreign-currency lines; "
            f"{stats['malformed']:,} malformed."
        )

    def outcome_summary(self) -> str:
        total = sum(self.outcomes.values())
        return ", ".join(
            f"{name} {count:,} ({count / total:.1%})" for name, count in self.outcomes.most_common()
        )


def met(ok: bool) -> str:
    return "met" if ok else "not met"


def engine_fingerprint() -> str:
    """A digest of the engine's source files, to notice an edit (or a commit) in mid-run."""
    spec = importlib.util.find_spec("refusjon")
    if spec is None or spec.origin is None:
        return ""
    package = Path(spec.origin).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml") and path.is_file():
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def engine_version() -> str:
    """Which engine was measured: the commit of this checkout (and whether src/ differs from
    it), or the directory the package came from when it is not this checkout's src/."""
    spec = importlib.util.find_spec("refusjon")
    origin = Path(spec.origin).resolve() if spec and spec.origin else None
    src = BENCH_DIR.parent / "src"
    if origin is None or not origin.is_relative_to(src):
        return f"refusjon from {origin.parent if origin else 'an unknown place'}"
    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--", str(src))
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"
    return f"commit {commit} (src/ modified)" if changed else f"commit {commit}"


def git(*args: str) -> str:
    command = ["git", *args]
    completed = subprocess.run(command, cwd=BENCH_DIR, capture_output=True, text=True, check=True)
    return completed.stdout.strip()


def machine_facts() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{cpu_model()}, {cpus} CPUs (nproc), {memory_total_gb():.0f} GB RAM, "
        f"{platform.system()} {platform.release()}, "
        f"{platform.python_implementation()} {platform.python_version()}"
    )


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_total_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024 / 1e9
    except (OSError, ValueError):
        pass
    return 0.0


def update_readme(results: str) -> None:
    """Replace what is between the results markers; the hand-written text stays as it is."""
    text = README.read_text(encoding="utf-8") if README.exists() else ""
    block = f"{START_MARK}\n{results}\n{END_MARK}"
    if START_MARK in text and END_MARK in text:
        head, _, rest = text.partition(START_MARK)
        _, _, tail = rest.partition(END_MARK)
        text = f"{head}{block}{tail}"
    else:
        text = f"{text.rstrip()}\n\n## Results\n\n{block}\n"
    README.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
