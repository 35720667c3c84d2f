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


class Problem(StrEnum):
    """Why nothing was read from a document, or why the lines read are in doubt: stable codes,
    which the application says to people in their language (``refusjon.intake.problems``) and
    ``refusjon extract`` writes with an English message (:func:`message`)."""

    # Why nothing was read (``Extraction.error``; the kind is then unknown).
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    NOT_PDF_OR_IMAGE = "not_pdf_or_image"
    PDF_UNREADABLE = "pdf_unreadable"
    IMAGE_UNREADABLE = "image_unreadable"
    NO_WRITING = "no_writing"
    """The pictures do not look like a page of writing: blank, or not a document."""
    NO_OCR = "no_ocr"
    """No OCR engine could read the pages."""
    NOT_RECOGNISED = "not_recognised"
    """Neither an overview of user fees nor a receipt."""
    NOT_READ_HERE = "not_read_here"
    """Reading is switched off where the document was (the application's setting)."""
    NO_SUCH_FILE = "no_such_file"
    FILE_UNREADABLE = "file_unreadable"
    READER_FAILED = "reader_failed"
    """The reader raised: a bug, or an engine that broke in a way it does not expect."""

    # Why the lines read are in doubt (``Extraction.doubt``): they were not reconciled.
    NO_TOTAL = "no_total"
    NO_LINES = "no_lines"
    ITEMS_DIFFER = "items_differ"
    """A receipt's items do not add up to its total."""
    LINES_DIFFER = "lines_differ"
    """The lines do not add up to the printed total."""
    CREDITED = "credited"
    """A fee is printed as credited or paid back: a person reads what the total counts."""
    DATE_UNSURE = "date_unsure"
    """A fee's date may be misread (a letter glued to it): the total does not check dates."""
    FIGURES_DISAGREE = "figures_disagree"
    """Rows whose amounts add up on most rows (price = Helfo's part + fee) do not on some: a
    figure is misread, and misreadings may cancel out in the sum."""
    TOTAL_NOT_PRINTED = "total_not_printed"
    """A receipt prints no total: its one priced item was taken for it, unchecked."""


MESSAGES: dict[Problem, str] = {
    Problem.EMPTY: "The file is empty.",
    Problem.TOO_LARGE: "The file is larger than an upload may be.",
    Problem.NOT_PDF_OR_IMAGE: "The file is neither a PDF nor a PNG or JPEG image.",
    Problem.PDF_UNREADABLE: "The PDF cannot be read.",
    Problem.IMAGE_UNREADABLE: "The image cannot be read.",
    Problem.NO_WRITING: (
        "The pictures do not look like a page of writing (blank, or not a document)."
    ),
    Problem.NO_OCR: "No OCR engine could read the pages.",
    Problem.NOT_RECOGNISED: (
        "The document was not recognised as a user fee overview or a receipt."
    ),
    Problem.NOT_READ_HERE: "Documents are not read here.",
    Problem.NO_SUCH_FILE: "No such file.",
    Problem.FILE_UNREADABLE: "The file cannot be read.",
    Problem.READER_FAILED: "The file could not be read.",
    Problem.NO_TOTAL: (
        "No printed total was found, so the lines could not be checked: "
        "a person should compare them with the document."
    ),
    Problem.NO_LINES: "No fee lines were found.",
    Problem.ITEMS_DIFFER: "The receipt's items do not add up to its total.",
    Problem.CREDITED: (
        "A fee is printed as credited or paid back: a person should read what the total counts."
    ),
    Problem.DATE_UNSURE: (
        "A fee's date may be misread (a letter stands right before it): "
        "a person should compare the dates with the document."
    ),
    Problem.FIGURES_DISAGREE: (
        "On most rows one amount is the sum of the others (a price, Helfo's part and the fee), "
        "but not on every row: a person should compare the amounts with the document."
    ),
    Problem.TOTAL_NOT_PRINTED: (
        "The receipt prints no total: its one priced item was taken as its amount, unchecked."
    ),
    Problem.LINES_DIFFER: (
        "The lines add up to {lines}, but the printed total is {total}: "
        "a person should compare them with the document."
    ),
}


def message(problem: Problem, extraction: Extraction) -> str:
    """The problem in English for whoever runs the reader, with what a library said of it
    (``detail``) where there is that."""
    if problem == extraction.error and extraction.detail:
        return extraction.detail
    lines = sum((line.amount for line in extraction.lines), Decimal("0.00"))
    return MESSAGES[problem].format(lines=lines, total=extraction.total)


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
    error: Problem | None = None
    """Why nothing could be read (kind is then unknown)."""
    detail: str = ""
    """What a library said of the error, in English, for the command's output."""
    doubt: Problem | None = None
    """Why the lines read were not reconciled, for a person to check them."""
    notes: tuple[str, ...] = field(default=())
    """Remarks in English for whoever runs the reader (the command, the bench): which rows
    were left out, an engine that failed, the ways tried. The application keeps them with the
    reading and shows none of them; what people see is ``error`` and ``doubt``, translated."""


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
        result["error"] = message(extraction.error, extraction)
        result["error_code"] = extraction.error.value
    if extraction.doubt:
        result["doubt"] = extraction.doubt.value
    notes = [*extraction.notes]
    if extraction.doubt:
        notes.append(message(extraction.doubt, extraction))
    if notes:
        result["notes"] = notes
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
