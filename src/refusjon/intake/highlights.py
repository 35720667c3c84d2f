"""A page of a document drawn as a PNG with one box marked: where a fee was read.

A PDF page is rendered with pypdfium2 (the page's size is bounded by the upload checks), an
image is opened with Pillow (its pixels bounded the same way); either is scaled to at most
:data:`WIDTH` pixels wide, and a tall phone screenshot is cut to a window around the box, so
what is drawn is small whatever the document. One page is drawn at a time in a process (the
lock documents are checked and read under).
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from refusjon.intake.bounds import ONE_AT_A_TIME
from refusjon.intake.models import ReadLine

WIDTH = 1200
"""The widest page drawn, in pixels: a page's lines stay legible beside the claim's."""
TALLEST = 1.6
"""A page taller than this many times its width is cut to a window that tall around the box."""
OUTLINE = (214, 40, 40)


class CannotDraw(Exception):
    """The document has no such page, or cannot be opened (it was checked, so this is rare)."""


def page_with_box(content: bytes, content_type: str, read_line: ReadLine) -> bytes:
    """Page ``read_line.page`` of the document with the line's box drawn, as PNG bytes."""
    if read_line.page is None:
        raise CannotDraw("no page")
    with ONE_AT_A_TIME:
        if content_type == "application/pdf":
            image = _pdf_page(content, read_line.page)
        else:
            image = _image(content, read_line.page)
        return _draw(image, read_line)


def _pdf_page(content: bytes, number: int) -> Image.Image:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(content)
    except pdfium.PdfiumError as error:
        raise CannotDraw(str(error)) from error
    try:
        if not 1 <= number <= len(document):
            raise CannotDraw(f"no page {number}")
        page = document[number - 1]
        scale = min(WIDTH / max(page.get_width(), 1.0), 4.0)
        bitmap = page.render(scale=scale)
        image: Image.Image = bitmap.to_pil().convert("RGB")
        return image
    finally:
        document.close()


def _image(content: bytes, number: int) -> Image.Image:
    if number != 1:
        raise CannotDraw(f"an image has one page, not {number}")
    try:
        opened = Image.open(io.BytesIO(content))
        opened.load()
    except OSError as error:
        raise CannotDraw(str(error)) from error
    image = opened.convert("RGB")
    if image.width > WIDTH:
        image = image.resize((WIDTH, max(1, round(image.height * WIDTH / image.width))))
    return image


def _draw(image: Image.Image, read_line: ReadLine) -> bytes:
    width, height = image.size
    left, top = (read_line.left or 0.0) * width, (read_line.top or 0.0) * height
    right, bottom = (read_line.right or 1.0) * width, (read_line.bottom or 1.0) * height
    pad = max(3, width // 200)
    ImageDraw.Draw(image).rectangle(
        (left - pad, top - pad, right + pad, bottom + pad), outline=OUTLINE, width=max(3, pad)
    )
    tallest = round(width * TALLEST)
    if height > tallest:
        middle = (top + bottom) / 2
        start = int(min(max(0, middle - tallest / 2), height - tallest))
        image = image.crop((0, start, width, start + tallest))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
