"""Run one command and report its wall time, CPU time and peak memory, as JSON.

Why a separate process: on Linux a child's peak resident memory (``ru_maxrss``) starts at the
peak of the process it was forked from, because the kernel carries the old address space's
high-water mark across ``exec``. Started straight from ``bench/run.py`` (which may just have
generated a large file) every program would seem to use at least as much memory as ``run.py``
did. This small process starts the command instead, so what it reports is the command's own
peak (plus this interpreter's few megabytes at most, less than any Python program needs).

Why sampling as well: ``refusjon assess`` may decide a large file on several worker processes.
``ru_maxrss`` is then the peak of the largest single process, not of the whole job, so this
also samples the memory of the command's whole process tree ten times a second (proportional
set size where the system reports it, so pages the workers share with their parent count
once; resident size otherwise). The peak reported is the higher of the two. CPU time is that
of the command and every child it waited for.

Usage: ``python bench/measure.py RESULT.json -- COMMAND [ARG ...]``; the exit status is the
command's.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

SAMPLE_SECONDS = 0.1
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print("usage: measure.py RESULT.json -- COMMAND [ARG ...]", file=sys.stderr)
        return 2
    result_path, command = argv[0], argv[2:]
    started = time.perf_counter()
    pid = os.posix_spawnp(command[0], command, os.environ)
    tree_peak, most_processes = 0, 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        tree = process_tree(pid)
        most_processes = max(most_processes, len(tree))
        tree_peak = max(tree_peak, sum(memory_of(member) for member in tree))
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - started
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    largest = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    result = {
        "exit_code": os.waitstatus_to_exitcode(status),
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_bytes": largest,
        "peak_tree_bytes": tree_peak,
        "peak_bytes": max(largest, tree_peak),
        "processes": max(1, most_processes),
    }
    Path(result_path).write_text(json.dumps(result), encoding="utf-8")
    return int(result["exit_code"])


def process_tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc (empty where there is no /proc)."""
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children(pid))
    return tree


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in _names(f"/proc/{pid}/task"):
        found.extend(int(child) for child in _text(f"/proc/{pid}/task/{task}/children").split())
    return found


def memory_of(pid: int) -> int:
    """Bytes of memory one process uses: its proportional set size, else its resident size."""
    for line in _text(f"/proc/{pid}/smaps_rollup").splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    fields = _text(f"/proc/{pid}/statm").split()
    return int(fields[1]) * PAGE_BYTES if len(fields) > 1 else 0


def _text(path: str) -> str:
    """A /proc file's text; empty when the process has gone (or there is no /proc)."""
    try:
        return Path(path).read_text(encoding="ascii")
    except (OSError, ValueError):
        return ""


def _names(path: str) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return []


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
