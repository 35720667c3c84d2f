"""Claims from draft to decision, as students and caseworkers change them."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connections
from pytest_django import Settings

from refusjon.claims import adapter, appeals, services
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    User,
)
from refusjon.claims.services import ClaimError
from tests.factories import NOW, decide, in_review, sio_claim

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
    with pytest.raises(ClaimError, match="Someone else changed"):
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


def test_a_foreign_expense_without_a_rate_asks_for_the_nok_amount(carol: User) -> None:
    claim = services.create_draft(carol, scheme="sio", period="2026", now=NOW)
    with pytest.raises(ClaimError, match=r"not been imported yet\. Give the amount") as refused:
        services.add_line(
            claim,
            by=carol,
            category="gp",
            service_on=date(2026, 6, 1),
            amount=Decimal("10.00"),
            currency="USD",
        )
    assert "from your bank statement" in str(refused.value)  # the portal's field asks for it
    assert not claim.lines.exists()


def snapshot(claim: Claim) -> tuple[Any, ...]:
    """What deciding must not change: the claim's status and version, its assessments and log."""
    claim = Claim.objects.get(pk=claim.pk)
    assessments = Assessment.objects.filter(claim=claim).order_by("pk")
    return (
        claim.status,
        claim.version,
        list(assessments.values_list("pk", "kind", "superseded_by")),
        AuditEntry.objects.filter(claim=claim).count(),
    )


def test_the_decider_cannot_decide_an_appealed_claim_again(alice: User, bob: User) -> None:
    claim = sio_claim(alice, "600.00")
    decide(claim, alice, bob)
    appeal = appeals.save_appeal(claim, by=alice, text="Line 1 was urgent.", now=NOW)
    appeals.submit_appeal(appeal, by=alice, now=NOW)
    claim.refresh_from_db()
    before = snapshot(claim)
    with pytest.raises(ClaimError, match="under appeal"):
        services.decide_claim(claim, by=bob, now=LATER)
    assert snapshot(claim) == before
    assert appeals.open_appeal(claim) is not None


