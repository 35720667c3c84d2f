"""A caseworker's own assessment of lines, and a second caseworker's approval above a limit."""

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
    LineOverride,
    User,
)
from refusjon.claims.services import ClaimError
from tests.claims.conftest import student
from tests.factories import sio_claim

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def high_limit(settings: Settings) -> None:
    """Four eyes only where a test asks for them."""
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100000.00"


def in_review(claim: Claim, student: User, caseworker: User) -> Claim:
    services.submit_claim(claim, by=student, token="t-" + claim.reference, now=NOW)
    return services.start_review(claim, by=caseworker, now=NOW)


def abroad_student(username: str = "erin") -> User:
    """A full-time student in the United States, member of the National Insurance Scheme."""
    user = student(username, f"P-{username.upper()}")
    profile = user.profile
    profile.nis_member = True
    profile.full_time_student_abroad = True
    profile.study_country = "US"
    profile.save()
    return user


def abroad_claim(applicant: User) -> Claim:
    """A GP visit (priced) and a trip of over 300 km (referred to a caseworker)."""
    claim = services.create_draft(applicant, scheme="helfo_abroad", period="2026", now=NOW)
    services.add_line(
        claim, by=applicant, category="gp", service_on=date(2026, 10, 1), amount=Decimal("1000.00")
    )
    services.add_line(
        claim,
        by=applicant,
        category="patient_travel",
        service_on=date(2026, 10, 2),
        amount=Decimal("1200.00"),
        trip_distance_km=Decimal("300.5"),
        trip_min_public_fare_nok=Decimal("50.00"),
    )
    for document_type in ("receipt", "proof_of_payment", "medical_documentation"):
        Attachment.objects.create(
            claim=claim, document_type=document_type, language="en", shows_applicant_name=True
        )
    return claim


def test_an_override_changes_the_decided_refund_and_its_justification_is_kept(
    alice: User, bob: User
) -> None:
    claim = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    services.override_line(
        claim,
        by=bob,
        line_number=2,
        outcome="rejected",
        refund_nok=Decimal("0.00"),
        justification="The second visit was cosmetic.",
        now=NOW,
    )
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert (decision.outcome, decision.refund_nok) == ("partially_approved", Decimal("0.00"))
    line = decision.record["lines"][1]
    assert line["outcome"] == "rejected" and "override" in line["reasons"]
    assert line["override"]["justification"] == "The second visit was cosmetic."
    assert any("cosmetic" in step for step in decision.record["explanation"])
    assert any("cosmetic" in step for step in decision.record["explanation_nb"])
    engine = decision.record["engine"]
    assert (engine["outcome"], engine["refund_nok"]) == ("approved", "110.00")
    entry = AuditEntry.objects.get(claim=claim, action="claims.line.overridden")
    assert entry.actor == bob and entry.data["before"] is None
    assert entry.data["after"]["justification"] == "The second visit was cosmetic."
    # The rejected line does not count as an expense already claimed, nor towards the
    # threshold: the line that stands is priced without it, and its 300 is the running total.
    assert len(decision.effects["expenses"]) == 1
    assert decision.effects["totals"] == {adapter.key_text(("sio", 2026)): "300.00"}
    assert decision.record["reasons"] == ["below-threshold"]


