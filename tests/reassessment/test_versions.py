"""Changing a scheme: a new version is checked, tried on the decided claims (the dry run), and
approved; approving decides again the claims it changes, with back-payments and recoveries."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from refusjon.claims import appeals
from refusjon.claims import services as claims
from refusjon.claims.errors import ClaimError
from refusjon.claims.models import (
    AuditEntry,
    Claim,
    ClaimStatus,
    ParameterOverride,
    SchemeVersion,
    SchemeVersionStatus,
    User,
)
from refusjon.letters.content import compose
from refusjon.payouts import services as payouts
from refusjon.payouts.models import Recovery
from refusjon.reassessment import services
from refusjon.reassessment.services import ReassessmentError, VersionProblems
from refusjon.rules.schemes import shipped_text
from tests.claims.conftest import student
from tests.factories import decide, sio_claim
from tests.payouts.conftest import with_account
from tests.reassessment.conftest import (
    SIS,
    STUDY_YEAR,
    SUBMITTED,
    decided_sis_claim,
    sis_student,
    sis_with,
)

LATER = SUBMITTED + timedelta(days=30)
PAY_ON, PAY_AGAIN = date(2026, 4, 20), date(2026, 5, 20)
SEPTEMBER, FEBRUARY = date(2025, 9, 10), date(2026, 2, 10)


def paid_sis_claim(student: User, caseworker: User, finance: User) -> Claim:
    """A SiS claim of 1,000 (refund 80), paid through a payout run."""
    with_account(student)
    claim = decided_sis_claim(student, caseworker, (SEPTEMBER, "1000"))
    run = payouts.build_run("sis", by=finance, execution_date=PAY_ON, now=SUBMITTED).run
    payouts.freeze_run(run, by=finance, now=SUBMITTED)
    for payment in run.payments.all():
        payouts.mark_paid(payment, now=SUBMITTED)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    return claim


def propose(by: User, text: str, effective_from: date = STUDY_YEAR) -> SchemeVersion:
    version = services.propose_version(
        "sis", text=text, effective_from=effective_from, note="A change", by=by, now=LATER
    )
    version.refresh_from_db()  # its dry run has run (the tests run jobs at once)
    return version


def refund(claim: Claim) -> Decimal:
    decision = claims.current_decision(claim)
    assert decision is not None
    return decision.refund_nok


# Checking a file ------------------------------------------------------------------------------


def test_a_file_with_problems_is_refused_naming_the_file_key_and_problem(ada: User) -> None:
    broken = SIS.replace("value: 0.40\n", "value: 1.40\n").replace("unit: rate", "unit: rates")
    with pytest.raises(VersionProblems) as refused:
        propose(ada, broken)
    told = [str(problem) for problem in refused.value.problems]
    assert any(line.startswith("sis.yaml: figures.share.unit: ") for line in told), told
    assert not SchemeVersion.objects.exists()


def test_a_file_of_another_scheme_is_refused(ada: User) -> None:
    with pytest.raises(VersionProblems) as refused:
        propose(ada, SIS.replace("scheme: sis", "scheme: sia", 1))
    assert [str(problem) for problem in refused.value.problems] == [
        "sis.yaml: scheme: is sia, but this is a version of sis"
    ]


def test_not_yaml_is_refused_with_its_line(ada: User) -> None:
    with pytest.raises(VersionProblems) as refused:
        propose(ada, "scheme: sis\n  name: [\n")
    assert str(refused.value).startswith("sis.yaml: line ")


def test_only_an_administrator_of_the_schemes_proposes(bob: User) -> None:
    with pytest.raises(ReassessmentError, match="Only an administrator"):
        propose(bob, SIS)


# The dry run ----------------------------------------------------------------------------------


def test_a_version_that_changes_nothing_changes_no_decision(
    alice: User, carol: User, bob: User, ada: User
) -> None:
    # alice's second claim of the study year is refunded in full: her first took the
    # deductible. Decided again against what came after it, the first would change.
    decided_sis_claim(alice, bob, (SEPTEMBER, "500"))
    decided_sis_claim(alice, bob, (FEBRUARY, "500"), now=SUBMITTED + timedelta(days=1))
    decided_sis_claim(carol, bob, (SEPTEMBER, "1000"))
    version = propose(ada, SIS)
    assert version.checked_at is not None
    assert version.summary["examined"] == 3
    assert version.summary["changed"] == 0
    assert not version.changes.exists()


def test_the_dry_run_shows_claims_people_and_money_and_changes_nothing(
    alice: User, carol: User, bob: User, ada: User
) -> None:
    first = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))  # 40 % of 200: 80
    decided_sis_claim(carol, bob, (SEPTEMBER, "700"))  # below the deductible: 0
    version = propose(ada, sis_with(deductible="500"))  # 40 % of 500: 200; carol 40 % of 200
    summary = version.summary
    assert (summary["examined"], summary["changed"], summary["people"]) == (2, 2, 2)
    assert Decimal(summary["more_nok"]) == Decimal("200.00")  # 120 + 80
    assert Decimal(summary["back_payment_nok"]) == Decimal("0")  # nothing was paid yet
    change = version.changes.get(claim=first)
    assert (change.old_refund_nok, change.new_refund_nok) == (Decimal("80.00"), Decimal("200.00"))
    assert change.difference_nok == Decimal("120.00")
    assert change.new_decision is None
    assert refund(first) == Decimal("80.00")  # nothing decided until approved
    assert version.status == SchemeVersionStatus.DRAFT


def test_a_version_in_force_from_after_the_period_starts_leaves_its_claims(
    alice: User, bob: User, ada: User
) -> None:
    decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    version = propose(ada, sis_with(deductible="500"), effective_from=date(2026, 7, 1))
    assert (version.summary["examined"], version.summary["changed"]) == (0, 0)


# Approving ------------------------------------------------------------------------------------


def test_approving_decides_again_with_a_letter_and_the_difference_to_pay(
    alice: User, bob: User, ada: User
) -> None:
    claim = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    old = claims.current_decision(claim)
    version = propose(ada, sis_with(deductible="500"))
    services.approve_version(version, by=ada, now=LATER)
    version.refresh_from_db()
    claim.refresh_from_db()
    new = claims.current_decision(claim)
    assert new is not None and old is not None and new.pk != old.pk
    assert new.refund_nok == Decimal("200.00")
    old.refresh_from_db()
    assert old.superseded_by == new
    assert new.record["supersedes"]["because"] == "scheme_changed"
    assert new.record["supersedes"]["refund_nok"] == "80.00"
    assert claim.status == ClaimStatus.DECIDED  # the payout run pays the 200
    letter = compose(new, "en")
    assert "The rules of the scheme changed from 2025-07-01" in letter
    assert "replaces the decision of 2026-04-15" in letter
    assert version.changes.get(claim=claim).new_decision == new
    assert version.reassessed_at is not None
    assert AuditEntry.objects.filter(action="schemes.version.approved").exists()


def test_a_paid_claim_raised_is_paid_the_difference_in_the_next_run(
    alice: User, bob: User, ada: User, fiona: User
) -> None:
    claim = paid_sis_claim(alice, bob, fiona)  # 80 paid
    version = propose(ada, sis_with(deductible="500"))
    assert Decimal(version.summary["back_payment_nok"]) == Decimal("120.00")
    services.approve_version(version, by=ada, now=LATER)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DECIDED
    run = payouts.build_run("sis", by=fiona, execution_date=PAY_AGAIN, now=LATER).run
    assert [payment.amount_nok for payment in run.payments.all()] == [Decimal("120.00")]


def test_a_paid_claim_lowered_is_claimed_back(
    alice: User, bob: User, ada: User, fiona: User
) -> None:
    claim = paid_sis_claim(alice, bob, fiona)
    version = propose(ada, sis_with(share="0.25"))  # 25 % of 200: 50
    assert Decimal(version.summary["overpaid_nok"]) == Decimal("30.00")
    services.approve_version(version, by=ada, now=LATER)
    claim.refresh_from_db()
    assert refund(claim) == Decimal("50.00")
    assert claim.status == ClaimStatus.PAID
    recovery = Recovery.objects.get(claim=claim)
    assert recovery.amount_nok == Decimal("30.00")
    assert "decided again" in recovery.reason
    assert not payouts.build_run("sis", by=fiona, execution_date=PAY_AGAIN, now=LATER).added


def test_a_claim_paid_outside_the_runs_is_left_to_a_person_when_raised(
    alice: User, bob: User, ada: User
) -> None:
    claim = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    claims.move(claim, ClaimStatus.PAID, now=SUBMITTED)  # marked paid, no payment here
    services.approve_version(propose(ada, sis_with(deductible="500")), by=ada, now=LATER)
    summary = services.reassess("sis", STUDY_YEAR, by=ada)
    assert summary.left == [claim.reference]
    assert refund(claim) == Decimal("80.00")


def test_a_claim_under_appeal_is_left_to_its_appeal(alice: User, bob: User, ada: User) -> None:
    claim = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    appeal = appeals.save_appeal(claim, by=alice, text="Too little.", now=SUBMITTED)
    appeals.submit_appeal(appeal, by=alice, now=SUBMITTED)
    version = propose(ada, sis_with(deductible="500"))
    assert (version.summary["examined"], version.summary["under_appeal"]) == (0, 1)


def test_a_draft_is_approved_once_and_a_discarded_one_never(
    alice: User, bob: User, ada: User
) -> None:
    version = propose(ada, SIS)
    services.approve_version(version, by=ada, now=LATER)
    with pytest.raises(ReassessmentError, match="Only a draft"):
        services.approve_version(version, by=ada, now=LATER)
    other = propose(ada, sis_with(deductible="500"))
    services.discard_version(other, by=ada, now=LATER)
    with pytest.raises(ReassessmentError, match="Only a draft"):
        services.approve_version(other, by=ada, now=LATER)


def test_an_approved_version_decides_new_claims_of_its_periods(
    alice: User, carol: User, bob: User, ada: User
) -> None:
    version = propose(ada, sis_with(deductible="500"))
    services.approve_version(version, by=ada, now=LATER)
    claim = decided_sis_claim(carol, bob, (SEPTEMBER, "1000"), now=LATER)
    assert refund(claim) == Decimal("200.00")


def test_versions_are_numbered_per_scheme(ada: User) -> None:
    assert [propose(ada, SIS).number for _ in range(3)] == [1, 2, 3]


def test_the_dry_run_leaves_the_periods_a_later_version_decides(
    alice: User, carol: User, bob: User, ada: User
) -> None:
    decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    later = propose(ada, SIS, effective_from=date(2025, 7, 1))
    services.approve_version(later, by=ada, now=LATER)
    earlier = propose(ada, sis_with(deductible="500"), effective_from=date(2024, 7, 1))
    assert (earlier.summary["examined"], earlier.summary["changed"]) == (0, 0)


def test_a_scheme_decided_by_hooks_is_changed_the_same_way(bob: User, ada: User) -> None:
    # SiO's threshold for a student with a SiO GP, 490 in 2026, lowered to 400: a claim of
    # 600 is refunded 200 instead of 110.
    olga = student("olga", "P-OLGA")
    claim = sio_claim(olga, "600.00")
    decide(claim, olga, bob)
    text = shipped_text("sio") or ""
    lowered = text.replace('value: "490"', 'value: "400"')
    assert lowered != text
    version = services.propose_version(
        "sio", text=lowered, effective_from=date(2026, 1, 1), note="400", by=ada, now=LATER
    )
    version.refresh_from_db()
    assert (version.summary["changed"], version.summary["more_nok"]) == (1, "90.00")
    services.approve_version(version, by=ada, now=LATER)
    assert refund(claim) == Decimal("200.00")


def test_a_paid_claim_is_never_decided_again_by_a_caseworker(
    alice: User, bob: User, dave: User, fiona: User
) -> None:
    claim = paid_sis_claim(alice, bob, fiona)
    with pytest.raises(ClaimError):
        claims.decide_claim(claim, by=dave, now=LATER)
    assert claims.current_decision(claim) is not None
    assert claim.assessments.filter(kind="decision").count() == 1


def test_a_later_change_is_not_put_down_to_an_earlier_version(
    alice: User, bob: User, ada: User
) -> None:
    claim = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    version = propose(ada, sis_with(deductible="500"))
    services.approve_version(version, by=ada, now=LATER)  # 80 → 200
    ParameterOverride.objects.create(
        name="sis.deductible", valid_from=date(2024, 7, 1), value="400", source="A vote"
    )
    services.reassess("sis", STUDY_YEAR, by=ada, now=LATER)  # 200 → 240
    assert refund(claim) == Decimal("240.00")
    change = version.changes.get(claim=claim)
    assert (change.old_refund_nok, change.new_refund_nok) == (Decimal("80.00"), Decimal("200.00"))
    decision = claims.current_decision(claim)
    assert decision is not None
    assert decision.record["supersedes"]["because"] == "scheme_changed"
    assert "in_force_from" not in decision.record["supersedes"]


def test_a_version_changing_a_figure_an_administrator_dated_is_refused(ada: User) -> None:
    ParameterOverride.objects.create(
        name="sis.deductible", valid_from=date(2025, 7, 1), value="600", source="A vote"
    )
    with pytest.raises(VersionProblems) as refused:
        propose(ada, sis_with(deductible="500"))
    assert [problem.key for problem in refused.value.problems] == ["figures.deductible"]
    assert propose(ada, sis_with(share="0.50")).number == 1  # another figure: taken


def test_a_claim_paid_outside_the_runs_is_left_to_a_person_when_lowered(
    alice: User, bob: User, ada: User
) -> None:
    claim = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    claims.move(claim, ClaimStatus.PAID, now=SUBMITTED)  # marked paid, no payment here
    services.approve_version(propose(ada, sis_with(share="0.25")), by=ada, now=LATER)
    version = SchemeVersion.objects.get()
    assert version.summary["applied"]["left"] == [claim.reference]
    assert refund(claim) == Decimal("80.00")
    assert not Recovery.objects.exists()


def test_the_deciders_own_claim_is_left_to_someone_else(bob: User, ada: User) -> None:
    sam = sis_student("sam", "P-SAM")  # a student who also administers the schemes
    sam.is_staff = sam.is_superuser = True
    sam.save()
    claim = decided_sis_claim(sam, bob, (SEPTEMBER, "1000"))
    ParameterOverride.objects.create(
        name="sis.deductible", valid_from=date(2024, 7, 1), value="500", source="A vote"
    )
    assert services.reassess("sis", STUDY_YEAR, by=sam, now=LATER).left == [claim.reference]
    assert refund(claim) == Decimal("80.00")
    assert services.reassess("sis", STUDY_YEAR, by=ada, now=LATER).changed == 1


def test_one_claim_that_fails_is_named_and_the_others_are_decided(
    alice: User, carol: User, bob: User, ada: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = decided_sis_claim(alice, bob, (SEPTEMBER, "1000"))
    fine = decided_sis_claim(carol, bob, (SEPTEMBER, "1000"))
    decide_again = services.decide_again

    def failing(item: services.Reassessed, **kwargs: object) -> services.Difference:
        if item.claim.pk == broken.pk:
            raise RuntimeError("a bug")
        return decide_again(item, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(services, "decide_again", failing)
    version = propose(ada, sis_with(deductible="500"))
    services.approve_version(version, by=ada, now=LATER)
    version.refresh_from_db()
    assert version.summary["applied"]["left"] == [broken.reference]
    assert (refund(broken), refund(fine)) == (Decimal("80.00"), Decimal("200.00"))
