"""Students attach documents to their claims; caseworkers open them, and every look is logged."""

from __future__ import annotations

import inspect
import io
from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from refusjon.claims import services
from refusjon.claims.models import Attachment, AuditEntry, Claim, User
from refusjon.intake.forms import MAX_UPLOAD_BYTES, UploadForm
from refusjon.intake.uploads import check_upload
from tests.factories import NOW, sio_draft
from tests.intake.documents import overview_pdf
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
            "file": SimpleUploadedFile(name, data),
            **fields,
        },
    )


def test_a_student_attaches_the_overview_and_the_estimate_no_longer_asks_for_it(
    client: Client, alice: User
) -> None:
    alice.first_name, alice.last_name = "Alice", "Łukaszewicz"
    alice.save()
    claim = sio_draft(alice, "700.00")
    assert services.estimate(claim).record["outcome"] == "returned"
    client.force_login(alice)
    overview = overview_pdf("ALICE LUKASZEWICZ", [(date(2026, 1, 10), "Legesenter", "700.00")])
    response = upload(client, claim, overview, "egenandeler.pdf")
    assert response.status_code == 302
    attachment = Attachment.objects.get(claim=claim)
    assert attachment.content_type == "application/pdf" and attachment.file.name.endswith(".pdf")
    # The name read is hers (no box to tick any more), so the overview counts.
    assert attachment.shows_applicant_name
    assert services.estimate(claim).record["outcome"] == "approved"


def test_an_overview_whose_name_cannot_be_read_counts_once_the_student_says_it_is_hers(
    client: Client, alice: User
) -> None:
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    upload(client, claim, png(), "egenandeler.png")
    attachment = Attachment.objects.get(claim=claim)
    assert not attachment.shows_applicant_name
    assert services.estimate(claim).record["outcome"] == "returned"

    client.post(f"/claim/{claim.reference}/documents/{attachment.pk}/name/")

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


class HugeUpload(SimpleUploadedFile):
    """An upload that says it is 2 GB and must never be read."""

    def __init__(self) -> None:
        super().__init__("huge.pdf", b"%PDF-1.7")
        self.size = 2 * 1024 * 1024 * 1024

    def read(self, *args: object) -> bytes:
        raise AssertionError("a file over the limit was read")


def test_the_forms_limit_is_the_limit_intake_checks() -> None:
    limit = inspect.signature(check_upload).parameters["max_bytes"].default
    assert limit == MAX_UPLOAD_BYTES


def test_a_file_over_the_limit_is_refused_from_its_size_without_reading_it() -> None:
    form = UploadForm(
        {"document_type": "user_fee_overview", "language": "no"}, {"file": HugeUpload()}
    )
    assert not form.is_valid()
    assert form.errors["file"] == [
        "The file is larger than 10 MB. Please upload a smaller scan or photo."
    ]


def test_a_file_over_the_limit_is_refused_with_the_field_and_the_limit(
    client: Client, alice: User
) -> None:
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    upload(client, claim, b"%PDF-" + b"0" * MAX_UPLOAD_BYTES, "big.pdf")
    assert not Attachment.objects.filter(claim=claim).exists()
    page = client.get(f"/claim/{claim.reference}/").content.decode()
    assert (
        "File (PDF, JPEG or PNG, at most 10 MB): "
        "The file is larger than 10 MB. Please upload a smaller scan or photo."
    ) in page


def test_a_missing_choice_is_refused_with_the_fields_label(client: Client, alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    upload(client, claim, png(), "scan.png", document_type="")
    page = client.get(f"/claim/{claim.reference}/").content.decode()
    assert "What is it?: This field is required." in page


def test_a_download_is_an_attachment_and_only_the_viewer_is_inline(
    client: Client, alice: User
) -> None:
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    upload(client, claim, png(), "scan.png")
    attachment = Attachment.objects.get(claim=claim)
    download = client.get(f"/documents/{attachment.pk}/")
    assert download["Content-Disposition"] == (
        "attachment; filename=\"scan.png\"; filename*=UTF-8''scan.png"
    )
    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"
    shown = client.get(reverse("intake:inline", args=[attachment.pk]))
    assert (
        shown["Content-Disposition"] == "inline; filename=\"scan.png\"; filename*=UTF-8''scan.png"
    )
