"""Payout runs: which decisions a run gathers, freezing it into a bank file, and the bank's
answers making claims paid or sending the student to correct their account."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from refusjon.claims import services as claims
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    StudentProfile,
    User,
)
from refusjon.payouts import services
from refusjon.payouts.models import (
    Payment,
    PaymentLine,
    PaymentStatus,
    PayoutRun,
    Recovery,
    RecoveryStatus,
    RunStatus,
)
from refusjon.payouts.services import PayoutError
from tests.claims.conftest import student
from tests.factories import NOW
from tests.payouts.conftest import ALICE_ACCOUNT, CAROL_IBAN, decided_claim, with_account

PAY_ON = date(2026, 11, 4)
LATER = NOW + timedelta(days=1)


def build(by: User, scheme: str = "sio", **kwargs: object) -> services.RunSummary:
    return services.build_run(scheme, by=by, execution_date=PAY_ON, now=NOW, **kwargs)  # type: ignore[arg-type]


def frozen(fiona: User) -> PayoutRun:
    return services.freeze_run(build(fiona).run, by=fiona, now=NOW)


def change_on_appeal(claim: Claim, refund: str, by: User) -> Assessment:
    """The decision changed on appeal: a new one supersedes it and the claim is decided
    again, as refusjon.claims.appeals leaves it."""
    old = claims.current_decision(claim)
    assert old is not None
    new = Assessment.objects.create(
        claim=claim,
        kind=AssessmentKind.DECISION,
        outcome="approved",
        refund_nok=Decimal(refund),
        record={},
        decided_by=by,
        created_at=LATER,
    )
    old.superseded_by = new
    old.save()
    claims.move(claim, ClaimStatus.APPEALED, now=LATER)
    claims.move(claim, ClaimStatus.DECIDED, now=LATER)
    return new


@pytest.fixture
def paying(alice: User, carol: User, bob: User) -> list[Claim]:
    """Three decided SiO claims: two of alice's (NOK 110, then 700 above the threshold the
    first reached), one of carol's (NOK 110)."""
    with_account(alice)
    with_account(carol)
    return [
        decided_claim(alice, bob, "600"),
        decided_claim(alice, bob, "700"),
        decided_claim(carol, bob, "600"),
    ]


def test_a_run_pays_each_student_once_for_all_their_decisions(
    fiona: User, alice: User, carol: User, paying: list[Claim]
) -> None:
    summary = build(fiona)

    run = summary.run
    assert run.reference == "PR-sio-20261104-1"
    assert run.status == RunStatus.OPEN
    assert summary.added == 3
    assert summary.held == []
    to_alice = run.payments.get(student=alice)
    assert to_alice.gross_nok == to_alice.amount_nok == Decimal("810.00")
    assert to_alice.account == ALICE_ACCOUNT
    assert sorted(to_alice.lines.values_list("claim__reference", flat=True)) == sorted(
        [paying[0].reference, paying[1].reference]
    )
    to_carol = run.payments.get(student=carol)
    assert (to_carol.amount_nok, to_carol.iban, to_carol.account) == (
        Decimal("110.00"),
        CAROL_IBAN,
        "",
    )
    assert {p.end_to_end_id for p in run.payments.all()} == {
        "PR-sio-20261104-1-1",
        "PR-sio-20261104-1-2",
    }


def test_the_creditor_is_named_by_full_name_or_else_username(
    fiona: User, alice: User, carol: User, paying: list[Claim]
) -> None:
    alice.first_name, alice.last_name = "Alice", "Aasen"
    alice.save()

    run = build(fiona).run

    assert run.payments.get(student=alice).creditor_name == "Alice Aasen"
    assert run.payments.get(student=carol).creditor_name == "carol"


def test_building_again_adds_only_what_was_decided_since(
    fiona: User, alice: User, bob: User, paying: list[Claim]
) -> None:
    first = build(fiona)
    again = build(fiona)
    assert again.run == first.run
    assert again.added == 0

    decided_claim(alice, bob, "800")
    refreshed = build(fiona)

    assert refreshed.added == 1
    to_alice = refreshed.run.payments.get(student=alice)
    assert to_alice.amount_nok == Decimal("1610.00")
    assert to_alice.lines.count() == 3
    assert PayoutRun.objects.count() == 1


