"""Stored documents are named by the site, not by the student: the name a device gave a file
is only a label, shown escaped and cleaned; a name the request parser refuses gets a message
in the student's language, not a bare "Bad Request"."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from refusjon.claims import services as claims
from refusjon.claims.filenames import display_name
from refusjon.claims.models import Attachment, Claim, User
from refusjon.intake import services
from tests.factories import NOW, sio_draft
from tests.intake.files import blank_pdf, pdf, png

XSS = '"><img src=x onerror=alert(1)>.png'
EMOJI = "😀" * 300 + ".png"
RANDOM = re.compile(r"attachments/\d{4}/\d{2}/[0-9a-f]{32}\.(png|pdf)")


@pytest.fixture(autouse=True)
def media(tmp_path: Path, settings: Settings) -> None:
    settings.MEDIA_ROOT = tmp_path


def attach(claim: Claim, data: bytes, name: str) -> Attachment:
    return services.attach_document(
        claim, by=claim.applicant, data=data, filename=name, document_type="user_fee_overview"
    )


def post(client: Client, claim: Claim, name: str, *, language: str = "en") -> object:
    client.cookies["django_language"] = language
    return client.post(
        f"/claim/{claim.reference}/documents/",
        {
            "document_type": "user_fee_overview",
            "language": "no",
            "file": SimpleUploadedFile(name, png()),
        },
    )


@pytest.mark.parametrize("name", ["CON.pdf", XSS, "../../etc/passwd.pdf", "a\u202egnp.exe"])
def test_the_stored_path_has_nothing_of_the_name_given(alice: User, name: str) -> None:
    attachment = attach(sio_draft(alice, "700.00"), png(), name)
    assert RANDOM.fullmatch(attachment.file.name)
    stem = PurePosixPath(name).stem.lower()
    assert stem not in attachment.file.name.lower()


def test_a_pdf_is_stored_as_pdf_whatever_its_name_said(alice: User) -> None:
    attachment = attach(sio_draft(alice, "700.00"), pdf(blank_pdf()), "photo.jpg")
    assert attachment.file.name.endswith(".pdf")
    assert attachment.display_name == "photo.jpg"


def test_the_name_given_is_shown_escaped_to_the_caseworker(
    client: Client, alice: User, bob: User
) -> None:
    claim = sio_draft(alice, "700.00")
    attach(claim, png(), XSS)
    claims.submit_claim(claim, by=alice, token="t-names", now=NOW)
    client.force_login(bob)
    page = client.get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.png" in page
    assert "<img src=x" not in page


def test_a_download_offers_the_name_given_in_safe_characters(client: Client, alice: User) -> None:
    claim = sio_draft(alice, "700.00")
    attachment = attach(claim, png(), "Kvittering legevakt\u202e æøå.pdf")
    client.force_login(alice)
    response = client.get(reverse("intake:download", args=[attachment.pk]))
    assert response["Content-Disposition"] == (
        'attachment; filename="Kvittering-legevakt-_.png"; '
        "filename*=UTF-8''Kvittering-legevakt-%C3%A6%C3%B8%C3%A5.png"
    )


def test_a_name_loses_control_and_direction_characters_and_is_shortened() -> None:
    assert display_name("C:\\fakepath\\scan\u202egnp.exe") == "scangnp.exe"
    assert display_name("line\r\nbreak\x00.pdf") == "line break .pdf"
    long = display_name("x" * 300 + ".pdf")
    assert len(long) == 80 and long.endswith("….pdf")


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "The file could not be received: its name is too long"),
        ("nb", "Filen kunne ikke tas imot: navnet er for langt"),
    ],
)
def test_a_name_of_300_emoji_gets_a_message_in_the_students_language(
    client: Client, alice: User, language: str, message: str
) -> None:
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    response = post(client, claim, EMOJI, language=language)
    assert response.status_code == 302  # type: ignore[attr-defined]
    page = client.get(response["Location"]).content.decode()  # type: ignore[index]
    assert message in page
    assert not claim.attachments.exists()


def test_the_message_comes_with_the_csrf_check_on_too(alice: User) -> None:
    """In production the CSRF check reads the form before the view: the same answer."""
    client = Client(enforce_csrf_checks=True)
    claim = sio_draft(alice, "700.00")
    client.force_login(alice)
    client.get(reverse("portal:claim", args=[claim.reference]))  # the form, and its cookie
    assert client.cookies["csrftoken"].value
    response = post(client, claim, EMOJI)
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"] == reverse("portal:claim", args=[claim.reference])  # type: ignore[index]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "The request could not be read"), ("nb", "Forespørselen kunne ikke leses")],
)
def test_an_unreadable_request_elsewhere_gets_the_sites_page_in_its_language(
    client: Client, alice: User, language: str, heading: str
) -> None:
    client.force_login(alice)
    client.cookies["django_language"] = language
    response = client.post(reverse("portal:profile"), {"file": SimpleUploadedFile(EMOJI, b"x")})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page and 'class="site"' in page


def test_a_windows_device_name_is_not_offered_for_download(client: Client, alice: User) -> None:
    attachment = attach(sio_draft(alice, "700.00"), png(), "CON.pdf")
    client.force_login(alice)
    response = client.get(reverse("intake:download", args=[attachment.pk]))
    assert 'filename="CON-document.png"' in response["Content-Disposition"]
