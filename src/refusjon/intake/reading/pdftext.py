"""PDF pages: the words of a text layer with where they stand, or the page as pixels for OCR.

pypdfium2 (PDFium) does both: it reads a text layer's characters with their boxes faster than
pdfminer does, and renders a page without one. The bounds of the upload checks hold here too
(``DecodingLimits``): the number of pages, a page's size, and the pixels a rendering takes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium

from refusjon.intake.bounds import DecodingLimits
from refusjon.intake.reading.pixels import Grey
from refusjon.intake.reading.words import Word

POINTS_PER_CM = 72 / 2.54
# A page with fewer characters than this is taken to have no text layer (a scan in a PDF).
MIN_TEXT_CHARACTERS = 20
OCR_DPI = 300


class PdfUnreadable(Exception):
    """The PDF cannot be opened, has too many pages or a page too large."""


@dataclass(frozen=True, slots=True)
class PdfPage:
    number: int
    width: float
    """Points."""
    height: float
    words: tuple[Word, ...]
    """The text layer's words; empty when the page has none (then read its pixels)."""


@contextmanager
def opened(data: bytes, *, limits: DecodingLimits) -> Iterator[pdfium.PdfDocument]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise PdfUnreadable(f"The PDF cannot be opened ({error}).") from error
    try:
        if len(document) == 0:
            raise PdfUnreadable("The PDF has no pages.")
        if len(document) > limits.max_pages:
            raise PdfUnreadable(f"The PDF has more than {limits.max_pages} pages.")
        yield document
    finally:
        document.close()


def page_text(document: pdfium.PdfDocument, index: int, *, limits: DecodingLimits) -> PdfPage:
    page = document[index]
    try:
        width, height = page.get_size()
        if max(width, height) / POINTS_PER_CM > limits.pdf_max_page_cm:
            raise PdfUnreadable(f"Page {index + 1} is larger than {limits.pdf_max_page_cm:g} cm.")
        textpage = page.get_textpage()
        try:
            words = _words(textpage, index + 1, width, height, page.get_rotation())
        finally:
            textpage.close()
    finally:
        page.close()
    characters = sum(len(word.text) for word in words)
    return PdfPage(index + 1, width, height, words if characters >= MIN_TEXT_CHARACTERS else ())


def _scale(width: float, height: float, limits: DecodingLimits) -> float:
    """300 dpi, or less if that would pass the pixel bound of a page."""
    scale = OCR_DPI / 72
    pixels = width * height * scale * scale
    if pixels > limits.pdf_max_page_pixels:
        scale *= (limits.pdf_max_page_pixels / pixels) ** 0.5
    return scale


def rendered_size(
    document: pdfium.PdfDocument, index: int, *, limits: DecodingLimits
) -> tuple[int, int]:
    width, height = document.get_page_size(index)
    scale = _scale(width, height, limits)
    return round(width * scale), round(height * scale)


def rendered(document: pdfium.PdfDocument, index: int, *, limits: DecodingLimits) -> Grey:
    """The page as greyscale pixels at 300 dpi, or fewer if that would pass the pixel bound:
    one copy of PDFium's bitmap, one byte a pixel (8.7 MB for an A4 page)."""
    page = document[index]
    try:
        width, height = page.get_size()
        scale = _scale(width, height, limits)
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            grey: Grey = np.array(bitmap.to_numpy(), dtype=np.uint8, order="C")
            return grey.reshape(grey.shape[0], grey.shape[1])
        finally:
            bitmap.close()
    finally:
        page.close()


def upright(
    box: tuple[float, float, float, float], rotation: int, width: float, height: float
) -> tuple[float, float, float, float]:
    """A character's box (left, bottom, right, top in the PDF's own space) on the page as it is
    shown, turned clockwise by the page's ``rotation`` (a landscape page stored upright and
    turned by its /Rotate); ``width`` and ``height`` are the page's as shown."""
    left, bottom, right, top = box
    if rotation == 90:  # the stored page is ``height`` wide
        corners = [(y, height - x) for x in (left, right) for y in (bottom, top)]
    elif rotation == 180:
        corners = [(width - x, height - y) for x in (left, right) for y in (bottom, top)]
    elif rotation == 270:  # the stored page is ``width`` high
        corners = [(width - y, x) for x in (left, right) for y in (bottom, top)]
    else:
        return box
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _words(
    textpage: pdfium.PdfTextPage, page: int, width: float, height: float, rotation: int = 0
) -> tuple[Word, ...]:
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:
        text = "".join(textpage.get_text_range(index, 1) or " " for index in range(count))
    words: list[Word] = []
    current: list[tuple[str, float, float, float, float]] = []

    def close() -> None:
        if current:
            words.append(
                Word(
                    "".join(char for char, *_ in current),
                    page,
                    left=round(min(c[1] for c in current) / width, 5),
                    top=round(1 - max(c[4] for c in current) / height, 5),
                    right=round(max(c[3] for c in current) / width, 5),
                    bottom=round(1 - min(c[2] for c in current) / height, 5),
                )
            )
            current.clear()

    for index, char in enumerate(text):
        if char.isspace() or char == "\x00":
            close()
            continue
        left, bottom, right, top = upright(
            textpage.get_charbox(index, loose=True), rotation, width, height
        )
        if current:
            _, last_left, last_bottom, last_right, last_top = current[-1]
            size = max(last_top - last_bottom, top - bottom, 1.0)
            if (
                left - last_right > size * 0.8
                or abs(bottom - last_bottom) > size * 0.5
                or left < last_left
            ):
                close()
        current.append((char, left, bottom, right, top))
    close()
    return tuple(words)
