"""Students attach documents to their claims; caseworkers open them, and every look is logged."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from refusjon.claims import services
from refusjon.claims.models import Attachment, AuditEntry, Claim, User
from tests.factories import NOW, sio_draft
from tests.intake.files import png


@pytest.fixture(autouse=True)
def media(tmp_path: Path, settings: object) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]


def upload(client: Client, claim: Claim, data: bytes, name: str, **fields: str) -> object:
    return client.post(
        f"/claim/{claim.reference}/documents/",
        {
            "document_type": "user_fee_overview",
            "language": "no",
            "shows_applicant_name": "on",
            "file": SimpleUploadedFile(name, data),
            **fields,
        },
    )


def test_a_student_attaches_the_overview_and_the_estimate_no_longer_asks_for_it(
    client: Client, alice: User
) -> None:
    claim = sio_draft(alice, "700.00")
    assert services.estimate(claim).record["outcome"] == "returned"
    client.force_login(alice)
    response = upload(client, claim, png(), "egenandeler.pdf")
    assert response.status_code == 302
    attachment = Attachment.objects.get(claim=claim)
    assert attachment.content_type == "image/png" and attachment.file.name.endswith(".png")
    assert services.estimate(claim).record["outcome"] == "approved"


def test_a_file_that_is_not_a_document_is_refused_with_a_message(
    client: Client, alice: User
) -> None:
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    upload(client, claim, b"MZ\x90\x00 not a pdf", "kvittering.pdf")
    assert not Attachment.objects.filter(claim=claim).exists()
    page = client.get(f"/claim/{claim.reference}/")
    assert "PDF" in page.content.decode()


def test_carol_cannot_attach_to_or_open_alices_documents(
    client: Client, alice: User, carol: User
) -> None:
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    upload(client, claim, png(), "scan.png")
    attachment = Attachment.objects.get(claim=claim)
    client.force_login(carol)
    assert upload(client, claim, png(), "x.png").status_code == 404  # type: ignore[attr-defined]
    assert client.get(f"/documents/{attachment.pk}/").status_code == 404
    assert Attachment.objects.filter(claim=claim).count() == 1


def test_a_caseworker_opens_a_document_and_the_look_is_logged(
    client: Client, alice: User, bob: User
) -> None:
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    upload(client, claim, png(), "scan.png")
    attachment = Attachment.objects.get(claim=claim)
    client.force_login(bob)
    response = client.get(f"/documents/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    Image.open(io.BytesIO(response.content)).verify()
    entry = AuditEntry.objects.get(action="intake.document.viewed")
    assert entry.actor == bob and entry.purpose == "case handling"
    assert [r.action for r in services.access_log(claim, by=alice)] == ["intake.document.viewed"]


def test_a_submitted_claim_takes_no_more_documents(client: Client, alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    services.submit_claim(claim, by=alice, token="t", now=NOW)
    client.force_login(alice)
    upload(client, claim, png(), "late.png")
    assert not Attachment.objects.filter(claim=claim).exists()
