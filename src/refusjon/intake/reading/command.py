"""``refusjon extract FILE… [--out OUT.jsonl]``: read documents, one JSON object a file.

Files are read one at a time (one in memory at once), and one that cannot be read is written
with ``"kind": "unknown"`` and its error while the run goes on. The exit status is 0, or 2 if a
file named was not there. A progress bar shows on a terminal only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from refusjon.intake.bounds import MAX_UPLOAD_BYTES
from refusjon.intake.reading.records import Extraction, Kind, Problem, as_json

EXIT_OK, EXIT_MISSING = 0, 2


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="read user fee overviews and receipts into fee lines",
        description=(
            "Read helsenorge overviews of user fees paid and receipts (PDF, PNG, JPEG) and "
            "write one JSON object per file (JSON Lines)."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="documents to read")
    parser.add_argument("--out", default="-", help="JSON Lines file, or - (default) for stdout")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm  # here, as the reader: ``refusjon assess`` builds this parser too

    missing = False
    with _output(args.out) as out:
        progress = tqdm(args.files, unit="file", file=sys.stderr, disable=not sys.stderr.isatty())
        for name in progress:
            extraction = extract_file(name)
            if not os.path.exists(name):
                missing = True
                print(f"refusjon extract: {name}: no such file", file=sys.stderr)
            out.write(json.dumps(as_json(extraction, file=name), ensure_ascii=False) + "\n")
            out.flush()
    return EXIT_MISSING if missing else EXIT_OK


def extract_file(name: str, *, max_bytes: int = MAX_UPLOAD_BYTES) -> Extraction:
    """The reading of the file at ``name``; a file larger than an upload may be is refused
    from its size, before it is read."""
    try:
        size = os.path.getsize(name)
        if size > max_bytes:
            larger = f"The file is larger than {max_bytes // (1024 * 1024)} MB."
            return Extraction(Kind.UNKNOWN, error=Problem.TOO_LARGE, detail=larger)
        with open(name, "rb") as file:
            data = file.read(max_bytes + 1)
    except FileNotFoundError:
        return Extraction(Kind.UNKNOWN, error=Problem.NO_SUCH_FILE)
    except OSError as error:
        unreadable = f"The file cannot be read ({error.strerror})."
        return Extraction(Kind.UNKNOWN, error=Problem.FILE_UNREADABLE, detail=unreadable)
    from refusjon.intake.reading.reader import read_document  # numpy, Pillow, OCR: see run

    try:
        return read_document(data, filename=name, max_bytes=max_bytes)
    except Exception as error:
        failed = f"The file could not be read ({type(error).__name__})."
        return Extraction(Kind.UNKNOWN, error=Problem.READER_FAILED, detail=failed)


@contextmanager
def _output(path: str) -> Iterator[TextIO]:
    if path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as file:
        yield file
