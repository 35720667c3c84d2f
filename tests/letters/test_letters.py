"""The decision letter: alice reads and downloads hers; carol, caseworkers in the portal and
undecided claims get nothing.

Jobs run at once here (tests/conftest.py), so asking for the PDF makes it in that request;
tests/letters/test_jobs.py runs the database backend and its worker, as the site does."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from PIL import ImageFile
from pypdf import PdfReader

from refusjon.claims import services
from refusjon.claims.appeals import APPEAL_PERIOD
from refusjon.claims.models import Claim, User
from tests.factories import NOW, decide, sio_claim


def decided(claim: Claim, student: User, caseworker: User) -> Claim:
    decide(claim, student, caseworker)
    return claim


@pytest.fixture
def alices_decided_claim(alice: User, bob: User) -> Claim:
    """600 in GP fees in 2026: 110 above the 490 threshold is refunded."""
    alice.first_name, alice.last_name = "Alice", "Hansen"
    alice.save()
    return decided(sio_claim(alice, "300.00", "300.00"), alice, bob)


def url(claim: Claim, name: str) -> str:
    return reverse(f"portal:{name}", kwargs={"reference": claim.reference})


def signed_in(client: Client, user: User, lang: str) -> Client:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_appeal_deadline_is_three_weeks_after_the_decision() -> None:
    assert date(2026, 11, 2) + APPEAL_PERIOD == date(2026, 11, 23)


def test_alice_reads_her_letter_with_the_refund_and_the_appeal_deadline(
    client: Client, alice: User, alices_decided_claim: Claim
) -> None:
    page = signed_in(client, alice, "en").get(url(alices_decided_claim, "letter"))
    assert page.status_code == 200
    text = page.content.decode()
    assert alices_decided_claim.reference in text
    assert "Alice Hansen" in text
    assert "SiO refund of healthcare expenses" in text
    assert 'id="total-refund">NOK 110.00<' in text
    assert "2026-11-02" in text  # decided on
    assert "by 2026-11-23" in text  # appeal deadline
    assert "general practitioner (GP)" in text
    assert "NOK 490.00" in text  # the threshold, in the explanation
    assert page["Cache-Control"] == "private, no-store"


def test_in_norwegian_the_letter_writes_dates_and_money_the_norwegian_way(
    client: Client, alice: User, alices_decided_claim: Claim
) -> None:
    page = signed_in(client, alice, "nb").get(url(alices_decided_claim, "letter"))
    text = page.content.decode()
    assert '<html lang="nb">' in text
    assert 'id="total-refund">kr 110,00<' in text
    assert "23.11.2026" in text
    assert "fastlege/allmennlege" in text
    assert "Søknaden er innvilget." in text
    assert "kr 490,00" in text  # the Norwegian explanation


def test_the_claim_page_links_to_the_letter_once_decided(
    client: Client, alice: User, alices_decided_claim: Claim
) -> None:
    page = signed_in(client, alice, "en").get(url(alices_decided_claim, "claim"))
    assert url(alices_decided_claim, "letter") in page.content.decode()
    assert url(alices_decided_claim, "letter_pdf") in page.content.decode()


@pytest.mark.parametrize("name", ["letter", "letter_pdf"])
def test_carol_is_refused_alices_letter(
    client: Client, carol: User, alices_decided_claim: Claim, name: str
) -> None:
    assert signed_in(client, carol, "en").get(url(alices_decided_claim, name)).status_code == 404


@pytest.mark.parametrize("name", ["letter", "letter_pdf"])
def test_a_caseworker_gets_no_letter_in_the_portal(
    client: Client, bob: User, alices_decided_claim: Claim, name: str
) -> None:
    assert signed_in(client, bob, "en").get(url(alices_decided_claim, name)).status_code == 404


@pytest.mark.parametrize("name", ["letter", "letter_pdf"])
def test_a_stranger_is_sent_to_sign_in(
    client: Client, alices_decided_claim: Claim, name: str
) -> None:
    response = client.get(url(alices_decided_claim, name))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("name", ["letter", "letter_pdf"])
def test_an_undecided_claim_has_no_letter(
    client: Client, alice: User, bob: User, name: str
) -> None:
    draft = sio_claim(alice, "300.00")
    in_review = sio_claim(alice, "200.00")
    services.submit_claim(in_review, by=alice, token="r", now=NOW)
    services.start_review(in_review, by=bob, now=NOW)
    client = signed_in(client, alice, "en")
    assert client.get(url(draft, name)).status_code == 404
    assert client.get(url(in_review, name)).status_code == 404


def download(client: Client, claim: Claim) -> Any:
    response = client.get(url(claim, "letter_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="vedtak-{claim.reference}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")
    return response


def test_the_pdf_letter_is_a_real_pdf_in_english(
    client: Client, alice: User, alices_decided_claim: Claim
) -> None:
    response = download(signed_in(client, alice, "en"), alices_decided_claim)
    text = pdf_text(response.content)
    assert alices_decided_claim.reference in text
    assert "110.00" in text
    assert "2026-11-23" in text
    assert "appeal" in text
    reader = PdfReader(io.BytesIO(response.content))
    assert reader.metadata is not None
    assert alices_decided_claim.reference in str(reader.metadata.title)


def test_the_pdf_letter_is_in_norwegian_when_the_reader_reads_norwegian(
    client: Client, alice: User, alices_decided_claim: Claim
) -> None:
    response = download(signed_in(client, alice, "nb"), alices_decided_claim)
    text = pdf_text(response.content)
    assert alices_decided_claim.reference in text
    assert "110,00" in text
    assert "23.11.2026" in text
    assert "Vedtak" in text
    assert "Søknaden er innvilget" in text
    assert "fastlege" in text
    assert "NOK 110.00" not in text


def test_making_a_pdf_leaves_the_upload_checks_refusing_truncated_images(
    client: Client, alice: User, alices_decided_claim: Claim
) -> None:
    download(signed_in(client, alice, "en"), alices_decided_claim)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
