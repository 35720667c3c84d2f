"""Attaching documents to claims and opening them again: checked, stored cleaned, logged.

An upload is answered at once on what its size and first bytes show (empty, too large, not a
PDF, JPEG or PNG). The rest of the check, which decodes it, runs in a job
(:func:`refusjon.intake.checks.check_document`): the request keeps the file as received in
quarantine, outside any transaction, then in one short transaction adds the attachment as
being checked and asks for the job. A student's eight photos at once thus hold the database
for moments, not for as long as their pixels take to decode.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import services as claims
from refusjon.claims.filenames import display_name
from refusjon.claims.models import (
    Appeal,
    AppealStatus,
    Attachment,
    CheckStatus,
    Claim,
    User,
)
from refusjon.intake import checks, limits
from refusjon.intake.uploads import HEAD_BYTES, Kind, kind_of, quick_check, suggested_name


def attach_document(
    claim: Claim,
    *,
    by: User,
    data: bytes | File[bytes],
    filename: str,
    document_type: str,
    language: str = "no",
    now: datetime | None = None,
) -> Attachment:
    """Take an upload for the claim and have it checked (raises ``IntakeError`` or
    ``ClaimError`` with a message for the student). The attachment is returned as it stands
    after the request: being checked, unless jobs run at once where asked for."""
    claims.check_owner_can_edit(claim, by)

    def still_editable() -> None:
        claims.check_owner_can_edit(Claim.objects.select_for_update().get(pk=claim.pk), by)

    return _take(
        claim,
        None,
        _as_file(data),
        still_allowed=still_editable,
        by=by,
        filename=filename,
        document_type=document_type,
        language=language,
        now=now,
    )


def attach_appeal_document(
    appeal: Appeal,
    *,
    by: User,
    data: bytes | File[bytes],
    filename: str,
    document_type: str,
    language: str = "no",
    now: datetime | None = None,
) -> Attachment:
    """Take an upload for the student's appeal, until the appeal is sent, and have it checked.
    It belongs to the claim too: a decision made again on appeal counts it."""
    _check_appeal_open(appeal, by)

    def still_open() -> None:
        _check_appeal_open(Appeal.objects.select_for_update().get(pk=appeal.pk), by)

    return _take(
        appeal.claim,
        appeal,
        _as_file(data),
        still_allowed=still_open,
        by=by,
        filename=filename,
        document_type=document_type,
        language=language,
        now=now,
    )


def _check_appeal_open(appeal: Appeal, by: User) -> None:
    if appeal.appellant_id != by.pk:
        raise claims.ClaimError(_("This is not your claim."))
    if appeal.status != AppealStatus.DRAFT:
        raise claims.ClaimError(_("Documents can be added to an appeal until it is sent."))


def _as_file(data: bytes | File[bytes]) -> File[bytes]:
    return ContentFile(data) if isinstance(data, bytes) else data


def _take(
    claim: Claim,
    appeal: Appeal | None,
    upload: File[bytes],
    *,
    still_allowed: Callable[[], None],
    by: User,
    filename: str,
    document_type: str,
    language: str,
    now: datetime | None,
) -> Attachment:
    """Check what can be checked at once, keep the upload in quarantine (outside any
    transaction: writing a file takes no lock), then add the attachment and ask for its check
    in one short transaction, after ``still_allowed`` has held the claim or appeal's row and
    seen that it may still take documents. Whatever fails after the file is kept deletes it."""
    kind = quick_check(size=upload.size or 0, head=_head(upload))
    now = now or clock.now()
    size = upload.size or 0
    # Once before the file is kept (nothing is written for an upload over a limit), and again
    # below with the rows held, where it counts.
    _check_limits(claim, appeal, by=by, size=size, now=now)
    attachment = Attachment(
        claim=claim,
        appeal=appeal,
        document_type=document_type,
        language=language,
        check_status=CheckStatus.PENDING,
        # A label only (nothing of it is in the stored path), kept as clean text.
        uploaded_name=display_name(filename, length=255),
    )
    attachment.full_clean(exclude=["claim", "appeal", "file", "unchecked_file"])
    received = _sha256(upload)
    attachment.unchecked_file.save("upload", upload, save=False)
    try:
        with transaction.atomic():
            still_allowed()
            limits.hold_person(by)
            _check_limits(claim, appeal, by=by, size=size, now=now)
            attachment.save()
            _log_upload(attachment, kind=kind, sha256=received, size=size, by=by, now=now)
            # Asked for in the transaction that makes its work: the job's row commits with the
            # attachment, or neither does.
            checks.check_document.enqueue(attachment.pk)
    except BaseException:
        attachment.unchecked_file.delete(save=False)
        raise
    attachment.refresh_from_db()
    return attachment


def _check_limits(
    claim: Claim, appeal: Appeal | None, *, by: User, size: int, now: datetime
) -> None:
    limits.check_document_count(claim, appeal)
    limits.check_daily_bytes(by, size, now=now)


def _head(upload: File[bytes]) -> bytes:
    """The first bytes of the upload, which tell its kind; it is left at its start."""
    upload.seek(0)
    head: bytes = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def _sha256(upload: File[bytes]) -> str:
    """The digest of the upload as received (for the audit log), read in chunks."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _log_upload(
    attachment: Attachment, *, kind: Kind, sha256: str, size: int, by: User, now: datetime
) -> None:
    """The upload in the audit log, with the bytes received: :mod:`refusjon.intake.limits`
    counts a person's day from these entries."""
    claims.audit(
        "intake.document.uploaded",
        actor=by,
        claim=attachment.claim,
        now=now,
        attachment=attachment.pk,
        kind=kind,
        sha256=sha256,
        bytes=size,
        appeal=attachment.appeal_id,
    )


