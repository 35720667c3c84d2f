"""What the reader's codes (:class:`~refusjon.intake.reading.records.Problem`) say to people:
why a document was not read, and why the lines read from it are in doubt, in the language of
whoever reads the page. The reader itself writes codes only (and English for its command)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from refusjon.intake.models import DocumentReading
from refusjon.intake.reading.records import Problem

WHY_NOT_READ: dict[Problem, Promise] = {
    Problem.EMPTY: _("The file is empty."),
    Problem.TOO_LARGE: _("The file is larger than an upload may be."),
    Problem.NOT_PDF_OR_IMAGE: _("The file is neither a PDF nor a PNG or JPEG image."),
    Problem.PDF_UNREADABLE: _("The PDF cannot be read."),
    Problem.IMAGE_UNREADABLE: _("The image cannot be read."),
    Problem.NO_WRITING: _("The pictures do not look like a page of writing."),
    Problem.NO_OCR: _("The text recognition could not read the pages."),
    Problem.NOT_RECOGNISED: _(
        "The document was not recognised as an overview of user fees or a receipt."
    ),
    Problem.NOT_READ_HERE: _("Documents are not read automatically here."),
    Problem.NO_SUCH_FILE: _("The file is missing."),
    Problem.FILE_UNREADABLE: _("The file cannot be read."),
    Problem.READER_FAILED: _("The file could not be read."),
}

WHY_IN_DOUBT: dict[Problem, Promise] = {
    Problem.NO_TOTAL: _("no printed total was found"),
    Problem.NO_LINES: _("no fee lines were found"),
    Problem.ITEMS_DIFFER: _("the receipt's items do not add up to its total"),
    Problem.CREDITED: _("a fee on it is credited or paid back"),
    Problem.DATE_UNSURE: _("a date on it may have been read wrong"),
    Problem.FIGURES_DISAGREE: _("an amount on it may have been read wrong"),
    Problem.TOTAL_NOT_PRINTED: _("the receipt prints no total to check its amount against"),
}


def why_not_read(reading: DocumentReading) -> str:
    """Why nothing was read from the document, in words; the same words for a reason this
    version does not know (a reading kept before the reader gave codes)."""
    try:
        return str(WHY_NOT_READ[Problem(reading.error)])
    except (ValueError, KeyError):
        return gettext("The document could not be read.")


def why_in_doubt(reading: DocumentReading, lines_sum: Decimal) -> str:
    """Why the lines read were not reconciled with a printed total, in words ("" if it is not
    known). ``lines_sum``: what the lines read add up to."""
    try:
        problem = Problem(reading.doubt)
    except ValueError:
        return ""
    if problem == Problem.LINES_DIFFER and reading.total is not None:
        return gettext(
            "the lines read add up to NOK %(lines)s, the printed total is NOK %(total)s"
        ) % {
            "lines": number_format(lines_sum, decimal_pos=2),
            "total": number_format(reading.total, decimal_pos=2),
        }
    return str(WHY_IN_DOUBT.get(problem, ""))
