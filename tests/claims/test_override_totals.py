"""After a caseworker overrides lines, the engine prices the lines that stand without them, and
the decision's effect on the student's running totals comes from that re-run."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from pytest_django import Settings

from refusjon.claims import adapter, services
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    Attachment,
    AuditEntry,
    Claim,
    ClaimStatus,
    User,
)
from tests.claims.test_overrides import abroad_claim, abroad_student, in_review
from tests.factories import decide, sio_claim

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
SIO_2026 = adapter.key_text(("sio", 2026))


@pytest.fixture(autouse=True)
def high_limit(settings: Settings) -> None:
    """Four eyes only where a test asks for them."""
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100000.00"


def override(claim: Claim, by: User, line: int, outcome: str, refund: str = "0.00") -> None:
    services.override_line(
        claim,
        by=by,
        line_number=line,
        outcome=outcome,
        refund_nok=Decimal(refund),
        justification=f"Line {line} {outcome} after a look at the receipt.",
        now=NOW,
    )


def refunds(assessment: Assessment) -> list[str]:
    return [line["refund_nok"] for line in assessment.record["lines"]]


def test_a_line_rejected_by_a_caseworker_does_not_consume_the_threshold(
    alice: User, bob: User
) -> None:
    # The engine: line 1 pays the first 300 of the NOK 490 threshold, line 2 the other 190.
    claim = in_review(sio_claim(alice, "300.00", "300.00", "300.00"), alice, bob)
    override(claim, bob, 1, "rejected")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert refunds(decision) == ["0.00", "0.00", "110.00"]
    assert (decision.outcome, decision.refund_nok) == ("partially_approved", Decimal("110.00"))
    # Lines 2 and 3 now pay the threshold themselves: what they add is the running total.
    assert decision.effects["totals"] == {SIO_2026: "600.00"}
    assert len(decision.effects["expenses"]) == 2
    assert "totals_left_out" not in decision.effects
    engine = decision.record["engine"]
    assert (engine["refund_nok"], [line["refund_nok"] for line in engine["lines"]]) == (
        "410.00",
        ["0.00", "110.00", "300.00"],
    )


def test_a_line_rejected_by_a_caseworker_leaves_room_below_the_exemption_card_limit(
    alice: User, bob: User
) -> None:
    # The engine: line 1 refunds 3,000 - 490; line 2 only up to the limit of 3,278.
    claim = in_review(sio_claim(alice, "3000.00", "1000.00"), alice, bob)
    override(claim, bob, 1, "rejected")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert decision.record["engine"]["lines"][1]["refund_nok"] == "278.00"
    assert refunds(decision) == ["0.00", "510.00"]
    assert decision.effects["totals"] == {SIO_2026: "1000.00"}


def test_a_later_claim_sees_the_totals_of_a_claim_decided_with_overrides(
    alice: User, bob: User
) -> None:
    claim = in_review(sio_claim(alice, "300.00", "300.00", "300.00"), alice, bob)
    override(claim, bob, 1, "rejected")
    services.decide_claim(claim, by=bob, now=NOW)
    later = sio_claim(alice, "100.00")
    history = adapter.DatabaseHistory.for_claim(later)
    assert history.total("P-ALICE", ("sio", 2026)) == Decimal("600.00")
    # Past the threshold already: the whole 100 comes back.
    assert services.estimate(later, now=NOW).refund_nok == Decimal("100.00")


def test_another_students_totals_are_not_touched(alice: User, carol: User, bob: User) -> None:
    claim = in_review(sio_claim(alice, "300.00", "300.00", "300.00"), alice, bob)
    override(claim, bob, 1, "rejected")
    services.decide_claim(claim, by=bob, now=NOW)
    assert services.estimate(sio_claim(carol, "500.00"), now=NOW).refund_nok == Decimal("10.00")


def test_a_line_rejected_by_a_caseworker_can_be_claimed_again(alice: User, bob: User) -> None:
    claim = in_review(sio_claim(alice, "300.00", "400.00"), alice, bob)
    override(claim, bob, 1, "rejected")
    services.decide_claim(claim, by=bob, now=NOW)
    again = sio_claim(alice, "300.00")  # the same GP visit of 10 January
    line = services.estimate(again, now=NOW).record["lines"][0]
    assert line["outcome"] == "accepted" and "duplicate-expense" not in line["reasons"]


def test_a_line_accepted_by_a_caseworker_cannot_be_claimed_again(alice: User, bob: User) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026", now=NOW)
    # Not shown as a public user fee: the engine rejects it; the caseworker accepts it.
    services.add_line(
        claim, by=alice, category="gp", service_on=date(2026, 1, 10), amount=Decimal("700.00")
    )
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True
    )
    in_review(claim, alice, bob)
    override(claim, bob, 1, "accepted", "210.00")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert (decision.outcome, decision.refund_nok) == ("approved", Decimal("210.00"))
    assert decision.record["engine"]["lines"][0]["reasons"] == ["not-public-user-fee"]
    # Its refund is the caseworker's: the engine's totals do not know its eligible part.
    assert decision.effects["totals"] == {}
    assert len(decision.effects["expenses"]) == 1
    line = services.estimate(sio_claim(alice, "700.00"), now=NOW).record["lines"][0]
    assert (line["outcome"], line["reasons"]) == ("rejected", ["duplicate-expense"])


def test_lines_stay_in_claim_order_with_the_caseworkers_kept_and_explained(
    alice: User, bob: User
) -> None:
    claim = in_review(sio_claim(alice, "300.00", "300.00", "300.00"), alice, bob)
    override(claim, bob, 2, "accepted", "120.00")
    record = services.decide_claim(claim, by=bob, now=NOW).record
    assert [line["line_id"] for line in record["lines"]] == ["1", "2", "3"]
    assert record["lines"][1]["override"]["refund_nok"] == "120.00"
    assert "override" in record["lines"][1]["reasons"]
    # Lines 1 and 3 (600) priced without line 2: 110 above the threshold.
    assert [line["refund_nok"] for line in record["lines"]] == ["0.00", "120.00", "110.00"]
    assert (record["outcome"], record["refund_nok"], record["reasons"]) == (
        "approved",
        "230.00",
        [],
    )
    assert record["justifications"] == [
        {"line_id": "2", "justification": "Line 2 accepted after a look at the receipt."}
    ]
    assert any("left out" in step and "(2)" in step for step in record["explanation"])
    assert record["explanation"][-1] == (
        "With the caseworker's assessment: approved. Refund: NOK 230.00."
    )
    assert any("Linje 2 vurdert av saksbehandler" in step for step in record["explanation_nb"])
    assert record["explanation_nb"][-1].endswith("kr 230,00.")


def test_a_claim_that_still_pays_nothing_keeps_the_reason_why(alice: User, bob: User) -> None:
    claim = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    override(claim, bob, 2, "rejected")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert (decision.outcome, decision.refund_nok) == ("partially_approved", Decimal("0.00"))
    assert decision.record["reasons"] == ["below-threshold"]
    assert decision.effects["totals"] == {SIO_2026: "300.00"}


def test_when_every_line_is_overridden_the_claim_adds_no_totals(alice: User, bob: User) -> None:
    claim = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    override(claim, bob, 1, "accepted", "50.00")
    override(claim, bob, 2, "rejected")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert (decision.outcome, decision.refund_nok) == ("partially_approved", Decimal("50.00"))
    assert decision.effects == {"totals": {}, "expenses": decision.effects["expenses"]}
    assert len(decision.effects["expenses"]) == 1


def test_a_claim_every_line_of_which_a_caseworker_rejects_changes_nothing(
    alice: User, bob: User
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    override(claim, bob, 1, "rejected")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert (decision.outcome, decision.refund_nok, decision.effects) == (
        "rejected",
        Decimal("0.00"),
        {},
    )


def test_a_claim_level_rejection_stays_whatever_the_lines(alice: User, bob: User) -> None:
    profile = alice.profile
    profile.semester_fee_paid = False
    profile.save()
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    override(claim, bob, 1, "accepted", "210.00")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert (decision.outcome, decision.refund_nok) == ("rejected", Decimal("0.00"))
    assert decision.record["reasons"] == ["semester-fee-not-paid"]
    assert decision.effects == {}


def test_a_second_caseworker_approves_the_same_record_and_effects(
    alice: User, bob: User, dave: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"
    claim = in_review(sio_claim(alice, "300.00", "300.00", "300.00"), alice, bob)
    override(claim, bob, 1, "rejected")
    proposal = services.decide_claim(claim, by=bob, now=NOW)
    assert proposal.kind == AssessmentKind.PROPOSAL
    decision = services.approve_decision(claim, by=dave, now=LATER)
    assert (decision.record, decision.effects) == (proposal.record, proposal.effects)
    assert decision.effects["totals"] == {SIO_2026: "600.00"}
    assert decision.refund_nok == Decimal("110.00")


def test_referred_lines_are_still_assessed_first_and_count_as_expenses(bob: User) -> None:
    erin = abroad_student()
    claim = in_review(abroad_claim(erin), erin, bob)
    override(claim, bob, 1, "accepted", "700.00")
    with pytest.raises(services.ClaimError, match=r"referred lines \(2\)"):
        services.decide_claim(claim, by=bob, now=NOW)
    override(claim, bob, 2, "accepted", "500.00")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert (decision.outcome, decision.refund_nok) == ("approved", Decimal("1200.00"))
    assert len(decision.effects["expenses"]) == 2


def test_the_preview_is_the_decision_and_changes_nothing(alice: User, bob: User) -> None:
    claim = in_review(sio_claim(alice, "300.00", "300.00", "300.00"), alice, bob)
    override(claim, bob, 1, "rejected")
    entries, assessments = AuditEntry.objects.count(), Assessment.objects.count()
    preview = services.preview_decision(claim, now=NOW)
    assert (AuditEntry.objects.count(), Assessment.objects.count()) == (entries, assessments)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.IN_REVIEW
    assert preview.assessment.pk is None and preview.waiting == ()
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert preview.assessment.kind == AssessmentKind.DECISION
    assert (preview.assessment.outcome, preview.assessment.refund_nok) == (
        decision.outcome,
        decision.refund_nok,
    )
    assert (preview.assessment.record, preview.assessment.effects) == (
        decision.record,
        decision.effects,
    )


def test_the_preview_names_the_referred_lines_still_to_assess(
    bob: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"
    erin = abroad_student()
    claim = in_review(abroad_claim(erin), erin, bob)
    preview = services.preview_decision(claim, now=NOW)
    assert preview.waiting == ("2",)
    assert [line["outcome"] for line in preview.assessment.record["lines"]] == [
        "accepted",
        "referred",
    ]
    assert preview.assessment.kind == AssessmentKind.PROPOSAL  # above the four-eyes limit


def test_without_overrides_the_decision_is_the_engines(alice: User, bob: User) -> None:
    decision = decide(sio_claim(alice, "300.00", "300.00", "300.00"), alice, bob)
    assert decision.record["engine"] == {k: v for k, v in decision.record.items() if k != "engine"}
    assert decision.effects["totals"] == {SIO_2026: "900.00"}
