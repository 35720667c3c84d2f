"""``refusjon assess``: decide a file of claims (claims-format.md)."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO, BinaryIO, TextIO

from refusjon.rules.batch import (
    Assessed,
    BatchAssessor,
    decision_to_json,
    dumps,
    tune_garbage_collector,
)
from refusjon.rules.explain import Renderer
from refusjon.rules.model import ClaimOutcome
from refusjon.rules.money import ZERO
from refusjon.rules.parallel import ParallelAssessor, Settings, WorkerFailed
from refusjon.rules.rates import ExchangeRates, RatesError
from refusjon.rules.schema import schemas

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
PARALLEL_FROM_BYTES = 4 * 1024 * 1024


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "assess",
        help="decide a JSON Lines file of claims",
        description="Decide claims (JSON Lines, one per line) and write one decision per claim.",
    )
    parser.add_argument("claims", nargs="?", help="claims file, or - for standard input")
    parser.add_argument("--out", default="-", help="decisions file, or - (default) for stdout")
    parser.add_argument("--rates", help="Norges Bank exchange-rate CSV export")
    parser.add_argument("--explain", action="store_true", help="add each rule's source")
    parser.add_argument(
        "--lang", choices=["en", "nb"], default="en", help="language of the explanations"
    )
    parser.add_argument(
        "--schema",
        action="store_true",
        help="print the JSON Schemas of claims and decisions, and exit",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="worker processes (default: one per core, up to four, for a file over 4 MB)",
    )
    parser.add_argument(
        "--summary", action="store_true", help="print a table of the decisions (needs --out FILE)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.schema:
        print(json.dumps(schemas(), indent=2))
        return EXIT_OK
    if not args.claims:
        print("refusjon assess: name a claims file (or - for standard input)", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.summary and args.out == "-":
        print("refusjon assess: --summary needs --out FILE", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        rates = _read_rates(args.rates) if args.rates else None
    except (OSError, RatesError, UnicodeDecodeError) as error:
        print(f"refusjon assess: cannot read the rates file: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    summary: list[Assessed] = []
    any_invalid = False
    try:
        with _open_in(args.claims) as claims, _open_out(args.out) as out:
            progress = Progress.for_stream(claims, args.out)
            jobs = 1 if args.summary else _jobs(args.jobs, claims)
            tune_garbage_collector()
            for record, is_invalid, assessed in _decide(progress.lines(claims), args, rates, jobs):
                out.write(record)
                out.write(b"\n")
                any_invalid |= is_invalid
                if args.summary and assessed is not None:
                    summary.append(assessed)
            progress.done()
    except (OSError, UnicodeDecodeError, WorkerFailed) as error:
        print(f"refusjon assess: cannot read or write: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.summary:
        print_summary(summary, args.out)
    return EXIT_INVALID if any_invalid else EXIT_OK


Decided = tuple[bytes, bool, Assessed | None]


def _decide(
    lines: Iterable[str], args: argparse.Namespace, rates: ExchangeRates | None, jobs: int
) -> Iterator[Decided]:
    """Decision records in file order, on one process or on ``jobs`` workers."""
    if jobs > 1:
        settings = Settings(rates, args.lang, args.explain)
        for record, is_invalid in ParallelAssessor(jobs, settings).run(lines):
            yield record, is_invalid, None
        return
    renderer = Renderer(args.lang, with_sources=args.explain)
    for assessed in BatchAssessor(rates=rates).assess_lines(lines):
        decision = assessed.decision
        record = dumps(decision_to_json(decision, renderer))
        yield record, decision.outcome is ClaimOutcome.INVALID, assessed


def _jobs(asked: int, claims: TextIO) -> int:
    """Worker processes: as asked, else one per core (up to four) for a file over 4 MB."""
    if asked > 0:
        return asked
    if _is_stdin(claims) or os.fstat(claims.fileno()).st_size < PARALLEL_FROM_BYTES:
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _is_stdin(claims: TextIO) -> bool:
    return getattr(claims, "buffer", None) is getattr(sys.stdin, "buffer", sys.stdin)


def _read_rates(path: str) -> ExchangeRates:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return ExchangeRates.from_norges_bank_csv(handle)


# A byte-order mark at the start is skipped; bytes that are not UTF-8 are kept as lone
# surrogates, so that their line gets its own ``invalid`` decision (batch.decode_line) and the
# run goes on.
IN_ENCODING, IN_ERRORS = "utf-8-sig", "surrogateescape"


@contextlib.contextmanager
def _open_in(path: str) -> Iterator[TextIO]:
    if path == "-":
        stdin = io.TextIOWrapper(sys.stdin.buffer, encoding=IN_ENCODING, errors=IN_ERRORS)
        yield stdin
        stdin.detach()  # standard input stays open
    else:
        with open(path, encoding=IN_ENCODING, errors=IN_ERRORS) as handle:
            yield handle


@contextlib.contextmanager
def _open_out(path: str) -> Iterator[BinaryIO]:
    """Decisions are written as UTF-8 bytes (batch.dumps)."""
    if path == "-":
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
    else:
        with open(path, "wb") as handle:
            yield handle


class Progress:
    """A progress bar on the terminal, for long files; silent when output is piped."""

    def __init__(self, total_bytes: int | None, stream: IO[str] | None) -> None:
        self.total = total_bytes
        self.stream = stream
        self.seen = 0
        self.count = 0
        self.started = time.monotonic()
        self.shown = self.started

    @classmethod
    def for_stream(cls, claims: TextIO, out_path: str) -> Progress:
        interactive = sys.stderr.isatty() and sys.stdout.isatty() and out_path != "-"
        if not interactive or _is_stdin(claims):
            return cls(None, None)
        return cls(os.fstat(claims.fileno()).st_size, sys.stderr)

    def lines(self, claims: TextIO) -> Iterator[str]:
        if self.stream is None:
            yield from claims
            return
        for line in claims:
            self.seen += len(line) if line.isascii() else len(line.encode("utf-8", IN_ERRORS))
            self.count += 1
            if not self.count % 2000:
                self.show()
            yield line

    def show(self) -> None:
        now = time.monotonic()
        if self.stream is None or not self.total or now - self.shown < 0.2:
            return
        self.shown = now
        share = min(1.0, self.seen / self.total)
        filled = int(share * 30)
        rate = self.count / max(now - self.started, 1e-9)
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (30 - filled)}] {share:5.1%} "
            f"{self.count:,} claims {rate:,.0f}/s"
        )
        self.stream.flush()

    def done(self) -> None:
        if self.stream is not None and self.count >= 2000:
            self.shown = 0.0
            self.seen = self.total or self.seen
            self.show()
            self.stream.write("\n")


def main_reason(assessed: Assessed) -> str:
    decision = assessed.decision
    if decision.errors:
        return decision.errors[0]
    if decision.reasons:
        return decision.reasons[0]
    unaccepted = [line for line in decision.lines if line.outcome != "accepted"]
    for line in [*unaccepted, *decision.lines]:
        if line.reasons:
            return line.reasons[0]
    return "-"


def print_summary(rows: list[Assessed], out_path: str) -> None:
    header = ("claim", "scheme", "outcome", "refund (NOK)", "main reason")
    table = [
        (
            row.decision.claim_id or "(unreadable)",
            row.scheme or "-",
            row.decision.outcome.value,
            f"{row.decision.refund_nok:,.2f}",
            main_reason(row),
        )
        for row in rows
    ]
    widths = [max(len(str(cells[i])) for cells in [header, *table]) for i in range(5)]
    for cells in [header, tuple("-" * width for width in widths), *table]:
        print(
            "  ".join(
                str(cell).rjust(widths[i]) if i == 3 else str(cell).ljust(widths[i])
                for i, cell in enumerate(cells)
            ).rstrip()
        )
    total = sum((row.decision.refund_nok for row in rows), ZERO)
    print(f"\n{len(rows)} claims, refunds NOK {total:,.2f} in all.")
    print(f"Full decisions with explanations: {out_path}")


__all__ = ["Decimal", "add_parser", "run"]
