"""What was read from a document, in the application: the name check that replaced the
self-ticked box, the fees found on the student's claim page and added with one tap (changes
kept), and each line's match beside it on the caseworker's page, with the page marked."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pytest_django import Settings

from refusjon.claims import services as claims
from refusjon.claims.models import Attachment, AuditEntry, Claim, User
from refusjon.intake import readings
from refusjon.intake.models import DocumentReading, LineOrigin, NameCheck, ReadLine
from refusjon.intake.reading.records import Box, Extraction, FeeLine, Kind
from tests.factories import NOW, in_review, sio_draft
from tests.intake.documents import overview_pdf

JANUARY = date(2026, 1, 10)
FEBRUARY = date(2026, 2, 10)
MARCH = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def media(tmp_path: Path, settings: Settings) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def named_alice(alice: User) -> User:
    alice.first_name, alice.last_name = "Alice", "Sæther"
    alice.save()
    return alice


def signed_in(user: User) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def fee(
    day: date, amount: str, *, provider: str = "Majorstuen legesenter", row: int = 0
) -> FeeLine:
    top = 0.3 + row * 0.03
    return FeeLine(day, Decimal(amount), provider, "Fastlege", Box(1, 0.1, top, 0.9, top + 0.02))


def overview(
    name: str = "ALICE SÆTHER", lines: tuple[FeeLine, ...] = (), reconciled: bool = True
) -> Extraction:
    return Extraction(
        kind=Kind.USER_FEE_OVERVIEW,
        name=name,
        total=sum((line.amount for line in lines), Decimal("0.00")),
        reconciled=reconciled,
        lines=lines,
        engine="pdf-text",
    )


def attach(claim: Claim, document_type: str = "user_fee_overview") -> Attachment:
    """A checked overview as a text PDF, as the check leaves it."""
    attachment = Attachment(claim=claim, document_type=document_type)
    data = overview_pdf("Alice Sæther", [(JANUARY, "Majorstuen legesenter", "179.00")])
    attachment.file.save("overview.pdf", ContentFile(data), save=False)
    attachment.content_type = "application/pdf"
    attachment.save()
    return attachment


def read(claim: Claim, extraction: Extraction) -> Attachment:
    attachment = attach(claim)
    readings.keep_reading(attachment, extraction, now=NOW)
    attachment.refresh_from_db()
    return attachment


# The name check


def test_the_name_read_is_the_applicants_and_the_overview_counts(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    assert claims.estimate(claim).record["outcome"] == "returned"

    attachment = read(claim, overview("SAETHER, ALICE", (fee(JANUARY, "179.00"),)))

    assert attachment.shows_applicant_name
    assert attachment.reading.name_check == NameCheck.MATCHES
    assert claims.estimate(claim).record["outcome"] == "approved"


def test_another_persons_name_does_not_count(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = read(claim, overview("Bjørn Sæther", (fee(JANUARY, "179.00"),)))
    assert not attachment.shows_applicant_name
    assert attachment.reading.name_check == NameCheck.DIFFERS
    assert claims.estimate(claim).record["outcome"] == "returned"


def test_a_receipt_uploaded_as_the_overview_does_not_make_the_overviews_name_count(
    named_alice: User,
) -> None:
    claim = sio_draft(named_alice, "179.00")
    receipt = Extraction(
        kind=Kind.RECEIPT,
        name="Alice Sæther",
        total=Decimal("179.00"),
        reconciled=True,
        lines=(fee(JANUARY, "179.00"),),
        engine="pdf-text",
    )

    attachment = read(claim, receipt)

    assert attachment.reading.name_check == NameCheck.MATCHES
    assert not attachment.shows_applicant_name
    assert claims.estimate(claim).record["outcome"] == "returned"


def test_a_fee_on_another_persons_overview_supports_no_line(named_alice: User, bob: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    read(claim, overview("Bjørn Sæther", (fee(JANUARY, "179.00"),)))
    in_review(claim, named_alice, bob)

    text = signed_in(bob).get(reverse("workspace:claim", args=[claim.reference])).content.decode()

    assert "Line 1: not found in the documents" in text


def test_where_no_name_is_read_the_students_word_counts_and_is_logged(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = read(claim, overview("", (fee(JANUARY, "179.00"),)))
    assert not attachment.shows_applicant_name
    page = signed_in(named_alice).get(reverse("portal:claim", args=[claim.reference]))
    assert "We could not read a name on" in page.content.decode()

    signed_in(named_alice).post(reverse("intake:state_name", args=[claim.reference, attachment.pk]))

    attachment.refresh_from_db()
    assert attachment.shows_applicant_name
    assert attachment.reading.name_check == NameCheck.STATED
    assert AuditEntry.objects.filter(action="intake.document.name_stated", actor=named_alice)


def test_a_name_read_as_anothers_cannot_be_overruled(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = read(claim, overview("Bjørn Berg", (fee(JANUARY, "179.00"),)))
    with pytest.raises(claims.ClaimError):
        readings.state_name_on_document(attachment, by=named_alice)
    attachment.refresh_from_db()
    assert not attachment.shows_applicant_name


def test_a_name_read_near_hers_counts_only_once_she_says_it_is_hers(
    named_alice: User, bob: User
) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = read(claim, overview("ALLCE SXTHCR", (fee(JANUARY, "179.00"),)))  # OCR slips
    assert attachment.reading.name_check == NameCheck.UNSURE
    assert not attachment.shows_applicant_name
    assert claims.estimate(claim).record["outcome"] == "returned"
    page = claim_page(named_alice, claim)
    assert "We read the name on" in page and "ALLCE SXTHCR" in page

    signed_in(named_alice).post(reverse("intake:state_name", args=[claim.reference, attachment.pk]))

    attachment.refresh_from_db()
    assert attachment.reading.name_check == NameCheck.STATED
    assert attachment.shows_applicant_name
    assert claims.estimate(claim).record["outcome"] == "approved"
    in_review(claim, named_alice, bob)
    text = signed_in(bob).get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert "the name “ALLCE SXTHCR” is like the applicant's; the student says it is theirs" in text
    assert "Not certainly the applicant&#x27;s; the student says it is theirs" in text


def test_a_name_read_near_hers_is_shown_to_the_caseworker(named_alice: User, bob: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    read(claim, overview("ALLCE SXTHCR", (fee(JANUARY, "179.00"),)))
    in_review(claim, named_alice, bob)
    text = signed_in(bob).get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert "the name “ALLCE SXTHCR” is like the applicant's, not certainly theirs" in text
    assert "Line 1: not found" not in text  # her fee, perhaps: it is matched


def test_the_upload_form_no_longer_asks_whether_the_name_is_on_it(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    page = signed_in(named_alice).get(reverse("portal:claim", args=[claim.reference]))
    assert "My name is on the document" not in page.content.decode()


def test_a_second_reading_leaves_the_first_alone(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    attachment = read(claim, overview(lines=(fee(JANUARY, "179.00"),)))
    assert readings.keep_reading(attachment, overview("Bjørn Berg")) is None
    assert DocumentReading.objects.get().name_check == NameCheck.MATCHES
    assert ReadLine.objects.count() == 1


# What the student sees and adds


def claim_page(user: User, claim: Claim) -> str:
    return signed_in(user).get(reverse("portal:claim", args=[claim.reference])).content.decode()


def test_the_student_sees_the_fees_found_and_which_are_in_the_claim(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00")
    read(claim, overview(lines=(fee(JANUARY, "179.00"), fee(FEBRUARY, "250.00", row=1))))
    page = claim_page(named_alice, claim)
    assert "Lines found in your documents" in page
    assert "In your claim (expense 1)" in page
    assert page.count('class="stack found-add"') == 1  # only February's is offered to add


def test_one_tap_adds_a_fee_as_read(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    read(claim, overview(lines=(fee(JANUARY, "179.00"),)))
    row = ReadLine.objects.get()

    response = signed_in(named_alice).post(
        reverse("intake:add_found", args=[claim.reference, row.pk]),
        {"category": "gp", "service_on": "2026-01-10", "amount": "179.00"},
    )

    assert response.status_code == 302
    [line] = claim.lines.all()
    assert (line.category, line.service_on, line.amount) == ("gp", JANUARY, Decimal("179.00"))
    assert line.public_user_fee
    assert line.origin.read_line == row and line.origin.edits == {}
    assert "In your claim (expense 1)" in claim_page(named_alice, claim)


def test_a_fee_added_twice_becomes_one_line(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    read(claim, overview(lines=(fee(JANUARY, "179.00"),)))
    row = ReadLine.objects.get()
    add = reverse("intake:add_found", args=[claim.reference, row.pk])
    form = {"category": "gp", "service_on": "2026-01-10", "amount": "179.00"}
    client = signed_in(named_alice)

    client.post(add, form)
    client.post(add, form)  # a double tap, or the back button

    assert claim.lines.count() == 1


def test_what_the_student_changed_before_adding_is_recorded(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    read(claim, overview(lines=(fee(JANUARY, "179.00"),)))
    row = ReadLine.objects.get()

    signed_in(named_alice).post(
        reverse("intake:add_found", args=[claim.reference, row.pk]),
        {"category": "psychologist", "service_on": "2026-01-10", "amount": "197.00"},
    )

    origin = LineOrigin.objects.get()
    assert origin.edits == {"amount": ["179.00", "197.00"]}
    entry = AuditEntry.objects.get(action="intake.line.added_from_document")
    assert entry.data["edits"] == {"amount": ["179.00", "197.00"]}
    assert entry.actor == named_alice
    # The line now differs from the document, and says so.
    assert "Your expense 1 on this day has another amount" in claim_page(named_alice, claim)


def test_a_kind_of_treatment_the_scheme_does_not_refund_is_refused(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    read(claim, overview(lines=(fee(JANUARY, "179.00"),)))
    row = ReadLine.objects.get()
    with pytest.raises(claims.ClaimError):
        readings.add_found_line(
            row,
            by=named_alice,
            category="nursing_home",
            service_on=JANUARY,
            amount=Decimal("179.00"),
        )
    assert not claim.lines.exists()


def test_the_suggested_kind_of_treatment_follows_the_providers_words() -> None:
    offered = frozenset({"gp", "psychologist", "emergency_clinic"})
    assert readings.suggested_category("Oslo legevakt", "", offered) == "emergency_clinic"
    assert readings.suggested_category("Psykolog Hansen", "", offered) == "psychologist"
    assert readings.suggested_category("Majorstuen legesenter", "", offered) == "gp"
    assert readings.suggested_category("Tannlege Berg", "", offered) == "gp"


def test_lines_that_do_not_add_up_are_said_to_need_checking(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    read(claim, overview(lines=(fee(JANUARY, "179.00"),), reconciled=False))
    assert "do not add up to the total printed on it" in claim_page(named_alice, claim)


def test_while_a_document_is_read_the_page_says_so(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    attach(claim)
    assert "Reading your document…" in claim_page(named_alice, claim)


# What the caseworker sees


def test_bob_sees_each_lines_match_and_what_does_not_match(named_alice: User, bob: User) -> None:
    claim = sio_draft(named_alice, "179.00", "300.00", "90.00")
    lines = (fee(JANUARY, "179.00"), fee(FEBRUARY, "250.00", row=1))
    attachment = read(claim, overview(lines=lines, reconciled=False))
    in_review(claim, named_alice, bob)

    page = signed_in(bob).get(reverse("workspace:claim", args=[claim.reference]))
    text = page.content.decode()

    assert "Found" in text
    assert "Amount differs: NOK 250.00 on the document" in text
    assert "Line 2: NOK 300.00 typed, NOK 250.00 on the document" in text
    assert "Line 3: not found in the documents" in text
    assert "the lines read do not add up to the printed total" in text
    row = ReadLine.objects.get(date=JANUARY)
    assert f"?document={attachment.pk}&amp;found={row.pk}#viewer" in text


def test_bob_opens_the_page_with_the_fee_marked_and_the_look_is_logged(
    named_alice: User, bob: User
) -> None:
    claim = sio_draft(named_alice, "179.00")
    attachment = read(claim, overview(lines=(fee(JANUARY, "179.00"),)))
    row = ReadLine.objects.get()
    bobs = signed_in(bob)

    viewer = bobs.get(
        reverse("workspace:claim", args=[claim.reference]),
        {"document": attachment.pk, "found": row.pk},
    ).content.decode()
    assert reverse("intake:highlight", args=[row.pk]) in viewer

    response = bobs.get(reverse("intake:highlight", args=[row.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"].startswith("default-src 'none'")
    image = Image.open(io.BytesIO(response.content))
    assert image.width <= 1200
    # The box is drawn in red where the line was read (a tenth in from the left, 30 % down).
    red = image.convert("RGB").getpixel((int(0.1 * image.width) - 4, int(0.3 * image.height)))
    assert red[0] > 180 and red[1] < 90
    [look] = AuditEntry.objects.filter(action="intake.document.viewed", actor=bob)
    assert look.data == {"attachment": attachment.pk, "inline": True, "page": 1}
    assert look.purpose == "case handling"


def test_carol_is_refused_everything_of_alices(named_alice: User, carol: User) -> None:
    claim = sio_draft(named_alice)
    attachment = read(claim, overview("", (fee(JANUARY, "179.00"),)))
    row = ReadLine.objects.get()
    carols = signed_in(carol)

    answers = [
        carols.get(reverse("intake:found_lines", args=[claim.reference]), HTTP_HX_REQUEST="true"),
        carols.post(
            reverse("intake:add_found", args=[claim.reference, row.pk]),
            {"category": "gp", "service_on": "2026-01-10", "amount": "179.00"},
        ),
        carols.post(reverse("intake:state_name", args=[claim.reference, attachment.pk])),
        carols.get(reverse("intake:highlight", args=[row.pk])),
    ]

    assert [answer.status_code for answer in answers] == [404, 404, 404, 404]
    assert not claim.lines.exists()
    attachment.refresh_from_db()
    assert not attachment.shows_applicant_name
    assert not AuditEntry.objects.filter(actor=carol).exists()


def test_carol_cannot_add_a_fee_of_alices_to_her_own_claim(named_alice: User, carol: User) -> None:
    alices = sio_draft(named_alice)
    read(alices, overview(lines=(fee(JANUARY, "179.00"),)))
    carols_claim = sio_draft(carol)
    row = ReadLine.objects.get()

    response = signed_in(carol).post(
        reverse("intake:add_found", args=[carols_claim.reference, row.pk]),
        {"category": "gp", "service_on": "2026-01-10", "amount": "179.00"},
    )

    assert response.status_code == 404
    assert not carols_claim.lines.exists()


# The job, with the real reader


def upload(client: Client, claim: Claim, data: bytes, name: str) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(
        reverse("intake:upload", args=[claim.reference]),
        {
            "document_type": "user_fee_overview",
            "language": "no",
            "file": SimpleUploadedFile(name, data),
        },
    )


OVERVIEW_FEES = [
    (JANUARY, "Majorstuen legesenter", "179.00"),
    (FEBRUARY, "Oslo legevakt", "350.00"),
    (MARCH, "Psykolog Hansen", "420.50"),
]


def test_an_uploaded_text_pdf_is_read_after_its_check(named_alice: User) -> None:
    claim = sio_draft(named_alice, "179.00", "300.00")
    upload(signed_in(named_alice), claim, overview_pdf("Alice Sæther", OVERVIEW_FEES), "o.pdf")

    attachment = claim.attachments.get()
    reading = attachment.reading
    assert (reading.kind, reading.engine) == ("user_fee_overview", "pdf-text")
    assert reading.reconciled
    assert reading.total == Decimal("949.50")
    assert [(row.date, row.amount) for row in reading.lines.all()] == [
        (JANUARY, Decimal("179.00")),
        (FEBRUARY, Decimal("350.00")),
        (MARCH, Decimal("420.50")),
    ]
    assert all(row.has_box and row.page == 1 for row in reading.lines.all())
    assert reading.name_check == NameCheck.MATCHES
    assert attachment.shows_applicant_name
    # The overview counts for the engine now, with no box ticked.
    assert claims.estimate(claim).record["outcome"] == "approved"
    entry = AuditEntry.objects.get(action="intake.document.read")
    assert entry.data["lines"] == 3 and entry.data["reconciled"] is True

    # Running the job again changes nothing.
    readings.read_document_job.call(attachment.pk)
    assert DocumentReading.objects.count() == 1 and ReadLine.objects.count() == 3


def test_a_document_that_cannot_be_read_gets_a_reading_that_says_so(named_alice: User) -> None:
    from tests.intake.files import blank_pdf, pdf

    claim = sio_draft(named_alice, "179.00")
    upload(signed_in(named_alice), claim, pdf(blank_pdf()), "blank.pdf")

    reading = claim.attachments.get().reading
    assert reading.kind == "unknown"
    assert not reading.reconciled
    assert reading.name_check == NameCheck.NOT_READ
    assert "We could not read the expenses in" in claim_page(named_alice, claim)


def test_a_document_that_is_not_a_fee_document_is_not_read(named_alice: User) -> None:
    claim = sio_draft(named_alice)
    client = signed_in(named_alice)
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(
        reverse("intake:upload", args=[claim.reference]),
        {
            "document_type": "medical_documentation",
            "language": "no",
            "file": SimpleUploadedFile("o.pdf", overview_pdf("Alice Sæther", OVERVIEW_FEES)),
        },
    )
    assert not DocumentReading.objects.exists()


def test_a_scanned_overview_is_read_by_ocr(named_alice: User) -> None:
    from tests.intake.documents import overview_png

    claim = sio_draft(named_alice, "179.00")
    upload(signed_in(named_alice), claim, overview_png("Alice Sæther", OVERVIEW_FEES), "o.png")

    reading = claim.attachments.get().reading
    assert reading.kind == "user_fee_overview"
    assert [(row.date, row.amount) for row in reading.lines.all()] == [
        (day, Decimal(amount)) for day, _provider, amount in OVERVIEW_FEES
    ]
    assert reading.name_check == NameCheck.MATCHES
    assert reading.reconciled
