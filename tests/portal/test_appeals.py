"""A student appeals a decision from the portal, with a document, within the deadline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django import Settings

from refusjon.claims.models import Appeal, AppealStatus, Attachment, Claim, ClaimStatus, User
from tests.conftest import Clock
from tests.factories import decide, sio_claim
from tests.intake.files import png

DECIDED_AT = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def setting(settings: Settings, tmp_path: Path) -> None:
    settings.LANGUAGE_CODE = "en"
    settings.MEDIA_ROOT = tmp_path


def decided(alice: User, bob: User) -> Claim:
    claim = sio_claim(alice, "300.00", "300.00", now=DECIDED_AT)
    decide(claim, alice, bob, now=DECIDED_AT)
    return claim


def page(claim: Claim) -> str:
    return f"/claim/{claim.reference}/appeal/"


def test_a_student_writes_adds_a_document_and_sends_an_appeal(
    client: Client, alice: User, bob: User, clock: Clock
) -> None:
    claim = decided(alice, bob)
    clock.set(DECIDED_AT + timedelta(days=5))
    client.force_login(alice)

    shown = client.get(page(claim))
    assert shown.status_code == 200
    assert "Deadline for an appeal" in shown.content.decode()

    saved = client.post(page(claim), {"text": "The March visit was urgent.", "action": "save"})
    assert saved.status_code == 302
    appeal = Appeal.objects.get(claim=claim)
    assert appeal.status == AppealStatus.DRAFT

    upload = SimpleUploadedFile("letter.png", png(), content_type="image/png")
    uploaded = client.post(
        f"/claim/{claim.reference}/appeal/documents/",
        {"document_type": "medical_documentation", "file": upload, "language": "no"},
    )
    assert uploaded.status_code == 302 and uploaded["Location"].endswith("/appeal/")
    assert Attachment.objects.get(appeal=appeal).claim == claim

    sent = client.post(page(claim), {"text": "The March visit was urgent.", "action": "send"})
    assert sent.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPEALED
    after = client.get(page(claim)).content.decode()
    assert "The March visit was urgent." in after and "Sent" in after
    assert client.get(f"/claim/{claim.reference}/").status_code == 200


def test_after_the_deadline_the_appeal_is_refused_and_the_words_are_kept(
    client: Client, alice: User, bob: User, clock: Clock
) -> None:
    claim = decided(alice, bob)
    clock.set(DECIDED_AT + timedelta(weeks=3, days=1))
    client.force_login(alice)
    response = client.post(page(claim), {"text": "Late but right.", "action": "send"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "The deadline for appealing this decision was 2026-11-23" in body
    assert Appeal.objects.count() == 0
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DECIDED


def test_carol_cannot_see_or_appeal_alices_decision(
    client: Client, alice: User, bob: User, carol: User, clock: Clock
) -> None:
    claim = decided(alice, bob)
    clock.set(DECIDED_AT)
    client.force_login(carol)
    assert client.get(page(claim)).status_code == 404
    assert client.post(page(claim), {"text": "x", "action": "send"}).status_code == 404
    upload = SimpleUploadedFile("letter.png", png(), content_type="image/png")
    response = client.post(
        f"/claim/{claim.reference}/appeal/documents/",
        {"document_type": "receipt", "file": upload, "language": "no"},
    )
    assert response.status_code == 404
    assert Appeal.objects.count() == 0 and not Attachment.objects.filter(appeal__isnull=False)
