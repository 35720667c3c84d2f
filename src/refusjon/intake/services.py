"""Attaching documents to claims and opening them again: checked, stored cleaned, logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from refusjon.claims import services as claims
from refusjon.claims.models import Appeal, AppealStatus, Attachment, Claim, User
from refusjon.intake.uploads import CheckedUpload, check_upload


@transaction.atomic
def attach_document(
    claim: Claim,
    *,
    by: User,
    data: bytes,
    filename: str,
    document_type: str,
    language: str = "no",
    shows_applicant_name: bool = False,
    now: datetime | None = None,
) -> Attachment:
    """Check an upload and keep the cleaned file with the claim (raises ``IntakeError`` or
    ``ClaimError`` with a message for the student)."""
    claims.check_owner_can_edit(claim, by)
    return _keep(
        claim,
        None,
        check_upload(data, filename=filename),
        by=by,
        document_type=document_type,
        language=language,
        shows_applicant_name=shows_applicant_name,
        now=now,
    )


@transaction.atomic
def attach_appeal_document(
    appeal: Appeal,
    *,
    by: User,
    data: bytes,
    filename: str,
    document_type: str,
    language: str = "no",
    shows_applicant_name: bool = False,
    now: datetime | None = None,
) -> Attachment:
    """Check an upload and keep it with the student's appeal, until the appeal is sent. It
    belongs to the claim too: a decision made again on appeal counts it."""
    if appeal.appellant_id != by.pk:
        raise claims.ClaimError(_("This is not your claim."))
    if appeal.status != AppealStatus.DRAFT:
        raise claims.ClaimError(_("Documents can be added to an appeal until it is sent."))
    return _keep(
        appeal.claim,
        appeal,
        check_upload(data, filename=filename),
        by=by,
        document_type=document_type,
        language=language,
        shows_applicant_name=shows_applicant_name,
        now=now,
    )


def _keep(
    claim: Claim,
    appeal: Appeal | None,
    checked: CheckedUpload,
    *,
    by: User,
    document_type: str,
    language: str,
    shows_applicant_name: bool,
    now: datetime | None,
) -> Attachment:
    attachment = Attachment(
        claim=claim,
        appeal=appeal,
        document_type=document_type,
        language=language,
        shows_applicant_name=shows_applicant_name,
        content_type=checked.content_type,
        sha256=checked.sha256,
    )
    attachment.full_clean(exclude=["claim", "appeal", "file"])
    attachment.file.save(checked.suggested_name, ContentFile(checked.content), save=False)
    attachment.save()
    claims.audit(
        "intake.document.uploaded",
        actor=by,
        claim=claim,
        now=now,
        attachment=attachment.pk,
        kind=checked.kind,
        sha256=checked.sha256,
        appeal=appeal.pk if appeal else None,
    )
    return attachment


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
    now: datetime | None = None,
) -> OpenedDocument:
    """The stored file, for the student whose claim it is or for a caseworker; a caseworker's
    look is written to the audit log with its purpose, and whether the file was shown inline
    (in the workspace's viewer) or downloaded. The file is read before the look is logged, so
    a file that is gone (``FileNotFoundError``) leaves no entry."""
    claim = attachment.claim
    by_staff = claims.is_caseworker(by) and claim.applicant_id != by.pk
    if not by_staff and claim.applicant_id != by.pk:
        raise claims.ClaimError(_("This is not your claim."))
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
        )
    name = (attachment.file.name or "document").rsplit("/", 1)[-1]
    return OpenedDocument(content, attachment.content_type, name)
