"""RapidOCR runs in a process of its own, for one document at a time: its memory leaves with
that process when the document has been read, and when it crashes or hangs the reading goes on
with Tesseract."""

from __future__ import annotations

import os
from pathlib import Path

import numpy
import pytest

from refusjon.intake.reading import Kind, engines, read_document
from refusjon.intake.reading.pixels import Preparation
from refusjon.intake.reading.reader import ATTEMPTS, Attempt
from tests.intake.reading import documents

EXPECTED = [(fee.day, fee.amount) for fee in documents.FEES]

# Children standing in for rapidchild.py: one that reads a picture and then dies of a
# segmentation fault (as a native library can), one that never answers.
CRASHING = """
import os, signal, sys
sys.stdin.buffer.read(4)
os.kill(os.getpid(), signal.SIGSEGV)
"""
HANGING = """
import sys, time
sys.stdin.buffer.read(4)
time.sleep(600)
"""

# One that never reads the picture at all (stuck before it): the pipe fills and stays full.
NOT_READING = """
import time
time.sleep(600)
"""


@pytest.fixture(scope="module")
def overview_scan() -> bytes:
    return documents.scanned(documents.pdf(documents.overview_html()))


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids of the RapidOCR children started while the test runs."""
    pids: list[int] = []
    real = engines.RapidOcr._started

    def recording(self: engines.RapidOcr) -> object:
        process = real(self)
        if process.pid not in pids:
            pids.append(process.pid)
        return process

    monkeypatch.setattr(engines.RapidOcr, "_started", recording)
    return pids


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "zombie" not in status


def _child(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: str) -> None:
    script = tmp_path / "child.py"
    script.write_text(source)
    monkeypatch.setattr(engines, "CHILD", script)


def test_rapidocr_is_gone_when_read_document_returns(
    overview_scan: bytes, started: list[int]
) -> None:
    extraction = read_document(overview_scan, filename="overview.png")

    assert extraction.reconciled
    # Tesseract's Norwegian model has no Ł: it is there because RapidOCR read the name again.
    assert "Łukaszewicz" in extraction.name
    assert len(started) == 1
    assert not _alive(started[0])


def test_a_second_document_starts_a_new_rapidocr(overview_scan: bytes, started: list[int]) -> None:
    read_document(overview_scan)
    read_document(overview_scan)

    assert len(started) == 2
    assert not any(_alive(pid) for pid in started)


def test_a_crashing_rapidocr_is_an_engine_failure() -> None:
    # The real child, killed as a crash in onnxruntime would end it.
    with engines.RapidOcr() as rapid:
        assert rapid.phrases(numpy.full((60, 200), 255, dtype=numpy.uint8)) == []
        pid = rapid.pid
        assert pid is not None
        os.kill(pid, 9)
        with pytest.raises(engines.EngineFailed, match="ended"):
            rapid.phrases(numpy.full((60, 200), 255, dtype=numpy.uint8))
        assert rapid.pid is None  # ended and reaped: the next reading starts another
    assert not _alive(pid)


def test_a_rapidocr_that_does_not_answer_is_ended(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _child(monkeypatch, tmp_path, HANGING)
    with engines.RapidOcr(seconds=1) as rapid:
        with pytest.raises(engines.EngineFailed, match="no answer within 1 s"):
            rapid.phrases(numpy.full((60, 200), 255, dtype=numpy.uint8))
        assert rapid.pid is None


def test_when_rapidocr_crashes_the_reading_goes_on_with_tesseract(
    overview_scan: bytes, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, started: list[int]
) -> None:
    _child(monkeypatch, tmp_path, CRASHING)
    rapid_first = (
        Attempt("rapidocr", "rapidocr", Preparation(remove_lines=False)),
        *(attempt for attempt in ATTEMPTS if attempt.engine == "tesseract"),
    )

    extraction = read_document(overview_scan, attempts=rapid_first)

    assert extraction.kind == Kind.USER_FEE_OVERVIEW
    assert extraction.engine == "tesseract"
    assert [(line.date, line.amount) for line in extraction.lines] == EXPECTED
    assert extraction.reconciled
    assert any(note.startswith("rapidocr: RapidOCR failed") for note in extraction.notes)
    # The name is Tesseract's own, without the Ł its models do not know: RapidOCR's second
    # look at it crashed as well.
    assert "ukaszewicz" in extraction.name and "Ł" not in extraction.name
    assert len(started) == 2
    assert not any(_alive(pid) for pid in started)


def test_a_rapidocr_that_takes_no_picture_is_ended(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _child(monkeypatch, tmp_path, NOT_READING)
    page = numpy.full((2000, 1200), 255, dtype=numpy.uint8)  # far more than a pipe holds
    with engines.RapidOcr(seconds=1) as rapid:
        with pytest.raises(engines.EngineFailed, match="took no picture within 1 s"):
            rapid.phrases(page)
        assert rapid.pid is None


def test_rapidocr_has_ended_before_tesseract_tries_again(
    monkeypatch: pytest.MonkeyPatch, started: list[int]
) -> None:
    # A total one krone off: no attempt adds up, so each is tried in turn.
    html = documents.overview_html(running=False).replace(
        documents.kroner(documents.TOTAL), documents.kroner(documents.TOTAL + 1)
    )
    scan = documents.scanned(documents.pdf(html))
    alive_when_tesseract_ran: list[bool] = []
    real = engines.tesseract

    def tesseract(*args: object, **kwargs: object) -> object:
        alive_when_tesseract_ran.append(any(_alive(pid) for pid in started))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engines, "tesseract", tesseract)
    rapid_then_tesseract = (
        Attempt("rapidocr", "rapidocr", Preparation(remove_lines=False)),
        Attempt("tesseract-psm6", "tesseract", Preparation(), psm=6),
    )

    extraction = read_document(scan, attempts=rapid_then_tesseract)

    assert not extraction.reconciled
    assert alive_when_tesseract_ran == [False]


class _Slices:
    """Stands in for RapidOCR's process where only the slices it is given matter."""

    def __init__(self) -> None:
        self.heights: list[int] = []

    def phrases(self, grey: numpy.ndarray) -> list[object]:
        self.heights.append(grey.shape[0])
        return []


@pytest.mark.parametrize(
    ("width", "highest"),
    [(2480, engines.SLICE), (1170, round(1170 * engines.SLICE_SHAPE))],
)
def test_a_phone_s_narrow_screenshot_goes_to_rapidocr_in_lower_slices(
    width: int, highest: int
) -> None:
    # The detector shrinks each slice to 736 pixels across: a narrow one would reach it larger
    # and take RapidOCR's process over the memory an A4 page's slices take.
    slices = _Slices()
    engines.rapidocr(
        numpy.full((3000, width), 255, dtype=numpy.uint8),
        page=1,
        engine=slices,  # type: ignore[arg-type]
    )
    assert max(slices.heights) == highest
    assert sum(slices.heights) - engines.OVERLAP * (len(slices.heights) - 1) == 3000
