"""A claim's documents as read, put beside its expense lines: what the student and the
caseworker see of the readings.

:func:`claim_reading` gathers, for one claim, each document's reading (or that it is still
being read), the fees found with where each was found, and each typed line's match
(:mod:`refusjon.intake.reading.matching`), with the list of what does not match.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils.translation import gettext

from refusjon import clock
from refusjon.claims import offers
from refusjon.claims.models import Attachment, CheckStatus, Claim, ExpenseLine
from refusjon.intake import problems
from refusjon.intake.models import DocumentReading, LineOrigin, NameCheck, ReadingKind, ReadLine
from refusjon.intake.reading.matching import (
    Fee,
    FoundLine,
    LineMatch,
    Status,
    match_lines,
)
from refusjon.intake.readings import (
    MAY_BE_STATED,
    NAMED_TYPES,
    suggested_category,
    typed_line,
    wants_reading,
)
from refusjon.rules.terms import DOCUMENTS, term

LATE = timedelta(minutes=10)
"""A checked document not read after this long is not being read: a text PDF reads in
milliseconds and a scan in seconds, and a failing job has been tried four times by then."""


@dataclass(frozen=True)
class Document:
    """A document of the claim as read (``reading``), still to be read (``pending``), or not
    one that is read."""

    attachment: Attachment
    words: str
    reading: DocumentReading | None
    pending: bool
    line_count: int = 0
    lines_sum: Decimal = Decimal("0.00")
    """What the lines read from it add up to."""
    late: bool = False
    """Checked long ago and still not read: no reading is coming soon (the job failed for
    good, or was never asked for), so the pages stop saying it is being read."""

    @property
    def name_differs(self) -> bool:
        return self.reading is not None and self.reading.name_check == NameCheck.DIFFERS

    @property
    def name_stated(self) -> bool:
        return self.reading is not None and self.reading.name_check == NameCheck.STATED

    @property
    def name_unsure(self) -> bool:
        """A name was read near the applicant's: perhaps theirs, read wrong."""
        return self.reading is not None and self.reading.name_check == NameCheck.UNSURE

    @property
    def may_state_name(self) -> bool:
        """No name, or only one near theirs, could be read on an overview or a receipt: the
        student may say it is theirs (docs/decisions.md, E1); not asked where the document
        counts already (ticked before documents were read, and not read since)."""
        return (
            self.reading is not None
            and self.reading.name_check in MAY_BE_STATED
            and self.attachment.document_type in NAMED_TYPES
            and not self.attachment.shows_applicant_name
        )

    @property
    def name_check_words(self) -> str:
        """The name check in words for the caseworker; a statement made of a name read near
        the applicant's says so, not that no name was read."""
        if self.reading is None:
            return ""
        if self.name_stated and self.reading.name:
            return gettext("Not certainly the applicant's; the student says it is theirs")
        return str(self.reading.get_name_check_display())

    @property
    def why_not_read(self) -> str:
        """Why nothing was read from it, in words ("" if it was read, or is being read)."""
        if self.reading is None or self.reading.kind != ReadingKind.UNKNOWN:
            return ""
        return problems.why_not_read(self.reading)

    @property
    def why_in_doubt(self) -> str:
        """Why its lines were not reconciled with a printed total, in words, if known."""
        if self.reading is None or not self.not_reconciled:
            return ""
        return problems.why_in_doubt(self.reading, self.lines_sum)

    @property
    def receipt(self) -> dict[str, object] | None:
        """What a receipt read says beyond its fee: provider, organisation number, whether it
        is itemised and the treatment (None for an overview, or a document not read)."""
        if self.reading is None or self.reading.kind != ReadingKind.RECEIPT:
            return None
        return self.reading.receipt or {}

    @property
    def not_reconciled(self) -> bool:
        return self.reading is not None and not self.reading.reconciled


@dataclass(frozen=True)
class Place:
    """Where a fee was read: a row of a document, with its page and box if known."""

    document: Document
    read_line: ReadLine


@dataclass(frozen=True)
class FoundFee:
    fee: Fee
    places: tuple[Place, ...]
    match: LineMatch | None
    """The typed line the fee supports, or differs from in amount; None if not in the claim."""
    category: str
    """The kind of treatment suggested for adding it."""

    @property
    def read_line(self) -> ReadLine:
        """The row the student's "Add" refers to: the first place it was read."""
        return self.places[0].read_line

    @property
    def added(self) -> bool:
        return self.match is not None and self.match.status == Status.SUPPORTED


@dataclass(frozen=True)
class LineCheck:
    """A typed line beside the documents: its match, and where the fee was read."""

    line: ExpenseLine
    match: LineMatch
    places: tuple[Place, ...]
    origin: LineOrigin | None = None
    """Where the line was added from, and what the student changed first, if it was."""

    @property
    def read_amount(self) -> Decimal | None:
        return self.match.fee.amount if self.match.fee is not None else None


