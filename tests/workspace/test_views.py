"""The caseworkers' workspace: the queue, a claim, and what a caseworker does with it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries, Settings

from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    User,
)
from tests.workspace.conftest import (
    NOW,
    TODAY,
    confirm_decision,
    draft_claim,
    signed_in,
    submitted_claim,
)

_references = count(1)


def open_claim(
    applicant: User,
    *,
    status: str = ClaimStatus.SUBMITTED,
    scheme: str = "sio",
    age_days: int = 1,
    proposal: str | None = None,
) -> Claim:
    """A claim row as the queue sees it, without going through the engine (fast, many)."""
    claim = Claim.objects.create(
        reference=f"R-TEST-{next(_references):06d}",
        applicant=applicant,
        scheme=scheme,
        period="2026",
        status=status,
        submitted_on=TODAY - timedelta(days=age_days),
    )
    if proposal is not None:
        Assessment.objects.create(
            claim=claim,
            kind=AssessmentKind.PROPOSAL,
            outcome="approved",
            refund_nok=Decimal(proposal),
            record={},
            created_at=NOW,
        )
    return claim


def references(response: object) -> list[str]:
    return [row["claim"].reference for row in response.context["rows"]]  # type: ignore[attr-defined]


# The queue


def test_bob_sees_open_claims_oldest_first_and_no_drafts_or_decided(
    client: Client, alice: User, bob: User
) -> None:
    newer = open_claim(alice, age_days=2)
    older = open_claim(alice, age_days=10, status=ClaimStatus.IN_REVIEW)
    returned = open_claim(alice, age_days=5, status=ClaimStatus.RETURNED)
    open_claim(alice, status=ClaimStatus.DRAFT)
    open_claim(alice, status=ClaimStatus.DECIDED)
    response = signed_in(client, bob).get(reverse("workspace:queue"))
    assert response.status_code == 200
    assert references(response) == [older.reference, returned.reference, newer.reference]


def test_the_queue_shows_age_overdue_and_the_latest_proposal(
    client: Client, alice: User, bob: User
) -> None:
    late = open_claim(alice, age_days=31, proposal="10.00")
    Assessment.objects.create(
        claim=late,
        kind=AssessmentKind.PROPOSAL,
        outcome="approved",
        refund_nok=Decimal("110.00"),
        record={},
        created_at=NOW + timedelta(days=1),
    )
    open_claim(alice, age_days=30)
    response = signed_in(client, bob).get(reverse("workspace:queue"))
    rows = response.context["rows"]
    assert [(row["age"], row["overdue"]) for row in rows] == [(31, True), (30, False)]
    assert rows[0]["claim"].proposed_refund_nok == Decimal("110.00")
    assert rows[1]["claim"].proposed_refund_nok is None
    assert response.content.decode().count("overdue</strong>") == 1


def test_the_queue_shows_names_but_no_health_details_and_logs_no_views(
    client: Client, alice: User, bob: User
) -> None:
    alice.first_name, alice.last_name = "Alice", "Berg"
    alice.save()
    alice.profile.person_id = "09040112345"
    alice.profile.save()
    submitted_claim(alice, "300.00")
    page = signed_in(client, bob).get(reverse("workspace:queue")).content.decode()
    assert "Alice Berg" in page and "090401 *****" in page
    assert "12345" not in page and "oversikt.pdf" not in page
    assert not AuditEntry.objects.filter(action="claims.claim.viewed").exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"scheme": "ssn"}, ["ssn"]),
        ({"status": "in_review"}, ["review"]),
        ({"waiting_on": "student"}, ["returned"]),
        ({"waiting_on": "caseworkers"}, ["review", "ssn", "young"]),
        ({"min_age_days": "20"}, ["review", "returned"]),
        ({"status": "submitted", "min_age_days": "20"}, []),
        ({"min_age_days": "not a number"}, ["review", "returned", "ssn", "young"]),
    ],
)
def test_the_queue_filters(
    client: Client, alice: User, bob: User, query: dict[str, str], expected: list[str]
) -> None:
    claims = {
        "review": open_claim(alice, status=ClaimStatus.IN_REVIEW, age_days=40),
        "returned": open_claim(alice, status=ClaimStatus.RETURNED, age_days=25),
        "ssn": open_claim(alice, scheme="ssn", age_days=10),
        "young": open_claim(alice, age_days=1),
    }
    response = signed_in(client, bob).get(reverse("workspace:queue"), query)
    assert response.status_code == 200
    assert references(response) == [claims[name].reference for name in expected]


def test_the_queue_is_paginated_by_fifty(client: Client, alice: User, bob: User) -> None:
    claims = [open_claim(alice, age_days=age) for age in range(119, -1, -1)]
    signed_in(client, bob)
    first = client.get(reverse("workspace:queue"), {"scheme": "sio"})
    last = client.get(reverse("workspace:queue"), {"scheme": "sio", "last": "1"})
    assert len(first.context["rows"]) == 50 and len(last.context["rows"]) == 50
    assert first.context["rows"][0]["age"] == 119 and last.context["rows"][-1]["age"] == 0
    assert first.context["total"] == 120
    after = f"{claims[49].submitted_on:%Y-%m-%d}.{claims[49].pk}"
    assert f"?scheme=sio&amp;after={after}" in first.content.decode()


def test_the_queue_asks_the_database_the_same_few_questions_for_many_claims(
    client: Client,
    alice: User,
    bob: User,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    signed_in(client, bob)
    open_claim(alice, proposal="1.00")
    with django_assert_max_num_queries(5):
        client.get(reverse("workspace:queue"))
    for age in range(80):
        open_claim(alice, age_days=age, proposal="1.00")
    with django_assert_max_num_queries(5):
        response = client.get(reverse("workspace:queue"))
    assert len(response.context["rows"]) == 50


# One claim


def test_bob_opens_a_claim_and_the_view_is_logged(client: Client, alice: User, bob: User) -> None:
    claim = submitted_claim(alice, "300.00", "300.00")
    response = signed_in(client, bob).get(reverse("workspace:claim", args=[claim.reference]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "P-ALICE" in page  # the applicant's facts
    assert "oversikt.pdf" in page and "application/pdf" in page  # the attachment, by name
    assert "110.00" in page  # the engine's proposal: 600 less the 490 threshold
    assert response.context["proposal"]["lines"][0]["line_id"] == "1"
    assert response.context["proposal"]["explanation"]
    entry = AuditEntry.objects.get(claim=claim, action="claims.claim.viewed")
    assert entry.actor == bob and entry.purpose == "case handling"


def test_an_unknown_claim_is_not_found(client: Client, bob: User) -> None:
    response = signed_in(client, bob).get(reverse("workspace:claim", args=["R-NOPE"]))
    assert response.status_code == 404


def test_the_return_form_offers_every_document_and_two_weeks(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    signed_in(client, bob).post(reverse("workspace:start_review", args=[claim.reference]))
    page = client.get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert "itemised receipts" in page
    assert 'value="2026-12-04"' in page  # TODAY + 14 days


def test_bob_starts_review_and_returns_the_claim_saying_what_is_missing(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    signed_in(client, bob)
    response = client.post(reverse("workspace:start_review", args=[claim.reference]))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    response = client.post(
        reverse("workspace:return", args=[claim.reference]),
        {
            "missing": ["receipt", "proof_of_payment"],
            "message": "Legg ved kvitteringene.",
            "complete_by": "2026-12-04",
        },
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RETURNED
    assert claim.returned_missing == ["receipt", "proof_of_payment"]
    assert claim.returned_message == "Legg ved kvitteringene."
    assert claim.complete_by == date(2026, 12, 4)


def test_returning_without_saying_what_is_missing_changes_nothing(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    signed_in(client, bob).post(reverse("workspace:start_review", args=[claim.reference]))
    response = client.post(
        reverse("workspace:return", args=[claim.reference]),
        {"missing": [], "complete_by": "2026-12-04"},
    )
    assert response.status_code == 400
    assert "Say what is missing" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW and claim.returned_missing == []


def test_bob_decides_a_claim_with_the_engines_decision(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00", "300.00")
    signed_in(client, bob).post(reverse("workspace:start_review", args=[claim.reference]))
    response = confirm_decision(client, claim)
    assert "The claim is decided." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED
    decision = Assessment.objects.get(claim=claim, kind=AssessmentKind.DECISION)
    assert (decision.decided_by, decision.refund_nok) == (bob, Decimal("110.00"))


def test_deciding_a_draft_shows_an_error_and_changes_nothing(
    client: Client, alice: User, bob: User
) -> None:
    claim = draft_claim(alice, "300.00")
    response = confirm_decision(signed_in(client, bob), claim)
    assert response.status_code == 200
    assert "cannot be made" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFT and claim.version == 0
    assert not Assessment.objects.filter(claim=claim).exists()


def test_a_second_caseworker_starting_the_same_review_is_told(
    client: Client, alice: User, bob: User, dave: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    signed_in(client, bob).post(reverse("workspace:start_review", args=[claim.reference]))
    response = signed_in(Client(), dave).post(
        reverse("workspace:start_review", args=[claim.reference]), follow=True
    )
    assert "cannot be made" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW and claim.version == 2


def test_actions_only_take_post(client: Client, alice: User, bob: User) -> None:
    claim = submitted_claim(alice, "300.00")
    response = signed_in(client, bob).get(reverse("workspace:return", args=[claim.reference]))
    assert response.status_code == 405


# Who may come in

URL_NAMES = ["workspace:queue", "workspace:claim", "workspace:start_review", "workspace:return"]
URL_NAMES += ["workspace:decide"]


def url_for(name: str, claim: Claim) -> str:
    return reverse(name) if name == "workspace:queue" else reverse(name, args=[claim.reference])


@pytest.mark.parametrize("name", URL_NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_students_alice_and_carol_are_refused_everywhere(
    client: Client, alice: User, carol: User, name: str, method: str
) -> None:
    claim = submitted_claim(alice, "300.00")
    for student in (alice, carol):
        response = getattr(signed_in(client, student), method)(url_for(name, claim))
        assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert not AuditEntry.objects.filter(action="claims.claim.viewed").exists()


@pytest.mark.parametrize("name", URL_NAMES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(
    client: Client, alice: User, name: str, method: str
) -> None:
    claim = submitted_claim(alice, "300.00")
    response = getattr(client, method)(url_for(name, claim))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_claim_page_speaks_norwegian_too(
    client: Client, alice: User, bob: User, settings: Settings
) -> None:
    settings.LANGUAGE_CODE = "nb"
    claim = submitted_claim(alice, "300.00", "300.00")
    signed_in(client, bob).post(reverse("workspace:start_review", args=[claim.reference]))
    response = client.get(reverse("workspace:claim", args=[claim.reference]))
    page = response.content.decode()
    assert "spesifiserte kvitteringer" in page  # the document types in plain Norwegian
    assert (
        response.context["proposal"]["explanation"]
        == (Assessment.objects.get(claim=claim).record["explanation_nb"])
    )


def test_a_returned_claim_shows_what_the_student_must_send_and_by_when(
    client: Client, alice: User, bob: User
) -> None:
    claim = submitted_claim(alice, "300.00")
    signed_in(client, bob).post(reverse("workspace:start_review", args=[claim.reference]))
    client.post(
        reverse("workspace:return", args=[claim.reference]),
        {"missing": ["receipt"], "complete_by": "2026-12-04"},
    )
    page = client.get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert "Returned to the student" in page and "itemised receipts" in page
    assert "2026-12-04" in page
    queue = client.get(reverse("workspace:queue"), {"waiting_on": "student"}).content.decode()
    assert claim.reference in queue and "complete by 2026-12-04" in queue
