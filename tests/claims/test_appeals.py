"""Appeals: the student appeals within three weeks; another caseworker upholds, changes or
sends the appeal on."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from refusjon.claims import appeals, services
from refusjon.claims.models import (
    Appeal,
    AppealStatus,
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    User,
)
from refusjon.claims.services import ClaimError
from tests.claims.conftest import caseworker
from tests.factories import NOW, decide, sio_claim

THREE_WEEKS = NOW + timedelta(weeks=3)


def decided(alice: User, bob: User, *amounts: str) -> Claim:
    claim = sio_claim(alice, *amounts)
    decide(claim, alice, bob)
    claim.refresh_from_db()
    return claim


def sent_appeal(claim: Claim, alice: User, text: str = "Line 1 was a GP visit.") -> Appeal:
    appeal = appeals.save_appeal(claim, by=alice, text=text, now=NOW)
    appeals.submit_appeal(appeal, by=alice, now=NOW)
    claim.refresh_from_db()
    return Appeal.objects.get(pk=appeal.pk)


def test_a_student_drafts_and_sends_an_appeal_and_the_claim_is_under_appeal(
    alice: User, bob: User
) -> None:
    claim = decided(alice, bob, "300.00", "300.00")
    draft = appeals.save_appeal(claim, by=alice, text="  first thoughts ", now=NOW)
    again = appeals.save_appeal(claim, by=alice, text="The dentist was urgent.", now=NOW)
    assert again.pk == draft.pk and again.text == "The dentist was urgent."
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DECIDED  # a draft is not sent

    appeals.submit_appeal(again, by=alice, now=NOW)
    appeals.submit_appeal(again, by=alice, now=NOW)  # a double click sends once

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPEALED
    assert Appeal.objects.get(pk=draft.pk).status == AppealStatus.SUBMITTED
    assert AuditEntry.objects.filter(claim=claim, action="claims.appeal.submitted").count() == 1


def test_the_deadline_is_three_weeks_after_the_decision(alice: User, bob: User) -> None:
    claim = decided(alice, bob, "600.00")
    on_the_last_day = appeals.save_appeal(claim, by=alice, text="Why?", now=THREE_WEEKS)
    assert on_the_last_day.deadline == (NOW + timedelta(weeks=3)).date()
    with pytest.raises(ClaimError, match="The deadline for appealing this decision was 2026-11-23"):
        appeals.submit_appeal(on_the_last_day, by=alice, now=THREE_WEEKS + timedelta(days=1))
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DECIDED
    assert not appeals.can_appeal(claim, now=THREE_WEEKS + timedelta(days=1))
    assert appeals.can_appeal(claim, now=THREE_WEEKS)


def test_an_appeal_needs_words_and_only_the_student_appeals_their_own_decided_claim(
    alice: User, carol: User, bob: User
) -> None:
    claim = decided(alice, bob, "600.00")
    with pytest.raises(ClaimError, match="not your claim"):
        appeals.save_appeal(claim, by=carol, text="Mine now", now=NOW)
    empty = appeals.save_appeal(claim, by=alice, text="   ", now=NOW)
    with pytest.raises(ClaimError, match="Write what you disagree with"):
        appeals.submit_appeal(empty, by=alice, now=NOW)
    draft = sio_claim(alice, "100.00")
    with pytest.raises(ClaimError, match="Only a decided claim"):
        appeals.save_appeal(draft, by=alice, text="Too early", now=NOW)


def test_the_caseworker_who_decided_does_not_handle_the_appeal(
    alice: User, bob: User, dave: User
) -> None:
    claim = decided(alice, bob, "600.00")
    appeal = sent_appeal(claim, alice)
    with pytest.raises(ClaimError, match="other than the one who decided"):
        appeals.uphold_appeal(appeal, by=bob, note="I stand by it.", now=NOW)
    with pytest.raises(ClaimError, match="other than the one who decided"):
        services.override_line(
            claim,
            by=bob,
            line_number=1,
            outcome="accepted",
            refund_nok=Decimal("1.00"),
            justification="Mine",
            now=NOW,
        )
    with pytest.raises(ClaimError, match="Only caseworkers"):
        appeals.uphold_appeal(appeal, by=alice, note="Looks fine to me", now=NOW)
    assert Appeal.objects.get(pk=appeal.pk).status == AppealStatus.SUBMITTED


def test_an_upheld_appeal_leaves_the_decision_and_the_claim_as_they_were(
    alice: User, bob: User, dave: User
) -> None:
    claim = decided(alice, bob, "600.00")
    decision = services.current_decision(claim)
    appeal = sent_appeal(claim, alice)
    with pytest.raises(ClaimError, match="Give the assessment"):
        appeals.uphold_appeal(appeal, by=dave, note=" ", now=NOW)

    appeals.uphold_appeal(appeal, by=dave, note="The threshold applies to all.", now=NOW)

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED
    assert services.current_decision(claim) == decision
    appeal.refresh_from_db()
    assert (appeal.status, appeal.handled_by, appeal.handler_note) == (
        AppealStatus.UPHELD,
        dave,
        "The threshold applies to all.",
    )
    with pytest.raises(ClaimError, match="cannot be handled"):
        appeals.change_decision(appeal, by=dave, note="Second thoughts", now=NOW)
    assert not appeals.can_appeal(claim, now=NOW)
    with pytest.raises(ClaimError, match="appealed already"):
        appeals.save_appeal(claim, by=alice, text="Once more", now=NOW)


def test_a_changed_decision_supersedes_the_old_one_which_is_kept(
    alice: User, bob: User, dave: User
) -> None:
    claim = decided(alice, bob, "1000.00", "1000.00")
    old = services.current_decision(claim)
    assert old is not None and old.refund_nok == Decimal("1510.00")
    appeal = sent_appeal(claim, alice)
    services.override_line(
        claim,
        by=dave,
        line_number=2,
        outcome="rejected",
        refund_nok=Decimal("0.00"),
        justification="The receipt shows line 2 was refunded by the clinic.",
        now=NOW,
    )

    new = appeals.change_decision(appeal, by=dave, note="Line 2 is not refunded.", now=NOW)

    claim.refresh_from_db()
    old.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED
    assert old.superseded_by == new
    assert services.current_decision(claim) == new
    assert new.record["supersedes"] == {
        "decided_on": "2026-11-02",
        "outcome": "approved",
        "refund_nok": "1510.00",
    }
    assert Appeal.objects.get(pk=appeal.pk).new_decision == new
    assert new.refund_nok == Decimal("510.00")  # line 1 above the threshold; line 2 rejected
    assert Assessment.objects.filter(claim=claim, kind=AssessmentKind.DECISION).count() == 2


def test_only_the_decision_that_stands_counts_for_later_claims(
    alice: User, bob: User, dave: User
) -> None:
    claim = decided(alice, bob, "1000.00", "1000.00")
    appeals.change_decision(sent_appeal(claim, alice), by=dave, note="Decided again.", now=NOW)
    # Had both decisions counted, NOK 4,000 of user fees would be above the exemption card
    # limit of 3,278 and nothing more refunded; counted once, NOK 2,100 is below it.
    later = sio_claim(alice, "100.00")
    assert services.estimate(later, now=NOW).refund_nok == Decimal("100.00")


def test_an_appeal_sent_on_waits_for_the_appeals_body_whose_result_is_recorded(
    alice: User, bob: User, dave: User
) -> None:
    claim = decided(alice, bob, "600.00")
    appeal = sent_appeal(claim, alice)
    appeals.forward_appeal(appeal, by=dave, note="We uphold; sent to the appeals body.", now=NOW)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPEALED
    assert appeals.open_appeal(claim) == appeal
    with pytest.raises(ClaimError, match="cannot be handled"):
        appeals.forward_appeal(appeal, by=dave, note="Again", now=NOW)

    appeals.uphold_appeal(appeal, by=dave, note="The appeals body upheld it.", now=NOW)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED
    assert appeals.open_appeal(claim) is None


def test_two_caseworkers_handling_one_appeal_at_once_one_wins(
    alice: User, bob: User, dave: User
) -> None:
    claim = decided(alice, bob, "600.00")
    appeal = sent_appeal(claim, alice)
    erin = caseworker("erin")
    stale = Appeal.objects.get(pk=appeal.pk)
    appeals.forward_appeal(appeal, by=dave, note="Sent on.", now=NOW)
    with pytest.raises(ClaimError, match="Someone else handled this appeal"):
        appeals.forward_appeal(stale, by=erin, note="Me too.", now=NOW)


def test_an_upheld_appeal_returns_the_claim_to_where_it_was_when_the_appeal_was_sent(
    alice: User, bob: User, dave: User
) -> None:
    claim = decided(alice, bob, "600.00")
    draft = appeals.save_appeal(claim, by=alice, text="Line 1 was urgent.", now=NOW)
    services.move(claim, ClaimStatus.PAID, now=NOW)  # paid while the draft waits

    appeals.submit_appeal(draft, by=alice, now=NOW)
    appeal = Appeal.objects.get(pk=draft.pk)
    assert appeal.claim_status_before == ClaimStatus.PAID
    appeals.uphold_appeal(appeal, by=dave, note="The threshold applies to all.", now=NOW)

    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.PAID


def appealed_after_bobs_override(alice: User, bob: User) -> tuple[Claim, Appeal]:
    """alice's claim of 1000 + 1000, decided by bob with line 2 rejected by hand, appealed."""
    claim = sio_claim(alice, "1000.00", "1000.00")
    services.submit_claim(claim, by=alice, token="t", now=NOW)
    services.start_review(claim, by=bob, now=NOW)
    services.override_line(
        claim,
        by=bob,
        line_number=2,
        outcome="rejected",
        refund_nok=Decimal("0.00"),
        justification="Line 2 was refunded by the clinic.",
        now=NOW,
    )
    services.decide_claim(claim, by=bob, now=NOW)
    claim.refresh_from_db()
    return claim, sent_appeal(claim, alice)


