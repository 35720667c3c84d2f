"""The check of an upload as a background job: decoded, stored cleaned, or refused.

:func:`check_document` is asked for when a document is uploaded (``intake.services``). It
does its heavy part (decoding and encoding again, in :func:`~refusjon.intake.uploads.check_upload`)
outside any transaction, then writes what it found in one short one: the cleaned file in the
attachment's place and ``OK``, or ``REFUSED`` with the reason for the student. The upload as
received is deleted either way.

It is safe to run twice, and two runs at once are safe too: the result is written only if the
attachment is still being checked (a conditional update, the same on both databases), and a
run that finds it done already leaves it alone and deletes what it stored itself. An error
that is not a refusal (a storage that is down, a bug) is raised, so the job is tried again
(:mod:`refusjon.jobs`); once it has failed for good it is listed for staff, and the student's
document stays "being checked" until staff have it tried again.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from refusjon.claims import services as claims
from refusjon.claims.models import Attachment, CheckStatus
from refusjon.intake import readings
from refusjon.intake.bounds import MB, ONE_AT_A_TIME, DecodingLimits
from refusjon.intake.errors import IntakeError
from refusjon.intake.uploads import CheckedUpload, check_upload
from refusjon.jobs import job

# One check decodes at a time in a process (and not while a document is read): bounds.py says why.
_ONE_AT_A_TIME = ONE_AT_A_TIME


@job(label=_("Check an uploaded document"))
def check_document(attachment_id: int) -> None:
    """Check the upload of attachment ``attachment_id``, if it is still being checked."""
    attachment = Attachment.objects.filter(pk=attachment_id).first()
    if attachment is None or attachment.check_status != CheckStatus.PENDING:
        return
    received = attachment.unchecked_file.name or ""
    with attachment.unchecked_file.open("rb") as handle:
        data = handle.read()
    try:
        with _ONE_AT_A_TIME:
            checked = check_upload(
                data, filename=attachment.uploaded_name, limits=decoding_limits()
            )
    except IntakeError as refusal:
        _refuse(attachment, refusal)
    else:
        _keep(attachment, checked)
    attachment.unchecked_file.storage.delete(received)


def decoding_limits() -> DecodingLimits:
    """The bounds of the check, from the settings (``REFUSJON_IMAGE_*``, ``REFUSJON_PDF_*``)."""
    return DecodingLimits(
        max_pixels=int(settings.REFUSJON_IMAGE_MAX_MEGAPIXELS * 1_000_000),
        image_max_decoded_bytes=settings.REFUSJON_IMAGE_MAX_DECODED_MB * MB,
        image_max_side=settings.REFUSJON_IMAGE_MAX_SIDE,
        max_pages=settings.REFUSJON_PDF_MAX_PAGES,
        pdf_max_decoded_bytes=settings.REFUSJON_PDF_MAX_DECODED_MB * MB,
        pdf_max_stream_bytes=settings.REFUSJON_PDF_MAX_STREAM_MB * MB,
        pdf_max_page_pixels=int(settings.REFUSJON_PDF_MAX_PAGE_MEGAPIXELS * 1_000_000),
        pdf_max_page_cm=settings.REFUSJON_PDF_MAX_PAGE_CM,
    )


def _keep(attachment: Attachment, checked: CheckedUpload) -> None:
    """Store the cleaned file, then make it the attachment's if nobody has meanwhile."""
    attachment.file.save(checked.suggested_name, ContentFile(checked.content), save=False)
    with transaction.atomic():
        done = _finish(
            attachment,
            check_status=CheckStatus.OK,
            file=attachment.file.name,
            content_type=checked.content_type,
            sha256=checked.sha256,
        )
        if done:
            if readings.wants_reading(attachment):
                # Asked for with the result it reads: the job's row commits with it, or not.
                readings.read_document_job.enqueue(attachment.pk)
            claims.audit(
                "intake.document.checked",
                actor=None,
                claim=attachment.claim,
                attachment=attachment.pk,
                kind=checked.kind,
                sha256=checked.sha256,
            )
    if not done:
        attachment.file.delete(save=False)


def _refuse(attachment: Attachment, refusal: IntakeError) -> None:
    with transaction.atomic():
        done = _finish(
            attachment,
            check_status=CheckStatus.REFUSED,
            refusal_code=refusal.code,
            refusal_reason=_in_every_language(refusal),
        )
        if done:
            claims.audit(
                "intake.document.refused",
                actor=None,
                claim=attachment.claim,
                attachment=attachment.pk,
                code=refusal.code,
            )


def _finish(attachment: Attachment, **result: object) -> bool:
    """Write the check's result if the attachment is still being checked; whether it was."""
    updated = Attachment.objects.filter(pk=attachment.pk, check_status=CheckStatus.PENDING).update(
        unchecked_file="", **result
    )
    return updated == 1


def _in_every_language(refusal: IntakeError) -> dict[str, str]:
    """The refusal as the student reads it, in each of the site's languages: the job has no
    request to take a language from, and the student may switch."""
    reasons = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reasons[code] = str(refusal)
    return reasons
