"""Reading a checked document as a background job, and what the application makes of it.

:func:`read_document_job` is asked for in the transaction that makes an upload checked
(:mod:`refusjon.intake.checks`). It reads the stored, cleaned file with the pure reader
(:mod:`refusjon.intake.reading`), outside any transaction, and keeps what it found in one
short one: a :class:`~refusjon.intake.models.DocumentReading` with its lines, and the outcome
of the name check in the attachment's ``shows_applicant_name``, which is what the rules
engine's document rule reads (docs/decisions.md, E1). It is safe to run twice: a document
read already is left alone, and so is one another job is reading (E9). A document the reader
cannot make out gets a reading of kind unknown with the reason; an error (a storage that is
down, a bug) is raised so the job is tried again.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import offers
from refusjon.claims import services as claims
from refusjon.claims.models import Attachment, CheckStatus, Claim, ExpenseLine, User
from refusjon.intake.bounds import ONE_AT_A_TIME
from refusjon.intake.models import (
    DocumentReading,
    LineOrigin,
    NameCheck,
    ReadingKind,
    ReadingUnderWay,
    ReadLine,
)
from refusjon.intake.reading.matching import FoundLine, Status, TypedLine, match_lines
from refusjon.intake.reading.names import Likeness, name_likeness
from refusjon.intake.reading.records import Extraction, Kind, Problem, box_json, receipt_json
from refusjon.jobs import job

# Only the documents that carry fees are read: a medical statement or a student card holds
# nothing the claim's lines need, and health data is not read for nothing.
READ_TYPES = frozenset({"user_fee_overview", "receipt", "proof_of_payment"})

# The documents that name the patient, on which the student may say their name is where none
# could be read (docs/decisions.md, E1); a proof of payment names the payer, not the patient.
NAMED_TYPES = frozenset({"user_fee_overview", "receipt"})


def wants_reading(attachment: Attachment) -> bool:
    return attachment.document_type in READ_TYPES


@job(label=_("Read a document's fees"))
def read_document_job(attachment_id: int, again: bool = False) -> None:
    """Read the checked document of attachment ``attachment_id``, unless it is read already;
    ``again`` reads once more a document read as unknown (nothing found), whose reading is
    replaced (:func:`keep_reading`)."""
    attachment = Attachment.objects.select_related("claim__applicant").filter(pk=attachment_id)
    found = attachment.first()
    if found is None or found.check_status != CheckStatus.OK or not found.file:
        return
    if not _wants_reading(found, again=again):
        return
    if not settings.REFUSJON_READ_DOCUMENTS:
        unread = Extraction(Kind.UNKNOWN, error=Problem.NOT_READ_HERE)
        keep_reading(found, unread, again=again, looked_at=False)
        return
    token = start_reading(found)
    if token is None:
        return  # another worker is reading it (docs/decisions.md, E9)
    try:
        # Looked at again now that it is this job's: a worker may have kept its reading
        # between the look above and this one.
        if _wants_reading(found, again=again):
            keep_reading(found, _read(found), again=again)
    finally:
        ReadingUnderWay.objects.filter(attachment=found, token=token).delete()


def _read(attachment: Attachment) -> Extraction:
    with attachment.file.open("rb") as handle:
        data = handle.read()
    # One document is read at a time in a process, as one is checked at a time (the same lock):
    # the memory OCR takes is then the most a process spends on it.
    # Imported here: the reader's engines (OpenCV, OCR) load when a document is read, not
    # with every process; and the check's bounds hold for the reading too.
    from refusjon.intake.checks import decoding_limits
    from refusjon.intake.reading import reader

    with ONE_AT_A_TIME:
        return reader.read_document(
            data, filename=attachment.uploaded_name or "", limits=decoding_limits()
        )


ABANDONED = timedelta(minutes=30)
"""A reading started this long ago is taken to be abandoned (its worker died): another job may
take it over. OCR of the largest document allowed (50 scanned pages, each tried four ways)
takes about twenty minutes."""


def start_reading(attachment: Attachment) -> uuid.UUID | None:
    """Mark ``attachment`` as being read by this job, in a row of its own committed at once,
    so that a second job for it does not read it too; the token to end it with, or None if
    another job is reading it (and did not start so long ago that it was abandoned)."""
    now = clock.now()
    token = uuid.uuid4()
    try:
        with transaction.atomic():
            ReadingUnderWay.objects.create(attachment=attachment, token=token, started_at=now)
    except IntegrityError:
        taken = ReadingUnderWay.objects.filter(
            attachment=attachment, started_at__lt=now - ABANDONED
        ).update(token=token, started_at=now)
        return token if taken else None
    return token


def _wants_reading(attachment: Attachment, *, again: bool) -> bool:
    """Whether the document has no reading yet, or (``again``) one that may be replaced."""
    earlier = DocumentReading.objects.filter(attachment=attachment).first()
    return earlier is None or (again and _replaceable(earlier))


def _replaceable(reading: DocumentReading) -> bool:
    """A reading that found nothing (kind unknown, no lines, so no expense line came from it)
    may be replaced by reading the document again."""
    return reading.kind == ReadingKind.UNKNOWN and not reading.lines.exists()


def ask_for_readings(*, again_unknown: bool = False) -> int:
    """Ask for the reading job of each checked document to be read that has no reading; with
    ``again_unknown``, also of those read as unknown, whose empty reading the job replaces (it
    has no lines, so no expense line came from it; what the student said of the name is kept,
    :func:`keep_reading`). The number asked for is returned."""
    wanted = Attachment.objects.filter(
        document_type__in=READ_TYPES, check_status=CheckStatus.OK
    ).exclude(file="")
    asked = 0
    for pk in list(wanted.filter(reading__isnull=True).values_list("pk", flat=True)):
        read_document_job.enqueue(pk)
        asked += 1
    if again_unknown:
        unknown = wanted.filter(reading__kind=ReadingKind.UNKNOWN, reading__lines__isnull=True)
        for pk in list(unknown.values_list("pk", flat=True)):
            read_document_job.enqueue(pk, again=True)
            asked += 1
    return asked


def keep_reading(
    attachment: Attachment,
    extraction: Extraction,
    *,
    again: bool = False,
    looked_at: bool = True,
    now: datetime | None = None,
) -> DocumentReading | None:
    """Keep what was read from ``attachment`` and the outcome of its name check; None if it
    had been read meanwhile (the first reading stands). A document not ``looked_at`` (reading
    is switched off) says nothing of the name: the attachment's flag stays as it was (ticked by
    the student before documents were read, or given in code).

    ``again`` replaces a reading that found nothing (:func:`_replaceable`). Where the student
    had said their name is on the document and the new reading still reads no name, their
    statement stands (docs/decisions.md, E1); a name read now is compared as any other."""
    now = now or clock.now()
    check = name_check(extraction.name, attachment.claim.applicant)
    try:
        with transaction.atomic():
            # The attachment is locked first, as where the student says their name is on it:
            # of two readings kept at once, the second sees the first and stands down.
            if not Attachment.objects.select_for_update().filter(pk=attachment.pk).exists():
                return None  # its claim was deleted meanwhile
            earlier = DocumentReading.objects.filter(attachment=attachment).first()
            if earlier is not None:
                if not (again and _replaceable(earlier)):
                    return None
                if earlier.name_check == NameCheck.STATED and check == NameCheck.NOT_READ:
                    check = NameCheck.STATED
                earlier.delete()
            reading = _save(attachment, extraction, check, now=now)
            if looked_at:
                Attachment.objects.filter(pk=attachment.pk).update(
                    shows_applicant_name=check == NameCheck.STATED
                    or (check == NameCheck.MATCHES and _is_what_it_says(attachment, extraction))
                )
            itemised = _mark_itemised(reading)
            claims.audit(
                "intake.document.read",
                actor=None,
                claim=attachment.claim,
                now=now,
                attachment=attachment.pk,
                kind=reading.kind,
                engine=reading.engine,
                lines=len(extraction.lines),
                reconciled=reading.reconciled,
                name_check=check,
                itemised_lines=itemised,
                read_again=earlier is not None,
            )
    except IntegrityError:
        if DocumentReading.objects.filter(attachment=attachment).exists():
            return None
        raise
    return reading


def _save(
    attachment: Attachment, extraction: Extraction, check: NameCheck, *, now: datetime
) -> DocumentReading:
    reading = DocumentReading.objects.create(
        attachment=attachment,
        kind=ReadingKind(extraction.kind.value),
        engine=extraction.engine[:64],
        reconciled=extraction.reconciled and extraction.kind != Kind.UNKNOWN,
        total=extraction.total,
        total_box=box_json(extraction.total_box),
        name=extraction.name[:200],
        name_box=box_json(extraction.name_box),
        name_check=check,
        pages=[
            {
                "number": page.number,
                "width": page.width,
                "height": page.height,
                "source": page.source.value,
            }
            for page in extraction.pages
        ],
        receipt=receipt_json(extraction.receipt) if extraction.receipt else None,
        error=extraction.error or "",
        doubt=extraction.doubt or "",
        notes=list(extraction.notes),
        read_at=now,
    )
    ReadLine.objects.bulk_create(
        ReadLine(
            reading=reading,
            position=position,
            date=line.date,
            amount=line.amount,
            provider=line.provider[:200],
            service=line.service[:200],
            **(box_json(line.box) or {}),
        )
        for position, line in enumerate(extraction.lines, start=1)
    )
    return reading


# What a document the student calls this kind must be read as before its name counts.
READ_AS = {"user_fee_overview": Kind.USER_FEE_OVERVIEW, "receipt": Kind.RECEIPT}


def _is_what_it_says(attachment: Attachment, extraction: Extraction) -> bool:
    """Whether the document was read as the kind the student uploaded it as: a receipt
    uploaded as the user-fee overview does not make the overview's name rule hold."""
    expected = READ_AS.get(attachment.document_type)
    return expected is None or extraction.kind == expected


