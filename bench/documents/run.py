"""The documents benchmark: generate the held-out corpus, read it with ``refusjon extract`` and
score the reading against issue 13's targets.

Each rendition (text PDFs, scans, phone screenshots) is read by one run of the command, as an
operator runs it, under ``bench/measure.py`` (CPU time, peak memory of the process tree).
Usage from the repository root::

    python -m bench.documents.run [--documents 90] [--keep DIR] [--no-readme]
        [--renditions pdf,scan,screenshot] [--reader "COMMAND"]
        [--set NAME]

``--set`` names a set of ``sets`` other than the development set (``held-out``, the default;
``fresh``; ``blind``; ``blind3`` … ``blind20``): each until ``blind19`` has only variations none
of the sets made before it has (renditions included from ``blind5``), and ``blind20`` new
documents of the kinds before it; ``--help`` says which are seen and which are still to be read
once. None writes bench/README.md on its own.

Missing a target is a result in the table, not an error; the exit status is 1 only when
something could not run. When the reader is not there yet, it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from . import generate, score, sets

ROOT = Path(__file__).resolve().parents[2]
MEASURE = ROOT / "bench" / "measure.py"
README = ROOT / "bench" / "README.md"
START, END = "<!-- documents-results:start -->", "<!-- documents-results:end -->"
DEFAULT_DOCUMENTS = 90


class BenchError(Exception):
    pass


def reader_help(reader: list[str]) -> str | None:
    """``refusjon extract --help``, or None when the command has no ``extract``."""
    done = subprocess.run(
        [*reader, "--help"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    return done.stdout if done.returncode == 0 else None


def read(
    files: list[Path], out: Path, work: Path, *, reader: list[str], help_text: str
) -> tuple[dict[str, dict[str, object]], score.Measured]:
    """Run ``refusjon extract FILES --out OUT`` under measure.py; its records by file name."""
    result = work / f"{out.stem}.measure.json"
    # The targets are for one core.
    jobs = ["--jobs", "1"] if "--jobs" in help_text else []
    command = [*reader, *jobs, *map(str, files), "--out", str(out)]
    with (work / f"{out.stem}.log").open("w") as log:
        subprocess.run(
            [sys.executable, str(MEASURE), str(result), "--", *command],
            stdout=log,
            stderr=subprocess.STDOUT,
            check=False,
            cwd=ROOT,
        )
    if not result.exists():
        raise BenchError(f"measure.py wrote nothing for {out.name}: see {work / out.stem}.log")
    measured = json.loads(result.read_text())
    if not out.exists():
        tail = (work / f"{out.stem}.log").read_text()[-2000:]
        code = measured["exit_code"]
        raise BenchError(f"refusjon extract wrote no {out.name} (exit {code}):\n{tail}")
    if measured["exit_code"] != 0:
        tail = (work / f"{out.stem}.log").read_text().splitlines()[-12:]
        print(f"refusjon extract exited with status {measured['exit_code']} on {out.stem}:")
        print("\n".join(f"    {line}" for line in tail))
    return score.read_outputs(out), score.Measured(
        cpu_seconds=measured["cpu_s"],
        wall_seconds=measured["wall_s"],
        peak_bytes=measured["peak_bytes"],
        exit_code=measured["exit_code"],
    )


def run(
    directory: Path,
    documents: int,
    *,
    reader: list[str],
    kept: bool,
    renditions: tuple[str, ...] = score.RENDITIONS,
    corpus_set: str = "held-out",
) -> str:
    started = time.perf_counter()
    corpus = generate.generate(
        directory / "corpus", sets.SETS[corpus_set], count=documents, renditions=renditions
    )
    generated = time.perf_counter() - started
    pages = sum(document.truth.pages for document in corpus)
    print(f"generated {len(corpus)} {corpus_set} documents ({pages} pages) in {generated:.0f} s")
    help_text = reader_help(reader)
    if help_text is None:
        where = f"is in {directory / 'corpus'}" if kept else "was not kept (--keep DIR keeps it)"
        return (
            "The reader is not there yet: `refusjon extract` is not a command of this checkout, "
            f"so nothing was scored. The corpus ({len(corpus)} documents) {where}; the scoring "
            "is tested on its own (tests/bench/documents)."
        )
    outputs: dict[str, dict[str, object]] = {}
    measured: dict[str, score.Measured] = {}
    for rendition in score.RENDITIONS:
        files = [d.path for d in corpus if d.truth.rendition == rendition]
        if not files:
            continue
        print(f"reading {len(files)} {score.RENDITION_NAMES[rendition]} documents …", flush=True)
        found, measured[rendition] = read(
            files,
            directory / f"{rendition}.jsonl",
            directory,
            reader=reader,
            help_text=help_text,
        )
        outputs.update(found)
    truths = [document.truth for document in corpus]
    scored, groups = score.score(truths, outputs)
    for problem in score.problems(truths, scored):
        print(f"  {problem}")
    measured[score.ALL] = score.Measured(
        cpu_seconds=sum(m.cpu_seconds for m in measured.values()),
        wall_seconds=sum(m.wall_seconds for m in measured.values()),
        peak_bytes=max(m.peak_bytes for m in measured.values()),
        exit_code=max(m.exit_code for m in measured.values()),
    )
    results = score.check_targets(groups, measured)
    return report(groups, measured, results, len(corpus), pages, corpus_set)


def report(
    groups: dict[str, score.GroupScore],
    measured: dict[str, score.Measured],
    results: list[score.TargetResult],
    documents: int,
    pages: int,
    corpus_set: str = "held-out",
) -> str:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    ).stdout.strip()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    missed = [result.target for result in results if result.met is False]
    wrong = groups[score.ALL].wrong_reconciliations
    lines = [
        f"Measured {when}, commit {commit}: {documents} {corpus_set} documents ({pages} pages, "
        f"seed {sets.SETS[corpus_set].seed}), each rendition read by one `refusjon extract` run.",
        "",
        score.table(groups, measured),
        "",
        score.targets_table(results),
        "",
        f"* Wrong reconciliations (reconciled, but lines or total not the document's): "
        f"**{len(wrong)}**" + (f": {', '.join(wrong)}" if wrong else "") + ".",
        "* " + ("Every target **met**." if not missed else f"Missed: {'; '.join(missed)}."),
        *(
            f"* `refusjon extract` exited with status {m.exit_code} on the {key} documents."
            for key, m in measured.items()
            if key != score.ALL and m.exit_code != 0
        ),
        f"* Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"CPython {platform.python_version()}; load average {os.getloadavg()[0]:.2f}.",
    ]
    return "\n".join(lines)


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    if START not in readme or END not in readme:
        raise BenchError(f"{README} has no {START} … {END} section")
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    README.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=DEFAULT_DOCUMENTS)
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    parser.add_argument(
        "--readme",
        action=argparse.BooleanOptionalAction,
        help="write the results into bench/README.md (default: only a full-size run does)",
    )
    parser.add_argument(
        "--reader",
        default=f"{sys.executable} -m refusjon.cli extract",
        help="the command that reads FILE... --out OUT.jsonl (default: refusjon extract)",
    )
    parser.add_argument("--renditions", default=",".join(score.RENDITIONS))
    parser.add_argument(
        "--set",
        dest="corpus_set",
        choices=[name for name in sets.SETS if name != "dev"],
        default="held-out",
        help="; ".join(
            f"{corpus_set.name}: {corpus_set.description}"
            for corpus_set in sets.SETS.values()
            if corpus_set.name != "dev"
        ),
    )
    arguments = parser.parse_args(argv)
    reader = shlex.split(arguments.reader)
    renditions = tuple(arguments.renditions.split(","))
    options = {"reader": reader, "renditions": renditions, "corpus_set": arguments.corpus_set}
    try:
        if arguments.keep:
            arguments.keep.mkdir(parents=True, exist_ok=True)
            text = run(arguments.keep, arguments.documents, kept=True, **options)
        else:
            with tempfile.TemporaryDirectory(prefix="refusjon-documents-") as work:
                text = run(Path(work), arguments.documents, kept=False, **options)
    except BenchError as error:
        print(f"bench/documents: {error}", file=sys.stderr)
        return 1
    print(text)
    full_size = (
        arguments.documents == DEFAULT_DOCUMENTS
        and arguments.renditions == ",".join(score.RENDITIONS)
        and arguments.corpus_set == "held-out"
    )
    readme = arguments.readme if arguments.readme is not None else full_size
    if readme and text.startswith("Measured"):
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
