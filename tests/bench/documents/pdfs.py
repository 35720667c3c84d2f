"""What a generated PDF prints, and what a rendered file shows, for the corpus tests."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image

Box = tuple[float, float, float, float]


def text_of(pdf: bytes) -> str:
    """The PDF's text, page after page, with no-break spaces as plain ones."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = [document[index].get_textpage().get_text_range() for index in range(len(document))]
    finally:
        document.close()
    return "\n".join(pages).replace("\u00a0", " ").replace("\r", "")


def printed(shown: str) -> str:
    """A string as the PDF's text gives it back (no-break spaces as plain ones)."""
    return shown.replace("\u00a0", " ")


def flat(text: str) -> str:
    return " ".join(printed(text).split())


def every_letter(pdf: bytes) -> list[list[tuple[int, Box]]]:
    """Each page's printed letters (not spaces): their indices and boxes."""
    pages = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number].get_textpage()
            letters = page.get_text_range()
            pages.append(
                [(i, page.get_charbox(i)) for i, c in enumerate(letters) if not c.isspace()]
            )
    finally:
        document.close()
    return pages


def in_pixels(box: Box, height: float, scale: float) -> Box:
    """A box of PDF points (from the bottom) as page pixels (left, top, right, bottom)."""
    left, bottom, right, top = box
    return left * scale, (height - top) * scale, right * scale, (height - bottom) * scale


def pictures(data: bytes, extension: str) -> list[Image.Image]:
    """The rendered file's pictures, a page each (a PDF's at their own pixels)."""
    if extension != "pdf":
        return [Image.open(io.BytesIO(data))]
    document = pdfium.PdfDocument(data)
    try:
        shots = []
        for number in range(len(document)):
            (picture,) = list(document[number].get_objects())
            assert isinstance(picture, pdfium.PdfImage)
            shots.append(picture.get_bitmap(render=False).to_pil())
        return shots
    finally:
        document.close()
