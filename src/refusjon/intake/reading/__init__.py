"""Reading the documents students attach: the helsenorge overview of user fees paid
(egenandeler) and itemised receipts, from a text PDF, a scan, a photo or a phone screenshot,
into dated amounts with where on the page each was found.

Pure Python above its engines (pypdfium2 for text layers; Tesseract and
RapidOCR, both offline, for images): no Django, no clock, no network. The application runs it
as a background job after the upload checks; ``refusjon extract`` runs it on files.
"""

from refusjon.intake.reading.reader import read_document
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
