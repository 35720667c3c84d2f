"""What reading a document gives: typed records, and the one JSON shape they are written in.

Amounts are ``Decimal`` (written as strings such as ``"179.00"``), dates are ``date`` (written
ISO), boxes are fractions of the page so they hold at any rendering size."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    USER_FEE_OVERVIEW = "user_fee_overview"
    """helsenorge's overview of user fees paid (Egenandeler / Frikort og egenandeler)."""
    RECEIPT = "receipt"
    """A provider's receipt: psychologist, dentist, physiotherapist, chiropractor …"""
    UNKNOWN = "unknown"


class Source(StrEnum):
    TEXT = "text"
    """Read from the PDF's text layer."""
    OCR = "ocr"
    """Read from pixels by an OCR engine."""


@dataclass(frozen=True, slots=True)
class Box:
    """Where on a page something was found: 1-based page number, edges as fractions (0–1) of
    the page's width and height, from the top left."""

    page: int
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True, slots=True)
class FeeLine:
    """One fee as the document prints it: the day, the amount paid, and who or what it was
    for where the document says so."""

    date: date
    amount: Decimal
    provider: str = ""
    service: str = ""
    box: Box | None = None


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    width: int
    """Pixels for an image (or a PDF page rendered for OCR); points for a text layer."""
    height: int
    source: Source
    seconds: float = 0.0
    """CPU seconds spent reading this page."""


@dataclass(frozen=True, slots=True)
class ReceiptDetails:
    """What a receipt says beyond its date and total (which are its one line)."""

    provider: str = ""
    organisation_number: str = ""
    """The provider's nine-digit organisation number (organisasjonsnummer), as printed."""
    itemised: bool = False
    """Whether the receipt says what treatment was given (an itemised receipt)."""
    treatment: str = ""


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one document.

    ``reconciled`` is true only when the lines add up to the printed total exactly; a reading
    that does not reconcile says so and is left to a person, never guessed."""

    kind: Kind
    name: str = ""
    name_box: Box | None = None
    total: Decimal | None = None
    total_box: Box | None = None
    reconciled: bool = False
    lines: tuple[FeeLine, ...] = ()
    pages: tuple[Page, ...] = ()
    engine: str = ""
    """What read it, e.g. ``"pdf-text"``, ``"tesseract"``, ``"tesseract+rapidocr"``."""
    receipt: ReceiptDetails | None = None
    error: str = ""
    """Why nothing could be read (kind is then unknown)."""
    notes: tuple[str, ...] = field(default=())
    """Plain remarks for a person: what did not add up, which rows were left out."""


def as_json(extraction: Extraction, *, file: str) -> dict[str, object]:
    """The extraction as ``refusjon extract`` writes it (one JSON object a file): amounts as
    decimal strings, dates ISO, boxes as fractions of their page."""
    result: dict[str, object] = {
        "file": file,
        "kind": extraction.kind.value,
        "name": extraction.name,
        "total": _money(extraction.total),
        "reconciled": extraction.reconciled,
        "lines": [
            {
                "date": line.date.isoformat(),
                "amount": _money(line.amount),
                "provider": line.provider,
                "service": line.service,
                "box": box_json(line.box),
            }
            for line in extraction.lines
        ],
        "pages": [
            {
                "number": page.number,
                "width": page.width,
                "height": page.height,
                "source": page.source.value,
                "seconds": page.seconds,
            }
            for page in extraction.pages
        ],
        "engine": extraction.engine,
        "name_box": box_json(extraction.name_box),
        "total_box": box_json(extraction.total_box),
    }
    if extraction.receipt is not None:
        result["receipt"] = receipt_json(extraction.receipt)
    if extraction.error:
        result["error"] = extraction.error
    if extraction.notes:
        result["notes"] = list(extraction.notes)
    return result


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def receipt_json(details: ReceiptDetails) -> dict[str, object]:
    """A receipt's details as JSON keeps them (the command's output, the stored reading)."""
    return {
        "provider": details.provider,
        "organisation_number": details.organisation_number,
        "itemised": details.itemised,
        "treatment": details.treatment,
    }


def box_json(box: Box | None) -> dict[str, float] | None:
    """A box as JSON keeps it (the command's output, the application's stored reading)."""
    if box is None:
        return None
    return {
        "page": box.page,
        "left": box.left,
        "top": box.top,
        "right": box.right,
        "bottom": box.bottom,
    }
