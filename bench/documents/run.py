"""The documents benchmark: generate the held-out corpus, read it with ``refusjon extract`` and
score the reading against issue 13's targets.

Each rendition (text PDFs, scans, phone screenshots) is read by one run of the command, as an
operator runs it, under ``bench/measure.py`` (CPU time, peak memory of the process tree).
Usage from the repository root::

    python -m bench.documents.run [--documents 90] [--keep DIR] [--no-readme]
        [--renditions pdf,scan,screenshot] [--reader "COMMAND"]
        [--set held-out|fresh|blind|blind3|blind4|blind5|blind6|blind7|blind8|blind9|blind10
               |blind11|blind12|blind13|blind14|blind15|blind16|blind17|blind18|blind19]

``--set fresh`` reads the first blind set (variations neither the development nor the held-out
set has), ``--set blind`` the second (variations none of those three has), ``--set blind3`` the
third (variations none of those four has, since seen), ``--set blind4`` the fourth (variations
none of those five has, since seen), ``--set blind5`` the fifth (variations none of those six
has, renditions included, since seen), ``--set blind6`` the sixth (variations none of those
seven has, renditions included, since seen), ``--set blind7`` the seventh (variations none of
those eight has, renditions included, since seen), ``--set blind8`` the eighth (variations none
of those nine has, renditions included, since seen), ``--set blind9`` the ninth (variations
none of those ten has, renditions included, read once and since seen), ``--set blind10`` the
tenth (variations none of those eleven has, renditions included, to be read once), ``--set
blind11`` the eleventh (variations none of those twelve has, renditions included, to be read
once), ``--set blind12`` the twelfth (variations none of those thirteen has, renditions
included, to be read once), ``--set blind13`` the thirteenth (variations none of those
fourteen has, renditions included, to be read once), ``--set blind14`` the fourteenth
(variations none of those fifteen has, renditions included, to be read once), ``--set
blind15`` the fifteenth (variations none of those sixteen has, renditions included, to be read
once), ``--set blind16`` the sixteenth (variations none of those seventeen has, renditions
included, to be read once), ``--set blind17`` the seventeenth (variations none of those
eighteen has, renditions included, to be read once), ``--set blind18`` the eighteenth
(variations none of those nineteen has, renditions included, to be read once), ``--set
blind19`` the nineteenth (variations none of those twenty has, renditions included, to be read
once); none writes bench/README.md on its own.

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

from . import generate, score

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
    make = generate.SETS[corpus_set]
    corpus = make(directory / "corpus", count=documents, renditions=renditions)
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
        f"seed {generate.SEEDS[corpus_set]}), each rendition read by one `refusjon extract` run.",
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
        choices=(
            "held-out",
            "fresh",
            "blind",
            "blind3",
            "blind4",
            "blind5",
            "blind6",
            "blind7",
            "blind8",
            "blind9",
            "blind10",
            "blind11",
            "blind12",
            "blind13",
            "blind14",
            "blind15",
            "blind16",
            "blind17",
            "blind18",
            "blind19",
        ),
        default="held-out",
        help="held-out (the benchmark's set), fresh (the first blind set, already seen), "
        "blind (the second blind set, seen), blind3 (the third blind set, seen), blind4 (the "
        "fourth blind set, seen), blind5 (the fifth blind set, seen), blind6 (the sixth blind "
        "set, seen), blind7 (the seventh blind set, seen), blind8 (the eighth blind set, seen), "
        "blind9 (the ninth blind set, seen), blind10 (the tenth blind set, to read once), "
        "blind11 (the eleventh blind set, to read once), blind12 (the twelfth blind set, to "
        "read once), blind13 (the thirteenth blind set, to read once), blind14 (the "
        "fourteenth blind set, to read once), blind15 (the fifteenth blind set, to read "
        "once), blind16 (the sixteenth blind set, to read once), blind17 (the seventeenth "
        "blind set, to read once), blind18 (the eighteenth blind set, to read once) or "
        "blind19 (the nineteenth blind set, to read once)",
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
