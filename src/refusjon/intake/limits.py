"""How much one person may send: documents per claim, and bytes a day.

A claim holds at most ``REFUSJON_MAX_DOCUMENTS_PER_CLAIM`` documents (and its appeal as many
again), and a person uploads at most ``REFUSJON_MAX_UPLOAD_MB_PER_DAY`` in a day, the day by
the project's clock in Oslo. Both are counted inside the transaction that adds the document,
with the claim's (or appeal's) row and the person's own row held, so two uploads at once cannot
both slip under a limit.

What counts against the day is every upload kept for its check, whatever the check then says:
the audit log's ``intake.document.uploaded`` entries, each with the bytes received. The log is
append-only, so a document refused, or one day removed, still counts, and nobody can loop
uploading files the check refuses. Files refused at once from their size or first bytes are
neither stored nor decoded, and do not count.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import BigIntegerField, Sum
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from refusjon.claims.models import Appeal, Attachment, AuditEntry, CheckStatus, Claim, User
from refusjon.intake.errors import DAILY_UPLOAD_LIMIT, TOO_MANY_DOCUMENTS, IntakeError
from refusjon.intake.uploads import human_size

UPLOADED = "intake.document.uploaded"


def max_documents() -> int:
    """The most documents a claim holds (and its appeal, apart)."""
    return int(settings.REFUSJON_MAX_DOCUMENTS_PER_CLAIM)


def max_bytes_a_day() -> int:
    """The most bytes one person uploads in a day."""
    return int(settings.REFUSJON_MAX_UPLOAD_MB_PER_DAY) * 1024 * 1024


def check_document_count(claim: Claim, appeal: Appeal | None) -> None:
    """Refuse one document more than the claim (or the appeal) may hold. A refused document
    does not take a place: another file is what the student is asked for."""
    documents = Attachment.objects.filter(claim=claim, appeal=appeal).exclude(
        check_status=CheckStatus.REFUSED
    )
    limit = max_documents()
    if documents.count() >= limit:
        message = (
            _("This appeal has as many documents as an appeal can have ({limit}).")
            if appeal is not None
            else _("This claim has as many documents as a claim can have ({limit}).")
        )
        raise IntakeError(
            format_lazy(
                "{} {}",
                format_lazy(message, limit=limit),
                _("Put several pages in one PDF, or contact us if you need to send more."),
            ),
            code=TOO_MANY_DOCUMENTS,
        )


def uploaded_on(person: User, moment: datetime) -> int:
    """The bytes ``person`` uploaded on the day of ``moment`` in Oslo."""
    start, end = _day(moment)
    entries = AuditEntry.objects.filter(action=UPLOADED, actor=person, at__gte=start, at__lt=end)
    size = Cast(KeyTextTransform("bytes", "data"), BigIntegerField())
    total = entries.annotate(size=size).aggregate(total=Sum("size"))["total"]
    return int(total or 0)


def check_daily_bytes(person: User, size: int, *, now: datetime) -> None:
    """Refuse an upload of ``size`` bytes that would take ``person`` past the day's limit."""
    limit = max_bytes_a_day()
    used = uploaded_on(person, now)
    if used + size > limit:
        message = _(
            "You can upload at most {limit} a day, and you have uploaded {used} today. "
            "You can upload more after midnight (Norwegian time), or contact us if you need "
            "to send more now."
        )
        raise IntakeError(
            format_lazy(message, limit=human_size(limit), used=human_size(used)),
            code=DAILY_UPLOAD_LIMIT,
        )


def hold_person(person: User) -> None:
    """Hold the person's row until the transaction ends: their uploads are counted one at a
    time (the claim's row alone would let two claims' uploads pass at once)."""
    User.objects.select_for_update().filter(pk=person.pk).exists()


def _day(moment: datetime) -> tuple[datetime, datetime]:
    """The start of the day of ``moment`` in Oslo and of the next (aware; 23 or 25 hours apart
    when the clocks change)."""
    day = timezone.localdate(moment)
    zone = timezone.get_default_timezone()
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start, end