def test_a_student_without_an_account_is_held_with_the_reason(
    fiona: User, alice: User, bob: User
) -> None:
    claim = decided_claim(alice, bob, "600")

    summary = build(fiona)

    assert summary.added == 0
    assert [(held.claim, held.reason) for held in summary.held] == [
        (claim, "The student has not given an account to pay to.")
    ]


def test_only_the_finance_role_prepares_and_freezes_runs(
    fiona: User, bob: User, paying: list[Claim]
) -> None:
    with pytest.raises(PayoutError, match="finance role"):
        build(bob)
    run = build(fiona).run
    with pytest.raises(PayoutError, match="finance role"):
        services.freeze_run(run, by=bob, now=NOW)
    assert not services.is_finance(bob)
    assert services.is_finance(fiona)


def test_freezing_sends_the_payments_and_keeps_the_bank_file(
    fiona: User, paying: list[Claim]
) -> None:
    run = frozen(fiona)

    assert run.status == RunStatus.FROZEN
    assert (run.frozen_by, run.frozen_at) == (fiona, NOW)
    assert run.payment_count == 2
    assert run.total_nok == Decimal("920.00")
    assert set(run.payments.values_list("status", flat=True)) == {PaymentStatus.SENT}
    assert run.bank_file.startswith("<?xml")
    assert len(run.bank_file_sha256) == 64
    assert AuditEntry.objects.filter(action="payouts.run.frozen").count() == 1


def test_freezing_again_gives_the_same_run_and_the_same_bytes(
    fiona: User, paying: list[Claim]
) -> None:
    run = frozen(fiona)

    again = services.freeze_run(run, by=fiona, now=LATER)

    assert again.pk == run.pk
    assert again.bank_file == run.bank_file
    assert again.frozen_at == NOW
    assert AuditEntry.objects.filter(action="payouts.run.frozen").count() == 1


def test_a_frozen_runs_decisions_go_into_no_other_run(fiona: User, paying: list[Claim]) -> None:
    frozen(fiona)

    summary = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert summary.run.reference == "PR-sio-20261104-2"
    assert summary.added == 0
    with pytest.raises(PayoutError, match="no payments"):
        services.freeze_run(summary.run, by=fiona, now=LATER)


def test_a_run_of_one_scheme_leaves_the_others_alone(fiona: User, paying: list[Claim]) -> None:
    assert build(fiona, "ssn").added == 0


def test_nobody_freezes_a_run_that_pays_themselves(
    fiona: User, bob: User, paying: list[Claim]
) -> None:
    # fiona, who has the finance role, studies too, and alice's claims were hers.
    StudentProfile.objects.filter(user__username="alice").update(user=fiona)
    Claim.objects.filter(applicant__username="alice").update(applicant=fiona)
    run = build(fiona).run

    with pytest.raises(PayoutError, match="pays you"):
        services.freeze_run(run, by=fiona, now=NOW)


def test_a_withdrawn_payment_waits_for_the_next_run(
    fiona: User, alice: User, paying: list[Claim]
) -> None:
    run = build(fiona).run
    payment = run.payments.get(student=alice)
    with pytest.raises(PayoutError, match="Say why"):
        services.withdraw_payment(payment, by=fiona, reason=" ", now=NOW)

    services.withdraw_payment(payment, by=fiona, reason="Account in doubt", now=NOW)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.WITHDRAWN
    assert not payment.lines.filter(active=True).exists()
    again = build(fiona)
    assert again.added == 0
    assert {held.claim for held in again.held} == {paying[0], paying[1]}
    services.freeze_run(run, by=fiona, now=NOW)
    run.refresh_from_db()
    assert run.payment_count == 1
    later = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)
    assert later.added == 2
    assert later.run.payments.get().student == alice


def test_a_discarded_run_frees_its_decisions(fiona: User, paying: list[Claim]) -> None:
    run = build(fiona).run

    services.discard_run(run, by=fiona, now=NOW)

    run.refresh_from_db()
    assert run.status == RunStatus.DISCARDED
    with pytest.raises(PayoutError, match="can no longer be changed"):
        services.freeze_run(run, by=fiona, now=NOW)
    assert build(fiona).added == 3


