"""Asking for a letter, and the jobs that make it.

A letter is asked for with what it says now (:func:`ask_for`): if that edition is stored, it is
the one; else a row is made with its HTML and the job :func:`render_letter` asked for in the
same transaction, and the reader is told it is being prepared. The job makes the PDF once and
keeps it in the media storage. When a claim is sent, a decision made or a recovery opened, the
claims and payouts services send a signal (:mod:`refusjon.letters.receivers`) and the job
:func:`ask_for_letters` asks for its letter in every language, so the PDF is ready when the
student comes for it.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims.models import Assessment, Claim
from refusjon.jobs import job
from refusjon.letters import content
from refusjon.letters.models import Letter, LetterKind, LetterLanguage
from refusjon.letters.pdf import write_pdf
from refusjon.payouts.models import Recovery

# A letter is of a decision, a recovery, or a claim sent (its receipt).
Subject = Assessment | Recovery | Claim

# What each kind of letter's PDF is called, as the student saves it.
FILE_NAMES = {
    LetterKind.DECISION: "vedtak",
    LetterKind.RECOVERY: "tilbakekreving",
    LetterKind.RECEIPT: "kvittering",
}


def _of(subject: Subject) -> dict[str, Subject]:
    if isinstance(subject, Claim):
        return {"claim": subject}
    return {"recovery" if isinstance(subject, Recovery) else "decision": subject}


def ask_for(subject: Subject, *, language: str, now: datetime | None = None) -> Letter:
    """The letter of a decision, a recovery or a claim sent in ``language``, as it reads now:
    the stored one if this edition has been made (or asked for), else a new one asked for, with
    the job that makes its PDF committed with it."""
    language = LetterLanguage(language).value
    html = content.compose(subject, language)
    digest = hashlib.sha256(html.encode()).hexdigest()
    with transaction.atomic():
        letter, created = Letter.objects.get_or_create(
            **_of(subject),
            language=language,
            content_sha256=digest,
            defaults={"html": html, "asked_at": now or clock.now()},
        )
        if created:
            render_letter.enqueue(letter.pk)
    if created:
        letter.refresh_from_db()  # a backend that runs jobs at once has made it already
    return letter


def file_name(letter: Letter) -> str:
    """What the student's copy is called: ``vedtak-<claim>.pdf``, ``tilbakekreving-<ref>.pdf``,
    ``kvittering-<claim>.pdf``."""
    return f"{FILE_NAMES[letter.kind]}-{letter.reference}.pdf"


def _stored_name(letter: Letter) -> str:
    edition = f"{letter.language}-{letter.content_sha256[:12]}"
    return f"{FILE_NAMES[letter.kind]}-{letter.reference}-{edition}.pdf"


@job(label=_("Make the PDF of a student's letter"))
def render_letter(letter_id: int) -> None:
    """Make the PDF of a letter asked for, and keep it; a letter that has its PDF (or is no
    more) is left as it is, so running the job twice makes the PDF once."""
    letter = Letter.objects.filter(pk=letter_id).first()
    if letter is None or letter.rendered:
        return
    pdf = write_pdf(letter.html)  # the slow part, outside any transaction
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter_id)
        if letter.rendered:  # made meanwhile, by another worker running this job too
            return
        letter.pdf.save(_stored_name(letter), ContentFile(pdf), save=False)
        letter.html = ""
        letter.rendered_at = clock.now()
        letter.save(update_fields=["pdf", "html", "rendered_at"])


def latest_receipt(claim: Claim, *, language: str) -> Letter | None:
    """The last receipt asked for of the claim in ``language``: what the claim said when it
    was last sent, while it is back with the student to be changed."""
    return claim.receipt_letters.filter(language=language).order_by("-asked_at", "-pk").first()


def _subject(kind: str, subject_id: int) -> Subject | None:
    if LetterKind(kind) == LetterKind.RECOVERY:
        return Recovery.objects.filter(pk=subject_id).first()
    if LetterKind(kind) == LetterKind.RECEIPT:
        return Claim.objects.filter(pk=subject_id, submitted_on__isnull=False).first()
    return Assessment.objects.filter(pk=subject_id).first()


@job(label=_("Ask for the letters of a decision, a recovery or a claim sent"))
def ask_for_letters(kind: str, subject_id: int) -> None:
    """Ask for the letter of a decision, a recovery or a claim sent (its receipt) in every
    language the site speaks."""
    subject = _subject(kind, subject_id)
    if subject is None:
        return
    for language in LetterLanguage:
        ask_for(subject, language=language)