def test_a_second_override_of_a_line_replaces_the_first_and_logs_both(
    alice: User, bob: User
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    for refund, why in (("100.00", "First look."), ("150.00", "Second look.")):
        services.override_line(
            claim,
            by=bob,
            line_number=1,
            outcome="accepted",
            refund_nok=Decimal(refund),
            justification=why,
            now=NOW,
        )
    override = LineOverride.objects.get(claim=claim)
    assert (override.refund_nok, override.justification) == (Decimal("150.00"), "Second look.")
    last = AuditEntry.objects.filter(claim=claim, action="claims.line.overridden").last()
    assert last is not None and last.data["before"]["justification"] == "First look."
    assert services.decide_claim(claim, by=bob, now=NOW).refund_nok == Decimal("150.00")


@pytest.mark.parametrize(
    ("refund", "justification", "message"),
    [
        ("100.00", "   ", "justification"),
        ("-1.00", "Because.", "between 0"),
        ("700.01", "Because.", "between 0"),
    ],
)
def test_an_override_needs_a_justification_and_a_refund_within_what_was_paid(
    alice: User, bob: User, refund: str, justification: str, message: str
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    with pytest.raises(ClaimError, match=message):
        services.override_line(
            claim,
            by=bob,
            line_number=1,
            outcome="accepted",
            refund_nok=Decimal(refund),
            justification=justification,
            now=NOW,
        )
    assert not LineOverride.objects.exists()


def test_only_a_caseworker_overrides_and_only_in_review(
    alice: User, bob: User, carol: User
) -> None:
    claim = sio_claim(alice, "700.00")

    def override(by: User) -> None:
        services.override_line(
            claim,
            by=by,
            line_number=1,
            outcome="accepted",
            refund_nok=Decimal("1.00"),
            justification="Because.",
            now=NOW,
        )

    with pytest.raises(ClaimError, match="in review"):
        override(bob)
    in_review(claim, alice, bob)
    with pytest.raises(ClaimError, match="Only caseworkers"):
        override(carol)
    assert not LineOverride.objects.exists()


def test_a_referred_line_blocks_deciding_until_a_caseworker_assesses_it(bob: User) -> None:
    erin = abroad_student()
    claim = in_review(abroad_claim(erin), erin, bob)
    proposal = Assessment.objects.get(claim=claim, kind=AssessmentKind.PROPOSAL)
    assert [line["outcome"] for line in proposal.record["lines"]] == ["accepted", "referred"]
    with pytest.raises(ClaimError, match="referred lines"):
        services.decide_claim(claim, by=bob, now=NOW)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    services.override_line(
        claim,
        by=bob,
        line_number=2,
        outcome="accepted",
        refund_nok=Decimal("500.00"),
        justification="No shorter route; paid at the standard rate for 300 km.",
        now=NOW,
    )
    decision = services.decide_claim(claim, by=bob, now=NOW)
    engine_refund = Decimal(decision.record["engine"]["refund_nok"])
    assert decision.outcome == "approved"
    assert decision.refund_nok == engine_refund + Decimal("500.00")
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DECIDED


def test_above_the_limit_a_second_caseworker_approves(
    alice: User, bob: User, dave: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"
    claim = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    proposal = services.decide_claim(claim, by=bob, now=NOW)
    assert proposal.kind == AssessmentKind.PROPOSAL and proposal.refund_nok == Decimal("110.00")
    claim.refresh_from_db()
    assert (claim.status, claim.proposed_by) == (ClaimStatus.AWAITING_APPROVAL, bob)
    assert not Assessment.objects.filter(claim=claim, kind=AssessmentKind.DECISION).exists()
    with pytest.raises(ClaimError, match="second caseworker"):
        services.approve_decision(claim, by=bob, now=LATER)
    decision = services.approve_decision(claim, by=dave, now=LATER)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED
    assert (decision.decided_by, decision.refund_nok) == (dave, Decimal("110.00"))
    assert decision.effects == proposal.effects and decision.effects["totals"]
    entry = AuditEntry.objects.get(claim=claim, action="claims.claim.decided")
    assert entry.actor == dave
    assert (entry.data["proposed_by"], entry.data["approved_by"]) == ("bob", "dave")


def test_below_the_limit_the_first_caseworker_decides_alone(
    alice: User, bob: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "110.00"  # "above": exactly the limit is below it
    claim = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert decision.kind == AssessmentKind.DECISION
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DECIDED


def test_a_second_caseworker_sends_the_proposal_back_to_review(
    alice: User, bob: User, dave: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"
    claim = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    services.decide_claim(claim, by=bob, now=NOW)
    with pytest.raises(ClaimError, match="second caseworker"):
        services.send_back(claim, by=bob, reason="Mine is fine.", now=LATER)
    with pytest.raises(ClaimError, match="Say why"):
        services.send_back(claim, by=dave, reason=" ", now=LATER)
    services.send_back(claim, by=dave, reason="Check line 2 again.", now=LATER)
    claim.refresh_from_db()
    assert (claim.status, claim.proposed_by) == (ClaimStatus.IN_REVIEW, None)
    entry = AuditEntry.objects.get(claim=claim, action="claims.claim.sent_back")
    assert (entry.actor, entry.data["reason"], entry.data["proposed_by"]) == (
        dave,
        "Check line 2 again.",
        "bob",
    )
    with pytest.raises(ClaimError, match="not waiting"):
        services.approve_decision(claim, by=dave, now=LATER)


def test_nobody_approves_a_claim_of_their_own(bob: User, dave: User, settings: Settings) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"
    erin = student("erin", "P-ERIN")
    erin.groups.set(bob.groups.all())  # a caseworker who is also a student
    claim = in_review(sio_claim(erin, "300.00", "300.00"), erin, bob)
    services.decide_claim(claim, by=bob, now=NOW)
    with pytest.raises(ClaimError, match="of their own"):
        services.approve_decision(claim, by=erin, now=LATER)
    with pytest.raises(ClaimError, match="of their own"):
        services.send_back(claim, by=erin, reason="Pay me more.", now=LATER)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.AWAITING_APPROVAL


def test_approving_a_claim_that_changed_meanwhile_is_refused(
    alice: User, bob: User, dave: User, settings: Settings
) -> None:
    settings.REFUSJON_FOUR_EYES_ABOVE_NOK = "100.00"
    claim = in_review(sio_claim(alice, "300.00", "300.00"), alice, bob)
    services.decide_claim(claim, by=bob, now=NOW)
    seen_by_dave = Claim.objects.get(pk=claim.pk)
    erin = User.objects.create_user("frank")
    erin.groups.set(bob.groups.all())
    services.send_back(claim, by=erin, reason="Line 1 again.", now=NOW)
    services.decide_claim(claim, by=bob, now=LATER)  # proposed again, version moved on
    with pytest.raises(ClaimError, match="changed this claim"):
        services.approve_decision(seen_by_dave, by=dave, now=LATER)
    assert not Assessment.objects.filter(claim=claim, kind=AssessmentKind.DECISION).exists()


def test_returning_a_claim_clears_the_assessment_of_its_lines_and_logs_it(
    alice: User, bob: User
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    services.override_line(
        claim,
        by=bob,
        line_number=1,
        outcome="rejected",
        refund_nok=Decimal("0.00"),
        justification="No receipt.",
        now=NOW,
    )
    services.return_claim(
        claim, by=bob, missing=["receipt"], complete_by=date(2026, 12, 1), now=NOW
    )
    assert not LineOverride.objects.filter(claim=claim).exists()
    entry = AuditEntry.objects.get(claim=claim, action="claims.line.overrides_cleared")
    assert entry.data["overrides"]["1"]["justification"] == "No receipt."


def override_one(claim: Claim, by: User, refund: str = "100.00", line: int = 1) -> LineOverride:
    return services.override_line(
        claim,
        by=by,
        line_number=line,
        outcome="accepted",
        refund_nok=Decimal(refund),
        justification="Seen the receipt.",
        now=NOW,
    )


def test_an_override_changes_the_claims_version_so_a_decision_seen_before_is_refused(
    alice: User, bob: User, dave: User
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    seen_by_dave = Claim.objects.get(pk=claim.pk)
    override_one(claim, bob)
    assert Claim.objects.get(pk=claim.pk).version == seen_by_dave.version + 1
    with pytest.raises(ClaimError, match="Someone else changed this claim just now"):
        services.decide_claim(seen_by_dave, by=dave, now=NOW)
    assert not Assessment.objects.filter(claim=claim, kind=AssessmentKind.DECISION).exists()
    assert services.decide_claim(claim, by=bob, now=NOW).refund_nok == Decimal("100.00")


def test_an_override_on_a_claim_changed_meanwhile_is_refused(
    alice: User, bob: User, dave: User
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    seen_by_dave = Claim.objects.get(pk=claim.pk)
    override_one(claim, bob)
    with pytest.raises(ClaimError, match="Someone else changed this claim just now"):
        override_one(seen_by_dave, dave, refund="200.00")
    assert LineOverride.objects.get(claim=claim).refund_nok == Decimal("100.00")


def test_an_override_refund_with_more_than_two_decimals_is_refused(alice: User, bob: User) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    with pytest.raises(ClaimError, match=r"Refund \(NOK\): give at most two decimals"):
        override_one(claim, bob, refund="100.005")
    assert not LineOverride.objects.exists()
    override_one(claim, bob, refund="100.50")
    decision = services.decide_claim(claim, by=bob, now=NOW)
    assert decision.record["lines"][0]["refund_nok"] == "100.50"


def test_a_caseworker_clears_an_override_in_review_and_it_is_logged(
    alice: User, bob: User, dave: User
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    override_one(claim, bob)
    version = Claim.objects.get(pk=claim.pk).version
    services.clear_override(claim, by=dave, line_number=1, now=LATER)
    assert not LineOverride.objects.filter(claim=claim).exists()
    assert Claim.objects.get(pk=claim.pk).version == version + 1
    entry = AuditEntry.objects.get(claim=claim, action="claims.line.override_cleared")
    assert (entry.actor, entry.data["before"]["refund_nok"]) == (dave, "100.00")
    with pytest.raises(ClaimError, match="no caseworker's assessment"):
        services.clear_override(claim, by=dave, line_number=1, now=LATER)
    assert services.decide_claim(claim, by=bob, now=LATER).refund_nok == Decimal("210.00")


def test_only_a_caseworker_clears_an_override_and_only_in_review(
    alice: User, bob: User, carol: User
) -> None:
    claim = in_review(sio_claim(alice, "700.00"), alice, bob)
    override_one(claim, bob)
    with pytest.raises(ClaimError, match="Only caseworkers"):
        services.clear_override(claim, by=carol, line_number=1, now=NOW)
    services.decide_claim(claim, by=bob, now=NOW)
    claim.refresh_from_db()
    with pytest.raises(ClaimError, match="in review"):
        services.clear_override(claim, by=bob, line_number=1, now=NOW)
    assert LineOverride.objects.filter(claim=claim).exists()
