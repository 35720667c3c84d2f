"""What was read, on the pages, beyond the first cut: where the student's found lines were
read, receipts (itemised or not) for the engine and the caseworker, a document that is not
read after all, and asking again for the readings that are missing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from pytest_django import Settings

from refusjon.claims import services as claims
from refusjon.claims.models import Attachment, AuditEntry, Claim, User
from refusjon.intake import readings
from refusjon.intake.models import DocumentReading, NameCheck, ReadLine
from refusjon.intake.reading.records import Extraction, Kind, ReceiptDetails
from tests.conftest import Clock
from tests.factories import NOW, in_review, sio_draft
from tests.intake.documents import overview_pdf
from tests.intake.test_readings import (
    FEBRUARY,
    JANUARY,
    attach,
    claim_page,
    fee,
    overview,
    read,
    signed_in,
)


@pytest.fixture(autouse=True)
def media(tmp_path: Path, settings: Settings) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def named_alice(alice: User) -> User:
    alice.first_name, alice.last_name = "Alice", "Sæther"
    alice.save()
    return alice


def receipt(*, itemised: bool, name: str = "Alice Sæther", amount: str = "900.00") -> Extraction:
    line = fee(FEBRUARY, amount, provider="Psykolog Hansen")
    return Extraction(
        kind=Kind.RECEIPT,
        name=name,
        total=Decimal(amount),
        reconciled=True,
        lines=(line,),
        engine="pdf-text",
        receipt=ReceiptDetails(
            provider="Psykolog Hansen AS",
            organisation_number="987 654 321",
            itemised=itemised,
            treatment="Samtaleterapi" if itemised else "",
        ),
    )


def ssn_draft(student: User, amount: str) -> object:
    """An SSN draft with a psychologist's fee: a line the SSN rules refund only with an
    itemised receipt."""
    claim = claims.create_draft(student, scheme="ssn", period="2026-spring", now=NOW)
    claims.add_line(
        claim, by=student, category="psychologist", service_on=FEBRUARY, amount=Decimal(amount)
    )
    return claim


# Where the student's found lines were read


def test_the_student_sees_where_each_fee_was_found_and_may_open_it(
    named_alice: User, carol: User
) -> None:
    claim = sio_draft(named_alice)
    read(claim, overview(lines=(fee(JANUARY, "179.00"),)))
    row = ReadLine.objects.get()
    where = reverse("intake:highlight", args=[row.pk])

    page = claim_page(named_alice, claim)

    assert f'href="{where}"' in page
    assert (
        "Where it was found: the user-fee overview from helsenorge.no showing your name, page 1"
        in page
    )
    shown = signed_in(named_alice).get(where)
    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert signed_in(carol).get(where).status_code == 404
    assert not AuditEntry.objects.filter(actor=carol).exists()


# Receipts


def test_an_itemised_receipt_read_marks_the_line_it_supports_for_the_engine(
    named_alice: User,
) -> None:
    claim = ssn_draft(named_alice, "900.00")
    [line] = claim.lines.all()  # type: ignore[attr-defined]
    assert not line.itemized_receipt

    read(claim, receipt(itemised=True))  # type: ignore[arg-type]

    line.refresh_from_db()
    assert line.itemized_receipt
    entry = AuditEntry.objects.get(action="intake.document.read")
    assert entry.data["itemised_lines"] == [1]


def test_a_receipt_read_as_not_itemised_or_for_another_fee_marks_nothing(
    named_alice: User,
) -> None:
    plain = ssn_draft(named_alice, "900.00")
    read(plain, receipt(itemised=False))  # type: ignore[arg-type]
    other = ssn_draft(named_alice, "500.00")
    read(other, receipt(itemised=True))  # type: ignore[arg-type]

    assert not plain.lines.get().itemized_receipt  # type: ignore[attr-defined]
    assert not other.lines.get().itemized_receipt  # type: ignore[attr-defined]


def test_bob_sees_what_a_receipt_says_beside_it(named_alice: User, bob: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    read(claim, overview(lines=(fee(JANUARY, "179.00"),)))
    itemised = read(claim, receipt(itemised=True, amount="179.00"))
    in_review(claim, named_alice, bob)

    text = signed_in(bob).get(reverse("workspace:claim", args=[claim.reference])).content.decode()

    assert "Itemised: yes" in text and "(Samtaleterapi)" in text
    assert "Psykolog Hansen AS" in text and "987 654 321" in text
    assert itemised.reading.receipt["itemised"] is True


def test_bob_sees_a_receipt_that_is_not_itemised(named_alice: User, bob: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    read(claim, receipt(itemised=False, amount="179.00"))
    in_review(claim, named_alice, bob)
    text = signed_in(bob).get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert "Itemised: no" in text


def test_the_student_may_say_their_name_is_on_a_receipt_read_without_one(
    named_alice: User,
) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = attach(claim, "receipt")
    readings.keep_reading(attachment, receipt(itemised=True, name=""), now=NOW)

    assert "We could not read a name on" in claim_page(named_alice, claim)
    signed_in(named_alice).post(reverse("intake:state_name", args=[claim.reference, attachment.pk]))

    assert DocumentReading.objects.get().name_check == NameCheck.STATED


def test_no_name_is_stated_on_a_proof_of_payment(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = attach(claim, "proof_of_payment")
    readings.keep_reading(attachment, receipt(itemised=False, name=""), now=NOW)

    assert "We could not read a name on" not in claim_page(named_alice, claim)
    signed_in(named_alice).post(reverse("intake:state_name", args=[claim.reference, attachment.pk]))
    assert DocumentReading.objects.get().name_check == NameCheck.NOT_READ


# A document that is not read after all


def test_a_document_not_read_after_ten_minutes_is_no_longer_said_to_be_read(
    named_alice: User, bob: User, clock: Clock
) -> None:
    clock.set(NOW)
    claim = sio_draft(named_alice, "179.00")
    attach(claim)
    assert "Reading your document…" in claim_page(named_alice, claim)

    clock.advance(timedelta(minutes=11))
    page = claim_page(named_alice, claim)

    assert "Reading your document…" not in page
    assert "every 3s" not in page  # the page stops asking
    assert (
        "We could not read “the user-fee overview from helsenorge.no showing your name” yet" in page
    )
    in_review(claim, named_alice, bob, now=clock.now())
    text = signed_in(bob).get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert "Not read yet: check it by hand" in text
    assert "not read; check it by hand" in text
    assert "Some documents are still being read." not in text


# Asking again for the readings that are missing


def test_read_documents_reads_checked_documents_without_a_reading_once(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    waiting = attach(claim)
    not_read = attach(claim, "medical_documentation")

    out = StringIO()
    call_command("read_documents", stdout=out)

    assert "1 document" in out.getvalue()
    reading = DocumentReading.objects.get()
    assert reading.attachment == waiting
    assert [(row.date, row.amount) for row in reading.lines.all()] == [(JANUARY, Decimal("179.00"))]
    assert not DocumentReading.objects.filter(attachment=not_read).exists()
    call_command("read_documents", "--missing", stdout=StringIO())
    assert DocumentReading.objects.count() == 1


def test_read_documents_all_reads_again_what_was_read_as_unknown(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = attach(claim)
    readings.keep_reading(
        attachment, Extraction(Kind.UNKNOWN, error="Documents are not read here.")
    )
    call_command("read_documents", stdout=StringIO())
    assert DocumentReading.objects.get().kind == "unknown"

    call_command("read_documents", "--all", stdout=StringIO())

    reading = DocumentReading.objects.get()
    assert reading.kind == "user_fee_overview" and reading.lines.count() == 1


def attach_named(claim: Claim, name: str, total: str | None = None) -> Attachment:
    """A checked overview as a text PDF with ``name`` printed on it (none if empty), and
    ``total`` as its printed total if given (else the fee's)."""
    attachment = Attachment(claim=claim, document_type="user_fee_overview")
    data = overview_pdf(name, [(JANUARY, "Majorstuen legesenter", "179.00")], total)
    attachment.file.save("overview.pdf", ContentFile(data), save=False)
    attachment.content_type = "application/pdf"
    attachment.save()
    return attachment


@pytest.mark.parametrize(
    ("printed", "check", "counts"),
    [
        ("", NameCheck.STATED, True),
        ("Alice Sæther", NameCheck.MATCHES, True),
        ("Bjørn Berg", NameCheck.DIFFERS, False),
    ],
    ids=["still-no-name", "her-name", "another-name"],
)
def test_reading_again_keeps_the_students_word_unless_a_name_is_read_now(
    named_alice: User, printed: str, check: NameCheck, counts: bool
) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = attach_named(claim, printed)
    readings.keep_reading(attachment, Extraction(Kind.UNKNOWN), now=NOW)
    readings.state_name_on_document(attachment, by=named_alice, now=NOW)

    call_command("read_documents", "--all", stdout=StringIO())

    reading = DocumentReading.objects.get()
    assert reading.kind == "user_fee_overview" and reading.lines.count() == 1
    assert reading.name_check == check
    attachment.refresh_from_db()
    assert attachment.shows_applicant_name is counts
    outcome = claims.estimate(claim).record["outcome"]
    assert outcome == ("approved" if counts else "returned")


def test_with_reading_switched_off_the_students_own_tick_stands(
    named_alice: User, settings: Settings
) -> None:
    settings.REFUSJON_READ_DOCUMENTS = False
    claim = sio_draft(named_alice, "179.00")
    attachment = attach(claim)
    # Ticked by the student when the upload form still asked (or given in code).
    Attachment.objects.filter(pk=attachment.pk).update(shows_applicant_name=True)

    readings.read_document_job.call(attachment.pk)

    attachment.refresh_from_db()
    assert attachment.reading.kind == "unknown"
    assert attachment.shows_applicant_name
    assert claims.estimate(claim).record["outcome"] == "approved"
    assert "We could not read a name on" not in claim_page(named_alice, claim)


def test_with_reading_switched_off_an_untouched_document_may_still_be_stated(
    named_alice: User, settings: Settings
) -> None:
    settings.REFUSJON_READ_DOCUMENTS = False
    claim = sio_draft(named_alice, "179.00")
    attachment = attach(claim)
    readings.read_document_job.call(attachment.pk)
    assert "We could not read a name on" in claim_page(named_alice, claim)

    readings.state_name_on_document(attachment, by=named_alice, now=NOW)

    attachment.refresh_from_db()
    assert attachment.shows_applicant_name


# Why a document was not read, or its lines are in doubt, in the caseworker's language


def caseworker_page(claim: Claim, bob: User, language: str) -> str:
    client = signed_in(bob)
    client.cookies["django_language"] = language
    return client.get(reverse("workspace:claim", args=[claim.reference])).content.decode()


def test_bob_is_told_why_a_document_was_not_read_in_his_language(
    named_alice: User, bob: User
) -> None:
    from tests.intake.files import blank_pdf, pdf

    claim = sio_draft(named_alice, "179.00")
    attachment = Attachment(claim=claim, document_type="user_fee_overview")
    attachment.file.save("blank.pdf", ContentFile(pdf(blank_pdf())), save=False)
    attachment.content_type = "application/pdf"
    attachment.save()
    readings.read_document_job.call(attachment.pk)
    in_review(claim, named_alice, bob)

    assert DocumentReading.objects.get().error == "no_writing"
    norsk = caseworker_page(claim, bob, "nb")
    assert "Bildene ser ikke ut som en side med tekst." in norsk
    assert "do not look like a page of writing" not in norsk
    english = caseworker_page(claim, bob, "en")
    assert "Not read: The pictures do not look like a page of writing." in english


def test_bob_is_told_why_the_lines_read_are_in_doubt_in_his_language(
    named_alice: User, bob: User
) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = attach_named(claim, "Alice Sæther", total="200.00")
    readings.read_document_job.call(attachment.pk)
    in_review(claim, named_alice, bob)

    assert DocumentReading.objects.get().doubt == "lines_differ"
    norsk = caseworker_page(claim, bob, "nb")
    assert "linjene som ble lest, blir til sammen kr 179,00, summen på dokumentet er kr 200,00" in (
        norsk
    )
    english = caseworker_page(claim, bob, "en")
    assert "the lines read add up to NOK 179.00, the printed total is NOK 200.00" in english


def test_with_reading_switched_off_bob_is_told_so(
    named_alice: User, bob: User, settings: Settings
) -> None:
    settings.REFUSJON_READ_DOCUMENTS = False
    claim = sio_draft(named_alice, "179.00")
    readings.read_document_job.call(attach(claim).pk)
    in_review(claim, named_alice, bob)

    assert "Not read: Documents are not read automatically here." in caseworker_page(
        claim, bob, "en"
    )