def _mark_itemised(reading: DocumentReading) -> list[int]:
    """A receipt read as itemised is what the engine's receipt rule asks for: the claim's lines
    it supports (same date and amount, docs/decisions.md E2) are marked as having an itemised
    receipt, as the name read sets the overview's flag (E1). A receipt read as not itemised
    leaves the student's word alone (OCR may miss the treatment line); the caseworker sees what
    was read. The numbers of the lines marked are returned."""
    if reading.kind != ReadingKind.RECEIPT or not (reading.receipt or {}).get("itemised"):
        return []
    if reading.name_check == NameCheck.DIFFERS:
        return []  # another person's receipt supports none of the student's lines
    claim = reading.attachment.claim
    lines = list(claim.lines.all())
    found = [
        FoundLine(row.pk, reading.attachment_id, row.date, row.amount)
        for row in reading.lines.all()
    ]
    matching = match_lines([typed_line(line) for line in lines], found)
    supported = [match.number for match in matching.lines if match.status == Status.SUPPORTED]
    marked = [
        line.number for line in lines if line.number in supported and not line.itemized_receipt
    ]
    ExpenseLine.objects.filter(claim=claim, number__in=marked).update(itemized_receipt=True)
    return marked


def typed_line(line: ExpenseLine) -> TypedLine:
    """An expense line as the matching sees it: in NOK, with the day paid if given."""
    amount = line.amount if line.currency == "NOK" else (line.nok_amount or line.amount)
    return TypedLine(line.number, line.service_on, amount, line.paid_on)


