"""HTML to a tagged PDF (PDF/UA-1), with WeasyPrint."""

from __future__ import annotations

from types import ModuleType
from typing import cast

from PIL import ImageFile


def weasyprint() -> ModuleType:
    """WeasyPrint, imported so that it leaves Pillow as it found it.

    WeasyPrint, when imported, tells Pillow to accept truncated images in the whole process;
    intake's upload checks rely on Pillow refusing them, so the setting is put back. Every
    use of WeasyPrint in the project (letters, the demo, the document corpus) imports it
    through here."""
    accept_truncated = ImageFile.LOAD_TRUNCATED_IMAGES
    try:
        import weasyprint as module  # type: ignore[import-untyped]
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = accept_truncated
    return cast(ModuleType, module)


def write_pdf(html: str) -> bytes:
    """The letter's HTML as a tagged PDF. The HTML is whole: it names no file or address to
    fetch, so no base address is given (a letter has no images)."""
    return cast(bytes, weasyprint().HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"))