def test_a_frozen_run_can_not_be_changed(fiona: User, alice: User, paying: list[Claim]) -> None:
    run = frozen(fiona)

    with pytest.raises(PayoutError, match="can no longer be changed"):
        services.discard_run(run, by=fiona, now=NOW)
    with pytest.raises(PayoutError, match="can no longer be changed"):
        services.withdraw_payment(run.payments.get(student=alice), by=fiona, reason="x", now=NOW)


def test_the_banks_paid_answer_makes_the_claims_paid(
    fiona: User, alice: User, paying: list[Claim]
) -> None:
    run = frozen(fiona)
    payment = run.payments.get(student=alice)

    services.mark_paid(payment, now=LATER)
    services.mark_paid(payment, now=LATER)

    payment.refresh_from_db()
    assert (payment.status, payment.answered_at) == (PaymentStatus.PAID, LATER)
    statuses = dict(Claim.objects.values_list("reference", "status"))
    assert statuses[paying[0].reference] == statuses[paying[1].reference] == ClaimStatus.PAID
    assert statuses[paying[2].reference] == ClaimStatus.DECIDED
    assert AuditEntry.objects.filter(action="claims.claim.paid").count() == 2


def test_a_rejected_payment_waits_until_the_account_is_corrected(
    fiona: User, alice: User, paying: list[Claim]
) -> None:
    run = frozen(fiona)
    payment = run.payments.get(student=alice)

    services.mark_rejected(payment, code="AC04", reason="Closed account", now=LATER)

    payment.refresh_from_db()
    assert (payment.status, payment.status_reason_code) == (PaymentStatus.REJECTED, "AC04")
    assert not payment.lines.filter(active=True).exists()
    with pytest.raises(PayoutError, match="cannot have paid"):
        services.mark_paid(payment, now=LATER)
    held = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)
    assert held.added == 0
    assert {h.claim for h in held.held} == {paying[0], paying[1]}
    assert "not corrected" in held.held[0].reason

    StudentProfile.objects.filter(user=alice).update(bank_account="15030000010")
    corrected = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert corrected.added == 2
    again = corrected.run.payments.get(student=alice)
    assert (again.amount_nok, again.account) == (Decimal("810.00"), "15030000010")


def test_a_rejection_not_about_the_account_goes_into_the_next_run_as_it_is(
    fiona: User, alice: User, paying: list[Claim]
) -> None:
    payment = frozen(fiona).payments.get(student=alice)
    # AM04: the paying organisation's own account was short of funds; nothing for alice to do.
    services.mark_rejected(payment, code="AM04", reason="Insufficient funds", now=LATER)

    again = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert (again.added, again.held) == (2, [])
    assert again.run.payments.get(student=alice).account == payment.account


def test_a_paid_payment_is_not_rejected_afterwards(
    fiona: User, alice: User, paying: list[Claim]
) -> None:
    payment = frozen(fiona).payments.get(student=alice)
    services.mark_paid(payment, now=LATER)

    with pytest.raises(PayoutError, match="cannot reject"):
        services.mark_rejected(payment, code="AC04", reason="Closed", now=LATER)


def test_a_decision_raised_on_appeal_after_payment_pays_only_the_difference(
    fiona: User, alice: User, dave: User, paying: list[Claim]
) -> None:
    run = frozen(fiona)
    services.mark_paid(run.payments.get(student=alice), now=LATER)
    claim = Claim.objects.get(pk=paying[0].pk)

    change_on_appeal(claim, "150.00", dave)
    summary = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert summary.added == 1
    line = PaymentLine.objects.get(payment__run=summary.run)
    assert line.amount_nok == Decimal("40.00")
    services.mark_paid(
        services.freeze_run(summary.run, by=fiona, now=LATER).payments.get(), now=LATER
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID


def test_a_claim_appealed_while_in_the_run_stops_the_freeze_until_prepared_again(
    fiona: User, alice: User, dave: User, paying: list[Claim]
) -> None:
    run = build(fiona).run
    change_on_appeal(Claim.objects.get(pk=paying[0].pk), "50.00", dave)

    with pytest.raises(PayoutError, match=paying[0].reference):
        services.freeze_run(run, by=fiona, now=NOW)

    again = build(fiona)
    assert again.added == 1  # the changed decision, NOK 50
    assert again.run.payments.get(student=alice).amount_nok == Decimal("750.00")
    assert services.freeze_run(run, by=fiona, now=NOW).status == RunStatus.FROZEN


def test_building_asks_the_database_the_same_number_of_times_for_more_students(
    fiona: User, alice: User, bob: User, paying: list[Claim]
) -> None:
    with CaptureQueriesContext(connection) as two:
        few = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=NOW)
    services.discard_run(few.run, by=fiona, now=NOW)
    for number in range(18):
        extra = student(f"student{number}", f"P-{number}")
        StudentProfile.objects.filter(user=extra).update(bank_account=ALICE_ACCOUNT)
        decided_claim(extra, bob, "600")

    with CaptureQueriesContext(connection) as twenty:
        many = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert (few.added, many.added) == (3, 21)
    assert many.run.payments.count() == 20
    assert len(twenty.captured_queries) <= len(two.captured_queries)