def test_a_changed_decision_names_the_overrides_kept_from_the_decision_appealed(
    alice: User, bob: User, dave: User
) -> None:
    _claim, appeal = appealed_after_bobs_override(alice, bob)

    new = appeals.change_decision(appeal, by=dave, note="Decided again.", now=NOW)

    assert new.record["overrides_before_appeal"] == [
        {"line_id": "2", "by": "bob", "outcome": "rejected", "refund_nok": "0.00"}
    ]
    assert new.record["lines"][1]["outcome"] == "rejected"


def test_on_appeal_another_caseworker_clears_an_override_of_the_first_decision(
    alice: User, bob: User, dave: User
) -> None:
    claim, appeal = appealed_after_bobs_override(alice, bob)
    with pytest.raises(ClaimError, match="other than the one who decided"):
        services.clear_override(claim, by=bob, line_number=2, now=NOW)

    services.clear_override(claim, by=dave, line_number=2, now=NOW)
    new = appeals.change_decision(appeal, by=dave, note="The clinic refunded nothing.", now=NOW)

    assert new.refund_nok == Decimal("1510.00")
    assert new.record["overrides_before_appeal"] == []
    entry = AuditEntry.objects.get(claim=claim, action="claims.line.override_cleared")
    assert (entry.actor, entry.data["line"], entry.data["before"]["by"]) == (dave, 2, "bob")
