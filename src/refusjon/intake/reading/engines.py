"""The two OCR engines, both offline: Tesseract 5 (Debian's binary with the Norwegian, English
and Latin-script data) and RapidOCR (PP-OCR models inside its wheel, on onnxruntime).

Each takes a grey page and gives positioned words (fractions of the page). Both run as child
processes, one thread each: Tesseract once per page (``OMP_THREAD_LIMIT=1``); RapidOCR
(:class:`RapidOcr`) once per document, started when first needed, and it reads a tall page in
slices so its memory stays bounded.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import io
import json
import os
import select
import struct
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import numpy as np

from refusjon.intake.reading.pixels import Grey, png
from refusjon.intake.reading.rapidchild import HEADER, LENGTH
from refusjon.intake.reading.words import Word

# Tesseract's Latin-script model takes some 300 MB and reads Ł no better: names are read again
# by RapidOCR instead (reader.py).
TESSERACT_LANGUAGES = "nor+eng"
TESSERACT_SECONDS = 120
# RapidOCR reads a page in slices at most this high (pixels), overlapping by OVERLAP: its
# process's peak grows with what its detector is given of a slice, which it shrinks to 736
# pixels across (218 MiB with 1000-pixel slices of a 300 dpi A4 page, 250 MiB with 1600), and
# the 300 MB is for the reader and its engines together. A narrower picture (a phone's
# screenshot, 1170 pixels) is shrunk less, so its slices are lower, SLICE_SHAPE times its
# width: the same for the detector as an A4 page's (245 MiB with 1000-pixel slices of a phone's
# screenshot, 195 with 480, and the same CPU).
SLICE = 1000
SLICE_SHAPE = 0.41
LOWEST_SLICE = 400
OVERLAP = 120
# The longest a slice may take RapidOCR (loading its models included) before it is ended.
RAPIDOCR_SECONDS = 120
CHILD = Path(__file__).with_name("rapidchild.py")
# glibc's M_MMAP_THRESHOLD: blocks this large or larger are mapped on their own.
_M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 128 * 1024
CHILD_ENVIRONMENT = {
    "OMP_NUM_THREADS": "1",
    "OMP_THREAD_LIMIT": "1",
    # onnxruntime (its memory arena off) allocates and frees each layer's tensors, megabytes
    # each: with glibc's threshold fixed, every such block is mapped on its own and returned
    # when freed, instead of piling up in the heap as the threshold rises.
    "MALLOC_MMAP_THRESHOLD_": str(LARGE_BLOCK),
}


class EngineFailed(Exception):
    """The engine could not read the page (not installed, crashed, timed out)."""


def tesseract(
    grey: Grey, *, page: int, psm: int = 11, languages: str = TESSERACT_LANGUAGES
) -> list[Word]:
    """The page's words as Tesseract reads them (``psm`` 11: sparse text, which reads the cells
    of a table without needing its lines; 6: one block; 4: one column of lines)."""
    height, width = grey.shape
    finished = _tesseract_run(
        grey, ["-l", languages, "--psm", str(psm), "--dpi", "300", "tsv"], TESSERACT_SECONDS
    )
    if finished.returncode != 0:
        raise EngineFailed(f"Tesseract failed: {finished.stderr.decode(errors='replace')[-300:]}")
    return _tsv_words(finished.stdout.decode("utf-8", errors="replace"), page, width, height)


def _tesseract_run(
    grey: Grey, arguments: list[str], seconds: float
) -> subprocess.CompletedProcess[bytes]:
    """Tesseract on one thread, the page given as PNG on its standard input."""
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = ["tesseract", "stdin", "stdout", *arguments]
    try:
        return subprocess.run(
            command,
            input=png(grey),
            capture_output=True,
            timeout=seconds,
            env=environment,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise EngineFailed(f"Tesseract could not run ({error}).") from error


# Tesseract's orientation and script detection (``--psm 0``, its ``osd`` data) gives a
# confidence for the turn it finds: about 10–15 on a page of writing turned any way, under 2
# where it has too little writing to tell.
ORIENTATION_CONFIDENCE = 2.0
ORIENTATION_SECONDS = 30


def orientation(grey: Grey) -> int:
    """The clockwise turn (0, 90, 180 or 270 degrees) that makes the page upright, as
    Tesseract's orientation detection finds it; 0 where it cannot tell."""
    try:
        finished = _tesseract_run(grey, ["--psm", "0", "--dpi", "300"], ORIENTATION_SECONDS)
    except EngineFailed:
        return 0
    if finished.returncode != 0:
        return 0  # "Too few characters": nothing to turn by
    return _turn(finished.stdout.decode("utf-8", errors="replace"))


def _turn(report: str) -> int:
    fields = {}
    for line in report.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    try:
        turn, confidence = int(fields["Rotate"]), float(fields["Orientation confidence"])
    except (KeyError, ValueError):
        return 0
    if turn not in (90, 180, 270) or confidence < ORIENTATION_CONFIDENCE:
        return 0
    return turn


def _tsv_words(tsv: str, page: int, width: int, height: int) -> list[Word]:
    words: list[Word] = []
    for record in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (record.get("text") or "").strip()
        if record.get("level") != "5" or not text or float(record.get("conf") or -1) < 0:
            continue
        left, top = int(record["left"]), int(record["top"])
        right, bottom = left + int(record["width"]), top + int(record["height"])
        words.append(Word(text, page, left / width, top / height, right / width, bottom / height))
    return words