def applicant_name(user: User) -> str:
    return f"{user.first_name} {user.last_name}".strip()


NAME_CHECKS = {
    Likeness.SAME: NameCheck.MATCHES,
    Likeness.NEAR: NameCheck.UNSURE,
    Likeness.OTHER: NameCheck.DIFFERS,
}


def name_check(read: str, applicant: User) -> NameCheck:
    """Whether the name read is the applicant's (tolerantly: diacritics, ASCII spellings,
    word order, an OCR slip), near it (a slip or two more: perhaps theirs read wrong), or
    another's; not read when there is no name on either side to compare."""
    name = applicant_name(applicant)
    if not read.strip() or not name:
        return NameCheck.NOT_READ
    return NAME_CHECKS[name_likeness(read, name)]


# The name checks on which the student may say the name is theirs (E1): none was read, or one
# near theirs, which OCR may have read wrong.
MAY_BE_STATED = frozenset({NameCheck.NOT_READ, NameCheck.UNSURE})


@transaction.atomic
def state_name_on_document(
    attachment: Attachment, *, by: User, now: datetime | None = None
) -> DocumentReading:
    """The student says their name is on a document on which no name could be read, or only
    one near theirs: that is kept as their statement (the caseworker sees it as such, beside
    the name read), and counts for the document rule. A name read that is clearly not theirs
    cannot be overruled this way."""
    claim: Claim = attachment.claim
    claims.check_owner_can_edit(claim, by)
    Attachment.objects.select_for_update().filter(pk=attachment.pk).first()  # as keep_reading
    reading = DocumentReading.objects.select_for_update().filter(attachment=attachment).first()
    if (
        reading is None
        or reading.name_check not in MAY_BE_STATED
        or attachment.document_type not in NAMED_TYPES
    ):
        raise claims.ClaimError(
            _("You can say this only of a document on which no name, or one like yours, was read.")
        )
    reading.name_check = NameCheck.STATED
    reading.save(update_fields=["name_check"])
    Attachment.objects.filter(pk=attachment.pk).update(shows_applicant_name=True)
    claims.audit(
        "intake.document.name_stated", actor=by, claim=claim, now=now, attachment=attachment.pk
    )
    return reading


