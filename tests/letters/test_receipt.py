"""The receipt of a claim sent, as a PDF: alice keeps what she sent, when, and when a decision
is expected, in her language; a claim returned and sent again gets a new receipt, and the one
of the first sending is kept. Who else is refused it is in tests/portal/test_receipt_pdf.py.

Jobs run at once here, except in the tests that say they run the worker, as the site does."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from refusjon.claims import services
from refusjon.claims.models import Attachment, CheckStatus, Claim, User
from refusjon.letters import content
from refusjon.letters.models import Letter, LetterKind
from tests.factories import NOW, in_review, sio_claim
from tests.jobs import run_worker, use_database_jobs
from tests.letters.test_jobs import assert_being_prepared
from tests.letters.test_letters import pdf_text, signed_in

FILE_NAME = "Kvittering <legevakt> & co.pdf"


@pytest.fixture
def alices_sent_claim(alice: User) -> Claim:
    """Two GP user fees, 1,234.50 and 300.00, with the user-fee overview and a receipt whose
    file name has characters HTML would take for its own; sent on 2 November 2026."""
    alice.first_name, alice.last_name = "Alice", "Hansen"
    alice.save()
    claim = sio_claim(alice, "1234.50", "300.00")
    Attachment.objects.create(claim=claim, document_type="receipt", uploaded_name=FILE_NAME)
    services.submit_claim(claim, by=alice, token="t-sent", now=NOW)
    return claim


def pdf_url(claim: Claim) -> str:
    return reverse("portal:receipt_pdf", kwargs={"reference": claim.reference})


def download(client: Client, claim: Claim) -> str:
    """The receipt as alice saves it; its text."""
    response = client.get(pdf_url(claim))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="kvittering-{claim.reference}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    return pdf_text(response.content)


def test_the_receipt_in_bokmål_says_what_was_sent_when_and_when_to_expect_a_decision(
    client: Client, alice: User, alices_sent_claim: Claim
) -> None:
    text = download(signed_in(client, alice, "nb"), alices_sent_claim)
    assert f"Kvittering – {alices_sent_claim.reference}" in text
    assert "Alice Hansen" in text
    assert "SiO helserefusjon" in text
    assert "Sendt 2. november 2026 11:00" in text  # 10:00 UTC is 11:00 in Oslo
    assert "Vedtak ventes innen 2. desember 2026" in text  # thirty days on
    assert "innen 30\ndager" in text or "innen 30 dager" in text  # the processing target
    assert "10.01.2026 Fastlege/allmennlege kr 1 234,50" in text
    assert "Sum kr 1 534,50" in text
    assert "Egenandelsoversikten fra helsenorge.no med navnet ditt" in text
    assert f"Spesifiserte kvitteringer: {FILE_NAME}" in text
    assert "Hva skjer nå" in text
    assert "Postboks 0000 Blindern" in text  # who it is from, and whom to ask
    assert "Spørsmål" in text and "helse@sio.example.no" in text


def test_the_receipt_in_english_writes_dates_and_money_the_english_way(
    client: Client, alice: User, alices_sent_claim: Claim
) -> None:
    text = download(signed_in(client, alice, "en"), alices_sent_claim)
    assert f"Receipt – {alices_sent_claim.reference}" in text
    assert "SiO refund of healthcare expenses" in text
    assert "Decision expected by Dec. 2, 2026" in text
    assert "2026-01-10 General practitioner (GP) NOK 1,234.50" in text
    assert "Total NOK 1,534.50" in text
    assert "What happens next" in text


def test_a_file_name_is_written_as_text_not_read_as_html(alices_sent_claim: Claim) -> None:
    html = content.compose(alices_sent_claim, "en")
    assert "Kvittering &lt;legevakt&gt; &amp; co.pdf" in html
    assert "<legevakt>" not in html


def test_the_receipt_lists_the_documents_sent_not_those_refused_or_of_an_appeal(
    alice: User,
) -> None:
    claim = sio_claim(alice, "300.00")
    Attachment.objects.create(
        claim=claim,
        document_type="receipt",
        uploaded_name="uskarp.jpg",
        check_status=CheckStatus.REFUSED,
    )
    services.submit_claim(claim, by=alice, token="t", now=NOW)
    html = content.compose(claim, "en")
    assert "The user-fee overview from helsenorge.no" in html
    assert "uskarp.jpg" not in html and "Itemised receipts" not in html


def test_a_foreign_amount_is_given_with_its_amount_in_nok(alice: User) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026", now=NOW)
    services.add_line(
        claim,
        by=alice,
        category="gp",
        service_on=date(2026, 10, 1),
        amount=Decimal("120.00"),
        currency="EUR",
        nok_amount=Decimal("1410.25"),
        now=NOW,
    )
    Attachment.objects.create(claim=claim, document_type="receipt")
    services.submit_claim(claim, by=alice, token="t", now=NOW)
    html = content.compose(claim, "nb")
    assert "120 EUR (kr 1 410,25)" in html
    assert 'id="total-paid">kr 1 410,25<' in html


def test_the_receipt_page_links_to_its_pdf(
    client: Client, alice: User, alices_sent_claim: Claim
) -> None:
    page = signed_in(client, alice, "en").get(
        reverse("portal:receipt", kwargs={"reference": alices_sent_claim.reference})
    )
    assert f'href="{pdf_url(alices_sent_claim)}"' in page.content.decode()


def test_a_claim_returned_and_sent_again_gets_a_new_receipt_and_keeps_the_first(
    client: Client, alice: User, bob: User
) -> None:
    claim = in_review(sio_claim(alice, "300.00"), alice, bob)
    client = signed_in(client, alice, "nb")
    first = download(client, claim)
    services.return_claim(
        claim, by=bob, missing=["receipt"], complete_by=date(2026, 11, 16), now=NOW
    )
    later = NOW + timedelta(days=7)
    services.add_line(
        claim,
        by=alice,
        category="gp",
        service_on=date(2026, 3, 10),
        amount=Decimal("450.00"),
        public_user_fee=True,
        now=later,
    )
    # While it is back with her, the receipt is still of what she sent.
    assert download(client, claim) == first
    services.submit_claim(claim, by=alice, token="t-again", now=later)
    again = download(client, claim)
    assert "kr 450,00" not in first
    assert "10.03.2026 Fastlege/allmennlege kr 450,00" in again
    assert "Sendt 9. november 2026 11:00" in again
    assert "Vedtak ventes innen 9. desember 2026" in again
    editions = Letter.objects.filter(claim=claim, language="nb")
    assert editions.count() == 2 and all(letter.rendered for letter in editions)
    assert {letter.kind for letter in editions} == {LetterKind.RECEIPT}


@pytest.mark.django_db(transaction=True)
def test_sending_a_claim_asks_for_its_receipt_which_the_worker_makes(
    client: Client, alice: User, settings: Settings
) -> None:
    use_database_jobs(settings)
    settings.REFUSJON_LETTERS_IN_ADVANCE = True
    claim = sio_claim(alice, "1234.50")
    services.submit_claim(claim, by=alice, token="t", now=NOW)
    client = signed_in(client, alice, "nb")
    response = client.get(pdf_url(claim))
    assert_being_prepared(response, says="Brevet ditt lages")
    assert f'href="{reverse("portal:receipt", args=[claim.reference])}"' in (
        response.content.decode()
    )
    assert not Letter.objects.filter(claim=claim, pdf__gt="").exists()
    run_worker(until_done=True)
    assert Letter.objects.filter(claim=claim, pdf__gt="").count() == 2  # bokmål and English
    text = download(client, claim)
    assert claim.reference in text and "kr 1 234,50" in text
    assert "2. desember 2026" in text
    assert Letter.objects.filter(claim=claim).count() == 2  # served as stored


def test_a_letter_is_of_a_decision_a_recovery_or_a_claim_and_of_nothing_else(
    alices_sent_claim: Claim,
) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Letter.objects.create(language="nb", content_sha256="0" * 64, asked_at=NOW)
    receipt = Letter.objects.create(
        claim=alices_sent_claim, language="nb", content_sha256="1" * 64, asked_at=NOW
    )
    assert receipt.kind == LetterKind.RECEIPT
    assert receipt.reference == alices_sent_claim.reference
