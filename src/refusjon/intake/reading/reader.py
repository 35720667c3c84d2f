"""Reading one document: a PDF's text layer where it has one, OCR for pictures and text-less
pages, and the self-check that the lines add up to the printed total.

A reading that does not add up is tried again with other settings (another way for Tesseract
to segment the page, heavier cleaning) and with the second engine (RapidOCR); the first that
adds up is taken. If none does, the best is returned with ``reconciled=False`` and a note, for
a person to look at: the lines of a reading are never adjusted to fit the total.
"""

from __future__ import annotations

import re
import resource
import time
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from refusjon.intake.bounds import MAX_UPLOAD_BYTES, DecodingLimits
from refusjon.intake.reading import engines, patterns, pdftext, pixels
from refusjon.intake.reading.parser import (
    NAME_PARTICLES,
    Parsed,
    calendar_tiles,
    find_name,
    parse,
)
from refusjon.intake.reading.records import Box, Extraction, Kind, Page, Problem, Source
from refusjon.intake.reading.words import Word, apart, two_up

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"


@dataclass(frozen=True, slots=True)
class Attempt:
    """One way of reading pictures of pages: an engine and how the page is prepared for it."""

    label: str
    engine: str
    preparation: pixels.Preparation
    psm: int = 11

    def read(self, grey: pixels.Grey, page: int, rapid: engines.RapidOcr) -> list[Word]:
        prepared = pixels.prepared(grey, self.preparation)
        if self.engine == "rapidocr":
            return engines.rapidocr(prepared, page=page, engine=rapid)
        return engines.tesseract(prepared, page=page, psm=self.psm)


ATTEMPTS = (
    Attempt("tesseract", "tesseract", pixels.Preparation()),
    Attempt("rapidocr", "rapidocr", pixels.Preparation(remove_lines=False)),
    Attempt("tesseract-psm6", "tesseract", pixels.Preparation(denoise="nlmeans"), psm=6),
    Attempt("tesseract-psm4", "tesseract", pixels.Preparation(binarise=True), psm=4),
)


# After this many readings (Tesseract's and RapidOCR's first), a page on which neither found a
# date is not read again with heavier settings: a photo of something else, or noise, would
# cost a minute of OCR for nothing.
BOTH_ENGINES = 2
# CPU seconds a page may take in all before no further attempt is started on the document.
# An attempt takes 1–5 s a page. On the eleven sets of the corpus, every document that only a
# third or fourth attempt made add up took under 5 s a page with it; a page that has taken
# longer (a long scroll capture, a page neither engine reads whole) is left to a person rather
# than read yet again (the average is 5 s a page, its slowest 15 s).
PAGE_BUDGET = 7.0


def _has_a_date(words: Sequence[Word]) -> bool:
    return bool(patterns.dates(" ".join(word.text for word in calendar_tiles(words))))


class Unreadable(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem)
        self.problem = problem


def read_document(
    data: bytes,
    *,
    filename: str = "",
    limits: DecodingLimits | None = None,
    max_bytes: int = MAX_UPLOAD_BYTES,
    attempts: Sequence[Attempt] = ATTEMPTS,
) -> Extraction:
    """What ``data`` (a PDF, PNG or JPEG, told by its content; ``filename`` only for messages)
    says: its kind, name, fee lines, printed total, and whether they reconcile."""
    limits = limits or DecodingLimits()
    engines.return_large_blocks()
    # RapidOCR's process, if this document needs it, lives as long as the reading of it.
    with engines.RapidOcr() as rapid:
        return _read_document(data, limits, max_bytes, attempts, rapid)


def _read_document(
    data: bytes,
    limits: DecodingLimits,
    max_bytes: int,
    attempts: Sequence[Attempt],
    rapid: engines.RapidOcr,
) -> Extraction:
    try:
        if not data:
            raise Unreadable(Problem.EMPTY)
        if len(data) > max_bytes:
            raise Unreadable(Problem.TOO_LARGE)
        if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
            return _read_pdf(data, limits, attempts, rapid)
        if data.startswith(PNG) or data.startswith(JPEG):
            return _read_image(data, limits, attempts, rapid)
        raise Unreadable(Problem.NOT_PDF_OR_IMAGE)
    except Unreadable as error:
        return Extraction(Kind.UNKNOWN, error=error.problem)
    except pdftext.PdfUnreadable as error:
        return Extraction(Kind.UNKNOWN, error=Problem.PDF_UNREADABLE, detail=str(error))
    except pixels.ImageUnreadable as error:
        return Extraction(Kind.UNKNOWN, error=Problem.IMAGE_UNREADABLE, detail=str(error))


