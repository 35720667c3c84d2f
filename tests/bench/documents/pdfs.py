"""What a generated PDF prints, for the corpus tests."""

from __future__ import annotations

import pypdfium2 as pdfium


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