def return_large_blocks() -> None:
    """Have glibc map every block of 128 kB or more on its own, and so give it back when it is
    freed, as the child does (``MALLOC_MMAP_THRESHOLD_``). Left to itself glibc raises that
    threshold after the first large block is freed, and the copies of a page (megabytes
    each) then pile up in the heap, which does not shrink. Nothing where libc is not glibc."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK)


class RapidOcr:
    """RapidOCR in a child process (``rapidchild.py``), started when it is first asked to read
    and ended by :meth:`close`, so that its models and onnxruntime's working memory (some
    250 MB while it reads) never stay in the process that reads documents, a long-running
    job worker included. Pictures go to it over a pipe as bytes, the phrases come back as
    JSON. Whatever goes wrong in it (it cannot start, crashes, raises, takes too long) is
    :class:`EngineFailed`, and a child that failed is ended: the next reading starts another.
    """

    def __init__(self, *, seconds: float = RAPIDOCR_SECONDS) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._seconds = seconds
        self._cpu = 0.0

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def cpu_seconds(self) -> float:
        """CPU time of the running child so far, as it reports it after each reading (a child
        that has ended counts in ``RUSAGE_CHILDREN`` instead)."""
        return self._cpu

    def __enter__(self) -> RapidOcr:
        return self

    def __exit__(self, *_exception: object) -> None:
        self.close()

    def close(self) -> None:
        process, self._process = self._process, None
        self._cpu = 0.0
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _started(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            command = [sys.executable, "-P", str(CHILD)]
            environment = {**os.environ, **CHILD_ENVIRONMENT}
            try:
                self._process = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=environment,
                    close_fds=True,
                )
            except OSError as error:
                raise EngineFailed(f"RapidOCR could not start ({error}).") from error
        return self._process

    def phrases(self, grey: Grey) -> list[tuple[str, tuple[float, float, float, float]]]:
        """The picture's phrases with their boxes (left, top, right, bottom) in its pixels."""
        process = self._started()
        height, width = grey.shape
        picture = np.ascontiguousarray(grey, dtype=np.uint8)
        try:
            assert process.stdin is not None and process.stdout is not None
            deadline = time.monotonic() + self._seconds
            self._send(process.stdin, LENGTH.pack(HEADER.size + picture.nbytes), deadline)
            self._send(process.stdin, HEADER.pack(height, width), deadline)
            self._send(process.stdin, picture.data, deadline)
            length = LENGTH.unpack(self._exactly(process.stdout, LENGTH.size))[0]
            answer = json.loads(self._exactly(process.stdout, length))
        except (OSError, ValueError, struct.error, EngineFailed) as error:
            code = process.poll()
            self.close()
            ended = f", its process ended with {code}" if code is not None else ""
            raise EngineFailed(f"RapidOCR failed ({error}{ended}).") from error
        if "error" in answer:
            raise EngineFailed(f"RapidOCR failed ({answer['error']}).")
        self._cpu = float(answer.get("cpu", self._cpu))
        return [
            (str(text), (box[0], box[1], box[2], box[3]))
            for box, text in zip(answer["boxes"], answer["texts"], strict=False)
        ]

    def _send(self, stream: IO[bytes], data: bytes | memoryview, deadline: float) -> None:
        """Write ``data`` to the child by ``deadline``: a child stuck on an earlier picture
        stops reading, and a full pipe must not hold the reader for ever."""
        descriptor = stream.fileno()
        os.set_blocking(descriptor, False)
        view = memoryview(data).cast("B")
        while view:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([], [descriptor], [], remaining)[1]:
                raise EngineFailed(f"it took no picture within {self._seconds:.0f} s")
            try:
                sent = os.write(descriptor, view)
            except BlockingIOError:
                continue
            view = view[sent:]

    def _exactly(self, stream: IO[bytes], size: int) -> bytes:
        """``size`` bytes from the child, within the time it is given for a reading."""
        deadline = time.monotonic() + self._seconds
        chunks: list[bytes] = []
        left = size
        descriptor = stream.fileno()
        while left:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
                raise EngineFailed(f"no answer within {self._seconds:.0f} s")
            chunk = os.read(descriptor, left)
            if not chunk:
                raise EngineFailed("its process ended")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


def rapidocr(grey: Grey, *, page: int, engine: RapidOcr) -> list[Word]:
    """The page's phrases as RapidOCR reads them, each as one word, slice by slice."""
    height, width = grey.shape
    rows = min(SLICE, max(LOWEST_SLICE, round(width * SLICE_SHAPE)))
    words: list[Word] = []
    top = 0
    while True:
        bottom = min(height, top + rows)
        for text, (left, upper, right, lower) in engine.phrases(grey[top:bottom]):
            upper, lower = upper + top, lower + top
            middle = (upper + lower) / 2
            # A phrase cut by the slice's edge is read whole in the next (or last) slice.
            in_own_part = (top == 0 or middle >= top + OVERLAP / 2) and (
                bottom == height or middle < bottom - OVERLAP / 2
            )
            if text.strip() and in_own_part:
                words.append(
                    Word(
                        text.strip(),
                        page,
                        left / width,
                        upper / height,
                        right / width,
                        lower / height,
                    )
                )
        if bottom == height:
            return words
        top = bottom - OVERLAP
