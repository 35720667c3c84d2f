"""Assessing lines by hand, and a second caseworker's approval, in the workspace."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import Settings

from refusjon.claims import services
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    LineOverride,
    User,
)
from tests.factories import decide, in_review
from tests.workspace.conftest import confirm_decision, draft_claim, signed_in


@pytest.fixture(autouse=True)
def limit(settings: Settings) -> None:
    """Four eyes for anything above NOK 100."""
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"


def reviewed_claim(client: Client, student: User, caseworker: User, *amounts: str) -> Claim:
    """A claim in review by ``caseworker``, who is signed in on ``client``."""
    claim = in_review(draft_claim(student, *amounts), student, caseworker)
    signed_in(client, caseworker)
    return claim


def proposed_claim(client: Client, student: User, caseworker: User) -> Claim:
    """A claim of NOK 110.00 that bob has decided and that waits for a second caseworker."""
    claim = draft_claim(student, "300.00", "300.00")
    decide(claim, student, caseworker)
    signed_in(client, caseworker)
    assert claim.status == ClaimStatus.AWAITING_APPROVAL
    return claim


def override_url(claim: Claim, number: int = 1) -> str:
    return reverse("workspace:override_line", args=[claim.reference, number])


def test_bob_overrides_a_line_and_sees_it_with_its_justification(
    client: Client, alice: User, bob: User
) -> None:
    claim = reviewed_claim(client, alice, bob, "300.00", "300.00")
    page = client.get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert override_url(claim, 2) in page and 'id="id_line2_justification"' in page
    response = client.post(
        override_url(claim, 2),
        {"outcome": "rejected", "refund_nok": "0", "justification": "Not a GP visit."},
        follow=True,
    )
    assert "Your assessment of line 2 is kept." in response.content.decode()
    assert "Not a GP visit." in response.content.decode()
    override = LineOverride.objects.get(claim=claim)
    assert (override.line_number, override.outcome, override.by) == (2, "rejected", bob)


def test_bob_takes_back_his_assessment_and_the_rules_price_the_line_again(
    client: Client, alice: User, bob: User
) -> None:
    claim = reviewed_claim(client, alice, bob, "300.00", "300.00")
    client.post(
        override_url(claim, 2),
        {"outcome": "rejected", "refund_nok": "0", "justification": "Not a GP visit."},
    )
    clear = reverse("workspace:clear_override", args=[claim.reference, 2])
    assert clear in client.get(reverse("workspace:claim", args=[claim.reference])).content.decode()

    response = client.post(clear, follow=True)

    assert "Line 2 is priced by the rules again." in response.content.decode()
    assert not LineOverride.objects.filter(claim=claim).exists()
    assert AuditEntry.objects.filter(claim=claim, action="claims.line.override_cleared").exists()


def test_an_override_without_a_justification_is_refused(
    client: Client, alice: User, bob: User
) -> None:
    claim = reviewed_claim(client, alice, bob, "300.00")
    response = client.post(
        override_url(claim), {"outcome": "accepted", "refund_nok": "10.00"}, follow=True
    )
    assert "Give a justification for the change." in response.content.decode()
    assert not LineOverride.objects.exists()


def test_an_override_above_the_amount_paid_is_refused(
    client: Client, alice: User, bob: User
) -> None:
    claim = reviewed_claim(client, alice, bob, "300.00")
    response = client.post(
        override_url(claim),
        {"outcome": "accepted", "refund_nok": "300.01", "justification": "Generous."},
        follow=True,
    )
    assert "between 0 and the amount paid" in response.content.decode()
    assert not LineOverride.objects.exists()


def test_above_the_limit_bob_proposes_and_sees_no_approve_button(
    client: Client, alice: User, bob: User
) -> None:
    claim = reviewed_claim(client, alice, bob, "300.00", "300.00")
    response = confirm_decision(client, claim)
    page = response.content.decode()
    assert "The decision now waits for a second caseworker." in page
    assert "Proposed decision" in page
    assert reverse("workspace:approve", args=[claim.reference]) not in page
    assert "A second caseworker must approve this decision." in page
    response = client.post(reverse("workspace:approve", args=[claim.reference]), follow=True)
    assert "A second caseworker must approve a decision you proposed." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.AWAITING_APPROVAL


def test_dave_approves_bobs_proposal(client: Client, alice: User, bob: User, dave: User) -> None:
    claim = proposed_claim(client, alice, bob)
    dave_client = signed_in(Client(), dave)
    page = dave_client.get(reverse("workspace:claim", args=[claim.reference])).content.decode()
    assert reverse("workspace:approve", args=[claim.reference]) in page
    assert reverse("workspace:send_back", args=[claim.reference]) in page
    response = dave_client.post(reverse("workspace:approve", args=[claim.reference]), follow=True)
    assert "The claim is decided." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED
    decision = Assessment.objects.get(claim=claim, kind=AssessmentKind.DECISION)
    assert (decision.decided_by, decision.refund_nok) == (dave, Decimal("110.00"))


def test_dave_sends_bobs_proposal_back_with_a_reason(
    client: Client, alice: User, bob: User, dave: User
) -> None:
    claim = proposed_claim(client, alice, bob)
    dave_client = signed_in(Client(), dave)
    url = reverse("workspace:send_back", args=[claim.reference])
    response = dave_client.post(url, {"reason": ""}, follow=True)
    assert "Say why the proposed decision is sent back." in response.content.decode()
    response = dave_client.post(url, {"reason": "Look at line 2."}, follow=True)
    assert "The proposed decision went back to review." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    assert AuditEntry.objects.get(action="claims.claim.sent_back").actor == dave


def test_a_claim_awaiting_approval_is_open_in_the_queue(
    client: Client, alice: User, bob: User
) -> None:
    claim = proposed_claim(client, alice, bob)
    queue = client.get(reverse("workspace:queue"), {"waiting_on": "caseworkers"}).content.decode()
    assert claim.reference in queue and "Awaiting a second caseworker" in queue
    response = client.get(reverse("workspace:queue"), {"status": "awaiting_approval"})
    assert [row["claim"].reference for row in response.context["rows"]] == [claim.reference]


NEW_URLS = ["workspace:override_line", "workspace:approve", "workspace:send_back"]


def url_for(name: str, claim: Claim) -> str:
    if name == "workspace:override_line":
        return override_url(claim)
    return reverse(name, args=[claim.reference])


@pytest.mark.parametrize("name", NEW_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_students_alice_and_carol_are_refused(
    client: Client, alice: User, carol: User, bob: User, name: str, method: str
) -> None:
    claim = proposed_claim(client, alice, bob)
    data = {"outcome": "accepted", "refund_nok": "1", "justification": "x", "reason": "x"}
    for student in (alice, carol):
        client = signed_in(Client(), student)
        response = getattr(client, method)(url_for(name, claim), data)
        assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.AWAITING_APPROVAL
    assert not LineOverride.objects.exists()


@pytest.mark.parametrize("name", NEW_URLS)
def test_the_new_actions_only_take_post(client: Client, alice: User, bob: User, name: str) -> None:
    claim = reviewed_claim(client, alice, bob, "300.00")
    assert client.get(url_for(name, claim)).status_code == 405


def test_a_field_left_out_is_named_in_the_message(client: Client, alice: User, bob: User) -> None:
    claim = reviewed_claim(client, alice, bob, "300.00")
    response = client.post(
        override_url(claim), {"outcome": "accepted", "justification": "Seen."}, follow=True
    )
    assert "Refund (NOK): This field is required." in response.content.decode()
    assert not LineOverride.objects.exists()


def page_queries(client: Client, claim: Claim) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("workspace:claim", args=[claim.reference])).status_code == 200
    return len(queries)


def test_the_claim_page_asks_the_same_questions_for_one_override_or_eight(
    client: Client, alice: User, bob: User
) -> None:
    claim = reviewed_claim(client, alice, bob, *["300.00"] * 8)

    def assess(number: int) -> None:
        services.override_line(
            claim,
            by=bob,
            line_number=number,
            outcome="accepted",
            refund_nok=Decimal("10.00"),
            justification=f"Line {number} seen.",
        )

    assess(1)
    one = page_queries(client, claim)
    for number in range(2, 9):
        assess(number)
    assert page_queries(client, claim) == one
