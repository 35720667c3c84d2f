"""A claim holds a limited number of documents, and a person uploads a limited amount a day
(Oslo's day, by the project's clock); past either, the student is told the limit."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from PIL import Image
from pytest_django import Settings

from refusjon.claims.models import Attachment, Claim, User
from refusjon.intake import limits, services
from refusjon.intake.errors import DAILY_UPLOAD_LIMIT, TOO_MANY_DOCUMENTS, IntakeError
from tests.claims.conftest import student
from tests.conftest import Clock
from tests.factories import sio_draft
from tests.intake.files import image_bytes, png


@pytest.fixture(autouse=True)
def media(tmp_path: Path, settings: Settings) -> None:
    settings.MEDIA_ROOT = tmp_path


def photo_of_600_kb() -> bytes:
    """A PNG of random pixels (seeded): it does not compress, so it is as large as it says."""
    size = (500, 400)
    pixels = random.Random(11).randbytes(size[0] * size[1] * 3)
    return image_bytes(Image.frombytes("RGB", size, pixels), "PNG")


def attach(claim: Claim, data: bytes, name: str = "scan.png") -> Attachment:
    return services.attach_document(
        claim, by=claim.applicant, data=data, filename=name, document_type="user_fee_overview"
    )


def post(client: Client, claim: Claim, data: bytes) -> str:
    """Upload through the claim page's form; the page the student is sent back to."""
    client.post(
        f"/claim/{claim.reference}/documents/",
        {
            "document_type": "user_fee_overview",
            "language": "no",
            "file": SimpleUploadedFile("scan.png", data),
        },
    )
    return client.get(f"/claim/{claim.reference}/").content.decode()


def test_a_claim_takes_documents_up_to_the_limit_and_refuses_the_next(
    alice: User, settings: Settings
) -> None:
    settings.REFUSJON_MAX_DOCUMENTS_PER_CLAIM = 3
    claim = sio_draft(alice, "700.00")
    for _ in range(3):
        attach(claim, png())
    with pytest.raises(
        IntakeError, match=r"as many documents as a claim can have \(3\)"
    ) as refused:
        attach(claim, png())
    assert refused.value.code == TOO_MANY_DOCUMENTS
    assert claim.attachments.count() == 3
    attach(sio_draft(alice, "100.00"), png())  # another claim has its own places


def test_a_refused_document_does_not_take_a_place(alice: User, settings: Settings) -> None:
    settings.REFUSJON_MAX_DOCUMENTS_PER_CLAIM = 1
    claim = sio_draft(alice, "700.00")
    broken = png()[:40]  # a PNG's first bytes, then nothing: the check refuses it
    assert attach(claim, broken).check_status == "refused"
    assert attach(claim, png()).check_status == "ok"


def test_the_student_reads_the_document_limit_in_bokmal(
    client: Client, alice: User, settings: Settings
) -> None:
    settings.REFUSJON_MAX_DOCUMENTS_PER_CLAIM = 1
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    client.cookies["django_language"] = "nb"
    post(client, claim, png())
    page = post(client, claim, png())
    assert "Dette kravet har så mange dokumenter som et krav kan ha (1)." in page
    assert claim.attachments.count() == 1


def test_the_day_limit_counts_what_was_refused_and_opens_again_at_midnight_in_oslo(
    client: Client, alice: User, settings: Settings, clock: Clock
) -> None:
    """1 MB a day: two noisy photos of some 600 kB; the second is over, though the first
    was refused by its check, until midnight in Oslo (23:00 UTC in winter)."""
    settings.REFUSJON_MAX_UPLOAD_MB_PER_DAY = 1
    photo = photo_of_600_kb()
    assert 512 * 1024 < len(photo) < 1024 * 1024
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    clock.set(datetime(2026, 11, 2, 22, 59, tzinfo=UTC))  # 23:59 in Oslo
    attach(claim, photo[:-100])  # cut short: refused by the check, but received
    with pytest.raises(IntakeError, match="at most 1 MB a day") as refused:
        attach(claim, photo)
    assert refused.value.code == DAILY_UPLOAD_LIMIT
    page = post(client, claim, photo)
    assert "Du kan laste opp høyst 1 MB per døgn" in page and "etter midnatt" in page
    assert claim.attachments.count() == 1
    clock.advance(timedelta(minutes=1))  # 00:00 in Oslo: a new day
    assert attach(claim, photo).check_status == "ok"
    assert limits.uploaded_on(alice, clock.now()) == len(photo)


def test_the_day_limit_is_one_persons_not_everyones(
    alice: User, carol: User, settings: Settings
) -> None:
    settings.REFUSJON_MAX_UPLOAD_MB_PER_DAY = 1
    photo = photo_of_600_kb()
    attach(sio_draft(alice, "700.00"), photo)
    attach(sio_draft(carol, "700.00"), photo)
    with pytest.raises(IntakeError):
        attach(sio_draft(alice, "100.00"), photo)


@pytest.mark.postgresql  # the SQLite pass deselects it; make test's PostgreSQL pass runs it
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("limit", ["documents", "bytes"])
def test_two_uploads_at_once_do_not_both_slip_under_a_limit(settings: Settings, limit: str) -> None:
    """Two requests of alice's at the same moment, with room for one: one is taken, the other
    refused. On PostgreSQL, where the two truly race: SQLite lets one writer in at a time
    anyway, and its in-memory test database refuses a second thread's lock instead of waiting."""
    alice = student("alice", "P-ALICE")
    photo = photo_of_600_kb()
    if limit == "documents":
        settings.REFUSJON_MAX_DOCUMENTS_PER_CLAIM = 1
        claims = [sio_draft(alice, "700.00")] * 2
    else:
        settings.REFUSJON_MAX_UPLOAD_MB_PER_DAY = 1
        claims = [sio_draft(alice, "700.00"), sio_draft(alice, "100.00")]
    start = threading.Barrier(2)
    results: list[str] = []

    def upload(claim: Claim) -> None:
        try:
            start.wait()
            attach(claim, photo)
            results.append("taken")
        except IntakeError as refusal:
            results.append(refusal.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=upload, args=(claim,)) for claim in claims]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == sorted(
        ["taken", TOO_MANY_DOCUMENTS if limit == "documents" else DAILY_UPLOAD_LIMIT]
    )
    assert Attachment.objects.filter(claim__applicant=alice).count() == 1