def refresh_queries(fiona: User, bob: User, students: int, prefix: str) -> int:
    """How many queries refreshing an open run takes when each of ``students`` students
    already in it has a new decided claim."""
    paid = []
    for number in range(students):
        extra = student(f"{prefix}{number}", f"{prefix}-{number}")
        StudentProfile.objects.filter(user=extra).update(bank_account=ALICE_ACCOUNT)
        decided_claim(extra, bob, "600")
        paid.append(extra)
    build(fiona)
    for extra in paid:
        decided_claim(extra, bob, "800")
    with CaptureQueriesContext(connection) as refresh:
        summary = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)
    assert summary.added == students
    assert summary.run.payments.count() == students
    services.discard_run(summary.run, by=fiona, now=LATER)
    Claim.objects.filter(applicant__in=paid).update(status=ClaimStatus.PAID)  # out of the way
    return len(refresh.captured_queries)


def test_refreshing_a_run_asks_the_database_the_same_number_of_times_for_more_payments(
    fiona: User, bob: User
) -> None:
    assert refresh_queries(fiona, bob, 2, "few") == refresh_queries(fiona, bob, 20, "many")


def test_refreshing_sets_a_debt_off_anew_against_the_whole_payment(
    fiona: User, alice: User, bob: User
) -> None:
    with_account(alice)
    owed = decided_claim(alice, bob, "600")
    Claim.objects.filter(pk=owed.pk).update(status=ClaimStatus.PAID)
    decision = claims.current_decision(owed)
    assert decision is not None
    debt = Recovery.objects.create(
        reference="TK-refresh",
        claim=owed,
        decision=decision,
        student=alice,
        amount_nok=Decimal("1000.00"),
        reason="Paid twice",
        source="Forvaltningsloven § 35",
        opened_by=bob,
        opened_at=NOW - timedelta(days=10),
        appeal_deadline=PAY_ON,
    )
    decided_claim(alice, bob, "700")
    build(fiona)
    decided_claim(alice, bob, "800")

    payment = build(fiona).run.payments.get(student=alice)

    assert (payment.gross_nok, payment.netted_nok, payment.amount_nok) == (
        Decimal("1500.00"),
        Decimal("1000.00"),
        Decimal("500.00"),
    )
    assert list(payment.settlements.values_list("recovery", "amount_nok")) == [
        (debt.pk, Decimal("1000.00"))
    ]
    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.SETTLED


def test_progress_is_reported_as_payments_are_written(fiona: User, paying: list[Claim]) -> None:
    seen: list[tuple[int, int]] = []

    build(fiona, progress=lambda done, total: seen.append((done, total)))

    assert seen[0] == (0, 2)
    assert seen[-1] == (2, 2)


def test_two_runs_of_a_scheme_cannot_be_open_at_once(fiona: User, paying: list[Claim]) -> None:
    build(fiona)
    with pytest.raises(IntegrityError), transaction.atomic():
        PayoutRun.objects.create(
            reference="PR-sio-x",
            scheme="sio",
            execution_date=PAY_ON,
            created_by=fiona,
            created_at=NOW,
        )
    assert Payment.objects.count() == 2