def test_deciding_a_claim_awaiting_approval_is_refused_the_four_eyes_stand(
    alice: User, bob: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"
    claim = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    services.decide_claim(claim, by=bob, now=NOW)  # proposed: NOK 110 is above the limit
    claim.refresh_from_db()
    before = snapshot(claim)
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100000.00"  # below the limit now: no way round
    with pytest.raises(ClaimError, match="waits for a second caseworker"):
        services.decide_claim(claim, by=bob, now=LATER)
    assert snapshot(claim) == before
    assert claim.status == ClaimStatus.AWAITING_APPROVAL


def test_an_approval_the_students_later_decisions_made_stale_is_refused(
    alice: User, bob: User, dave: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "1000.00"
    first = in_review(sio_claim(alice, "1000.00", "1000.00"), alice, bob)
    proposal = services.decide_claim(first, by=bob, now=NOW)
    assert (proposal.kind, proposal.refund_nok) == (AssessmentKind.PROPOSAL, Decimal("1510.00"))
    # Meanwhile the same GP visit of 10 January is claimed and decided on another claim: it
    # pays the threshold, and the expense is claimed.
    second = decide(sio_claim(alice, "1000.00"), alice, dave)
    assert (second.kind, second.refund_nok) == (AssessmentKind.DECISION, Decimal("510.00"))
    first.refresh_from_db()
    before = snapshot(first)

    with pytest.raises(
        ClaimError, match=r"no longer holds.*NOK 1000\.00, not NOK 1510\.00\. Send it back"
    ):
        services.approve_decision(first, by=dave, now=LATER)

    assert snapshot(first) == before
    assert services.current_decision(first) is None
    services.send_back(first, by=dave, reason="Line 1 was decided on another claim.", now=LATER)
    again = services.decide_claim(Claim.objects.get(pk=first.pk), by=bob, now=LATER)
    assert again.refund_nok == Decimal("1000.00")  # line 1 a duplicate, line 2 all refunded


def test_an_approval_still_true_is_final_as_proposed(
    alice: User, bob: User, dave: User, carol: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "1000.00"
    claim = in_review(sio_claim(alice, "1000.00", "1000.00"), alice, bob)
    proposal = services.decide_claim(claim, by=bob, now=NOW)
    decide(sio_claim(carol, "1000.00"), carol, dave)  # another student's: changes nothing
    claim.refresh_from_db()
    decision = services.approve_decision(claim, by=dave, now=LATER)
    assert (decision.refund_nok, decision.record, decision.effects) == (
        proposal.refund_nok,
        proposal.record,
        proposal.effects,
    )


# Two caseworkers at once ---------------------------------------------------------------------

on_postgresql = pytest.mark.postgresql  # row locks need PostgreSQL (the make test pass)


def at_once(*actions: Callable[[], Any]) -> list[Any]:
    """Run the actions in threads started together; each gives its result or its error."""
    start = threading.Barrier(len(actions))
    results: list[Any] = [None] * len(actions)

    def run(number: int) -> None:
        start.wait()
        try:
            results[number] = actions[number]()
        except Exception as error:
            results[number] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def meeting_in_the_engine(monkeypatch: pytest.MonkeyPatch, parties: int) -> None:
    """Make the engine wait (up to a second) until ``parties`` threads are in it: without a
    lock, decisions made at once then surely read the same history; with one, only one thread
    gets there at a time and goes on after the wait."""
    meeting = threading.Barrier(parties, timeout=1)
    evaluate = adapter.evaluate

    def evaluate_together(*args: Any, **kwargs: Any) -> Any:
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting.wait()
        return evaluate(*args, **kwargs)

    monkeypatch.setattr(adapter, "evaluate", evaluate_together)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_claims_of_one_student_decided_at_once_count_the_threshold_once(
    alice: User, bob: User, dave: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    january = in_review(sio_claim(alice, "600.00"), alice, bob)
    february = services.create_draft(alice, scheme="sio", period="2026", now=NOW)
    services.add_line(
        february,
        by=alice,
        category="gp",
        service_on=date(2026, 2, 10),
        amount=Decimal("600.00"),
        public_user_fee=True,
        now=NOW,
    )
    february.attachments.create(document_type="user_fee_overview", shows_applicant_name=True)
    in_review(february, alice, bob)
    meeting_in_the_engine(monkeypatch, 2)

    results = at_once(
        lambda: services.decide_claim(january, by=bob, now=NOW),
        lambda: services.decide_claim(february, by=dave, now=NOW),
    )

    assert all(isinstance(result, Assessment) for result in results), results
    # The 490 threshold is paid once: 110 on the first claim decided, all 600 on the other.
    assert sorted(result.refund_nok for result in results) == [
        Decimal("110.00"),
        Decimal("600.00"),
    ]


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_line_assessed_while_the_claim_is_decided_is_never_left_out_silently(
    alice: User, bob: User, dave: User
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    seen_by_bob = Claim.objects.get(pk=claim.pk)
    seen_by_dave = Claim.objects.get(pk=claim.pk)

    decided, overridden = at_once(
        lambda: services.decide_claim(seen_by_bob, by=bob, now=NOW),
        lambda: services.override_line(
            seen_by_dave,
            by=dave,
            line_number=1,
            outcome="rejected",
            refund_nok=Decimal("0.00"),
            justification="No receipt.",
            now=NOW,
        ),
    )

    errors = [result for result in (decided, overridden) if isinstance(result, ClaimError)]
    assert len(errors) == 1 and "Someone else changed" in str(errors[0])
    if isinstance(decided, Assessment):  # decided first: the line was not assessed
        assert not claim.overrides.exists()
    else:  # assessed first: deciding what bob saw is refused
        assert claim.overrides.exists()
        assert not Assessment.objects.filter(claim=claim, kind=AssessmentKind.DECISION).exists()


def test_an_expense_being_typed_is_estimated_as_one_more_line_and_not_saved(
    alice: User,
) -> None:
    claim = sio_claim(alice, "300.00", "300.00")
    audited = AuditEntry.objects.count()
    typed = {
        "category": "gp",
        "service_on": date(2026, 3, 10),
        "amount": Decimal("300.00"),
        "currency": "NOK",
        "public_user_fee": True,
    }
    estimate = services.estimate(claim, lang="en", now=NOW, extra_line=typed)
    assert estimate.refund_nok == Decimal("410.00")  # 900 less the 490 threshold of 2026
    assert [line["line_id"] for line in estimate.record["lines"]] == ["1", "2", "3"]
    assert claim.lines.count() == 2
    assert AuditEntry.objects.count() == audited
    assert services.estimate(claim, lang="en", now=NOW).refund_nok == Decimal("110.00")


def test_an_expense_being_typed_without_an_exchange_rate_cannot_be_estimated_yet(
    alice: User,
) -> None:
    claim = sio_claim(alice, "300.00")
    typed = {
        "category": "gp",
        "service_on": date(2026, 3, 10),
        "amount": Decimal("30.00"),
        "currency": "EUR",
        "public_user_fee": True,
    }
    with pytest.raises(ClaimError, match="have not been imported yet"):
        services.estimate(claim, lang="en", now=NOW, extra_line=typed)
    assert claim.lines.count() == 1
