"""Documents shown inline in the caseworker's viewer: a narrow response, framed only by the
site, and every look logged as a download is."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pytest_django import Settings

from refusjon.claims.models import Attachment, AuditEntry, Claim, User
from refusjon.intake import services
from tests.factories import NOW, sio_draft
from tests.intake.files import blank_pdf, jpeg, pdf, png


@pytest.fixture(autouse=True)
def media(tmp_path: Path, settings: Settings) -> None:
    settings.MEDIA_ROOT = tmp_path


def attached(student: User, data: bytes, filename: str) -> Attachment:
    claim = sio_draft(student, "700.00")
    return services.attach_document(
        claim, by=student, data=data, filename=filename, document_type="receipt", now=NOW
    )


def inline_url(attachment: Attachment) -> str:
    return reverse("intake:inline", args=[attachment.pk])


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def views_of(claim: Claim) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(claim=claim, action="intake.document.viewed"))


def test_bob_sees_a_pdf_inline_and_the_look_is_logged(alice: User, bob: User) -> None:
    attachment = attached(alice, pdf(blank_pdf()), "kvittering.pdf")
    response = signed_in(bob).get(inline_url(attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("inline; filename=")
    assert response["Content-Disposition"].endswith(".pdf")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Cache-Control"] == "private, no-store"
    [entry] = views_of(attachment.claim)
    assert (entry.actor, entry.purpose) == (bob, "case handling")
    assert entry.data == {"attachment": attachment.pk, "inline": True}


def test_the_inline_policy_allows_nothing_but_the_document_and_same_origin_frames(
    alice: User, bob: User
) -> None:
    attachment = attached(alice, pdf(blank_pdf()), "kvittering.pdf")
    policy = signed_in(bob).get(inline_url(attachment))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives == {
        "default-src": "'none'",
        "img-src": "'self'",
        "style-src": "'unsafe-inline'",
        "frame-ancestors": "'self'",
        "base-uri": "'none'",
        "form-action": "'none'",
    }


@pytest.mark.parametrize(
    ("data", "filename", "content_type"),
    [(png(), "scan.png", "image/png"), (jpeg(), "scan.jpg", "image/jpeg")],
)
def test_bob_sees_an_image_inline(
    alice: User, bob: User, data: bytes, filename: str, content_type: str
) -> None:
    attachment = attached(alice, data, filename)
    response = signed_in(bob).get(inline_url(attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    Image.open(io.BytesIO(response.content)).verify()
    assert len(views_of(attachment.claim)) == 1


def test_a_download_is_logged_as_a_download_and_stays_sandboxed(alice: User, bob: User) -> None:
    attachment = attached(alice, png(), "scan.png")
    response = signed_in(bob).get(reverse("intake:download", args=[attachment.pk]))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Frame-Options"] == "DENY"
    [entry] = views_of(attachment.claim)
    assert entry.data == {"attachment": attachment.pk, "inline": False}


def test_carol_cannot_see_alices_document_inline(alice: User, carol: User) -> None:
    attachment = attached(alice, pdf(blank_pdf()), "kvittering.pdf")
    response = signed_in(carol).get(inline_url(attachment))
    assert response.status_code == 404
    assert b"%PDF" not in response.content
    assert not views_of(attachment.claim)


def test_alice_sees_her_own_document_inline_and_no_look_is_logged(alice: User) -> None:
    attachment = attached(alice, png(), "scan.png")
    response = signed_in(alice).get(inline_url(attachment))
    assert response.status_code == 200
    assert not views_of(attachment.claim)


def test_an_anonymous_visitor_is_sent_to_sign_in(alice: User) -> None:
    attachment = attached(alice, png(), "scan.png")
    response = Client().get(inline_url(attachment))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_unknown_document_is_not_found(bob: User) -> None:
    assert signed_in(bob).get(reverse("intake:inline", args=[999_999])).status_code == 404


def test_a_file_that_is_gone_is_not_found_and_no_look_is_logged(alice: User, bob: User) -> None:
    attachment = attached(alice, png(), "scan.png")
    attachment.file.delete(save=False)
    assert signed_in(bob).get(inline_url(attachment)).status_code == 404
    assert not views_of(attachment.claim)


def test_a_type_a_browser_does_not_show_by_itself_is_never_inline(alice: User, bob: User) -> None:
    claim = sio_draft(alice, "700.00")
    attachment = Attachment(claim=claim, document_type="receipt", content_type="text/html")
    attachment.file.save("page.html", ContentFile(b"<script>alert(1)</script>"))
    assert signed_in(bob).get(inline_url(attachment)).status_code == 404
    assert not views_of(claim)


def test_the_inline_view_only_takes_get(alice: User, bob: User) -> None:
    attachment = attached(alice, png(), "scan.png")
    assert signed_in(bob).post(inline_url(attachment)).status_code == 405
    assert not views_of(attachment.claim)
