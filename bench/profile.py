"""Profile ``refusjon assess`` with cProfile on a generated file: where does the time go?

The issue asks to find the hot spots with a profiler before optimising. This runs the engine
exactly as the benchmark does (same data generator, same command) under ``cProfile`` and
prints the functions with the most time of their own and the most time including callees.
The raw profile stays in ``bench/out/`` for a closer look (``python -m pstats FILE``, or
snakeviz if you have it).

cProfile roughly doubles the run time and weighs many small calls more than a few big ones,
so read the shares as a ranking, not as a forecast of what an optimisation will save.

Usage: ``python bench/profile.py [--claims 20000] [--top 30]``
"""

from __future__ import annotations

import argparse
import pstats
import subprocess
import sys
from pathlib import Path

from generate import DEFAULT_SEED, ensure_dataset
from run import assess_has_jobs

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000, help="claims in the file")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument("--top", type=int, default=30, help="rows of each listing")
    args = parser.parse_args(argv)
    dataset = ensure_dataset(OUT_DIR, args.claims, args.seed)
    profile_path = OUT_DIR / f"assess-{args.claims}.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(profile_path)]
    command += ["-m", "refusjon.cli", "assess", str(dataset.claims_path)]
    command += ["--rates", str(dataset.rates_path), "--out", str(OUT_DIR / "profiled.jsonl")]
    if assess_has_jobs():
        command += ["--jobs", "1"]  # cProfile sees one process: keep the rules in it
    completed = subprocess.run(command, check=False)
    if completed.returncode not in (0, 1):  # 1: the file has malformed lines on purpose
        print(f"profile: assess exited with {completed.returncode}", file=sys.stderr)
        return 2
    stats = pstats.Stats(str(profile_path))
    stats.strip_dirs()
    for order in ("tottime", "cumulative"):
        print(f"\n=== top {args.top} by {order} ===")
        stats.sort_stats(order).print_stats(args.top)
    print(f"Raw profile: {profile_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
