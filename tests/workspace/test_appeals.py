"""Caseworkers handle appeals: never the one who decided; upheld, changed or sent on."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.test import Client

from refusjon.claims import appeals, services
from refusjon.claims.models import Appeal, AppealStatus, Claim, ClaimStatus, User
from tests.conftest import Clock
from tests.factories import NOW, decide
from tests.workspace.conftest import draft_claim, signed_in


def appealed(alice: User, bob: User) -> Claim:
    claim = draft_claim(alice, "1000.00", "1000.00")
    decide(claim, alice, bob)
    appeal = appeals.save_appeal(claim, by=alice, text="Line 2 was paid twice.", now=NOW)
    appeals.submit_appeal(appeal, by=alice, now=NOW)
    claim.refresh_from_db()
    return claim


def test_the_appeal_is_in_the_queue_and_on_the_claim_page(
    client: Client, alice: User, bob: User, dave: User
) -> None:
    claim = appealed(alice, bob)
    queue = signed_in(client, dave).get("/workspace/?status=appealed").content.decode()
    assert claim.reference in queue
    page = client.get(f"/workspace/claim/{claim.reference}/").content.decode()
    assert "Line 2 was paid twice." in page
    assert "Uphold the decision" in page


def test_the_caseworker_who_decided_is_told_another_handles_it(
    client: Client, alice: User, bob: User
) -> None:
    claim = appealed(alice, bob)
    signed_in(client, bob)
    page = client.get(f"/workspace/claim/{claim.reference}/").content.decode()
    assert "another caseworker handles the appeal" in page
    assert "Uphold the decision" not in page
    response = client.post(
        f"/workspace/claim/{claim.reference}/appeal/", {"action": "uphold", "note": "Mine."}
    )
    assert response.status_code == 302
    assert Appeal.objects.get(claim=claim).status == AppealStatus.SUBMITTED


def test_upholding_returns_the_claim_to_decided_and_the_student_reads_why(
    client: Client, alice: User, bob: User, dave: User
) -> None:
    claim = appealed(alice, bob)
    signed_in(client, dave).post(
        f"/workspace/claim/{claim.reference}/appeal/",
        {"action": "uphold", "note": "The threshold applies to every student."},
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED
    client.force_login(alice)
    page = client.get(f"/claim/{claim.reference}/appeal/").content.decode()
    assert "Decision upheld" in page and "The threshold applies to every student." in page


def test_a_changed_decision_replaces_the_letter(
    client: Client, alice: User, bob: User, dave: User, clock: Clock
) -> None:
    claim = appealed(alice, bob)
    signed_in(client, dave)
    overridden = client.post(
        f"/workspace/claim/{claim.reference}/line/2/override/",
        {"outcome": "rejected", "refund_nok": "0", "justification": "Paid twice: refund once."},
    )
    assert overridden.status_code == 302
    client.post(
        f"/workspace/claim/{claim.reference}/appeal/",
        {"action": "change", "note": "Line 2 is not refunded after all."},
    )
    claim.refresh_from_db()
    current = services.current_decision(claim)
    assert claim.status == ClaimStatus.DECIDED
    assert current is not None and current.refund_nok == Decimal("510.00")

    clock.set(NOW + timedelta(days=1))
    client.force_login(alice)
    letter = client.get(f"/claim/{claim.reference}/letter/").content.decode()
    assert "After your appeal, this decision replaces the decision of" in letter
    assert "Line 2 is not refunded after all." in letter
