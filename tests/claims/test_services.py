"""Claims from draft to decision, as students and caseworkers change them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from refusjon.claims import services
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    User,
)
from refusjon.claims.services import ClaimError
from tests.factories import NOW, decide, sio_claim

LATER = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_a_student_sees_the_expected_refund_before_submitting(alice: User) -> None:
    claim = sio_claim(alice, "300.00", "300.00")
    estimate = services.estimate(claim, lang="en", now=NOW)
    assert estimate.refund_nok == Decimal("110.00")  # 600 less the 490 threshold of 2026
    assert any("NOK 490.00" in step for step in estimate.record["explanation"])
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DRAFT


def test_submitting_twice_with_the_same_token_submits_once(alice: User) -> None:
    claim = sio_claim(alice, "300.00")
    services.submit_claim(claim, by=alice, token="abc", now=NOW)
    services.submit_claim(claim, by=alice, token="abc", now=NOW)
    assert Assessment.objects.filter(claim=claim, kind=AssessmentKind.PROPOSAL).count() == 1
    assert AuditEntry.objects.filter(claim=claim, action="claims.claim.submitted").count() == 1


def test_the_decision_is_kept_and_counts_for_the_students_next_claim(
    alice: User, bob: User
) -> None:
    first = decide(sio_claim(alice, "300.00", "300.00"), alice, bob)
    assert (first.outcome, first.refund_nok) == ("approved", Decimal("110.00"))
    second = sio_claim(alice, "100.00")
    assert services.estimate(second, now=NOW).refund_nok == Decimal("100.00")


def test_another_students_claims_do_not_change_my_refund(
    alice: User, carol: User, bob: User
) -> None:
    decide(sio_claim(carol, "900.00"), carol, bob)
    assert services.estimate(sio_claim(alice, "600.00"), now=NOW).refund_nok == Decimal("110.00")


def test_a_returned_claim_is_completed_and_resubmitted(alice: User, bob: User) -> None:
    claim = sio_claim(alice, "700.00")
    services.submit_claim(claim, by=alice, token="one", now=NOW)
    services.start_review(claim, by=bob, now=NOW)
    services.return_claim(
        claim,
        by=bob,
        missing=["receipt"],
        message="Legg ved kvittering.",
        complete_by=date(2026, 12, 1),
        now=NOW,
    )
    assert claim.status == ClaimStatus.RETURNED and claim.returned_missing == ["receipt"]
    services.add_line(
        claim,
        by=alice,
        category="lab_tests",
        service_on=date(2026, 5, 1),
        amount=Decimal("64.00"),
        public_user_fee=True,
        now=LATER,
    )
    services.submit_claim(claim, by=alice, token="two", now=LATER)
    services.start_review(claim, by=bob, now=LATER)
    decision = services.decide_claim(claim, by=bob, now=LATER)
    assert decision.refund_nok == Decimal("274.00")


def test_an_impossible_change_is_refused_and_changes_nothing(alice: User, bob: User) -> None:
    claim = sio_claim(alice, "300.00")
    with pytest.raises(ClaimError, match="cannot be made"):
        services.decide_claim(claim, by=bob, now=NOW)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFT and claim.version == 0
    assert not Assessment.objects.filter(claim=claim).exists()


def test_two_caseworkers_deciding_at_once_one_wins_the_other_is_told(
    alice: User, bob: User, dave: User
) -> None:
    claim = sio_claim(alice, "700.00")
    services.submit_claim(claim, by=alice, token="x", now=NOW)
    services.start_review(claim, by=bob, now=NOW)
    seen_by_dave = Claim.objects.get(pk=claim.pk)
    services.decide_claim(claim, by=bob, now=NOW)
    with pytest.raises(ClaimError):
        services.decide_claim(seen_by_dave, by=dave, now=NOW)
    assert Assessment.objects.filter(claim=claim, kind=AssessmentKind.DECISION).count() == 1


def test_a_submitted_claim_cannot_be_changed_by_the_student(alice: User) -> None:
    claim = sio_claim(alice, "300.00")
    services.submit_claim(claim, by=alice, token="x", now=NOW)
    with pytest.raises(ClaimError, match="cannot be changed"):
        services.add_line(
            claim, by=alice, category="gp", service_on=date(2026, 6, 1), amount=Decimal("1.00")
        )


def test_carol_can_neither_change_nor_see_alices_claim(alice: User, carol: User) -> None:
    claim = sio_claim(alice, "300.00")
    with pytest.raises(ClaimError, match="not your claim"):
        services.add_line(
            claim, by=carol, category="gp", service_on=date(2026, 6, 1), amount=Decimal("1.00")
        )
    with pytest.raises(ClaimError):
        services.submit_claim(claim, by=carol, token="x", now=NOW)
    assert not services.visible_claims(carol).filter(pk=claim.pk).exists()
    assert services.visible_claims(alice).filter(pk=claim.pk).exists()


def test_a_student_is_no_caseworker(alice: User, carol: User) -> None:
    claim = sio_claim(alice, "300.00")
    services.submit_claim(claim, by=alice, token="x", now=NOW)
    with pytest.raises(ClaimError, match="Only caseworkers"):
        services.start_review(claim, by=carol, now=NOW)


def test_nobody_decides_a_claim_of_their_own(bob: User) -> None:
    from tests.claims.conftest import student

    staff_student = student("erin", "P-ERIN")
    staff_student.groups.set(bob.groups.all())
    claim = sio_claim(staff_student, "300.00")
    services.submit_claim(claim, by=staff_student, token="x", now=NOW)
    with pytest.raises(ClaimError, match="of their own"):
        services.start_review(claim, by=staff_student, now=NOW)


def test_the_audit_log_records_who_did_what_and_cannot_be_changed(alice: User, bob: User) -> None:
    claim = sio_claim(alice, "300.00")
    decide(claim, alice, bob)
    services.record_view(claim, by=bob, purpose="case handling", now=LATER)
    actions = list(AuditEntry.objects.filter(claim=claim).values_list("action", "actor__username"))
    assert ("claims.claim.decided", "bob") in actions
    assert ("claims.claim.viewed", "bob") in actions
    entry = AuditEntry.objects.filter(claim=claim).first()
    assert entry is not None
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_a_student_sees_when_and_why_staff_looked_but_not_who(
    alice: User, bob: User, carol: User
) -> None:
    claim = sio_claim(alice, "300.00")
    services.record_view(claim, by=bob, purpose="case handling", now=LATER)
    log = services.access_log(claim, by=alice)
    assert [(record.at, record.purpose) for record in log] == [(LATER, "case handling")]
    assert not hasattr(log[0], "actor")
    with pytest.raises(ClaimError):
        services.access_log(claim, by=carol)


def test_a_foreign_expense_needs_its_amount_in_nok(carol: User) -> None:
    claim = services.create_draft(carol, scheme="sio", period="2026", now=NOW)
    with pytest.raises(ClaimError, match="in NOK"):
        services.add_line(
            claim,
            by=carol,
            category="gp",
            service_on=date(2026, 6, 1),
            amount=Decimal("10.00"),
            currency="USD",
        )
    assert not claim.lines.exists()