def test_the_run_command_shows_the_payments_and_what_is_held(
    fiona: User, alice: User, bob: User, paying: list[Claim]
) -> None:
    decided_claim(student("erik", "P-ERIK"), bob, "600")
    out = io.StringIO()

    call_command("payouts_run", scheme="sio", date=PAY_ON, by="fiona", stdout=out)

    printed = out.getvalue()
    assert "Run PR-sio-20261104-1, to be paid 2026-11-04: 3 decisions added." in printed
    assert "PR-sio-20261104-1-1  alice  86011117947  NOK 810.00" in printed
    assert "Payments: 2, set off against debt NOK 0.00, to pay NOK 920.00." in printed
    assert "Held back: 1" in printed
    assert "The student has not given an account to pay to." in printed


def test_the_freeze_command_writes_the_bank_file_and_writes_it_again(
    fiona: User, paying: list[Claim], tmp_path: Path
) -> None:
    run = build(fiona).run
    out = io.StringIO()

    call_command(
        "payouts_freeze", run.reference, by="fiona", out=str(tmp_path / "a.xml"), stdout=out
    )
    call_command(
        "payouts_freeze", run.reference, by="fiona", out=str(tmp_path / "b.xml"), stdout=out
    )

    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()
    assert "was already frozen" in out.getvalue()
    run.refresh_from_db()
    assert (tmp_path / "a.xml").read_text() == run.bank_file


def test_the_commands_say_plainly_what_is_wrong(
    fiona: User, bob: User, paying: list[Claim]
) -> None:
    with pytest.raises(CommandError, match="finance role"):
        call_command("payouts_run", scheme="sio", by="bob", stdout=io.StringIO())
    with pytest.raises(CommandError, match="There is no payout run PR-nope"):
        call_command("payouts_freeze", "PR-nope", by="fiona", stdout=io.StringIO())
    with pytest.raises(CommandError, match="--by USERNAME"):
        call_command("payouts_freeze", "PR-nope", stdout=io.StringIO())