# What a fee's provider or service says about its kind of treatment, in the words the overview
# and receipts use (bokmål, nynorsk, English); the first that fits is suggested. The student
# chooses before adding: this only fills in the choice.
CATEGORY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("emergency_clinic", ("legevakt", "emergency")),
    ("psychologist", ("psykolog", "psychologist")),
    ("physiotherapist", ("fysioterap", "physiother")),
    ("chiropractor", ("kiroprakt", "chiropract")),
    ("radiology", ("røntgen", "rontgen", "radiolog", "x-ray", "mr ", "ct ")),
    ("lab_tests", ("laboratori", "lab ", "prøve", "blood test")),
    ("dentist", ("tannlege", "dentist")),
    ("outpatient_hospital", ("poliklin", "sykehus", "sjukehus", "hospital", "helse ")),
    ("specialist", ("spesialist", "specialist")),
    ("blue_prescription", ("resept", "apotek", "pharmacy", "prescription")),
    ("gp", ("fastlege", "allmennlege", "legekontor", "legesenter", "general practi", "gp")),
)


def suggested_category(provider: str, service: str, offered: frozenset[str]) -> str:
    """The kind of treatment a fee read most likely is, among those the claim's scheme offers:
    from its provider's or service's words, else a GP visit (most of an overview's lines),
    else the first offered."""
    words = f" {provider} {service} ".casefold()
    for category, clues in CATEGORY_WORDS:
        if category in offered and any(clue in words for clue in clues):
            return category
    if "gp" in offered:
        return "gp"
    return min(offered) if offered else "gp"


@transaction.atomic
def add_found_line(
    read_line: ReadLine,
    *,
    by: User,
    category: str,
    service_on: date,
    amount: Decimal,
    now: datetime | None = None,
) -> ExpenseLine:
    """Add a fee read from a document to its claim as an expense line (through the claims
    service), with what the student changed from what was read: kept with the line
    (:class:`LineOrigin`) and in the audit log."""
    now = now or clock.now()
    attachment = read_line.reading.attachment
    claim = attachment.claim
    claims.check_owner_can_edit(claim, by)
    ReadLine.objects.select_for_update().filter(pk=read_line.pk).first()  # one add at a time
    if LineOrigin.objects.filter(read_line=read_line).exists():
        raise claims.ClaimError(_("This fee is in the claim already."))
    if category not in offers.categories(claim):
        raise claims.ClaimError(_("Choose a kind of treatment the scheme refunds."))
    fields: dict[str, object] = {
        "category": category,
        "service_on": service_on,
        "amount": amount,
        # The overview lists only fees under the public scheme.
        "public_user_fee": read_line.reading.kind == ReadingKind.USER_FEE_OVERVIEW,
    }
    if read_line.reading.kind == ReadingKind.RECEIPT and read_line.reading.receipt:
        fields["itemized_receipt"] = bool(read_line.reading.receipt.get("itemised"))
    line = claims.add_line(claim, by=by, now=now, **fields)
    edits = {
        name: [str(read), str(added)]
        for name, read, added in (
            ("date", read_line.date, service_on),
            ("amount", read_line.amount, amount),
        )
        if read != added
    }
    LineOrigin.objects.create(
        line=line,
        read_line=read_line,
        attachment=attachment,
        edits=edits,
        added_by=by,
        added_at=now,
    )
    claims.audit(
        "intake.line.added_from_document",
        actor=by,
        claim=claim,
        now=now,
        line=line.number,
        attachment=attachment.pk,
        read_line=read_line.pk,
        edits=edits,
    )
    return line
