"""``make bench-reassess``: how fast decided claims are decided again after a scheme changed.

The demo's volume data (``manage.py demo --claims N``, SQLite in a folder of its own) is
re-assessed as ``refusjon reassess --dry-run`` does it, scheme by scheme: every standing
decision decided again from the database, student by student against their history. Beside it,
in the same run, the rules engine alone decides as many generated claims from a file
(``refusjon assess --jobs 1``): the ratio of the two rates travels between machines where the
rates do not. The results are printed and, with ``--write``, kept in bench/README.md between
the reassess markers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import git, machine_facts

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
README = BENCH_DIR / "README.md"
START_MARK = "<!-- reassess-results:start -->"
END_MARK = "<!-- reassess-results:end -->"
MANAGE = [sys.executable, str(ROOT / "manage.py")]
SCHEMES = ("sio", "ssn", "helfo_abroad")

# Decided again in a process of its own, as the command does it: the sums and the time.
PROGRAM = """
import json, time
from datetime import date
from refusjon.claims.models import User
from refusjon.reassessment.services import reassess
admin = User.objects.get(username="admin")
started = time.perf_counter()
summary = reassess({scheme!r}, date(2000, 1, 1), by=admin, dry=True)
print(json.dumps({{"examined": summary.examined, "seconds": time.perf_counter() - started}}))
"""


def run(command: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> str:
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(command[:4])} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def engine_rate(claims: int, folder: Path, env: dict[str, str]) -> float:
    """Claims a second the rules engine alone decides, from a generated file, on one process."""
    source = folder / "claims.jsonl"
    generate = [sys.executable, str(BENCH_DIR / "generate.py"), "--claims", str(claims)]
    run([*generate, "--out", str(source)], env)
    started = time.perf_counter()
    assess = [sys.executable, "-m", "refusjon.cli", "assess", str(source), "--jobs", "1"]
    run([*assess, "--out", str(folder / "decisions.jsonl")], env, ok=(0, 1))  # 1: some invalid
    return claims / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20_000, help="claims in the demo data")
    parser.add_argument("--write", action="store_true", help="keep the results in the README")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="refusjon-reassess-") as temporary:
        folder = Path(temporary)
        env = {**os.environ, "REFUSJON_DATA_DIR": str(folder), "LANGUAGE": "en"}
        env.pop("DATABASE_URL", None)
        print(f"Loading {args.claims:,} demo claims ...", flush=True)
        run([*MANAGE, "migrate", "-v0"], env)
        run([*MANAGE, "demo", "--claims", str(args.claims)], env)
        rows = []
        examined_all, seconds_all = 0, 0.0
        for scheme in SCHEMES:
            out = run([*MANAGE, "shell", "-c", PROGRAM.format(scheme=scheme)], env)
            result = json.loads(out.strip().splitlines()[-1])
            examined_all += result["examined"]
            seconds_all += result["seconds"]
            rate = result["examined"] / result["seconds"]
            rows.append((scheme, result["examined"], result["seconds"], rate))
            print(f"{scheme}: {result['examined']:,} decided claims in {result['seconds']:.1f} s")
        engine = engine_rate(max(examined_all, 1000), folder, env)
    rate_all = examined_all / seconds_all
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} at {git('rev-parse', '--short', 'HEAD')} on "
        f"{machine_facts()}; {args.claims:,} demo claims (SQLite).",
        "",
        "| scheme | decided claims | seconds | claims a second |",
        "|---|---:|---:|---:|",
        *[f"| {s} | {n:,} | {sec:.1f} | {r:.0f} |" for s, n, sec, r in rows],
        f"| **all** | {examined_all:,} | {seconds_all:.1f} | {rate_all:.0f} |",
        "",
        f"The rules engine alone, in the same run: {engine:.0f} claims a second on one process; "
        f"deciding again from the database is {engine / rate_all:.0f} times slower "
        f"(a year of 30,000 decided claims: about {30_000 / rate_all / 60:.0f} minutes).",
    ]
    print("\n".join(lines))
    if args.write:
        text = README.read_text(encoding="utf-8")
        start, end = text.index(START_MARK) + len(START_MARK), text.index(END_MARK)
        README.write_text(text[:start] + "\n" + "\n".join(lines) + "\n" + text[end:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