def test_refusjon_assess_still_needs_no_django() -> None:
    program = (
        "import sys; from refusjon import cli; cli.build_parser(); "
        "assert not any(name.startswith('django') for name in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_refusjon_payouts_routes_to_the_management_commands() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "refusjon.cli", "payouts", "freeze", "--help"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "refusjon payouts freeze" in result.stdout
    assert "RUN_REFERENCE" in result.stdout


WAITING = "An earlier payment is still waiting for the bank's answer."


def test_a_decision_raised_while_the_old_one_is_at_the_bank_waits_for_the_banks_answer(
    fiona: User, alice: User, dave: User, paying: list[Claim]
) -> None:
    frozen(fiona)
    claim = Claim.objects.get(pk=paying[0].pk)
    change_on_appeal(claim, "150.00", dave)

    waiting = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert waiting.added == 0
    assert [(held.claim, held.reason) for held in waiting.held] == [(claim, WAITING)]


def test_a_rejected_payment_of_a_decision_changed_on_appeal_frees_the_whole_refund(
    fiona: User, alice: User, dave: User, paying: list[Claim]
) -> None:
    sent = frozen(fiona).payments.get(student=alice)
    claim = Claim.objects.get(pk=paying[0].pk)
    change_on_appeal(claim, "150.00", dave)
    services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    services.mark_rejected(sent, code="AM04", reason="Insufficient funds", now=LATER)
    again = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert (again.added, again.held) == (2, [])
    assert again.run.payments.get(student=alice).amount_nok == Decimal("850.00")
    assert PaymentLine.objects.get(payment__run=again.run, claim=claim).amount_nok == Decimal(
        "150.00"
    )


def test_a_decision_raised_while_the_old_one_is_at_the_bank_pays_the_difference_once_paid(
    fiona: User, alice: User, dave: User, paying: list[Claim]
) -> None:
    sent = frozen(fiona).payments.get(student=alice)
    claim = Claim.objects.get(pk=paying[0].pk)
    change_on_appeal(claim, "150.00", dave)
    services.mark_paid(sent, now=LATER)

    again = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert again.added == 1
    assert PaymentLine.objects.get(payment__run=again.run).amount_nok == Decimal("40.00")


def test_refreshing_after_a_payment_was_dropped_numbers_new_payments_after_the_last(
    fiona: User, alice: User, bob: User, paying: list[Claim]
) -> None:
    run = build(fiona).run
    for claim in paying[:2]:  # alice's payment (the first) loses both its claims
        claims.move(Claim.objects.get(pk=claim.pk), ClaimStatus.APPEALED, now=LATER)
    erik = with_account(student("erik", "P-ERIK"))
    decided_claim(erik, bob, "600")

    summary = build(fiona)

    assert summary.added == 1
    assert sorted(run.payments.values_list("end_to_end_id", flat=True)) == [
        "PR-sio-20261104-1-2",
        "PR-sio-20261104-1-3",
    ]


def test_a_database_error_that_is_no_race_is_not_blamed_on_someone_else(
    fiona: User, paying: list[Claim], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise IntegrityError("CHECK constraint failed: payment_line_positive")

    monkeypatch.setattr(services, "_add", broken)

    with pytest.raises(IntegrityError, match="payment_line_positive"):
        build(fiona)


def test_a_claim_paid_in_full_while_under_appeal_is_paid_once_the_appeal_is_upheld(
    fiona: User, alice: User, paying: list[Claim]
) -> None:
    sent = frozen(fiona).payments.get(student=alice)
    claim = Claim.objects.get(pk=paying[0].pk)
    claims.move(claim, ClaimStatus.APPEALED, now=LATER)

    services.mark_paid(sent, now=LATER)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPEALED  # under appeal it stays under appeal
    claims.move(claim, ClaimStatus.DECIDED, now=LATER)  # upheld: back as it was
    summary = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert (summary.added, summary.held) == (0, [])
    assert AuditEntry.objects.filter(action="claims.claim.paid", claim=claim).count() == 1


def test_a_claim_lowered_on_appeal_while_at_the_bank_is_paid_when_the_bank_pays(
    fiona: User, alice: User, dave: User, paying: list[Claim]
) -> None:
    sent = frozen(fiona).payments.get(student=alice)
    claim = Claim.objects.get(pk=paying[0].pk)
    change_on_appeal(claim, "50.00", dave)

    services.mark_paid(sent, now=LATER)

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID


def test_freezing_pays_to_the_account_the_student_has_now(
    fiona: User, alice: User, carol: User, paying: list[Claim]
) -> None:
    run = build(fiona).run
    StudentProfile.objects.filter(user=alice).update(bank_account="15030000010")
    StudentProfile.objects.filter(user=carol).update(iban="de89 3704 0044 0532 0130 00")

    services.freeze_run(run, by=fiona, now=NOW)

    assert run.payments.get(student=alice).account == "15030000010"
    assert run.payments.get(student=carol).iban == "DE89370400440532013000"
    run.refresh_from_db()
    assert "15030000010" in run.bank_file


def test_freezing_is_refused_while_a_student_has_no_account_any_more(
    fiona: User, alice: User, paying: list[Claim]
) -> None:
    run = build(fiona).run
    StudentProfile.objects.filter(user=alice).update(bank_account="")

    with pytest.raises(PayoutError, match="alice"):
        services.freeze_run(run, by=fiona, now=NOW)


def test_an_account_written_differently_is_still_the_rejected_account(
    fiona: User, carol: User, paying: list[Claim]
) -> None:
    StudentProfile.objects.filter(user=carol).update(iban="gb82 west 1234 5698 7654 32")
    sent = frozen(fiona).payments.get(student=carol)
    assert sent.iban == CAROL_IBAN
    services.mark_rejected(sent, code="AC04", reason="Closed account", now=LATER)
    StudentProfile.objects.filter(user=carol).update(
        iban="GB82.WEST.1234.5698.7654.32", bic="deutdeff"
    )

    held = services.build_run("sio", by=fiona, execution_date=PAY_ON, now=LATER)

    assert held.added == 0
    assert "not corrected" in held.held[0].reason


def test_the_freeze_command_logs_that_it_wrote_the_bank_file(
    fiona: User, paying: list[Claim], tmp_path: Path
) -> None:
    run = build(fiona).run

    call_command(
        "payouts_freeze",
        run.reference,
        by="fiona",
        out=str(tmp_path / "a.xml"),
        stdout=io.StringIO(),
    )

    entry = AuditEntry.objects.get(action="payouts.run.bank_file_downloaded")
    run.refresh_from_db()
    assert (entry.actor, entry.purpose) == (fiona, "payment")
    assert entry.data["run"] == run.reference
    assert entry.data["sha256"] == run.bank_file_sha256