@dataclass(frozen=True)
class ClaimReading:
    documents: tuple[Document, ...]
    fees: tuple[FoundFee, ...]
    lines: dict[int, LineCheck] = field(default_factory=dict)

    def of_attachment(self, pk: int) -> Document | None:
        return next((doc for doc in self.documents if doc.attachment.pk == pk), None)

    @property
    def read(self) -> tuple[Document, ...]:
        return tuple(document for document in self.documents if document.reading is not None)

    @property
    def pending(self) -> bool:
        return any(document.pending for document in self.documents)

    @property
    def waiting(self) -> bool:
        """A document is being checked or read and should be done soon: worth asking again."""
        return any(document.pending and not document.late for document in self.documents)

    @property
    def late(self) -> tuple[Document, ...]:
        """Documents checked long ago and not read: a caseworker reads them instead."""
        return tuple(document for document in self.documents if document.late)

    @property
    def not_reconciled(self) -> tuple[Document, ...]:
        return tuple(document for document in self.read if document.not_reconciled)

    @property
    def names_not_matching(self) -> tuple[Document, ...]:
        """Documents whose name is another's, near the applicant's, or was not read (stated by
        the student or not)."""
        return tuple(
            document
            for document in self.read
            if document.reading is not None
            and document.reading.name_check != NameCheck.MATCHES
            and document.reading.kind != ReadingKind.UNKNOWN
        )

    @property
    def lines_not_matching(self) -> tuple[LineCheck, ...]:
        if not self.read:
            return ()
        return tuple(
            check for check in self.lines.values() if check.match.status != Status.SUPPORTED
        )

    @property
    def to_add(self) -> tuple[FoundFee, ...]:
        return tuple(fee for fee in self.fees if fee.match is None)


def claim_reading(claim: Claim, lang: str, *, now: datetime | None = None) -> ClaimReading:
    """The claim's documents as read and its lines beside them (one query per table)."""
    now = now or clock.now()
    attachments = list(claim.attachments.select_related("reading").order_by("uploaded_at", "pk"))
    readings = {
        attachment.pk: getattr(attachment, "reading", None)
        for attachment in attachments
        if wants_reading(attachment)
    }
    read_lines = list(
        ReadLine.objects.filter(reading__attachment__claim=claim)
        .select_related("reading")
        .order_by("reading__attachment__uploaded_at", "reading_id", "position")
    )
    counts = Counter(row.reading.attachment_id for row in read_lines)
    sums: dict[int, Decimal] = {}
    for row in read_lines:
        document = row.reading.attachment_id
        sums[document] = sums.get(document, Decimal(0)) + row.amount
    documents = {
        attachment.pk: Document(
            attachment,
            term(DOCUMENTS, attachment.document_type, lang),
            readings[attachment.pk],
            pending=_pending(attachment, readings[attachment.pk]),
            line_count=counts[attachment.pk],
            lines_sum=sums.get(attachment.pk, Decimal("0.00")),
            late=_late(attachment, readings[attachment.pk], now),
        )
        for attachment in attachments
        if attachment.pk in readings
    }
    found = [
        FoundLine(
            row.pk,
            row.reading.attachment_id,
            row.date,
            row.amount,
            row.provider,
            row.service,
            receipt=row.reading.kind == ReadingKind.RECEIPT,
        )
        for row in read_lines
        # Another person's document supports none of the student's lines.
        if row.reading.name_check != NameCheck.DIFFERS
    ]
    rows = {row.pk: row for row in read_lines}
    lines = list(claim.lines.all())
    matching = match_lines([typed_line(line) for line in lines], found)
    offered = offers.categories(claim)

    def places(fee: Fee | None) -> tuple[Place, ...]:
        if fee is None:
            return ()
        return tuple(
            Place(documents[place.document], rows[place.id])
            for place in fee.found
            if place.document in documents
        )

    fees = tuple(
        FoundFee(
            fee,
            places(fee),
            matching.line_of(fee),
            suggested_category(fee.provider, fee.service, offered),
        )
        for fee in matching.fees
    )
    origins = {
        origin.line_id: origin
        for origin in LineOrigin.objects.filter(line__claim=claim).select_related("attachment")
    }
    checks = {
        line.number: LineCheck(line, match, places(match.fee), origins.get(line.pk))
        for line, match in zip(lines, matching.lines, strict=True)
    }
    return ClaimReading(tuple(documents.values()), fees, checks)


def _pending(attachment: Attachment, reading: DocumentReading | None) -> bool:
    """Being checked, or checked and not read yet (an attachment made in code, with no file,
    is never read)."""
    if attachment.check_status == CheckStatus.PENDING:
        return True
    return attachment.check_status == CheckStatus.OK and bool(attachment.file) and reading is None


def _late(attachment: Attachment, reading: DocumentReading | None, now: datetime) -> bool:
    """Checked, not read, and uploaded long enough ago that no reading is coming."""
    return (
        attachment.check_status == CheckStatus.OK
        and bool(attachment.file)
        and reading is None
        and now - attachment.uploaded_at > LATE
    )
