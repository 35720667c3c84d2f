"""Attaching documents to claims and opening them again: checked, stored cleaned, logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from refusjon.claims import services as claims
from refusjon.claims.models import Attachment, Claim, User
from refusjon.intake.uploads import check_upload


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
    checked = check_upload(data, filename=filename)
    attachment = Attachment(
        claim=claim,
        document_type=document_type,
        language=language,
        shows_applicant_name=shows_applicant_name,
        content_type=checked.content_type,
        sha256=checked.sha256,
    )
    attachment.full_clean(exclude=["claim", "file"])
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
    )
    return attachment


@dataclass(frozen=True)
class OpenedDocument:
    content: bytes
    content_type: str
    name: str


def open_document(
    attachment: Attachment, *, by: User, purpose: str, now: datetime | None = None
) -> OpenedDocument:
    """The stored file, for the student whose claim it is or for a caseworker; a caseworker's
    look is written to the audit log with its purpose."""
    claim = attachment.claim
    if claims.is_caseworker(by) and claim.applicant_id != by.pk:
        claims.audit(
            "intake.document.viewed",
            actor=by,
            claim=claim,
            now=now,
            purpose=purpose,
            attachment=attachment.pk,
        )
    elif claim.applicant_id != by.pk:
        raise claims.ClaimError(_("This is not your claim."))
    with attachment.file.open("rb") as handle:
        content = handle.read()
    name = (attachment.file.name or "document").rsplit("/", 1)[-1]
    return OpenedDocument(content, attachment.content_type, name)
