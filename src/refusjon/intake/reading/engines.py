"""The two OCR engines, both offline: Tesseract 5 (Debian's binary with the Norwegian, English
and Latin-script data) and RapidOCR (PP-OCR models inside its wheel, on onnxruntime).

Each takes a grey page and gives positioned words (fractions of the page). Tesseract runs as a
child process, one thread (``OMP_THREAD_LIMIT=1``); RapidOCR loads its models once per process,
when first needed, and reads a tall page in slices so its memory stays bounded.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import threading
from typing import Any

import numpy as np

from refusjon.intake.reading.pixels import Grey, png
from refusjon.intake.reading.words import Word

TESSERACT_LANGUAGES = "nor+eng+Latin"
TESSERACT_SECONDS = 120
# RapidOCR reads a tall page in slices this high (pixels), overlapping by OVERLAP.
SLICE = 1600
OVERLAP = 120


class EngineFailed(Exception):
    """The engine could not read the page (not installed, crashed, timed out)."""


def tesseract(
    grey: Grey, *, page: int, psm: int = 11, languages: str = TESSERACT_LANGUAGES
) -> list[Word]:
    """The page's words as Tesseract reads them (``psm`` 11: sparse text, which reads the cells
    of a table without needing its lines; 6: one block; 4: one column of lines)."""
    height, width = grey.shape
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = [
        "tesseract",
        "stdin",
        "stdout",
        "-l",
        languages,
        "--psm",
        str(psm),
        "--dpi",
        "300",
        "tsv",
    ]
    try:
        finished = subprocess.run(
            command,
            input=png(grey),
            capture_output=True,
            timeout=TESSERACT_SECONDS,
            env=environment,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise EngineFailed(f"Tesseract could not run ({error}).") from error
    if finished.returncode != 0:
        raise EngineFailed(f"Tesseract failed: {finished.stderr.decode(errors='replace')[-300:]}")
    return _tsv_words(finished.stdout.decode("utf-8", errors="replace"), page, width, height)


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


_rapid: Any = None
_rapid_lock = threading.Lock()


def _rapid_engine() -> Any:
    global _rapid
    with _rapid_lock:
        if _rapid is None:
            try:
                from rapidocr import RapidOCR
            except ImportError as error:  # pragma: no cover - locked dependency
                raise EngineFailed("RapidOCR is not installed.") from error
            _rapid = RapidOCR(
                params={
                    "Global.log_level": "error",
                    "Global.use_cls": False,
                    "Det.limit_type": "max",
                    "Det.limit_side_len": 736,
                    "Rec.rec_batch_num": 1,
                    "EngineConfig.onnxruntime.intra_op_num_threads": 1,
                    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                }
            )
        return _rapid


def rapidocr(grey: Grey, *, page: int) -> list[Word]:
    """The page's phrases as RapidOCR reads them, each as one word, slice by slice."""
    engine = _rapid_engine()
    height, width = grey.shape
    words: list[Word] = []
    top = 0
    while True:
        bottom = min(height, top + SLICE)
        piece = np.ascontiguousarray(np.dstack([grey[top:bottom]] * 3))
        try:
            result = engine(piece)
        except Exception as error:  # noqa: BLE001 - onnxruntime raises its own kinds
            raise EngineFailed(f"RapidOCR failed ({error}).") from error
        boxes = getattr(result, "boxes", None)
        texts = getattr(result, "txts", None)
        if boxes is not None and texts is not None:
            for box, text in zip(boxes, texts, strict=False):
                xs = [point[0] for point in box]
                ys = [point[1] + top for point in box]
                middle = (min(ys) + max(ys)) / 2
                # A phrase cut by the slice's edge is read whole in the next (or last) slice.
                in_own_part = (top == 0 or middle >= top + OVERLAP / 2) and (
                    bottom == height or middle < bottom - OVERLAP / 2
                )
                if text.strip() and in_own_part:
                    words.append(
                        Word(
                            text.strip(),
                            page,
                            min(xs) / width,
                            min(ys) / height,
                            max(xs) / width,
                            max(ys) / height,
                        )
                    )
        if bottom == height:
            return words
        top = bottom - OVERLAP
