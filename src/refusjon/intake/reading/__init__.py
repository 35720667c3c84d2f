"""Reading the documents students attach: the helsenorge overview of user fees paid
(egenandeler) and itemised receipts, from a text PDF, a scan, a photo or a phone screenshot,
into dated amounts with where on the page each was found.

Pure Python above its engines (pypdfium2 for text layers; Tesseract and
RapidOCR, both offline, for images): no Django, no clock, no network. The application runs it
as a background job after the upload checks; ``refusjon extract`` runs it on files.
"""

from typing import TYPE_CHECKING

from refusjon.intake.reading.records import (
    Box,
    Extraction,
    FeeLine,
    Kind,
    Page,
    Problem,
    ReceiptDetails,
    Source,
    as_json,
)

__all__ = [
    "Box",
    "Extraction",
    "FeeLine",
    "Kind",
    "Page",
    "Problem",
    "ReceiptDetails",
    "Source",
    "as_json",
    "read_document",
]

if TYPE_CHECKING:
    from refusjon.intake.reading.reader import read_document


def __getattr__(name: str) -> object:
    # The reader brings numpy, Pillow, pdfium and the OCR engines: imported when first asked
    # for, so that a command that only names ``refusjon extract`` (every ``refusjon``
    # command builds its parser) does not pay for them.
    if name == "read_document":
        from refusjon.intake.reading.reader import read_document

        return read_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
