"""HTML to a tagged PDF (PDF/UA-1), with WeasyPrint."""

from __future__ import annotations

from typing import cast

from PIL import ImageFile


def write_pdf(html: str) -> bytes:
    """The letter's HTML as a tagged PDF. The HTML is whole: it names no file or address to
    fetch, so no base address is given.

    WeasyPrint, when imported, tells Pillow to accept truncated images in the whole process;
    intake's upload checks rely on Pillow refusing them, so the setting is put back (a letter
    has no images)."""
    accept_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        import weasyprint  # type: ignore[import-untyped]
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = accept_truncated
    return cast(bytes, weasyprint.HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"))