def _cpu(rapid: engines.RapidOcr) -> float:
    """CPU seconds of this process, of the children it has waited for (Tesseract), and of
    RapidOCR's process while it runs."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime + rapid.cpu_seconds


def _read_pdf(
    data: bytes, limits: DecodingLimits, attempts: Sequence[Attempt], rapid: engines.RapidOcr
) -> Extraction:
    with pdftext.opened(data, limits=limits) as document:
        pages: list[Page] = []
        text_words: list[Word] = []
        whole_words: list[Word] = []  # the same, with no sheet cut into two pages
        scanned: list[int] = []
        for index in range(len(document)):
            started = _cpu(rapid)
            page = pdftext.page_text(document, index, limits=limits)
            seconds = round(_cpu(rapid) - started, 3)
            if _a_whole_text(page.words):
                size = (round(page.width), round(page.height))
                pages.append(Page(page.number, *size, Source.TEXT, seconds))
                text_words.extend(two_up(page.words, page.width, page.height))
                whole_words.extend(page.words)
            else:
                size = pdftext.rendered_size(document, index, limits=limits)
                pages.append(Page(page.number, *size, Source.OCR, seconds))
                scanned.append(page.number)
        if not scanned:
            return _extraction(_text_layer(text_words, whole_words), pages, "pdf-text", [])

        def picture(number: int) -> pixels.Grey:
            return pdftext.rendered(document, number - 1, limits=limits)

        prefix = "pdf-text+" if text_words else ""
        return _read_pictures(scanned, picture, text_words, pages, attempts, prefix, rapid)


def _text_layer(text_words: list[Word], whole_words: list[Word]) -> Parsed:
    """The text layer read, its landscape sheets as two pages side by side where they look it;
    where that reading does not reconcile, also as one wide page (a landscape table whose
    columns leave a band down the middle), and the better of the two taken."""
    parsed = parse(text_words)
    if parsed.reconciled or text_words == whole_words:
        return parsed
    return max((parsed, parse(whole_words)), key=_merit)


# A text layer of fewer words than this, without a date, is a scanner's stamp or a page number
# on a scanned page: the page is read by OCR (if it has the ink of writing) all the same.
STAMP_WORDS = 15


def _a_whole_text(words: Sequence[Word]) -> bool:
    return len(words) >= STAMP_WORDS or (bool(words) and _has_a_date(words))


def _read_image(
    data: bytes, limits: DecodingLimits, attempts: Sequence[Attempt], rapid: engines.RapidOcr
) -> Extraction:
    started = _cpu(rapid)
    grey = pixels.decoded(data, limits=limits)
    height, width = grey.shape
    pages = [Page(1, width, height, Source.OCR, 0.0)]
    decode_seconds = _cpu(rapid) - started
    extraction = _read_pictures([1], lambda _number: grey, [], pages, attempts, "", rapid)
    first = extraction.pages[0]
    return replace(
        extraction, pages=(replace(first, seconds=round(first.seconds + decode_seconds, 3)),)
    )


def _read_pictures(
    numbers: list[int],
    picture: Callable[[int], pixels.Grey],
    text_words: list[Word],
    pages: list[Page],
    attempts: Sequence[Attempt],
    engine_prefix: str,
    rapid: engines.RapidOcr,
) -> Extraction:
    """Read the pictured pages with each attempt in turn until the document reconciles."""
    seconds = {page.number: page.seconds for page in pages}
    readings: list[tuple[Parsed, Attempt]] = []
    notes: list[str] = []
    numbers = [number for number in numbers if pixels.looks_printed(picture(number))]
    if not numbers and not text_words:
        return Extraction(
            Kind.UNKNOWN,
            pages=tuple(replace(page, seconds=round(seconds[page.number], 3)) for page in pages),
            error=Problem.NO_WRITING,
        )
    found_a_date = False
    pages_read = _Upright(picture)
    for attempt in attempts:
        spent = sum(seconds[number] for number in numbers) / len(numbers) if numbers else 0.0
        if readings and spent > PAGE_BUDGET:
            notes.append("No further attempt was made: the time for reading it ran out.")
            break
        words = list(text_words)
        try:
            for number in numbers:
                started = _cpu(rapid)
                words.extend(pages_read.read(attempt, number, rapid))
                seconds[number] += _cpu(rapid) - started
        except engines.EngineFailed as error:
            notes.append(f"{attempt.label}: {error}")
            continue
        parsed = _days_by_hand(parse(words))
        readings.append((parsed, attempt))
        if parsed.reconciled or (parsed.slashed_days and parsed.lines_sum == parsed.total):
            break  # a hand's figures stay in doubt however often they are read
        if attempt.engine == "rapidocr":
            # Its process holds some 200 MB after a page: ended before Tesseract's next
            # attempt, so the two are never at their peaks together (started again if the
            # name is to be read again).
            rapid.close()
        found_a_date = found_a_date or _has_a_date(words)
        if len(readings) >= BOTH_ENGINES and not found_a_date:
            break  # neither engine found a single date: other settings will not find a fee
    if not readings:
        return Extraction(
            Kind.UNKNOWN,
            pages=tuple(replace(page, seconds=round(seconds[page.number], 3)) for page in pages),
            error=Problem.NO_OCR,
            notes=tuple(notes),
        )
    parsed, attempt = max(readings, key=lambda reading: _merit(reading[0]))
    parsed = named_from_another(parsed, [reading for reading, _ in readings])
    number = parsed.name_box.page if parsed.name_box else min(numbers, default=0)
    if (
        attempt.engine != "rapidocr"
        and parsed.kind != Kind.UNKNOWN
        and number in numbers
        and _doubtful_name(parsed.name)
    ):
        started = _cpu(rapid)
        parsed = _name_read_again(parsed, pages_read.upright(number), number, rapid)
        seconds[number] += _cpu(rapid) - started
    if len(readings) > 1:
        notes.append(f"Read {len(readings)} ways: " + ", ".join(a.label for _, a in readings) + ".")
    if pages_read.turns:
        parsed = _as_uploaded(parsed, pages_read.turns)
        turned = ", ".join(f"page {page} by {turn}°" for page, turn in pages_read.turns.items())
        notes.append(f"Read turned upright: {turned}.")
    timed = [replace(page, seconds=round(seconds[page.number], 3)) for page in pages]
    return _extraction(parsed, timed, engine_prefix + attempt.label, notes)


# How a page is made ready for orientation detection: dark on light and letters large
# enough, nothing more (straightening it would need to know which way is up).
ORIENTING = pixels.Preparation(deskew=False, remove_lines=False, denoise="none")


class _Upright:
    """The pictured pages as they are read: each turned upright where it lies on its side or
    upside down (a phone photo taken sideways, a sheet fed into the scanner the wrong way).

    Whether a page is turned is asked of Tesseract's orientation detection (some 0.5 s) only
    where the first reading of it found no date: an upright page of fees costs nothing more.
    """

    def __init__(self, picture: Callable[[int], pixels.Grey]) -> None:
        self._picture = picture
        self._asked: set[int] = set()
        self.turns: dict[int, int] = {}
        """Page number → the clockwise turn in degrees that made it upright."""
        self._parts: dict[tuple[int, int], tuple[tuple[float, ...], tuple[float, ...]]] = {}
        """(page number, turn) → where the picture may part into panels, found once for every
        way of reading it: its gutters, and the thin rules down it (dividers between panes
        where the words on either side of one stand on lines of their own)."""

    def upright(self, number: int) -> pixels.Grey:
        return pixels.turned(self._picture(number), self.turns.get(number, 0))

    def read(self, attempt: Attempt, number: int, rapid: engines.RapidOcr) -> list[Word]:
        if number in self._asked or attempt.engine != "tesseract":
            return self._in_panels(attempt, self.upright(number), number, rapid)
        self._asked.add(number)
        grey = self._picture(number)  # one rendering of a PDF's page for all three uses
        words = self._in_panels(attempt, grey, number, rapid)
        if _has_a_date(words):
            return words
        turn = engines.orientation(pixels.prepared(grey, ORIENTING))
        if not turn:
            return words
        self.turns[number] = turn
        return self._in_panels(attempt, pixels.turned(grey, turn), number, rapid)

    def _in_panels(
        self, attempt: Attempt, grey: pixels.Grey, number: int, rapid: engines.RapidOcr
    ) -> list[Word]:
        """The attempt's words, each marked with the panel it stands in where gutters part
        the picture."""
        words = attempt.read(grey, number, rapid)
        key = (number, self.turns.get(number, 0))
        if key not in self._parts:
            self._parts[key] = (pixels.gutters(grey), pixels.dividers(grey))
        gutters, dividers = self._parts[key]
        parts = sorted(gutters + tuple(at for at in dividers if apart(words, at)))
        if not parts:
            return words
        return [replace(word, panel=bisect(parts, word.centre)) for word in words]


def _as_uploaded(parsed: Parsed, turns: dict[int, int]) -> Parsed:
    """The reading with every box where it is on the page as uploaded, not as turned."""

    def back(box: Box | None) -> Box | None:
        return _box_as_uploaded(box, turns.get(box.page, 0)) if box is not None else None

    return replace(
        parsed,
        name_box=back(parsed.name_box),
        total_box=back(parsed.total_box),
        lines=tuple(replace(line, box=back(line.box)) for line in parsed.lines),
    )


def _box_as_uploaded(box: Box, turn: int) -> Box:
    """``box``, found on the page turned clockwise by ``turn`` degrees, on the page unturned."""

    def point(x: float, y: float) -> tuple[float, float]:
        if turn == 90:
            return y, 1 - x
        if turn == 180:
            return 1 - x, 1 - y
        if turn == 270:
            return 1 - y, x
        return x, y

    (x1, y1), (x2, y2) = point(box.left, box.top), point(box.right, box.bottom)
    return Box(box.page, min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))


def named_from_another(parsed: Parsed, readings: Sequence[Parsed]) -> Parsed:
    """The reading chosen, with the name another way read where this one found none (the way
    that read the fees may have missed the name)."""
    if parsed.name:
        return parsed
    named = next((reading for reading in readings if reading.name), None)
    if named is None:
        return parsed
    return replace(parsed, name=named.name, name_box=named.name_box)


def _doubtful_name(name: str) -> bool:
    """Whether Tesseract's reading of a name is to be checked by RapidOCR (about a second and
    a half of CPU, most of it loading it): no name, one word, a word in capitals (whose
    accents Tesseract misreads: "GUDMUNDSDÖ I  I IR"), a capital inside a word ("RöZiéka"
    for Růžička) or a small letter at its start ("tukaszewicz" for Łukaszewicz; particles
    apart), a word of one or two letters, "ii" (Tesseract's "ü": "Aygiin"), or anything but
    letters. A name of capitalised words is taken as read: where it lost a mark
    ("Lukaszewicz"), the name check tolerates it."""
    words = name.split()
    if len(words) < 2:
        return True
    for word in words:
        if word in NAME_PARTICLES:
            continue  # "van", "á": small, short and in lower case as they should be
        for part in re.split(r"[-'’]", word):
            letters = part.rstrip(".")
            if not letters:
                continue
            if not letters.isalpha() or (len(letters) == 1 and not part.endswith(".")):
                return True
            if len(letters) > 1 and letters.isupper():
                return True
            if letters[0].islower():
                return True  # "tukaszewicz": a capital Tesseract does not know
            if any(letter.isupper() for letter in letters[1:]):
                return True
            if "ii" in letters:
                return True  # "Aygiin": Tesseract's reading of ü (or a Finnish "ii", read again)
            if len(letters) == 2:
                return True  # "Ze" for "Ilze": thin letters lost (or "Bo", "Li", read again)
    return False


# The top of the first page, down to its first fee, where a name without a label is looked for.
HEADING = 0.35


def _name_read_again(
    parsed: Parsed, grey: pixels.Grey, number: int, rapid: engines.RapidOcr
) -> Parsed:
    """The name as RapidOCR reads it, across the whole width of the row where Tesseract found
    one, or (where it found none) in the heading of the first page: Tesseract's Norwegian and
    English models do not know letters such as Ł, ð or ő, which names from all over Europe
    have, and misread capitals with accents ("GUDMUNDSDÖ I  I IR" for GUÐMUNDSDÓTTIR). The
    name Tesseract read stands where RapidOCR finds none there."""
    box = parsed.name_box
    if box is not None:
        margin = (box.bottom - box.top) * 0.6
        top, bottom = max(0.0, box.top - margin), min(1.0, box.bottom + margin)
    else:
        fees = [line.box.top for line in parsed.lines if line.box and line.box.page == number]
        top, bottom = 0.0, min([HEADING, *fees])
    prepared = pixels.prepared(grey, pixels.Preparation(remove_lines=False))
    height = prepared.shape[0]
    band = prepared[int(top * height) : int(bottom * height)]
    if band.shape[0] < 8:
        return parsed
    try:
        read = engines.rapidocr(band, page=number, engine=rapid)
    except engines.EngineFailed:
        return parsed
    span = bottom - top
    words = [
        Word(
            word.text,
            number,
            word.left,
            top + word.top * span,
            word.right,
            top + word.bottom * span,
        )
        for word in read
    ]
    if box is not None:  # the name's own row, not a neighbour cut by the band's edge
        words = [word for word in words if box.top <= word.middle <= box.bottom]
    name, name_box = find_name(words, labelled_only=parsed.kind == Kind.RECEIPT)
    return replace(parsed, name=name, name_box=name_box) if name else parsed


def _days_by_hand(parsed: Parsed) -> Parsed:
    """A reading of a picture whose fees are dated "20/3" (a treatment card filled in by hand)
    is never reconciled: OCR reads a hand's 8 as a 3 and the total checks only the amounts."""
    if not parsed.slashed_days:
        return parsed
    return replace(
        parsed,
        unsure_dates=True,
        notes=(
            *parsed.notes,
            'The fees\' days are written by hand ("20/3"), and a figure may be misread: a '
            "person should compare the dates with the document.",
        ),
    )


def _merit(parsed: Parsed) -> tuple[bool, bool, bool, Decimal, int]:
    """How good a reading is: reconciled first; then one with a total, a known kind, lines
    closest to the total, and more lines."""
    off = abs(parsed.lines_sum - parsed.total) if parsed.total is not None else Decimal("Infinity")
    return (
        parsed.reconciled,
        parsed.total is not None,
        parsed.kind != Kind.UNKNOWN,
        -off,
        len(parsed.lines),
    )


def _extraction(parsed: Parsed, pages: Sequence[Page], engine: str, notes: list[str]) -> Extraction:
    notes = [*parsed.notes, *notes]
    error = doubt = None
    if parsed.kind == Kind.UNKNOWN:
        error = Problem.NOT_RECOGNISED
    elif not parsed.reconciled:
        doubt = _why_not_reconciled(parsed)
    return Extraction(
        kind=parsed.kind,
        name=parsed.name,
        name_box=parsed.name_box,
        total=parsed.total,
        total_box=parsed.total_box,
        reconciled=parsed.reconciled,
        lines=parsed.lines,
        pages=tuple(pages),
        engine=engine,
        receipt=parsed.receipt,
        error=error,
        doubt=doubt,
        notes=tuple(notes),
    )


def _why_not_reconciled(parsed: Parsed) -> Problem:
    if parsed.total is None:
        return Problem.NO_TOTAL
    if not parsed.lines:
        return Problem.NO_LINES
    if parsed.credited:
        return Problem.CREDITED
    if parsed.figures_disagree:
        return Problem.FIGURES_DISAGREE
    if parsed.unsure_dates:
        return Problem.DATE_UNSURE
    if not parsed.total_printed:
        return Problem.TOTAL_NOT_PRINTED
    if parsed.kind == Kind.RECEIPT:
        return Problem.ITEMS_DIFFER
    return Problem.LINES_DIFFER
