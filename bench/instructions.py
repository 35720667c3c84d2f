"""Count the instructions ``refusjon assess --jobs 1`` executes: a steady A/B measure.

On a shared machine wall time wanders by several per cent between runs, more than a small
optimisation saves. The number of instructions the CPU executes (valgrind's callgrind) does
not: the same program on the same file counts the same within a few parts in a million. So
to see whether a change to the engine pays, count before and after.

The engine runs twice under callgrind, on one process: on a generated file of ``--claims``
claims (2,000 by default, about half a minute) and on that file's first claim alone. The
second is the start-up (imports, parameter files, the rates file); what the first does beyond
it, divided by the claims, is the engine's cost per claim, which is what a 200,000-claim run
is made of. The decisions are kept in ``bench/out/`` and compared with the previous run's, so
that an A/B also says whether the output stayed the same byte for byte.

Usage: ``python bench/instructions.py [--claims 2000]`` (needs ``valgrind`` on the PATH).
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generate import DEFAULT_SEED, ensure_dataset
from run import compile_modules

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
TOTAL = re.compile(rb"^summary: (\d+)$", re.MULTILINE)


def count(claims_path: Path, rates_path: Path, out_path: Path) -> int:
    """The instructions one ``assess --jobs 1`` run executes, start-up included."""
    profile = out_path.with_suffix(".callgrind")
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={profile}"]
    command += [sys.executable, "-m", "refusjon.cli", "assess", str(claims_path)]
    command += ["--rates", str(rates_path), "--out", str(out_path), "--jobs", "1"]
    # One hash seed, so that two runs of the same code count the same.
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    completed = subprocess.run(command, check=False, capture_output=True, env=environment)
    if completed.returncode not in (0, 1):  # 1: the file has malformed lines on purpose
        sys.stderr.write(completed.stderr.decode(errors="replace"))
        raise SystemExit(f"instructions: assess exited with {completed.returncode}")
    found = TOTAL.search(profile.read_bytes())
    if found is None:
        raise SystemExit(f"instructions: no total in {profile}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=2_000, help="claims in the file")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed", file=sys.stderr)
        return 2
    dataset = ensure_dataset(OUT_DIR, args.claims, args.seed)
    folder = OUT_DIR / "instructions"
    folder.mkdir(exist_ok=True)
    first = folder / "first-claim.jsonl"
    with dataset.claims_path.open("rb") as claims:
        first.write_bytes(claims.readline())
    compile_modules(dataset)  # the start-up of an installed engine, not of compiling its source

    start_up = count(first, dataset.rates_path, folder / "first-decision.jsonl")
    decisions = folder / f"decisions-{args.claims}.jsonl"
    previous = decisions.with_suffix(".previous.jsonl")
    if decisions.exists():
        decisions.replace(previous)
    total = count(dataset.claims_path, dataset.rates_path, decisions)

    per_claim = (total - start_up) / (args.claims - 1)
    print(f"assess --jobs 1 on {args.claims:,} claims: {total:,} instructions")
    print(f"  start-up (the first claim alone): {start_up:,}")
    print(f"  per claim beyond it: {per_claim:,.0f}")
    if previous.exists():
        same = filecmp.cmp(previous, decisions, shallow=False)
        print(f"  decisions {'the same as' if same else 'DIFFERENT from'} the previous run's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