@dataclass(frozen=True)
class OpenedDocument:
    content: bytes
    content_type: str
    name: str


def open_document(
    attachment: Attachment,
    *,
    by: User,
    purpose: str,
    inline: bool = False,
    page: int | None = None,
    now: datetime | None = None,
) -> OpenedDocument:
    """The stored file, for the student whose claim it is or for a caseworker; a caseworker's
    look is written to the audit log with its purpose, and whether the file was shown inline
    (in the workspace's viewer) or downloaded, and which ``page`` was drawn with a fee's box
    on it, if that is what was shown. The file is read before the look is logged, so
    a file that is gone (``FileNotFoundError``) leaves no entry, and so does one that is not
    checked (yet): being checked or refused, it has no file to give."""
    claim = attachment.claim
    by_staff = claims.is_caseworker(by) and claim.applicant_id != by.pk
    if not by_staff and claim.applicant_id != by.pk:
        raise claims.ClaimError(_("This is not your claim."))
    if attachment.check_status != CheckStatus.OK:
        raise FileNotFoundError(f"attachment {attachment.pk} is {attachment.check_status}")
    if not attachment.file:
        raise FileNotFoundError(f"attachment {attachment.pk} has no file")
    with attachment.file.open("rb") as handle:
        content = handle.read()
    if by_staff:
        claims.audit(
            "intake.document.viewed",
            actor=by,
            claim=claim,
            now=now,
            purpose=purpose,
            attachment=attachment.pk,
            inline=inline,
            **({"page": page} if page is not None else {}),
        )
    return OpenedDocument(content, attachment.content_type, download_name(attachment))


def download_name(attachment: Attachment) -> str:
    """The name a document is offered under: the name the student gave it, in safe
    characters, with the extension of the kind it was checked to be; for a file stored before
    names were kept, its stored name (made safe the same way when it was stored)."""
    stored = PurePosixPath(attachment.file.name or "").name
    kind = kind_of(attachment.content_type)
    if attachment.uploaded_name and kind is not None:
        return suggested_name(attachment.uploaded_name, kind)
    return stored or "document"
