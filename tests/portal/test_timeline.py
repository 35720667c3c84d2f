"""The student always sees where a claim stands: each step with its day, the next one with the
day it is expected; a receipt after sending; the draft page in its three steps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import translation
from pytest_django import Settings

from refusjon.claims import services
from refusjon.claims.models import Claim, User
from refusjon.claims.services import expected_decision_on
from refusjon.portal.timeline import Step, timeline
from tests.factories import NOW, decide, in_review, sio_claim, sio_draft

pytestmark = pytest.mark.django_db
SENT = NOW.date()  # 2 November 2026


def done(steps: list[Step]) -> list[tuple[str, date | None]]:
    return [(step.title, step.on) for step in steps if step.done]


def upcoming(steps: list[Step]) -> list[Step]:
    return [step for step in steps if not step.done]


def test_a_draft_has_started_and_waits_to_be_sent(alice: User) -> None:
    steps = timeline(sio_draft(alice, "300.00"))
    assert done(steps) == [("Claim started", SENT)]
    [next_step] = upcoming(steps)
    assert next_step.title == "Send the claim" and next_step.on is None


def test_a_sent_claim_expects_its_decision_within_the_processing_target(
    alice: User, settings: Settings
) -> None:
    settings.REFUSJON_PROCESSING_TARGET_DAYS = 21
    claim = sio_claim(alice, "300.00")
    services.submit_claim(claim, by=alice, token="t", now=NOW)
    steps = timeline(claim)
    assert done(steps) == [("Claim started", SENT), ("Claim sent", SENT)]
    [next_step] = upcoming(steps)
    assert next_step.title == "Decision expected"
    assert next_step.on == expected_decision_on(claim) == SENT + timedelta(days=21)
    assert "21 days" in next_step.note


def test_a_returned_claim_shows_the_return_and_the_students_deadline(
    alice: User, bob: User
) -> None:
    claim = in_review(sio_draft(alice, "300.00"), alice, bob)
    later = NOW + timedelta(days=3)
    services.return_claim(
        claim,
        by=bob,
        missing=["user_fee_overview"],
        message="Add the overview.",
        complete_by=later.date() + timedelta(days=14),
        now=later,
    )
    steps = timeline(Claim.objects.get(pk=claim.pk))
    assert done(steps)[-2:] == [
        ("Being checked by a caseworker", SENT),
        ("Returned to you for completion", later.date()),
    ]
    [next_step] = upcoming(steps)
    assert next_step.title == "Send the claim again" and next_step.deadline
    assert next_step.on == later.date() + timedelta(days=14)


def test_a_decided_claim_waits_for_payment(alice: User, bob: User) -> None:
    claim = sio_claim(alice, "300.00", "300.00")
    decide(claim, alice, bob)
    steps = timeline(Claim.objects.get(pk=claim.pk))
    assert [title for title, _on in done(steps)][-1] == "Decided"
    assert [step.title for step in upcoming(steps)] == ["Payment"]


def test_the_steps_are_in_the_students_language(alice: User) -> None:
    with translation.override("nb"):
        steps = timeline(sio_draft(alice))
    assert steps[0].title == "Søknad påbegynt"


def test_sending_leads_to_a_receipt_with_the_reference_and_the_expected_day(
    client: Client, alice: User
) -> None:
    claim = sio_claim(alice, "300.00", now=None)
    client.force_login(alice)
    token = str(client.get(f"/claim/{claim.reference}/").context["submit_form"]["token"].value())
    sent = client.post(f"/claim/{claim.reference}/submit/", {"token": token})
    assert sent.headers["Location"] == f"/claim/{claim.reference}/receipt/"
    client.cookies["django_language"] = "en"
    page = client.get(sent.headers["Location"]).content.decode()
    assert "We have received your claim" in page and claim.reference in page
    assert 'datetime="2026-12-02"' in page  # 2 November and 30 days
    assert "General practitioner (GP)" in page or "general practitioner (GP)" in page
    assert "User-fee overview" in page or "user-fee overview" in page


def test_a_draft_has_no_receipt_yet(client: Client, alice: User) -> None:
    claim = sio_draft(alice, "300.00")
    client.force_login(alice)
    page = client.get(f"/claim/{claim.reference}/receipt/")
    assert page.headers["Location"] == f"/claim/{claim.reference}/"


def test_the_claim_list_says_where_each_claim_stands(client: Client, alice: User) -> None:
    claim = sio_claim(alice, "300.00")
    services.submit_claim(claim, by=alice, token="t", now=NOW)
    client.force_login(alice)
    client.cookies["django_language"] = "en"
    page = client.get("/").content.decode()
    assert "Next: Decision expected" in page and 'datetime="2026-12-02"' in page


def test_the_draft_page_goes_expenses_then_documents_then_check_and_send(
    client: Client, alice: User
) -> None:
    claim = sio_draft(alice, "300.00")
    client.force_login(alice)
    page = client.get(f"/claim/{claim.reference}/").content.decode()
    order = [
        page.index(marker)
        for marker in ('id="lines-heading"', 'id="add-heading"', 'id="attachments-heading"')
    ]
    order += [page.index('id="estimate-heading"'), page.index('id="submit-heading"')]
    assert order == sorted(order)
    assert page.index('id="timeline-heading"') < order[0]


def test_the_receipt_page_writes_amounts_and_dates_as_its_pdf_does_in_bokmal(
    client: Client, alice: User
) -> None:
    claim = sio_claim(alice, "1234.50", now=None)
    client.force_login(alice)
    token = str(client.get(f"/claim/{claim.reference}/").context["submit_form"]["token"].value())
    client.post(f"/claim/{claim.reference}/submit/", {"token": token})
    client.cookies["django_language"] = "nb"

    page = client.get(f"/claim/{claim.reference}/receipt/").content.decode()

    assert "kr 1 234,50" in page
    assert "1234.50" not in page and "1234,50" not in page
    assert "2. desember 2026" in page  # the expected decision, written out
