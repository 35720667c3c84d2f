"""Recoveries: a caseworker claims back a paid refund with reason and source; alice appeals
within three weeks, another caseworker handles it; the debt is set off against later refunds
or paid back, and what she owes and what the organisation is owed add up."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from refusjon.claims import services
from refusjon.claims.models import AuditEntry, Claim, ClaimStatus, User
from refusjon.claims.services import ClaimError
from refusjon.payouts import netting, recoveries
from refusjon.payouts.models import (
    Payment,
    PaymentLine,
    PaymentStatus,
    PayoutRun,
    Recovery,
    RecoveryStatus,
    RunStatus,
)
from tests.factories import NOW
from tests.payouts.conftest import decided_claim

SOURCE = "Forvaltningsloven § 35 (omgjøring av vedtak)"
LATER = NOW + timedelta(days=30)


def _payment(claim: Claim, *, status: str, run_status: str, on: date, by: User) -> Payment:
    """The claim's decision in a payment of a run of its own, as the payout runs make them."""
    decision = services.current_decision(claim)
    assert decision is not None
    run = PayoutRun.objects.create(
        reference=f"RUN-{claim.reference}",
        scheme=claim.scheme,
        status=run_status,
        execution_date=on,
        created_by=by,
        created_at=NOW,
    )
    payment = Payment.objects.create(
        run=run,
        student=claim.applicant,
        end_to_end_id=f"E2E-{claim.reference}",
        status=status,
        gross_nok=decision.refund_nok,
        amount_nok=decision.refund_nok,
        creditor_name=claim.applicant.get_username(),
    )
    PaymentLine.objects.create(
        payment=payment, claim=claim, decision=decision, amount_nok=decision.refund_nok
    )
    return payment


def paid_claim(student: User, caseworker: User, *amounts: str) -> Claim:
    """A SiO claim decided and paid through a payout run (600 → NOK 110 paid)."""
    claim = decided_claim(student, caseworker, *amounts)
    _payment(
        claim,
        status=PaymentStatus.PAID,
        run_status=RunStatus.FROZEN,
        on=date(2026, 11, 10),
        by=caseworker,
    )
    services.move(claim, ClaimStatus.PAID, now=NOW)
    return claim


def pending_payment(student: User, caseworker: User, *amounts: str) -> Payment:
    """A newly decided claim of the student's in a run being prepared."""
    claim = decided_claim(student, caseworker, *amounts)
    return _payment(
        claim,
        status=PaymentStatus.PENDING,
        run_status=RunStatus.OPEN,
        on=date(2026, 12, 1),
        by=caseworker,
    )


def recovery_of(claim: Claim, by: User, amount: str = "60.00", *, now: datetime = NOW) -> Recovery:
    return recoveries.open_recovery(
        claim,
        by=by,
        amount_nok=Decimal(amount),
        reason="The GP fee of March was refunded by your insurer too.",
        source=SOURCE,
        now=now,
    )


# Opening


def test_a_caseworker_claims_back_part_of_a_paid_refund(alice: User, bob: User) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    recovery = recovery_of(claim, bob, "60.00")
    assert recovery.status == RecoveryStatus.OPEN
    assert recovery.student == alice
    assert recovery.decision == services.current_decision(claim)
    assert recovery.amount_nok == Decimal("60.00")
    assert recovery.reference.startswith("TK-2026-")
    assert recovery.appeal_deadline == date(2026, 11, 23)  # three weeks
    entry = AuditEntry.objects.get(action="payouts.recovery.opened")
    assert entry.actor == bob and entry.claim == claim
    assert entry.data["amount_nok"] == "60.00" and entry.data["source"] == SOURCE


def test_a_refund_not_yet_paid_cannot_be_claimed_back(alice: User, bob: User) -> None:
    claim = decided_claim(alice, bob, "300.00", "300.00")
    with pytest.raises(ClaimError, match="has been paid"):
        recovery_of(claim, bob)


def test_a_refund_only_sent_to_the_bank_cannot_be_claimed_back(alice: User, bob: User) -> None:
    payment = pending_payment(alice, bob, "300.00", "300.00")
    payment.status = PaymentStatus.SENT
    payment.save()
    claim = payment.lines.get().claim
    with pytest.raises(ClaimError, match="has been paid"):
        recovery_of(claim, bob)


def test_no_more_than_was_paid_can_be_claimed_back(alice: User, bob: User) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")  # NOK 110 paid
    with pytest.raises(ClaimError, match=r"At most NOK 110\.00"):
        recovery_of(claim, bob, "110.01")
    recovery_of(claim, bob, "100.00")
    with pytest.raises(ClaimError, match=r"At most NOK 10\.00"):
        recovery_of(claim, bob, "20.00")
    assert recovery_of(claim, bob, "10.00").amount_nok == Decimal("10.00")


def test_a_cancelled_recovery_frees_its_amount(alice: User, bob: User, dave: User) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    recovery = recovery_of(claim, bob, "110.00")
    recoveries.appeal_recovery(recovery, by=alice, text="I was not refunded twice.", now=NOW)
    recoveries.handle_recovery_appeal(recovery, by=dave, outcome="cancel", note="Right.", now=NOW)
    assert recoveries.recoverable(claim) == Decimal("110.00")


@pytest.mark.parametrize("amount", ["0", "-5.00"])
def test_the_amount_must_be_above_zero(alice: User, bob: User, amount: str) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    with pytest.raises(ClaimError, match="above zero"):
        recovery_of(claim, bob, amount)


def test_the_amount_is_rounded_to_whole_ore(alice: User, bob: User) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    assert recovery_of(claim, bob, "10.005").amount_nok == Decimal("10.01")


@pytest.mark.parametrize(
    ("reason", "source", "message"),
    [("  ", SOURCE, "Say why"), ("Paid twice.", " ", "legal basis")],
)
def test_a_reason_and_a_source_are_required(
    alice: User, bob: User, reason: str, source: str, message: str
) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    with pytest.raises(ClaimError, match=message):
        recoveries.open_recovery(
            claim, by=bob, amount_nok=Decimal("10"), reason=reason, source=source, now=NOW
        )
    assert not Recovery.objects.exists()


def test_the_student_cannot_open_a_recovery(alice: User, bob: User) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    with pytest.raises(ClaimError, match="Only caseworkers"):
        recovery_of(claim, alice)


def test_a_caseworker_cannot_open_a_recovery_of_their_own_claim(alice: User, bob: User) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    alice.groups.add(*bob.groups.all())
    with pytest.raises(ClaimError, match="of their own"):
        recovery_of(claim, User.objects.get(pk=alice.pk))


# Appeals


def test_alice_appeals_within_three_weeks_and_nothing_is_set_off_meanwhile(
    alice: User, bob: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    last_day = datetime(2026, 11, 23, 12, 0, tzinfo=NOW.tzinfo)
    recoveries.appeal_recovery(recovery, by=alice, text="I paid the fee myself.", now=last_day)
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.APPEALED
    assert recovery.appeal_text == "I paid the fee myself."
    payment = pending_payment(alice, bob, "200.00")
    assert netting.net_against(payment, by=bob, now=LATER) == Decimal("0.00")
    assert recoveries.balance(alice) == Decimal("60.00")  # still owed while appealed


def test_an_appeal_after_the_deadline_is_refused(alice: User, bob: User) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    too_late = datetime(2026, 11, 24, 12, 0, tzinfo=NOW.tzinfo)
    with pytest.raises(ClaimError, match="2026-11-23"):
        recoveries.appeal_recovery(recovery, by=alice, text="Late.", now=too_late)
    assert not recoveries.can_appeal(recovery, now=too_late)


def test_only_alice_appeals_her_recovery_and_only_once(alice: User, carol: User, bob: User) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    with pytest.raises(ClaimError, match="not your"):
        recoveries.appeal_recovery(recovery, by=carol, text="Hm.", now=NOW)
    with pytest.raises(ClaimError, match="Write what"):
        recoveries.appeal_recovery(recovery, by=alice, text=" ", now=NOW)
    recoveries.appeal_recovery(recovery, by=alice, text="No.", now=NOW)
    with pytest.raises(ClaimError, match="already"):
        recoveries.appeal_recovery(recovery, by=alice, text="Again.", now=NOW)


def _appealed(alice: User, bob: User, amount: str = "60.00") -> Recovery:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, amount)
    return recoveries.appeal_recovery(recovery, by=alice, text="I disagree.", now=NOW)


def test_the_caseworker_who_opened_it_does_not_handle_the_appeal(alice: User, bob: User) -> None:
    recovery = _appealed(alice, bob)
    with pytest.raises(ClaimError, match="other than the one who opened"):
        recoveries.handle_recovery_appeal(recovery, by=bob, outcome="uphold", note="Stands.")


def test_the_student_does_not_handle_her_own_appeal(alice: User, bob: User) -> None:
    recovery = _appealed(alice, bob)
    with pytest.raises(ClaimError):
        recoveries.handle_recovery_appeal(recovery, by=alice, outcome="cancel", note="Gone.")


def test_another_caseworker_upholds_and_the_debt_is_open_again(
    alice: User, bob: User, dave: User
) -> None:
    recovery = _appealed(alice, bob)
    handled = recoveries.handle_recovery_appeal(
        recovery, by=dave, outcome="uphold", note="The insurer paid too.", now=LATER
    )
    assert handled.status == RecoveryStatus.OPEN
    assert handled.appeal_handled_by == dave and handled.appeal_note == "The insurer paid too."
    entry = AuditEntry.objects.get(action="payouts.recovery.appeal_handled")
    assert entry.actor == dave and entry.data["outcome"] == "uphold"


def test_another_caseworker_lowers_the_amount(alice: User, bob: User, dave: User) -> None:
    recovery = _appealed(alice, bob)
    handled = recoveries.handle_recovery_appeal(
        recovery, by=dave, outcome="reduce", amount_nok=Decimal("25.00"), note="Partly right."
    )
    assert handled.amount_nok == Decimal("25.00") and handled.status == RecoveryStatus.OPEN
    assert recoveries.balance(alice) == Decimal("25.00")


def test_lowering_must_lower(alice: User, bob: User, dave: User) -> None:
    recovery = _appealed(alice, bob)
    with pytest.raises(ClaimError, match="lower than"):
        recoveries.handle_recovery_appeal(
            recovery, by=dave, outcome="reduce", amount_nok=Decimal("60.00"), note="Hm."
        )
    with pytest.raises(ClaimError, match="new, lower amount"):
        recoveries.handle_recovery_appeal(recovery, by=dave, outcome="reduce", note="Hm.")


def test_an_assessment_is_required(alice: User, bob: User, dave: User) -> None:
    recovery = _appealed(alice, bob)
    with pytest.raises(ClaimError, match="assessment"):
        recoveries.handle_recovery_appeal(recovery, by=dave, outcome="uphold", note="  ")


def test_a_cancelled_recovery_is_owed_no_more(alice: User, bob: User, dave: User) -> None:
    recovery = _appealed(alice, bob)
    handled = recoveries.handle_recovery_appeal(
        recovery, by=dave, outcome="cancel", note="You are right."
    )
    assert handled.status == RecoveryStatus.CANCELLED
    assert recoveries.balance(alice) == Decimal("0.00")
    assert not recoveries.open_debts().exists()


def test_what_is_settled_stays_settled_on_appeal(
    fiona: User, alice: User, bob: User, dave: User
) -> None:
    """NOK 20 paid back before the appeal: the recovery can be lowered to 20, not cancelled."""
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "60.00")
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("20.00"), now=NOW)
    recoveries.appeal_recovery(recovery, by=alice, text="I disagree.", now=NOW)
    with pytest.raises(ClaimError, match=r"NOK 20\.00 of this recovery"):
        recoveries.handle_recovery_appeal(recovery, by=dave, outcome="cancel", note="Right.")
    with pytest.raises(ClaimError, match="cannot be lower"):
        recoveries.handle_recovery_appeal(
            recovery, by=dave, outcome="reduce", amount_nok=Decimal("19.99"), note="Hm."
        )
    handled = recoveries.handle_recovery_appeal(
        recovery, by=dave, outcome="reduce", amount_nok=Decimal("20.00"), note="Right."
    )
    assert handled.status == RecoveryStatus.SETTLED
    assert recoveries.balance(alice) == Decimal("0.00")


def test_a_recovery_settled_within_the_deadline_can_still_be_appealed(
    fiona: User, alice: User, bob: User, dave: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "60.00")
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("60.00"), now=NOW)
    recoveries.appeal_recovery(recovery, by=alice, text="I disagree.", now=NOW)
    handled = recoveries.handle_recovery_appeal(recovery, by=dave, outcome="uphold", note="No.")
    assert handled.status == RecoveryStatus.SETTLED


# Settling


def test_repayments_lower_the_balance_until_the_recovery_is_settled(
    fiona: User, alice: User, bob: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "60.00")
    assert recoveries.balance(alice) == Decimal("60.00")
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("45.00"), now=NOW)
    assert recoveries.balance(alice) == Decimal("15.00")
    with pytest.raises(ClaimError, match=r"Only NOK 15\.00"):
        recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("15.01"))
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("15.00"), now=NOW)
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.SETTLED
    assert recoveries.balance(alice) == Decimal("0.00")
    with pytest.raises(ClaimError, match="Nothing is owed"):
        recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("1.00"))
    assert AuditEntry.objects.filter(action="payouts.recovery.repaid").count() == 2


def test_the_student_does_not_register_her_own_repayment(alice: User, bob: User) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    with pytest.raises(ClaimError, match="Only caseworkers"):
        recoveries.record_repayment(recovery, by=alice, amount_nok=Decimal("10.00"))


def test_a_caseworker_without_the_finance_role_registers_no_repayment(
    alice: User, bob: User, dave: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    with pytest.raises(ClaimError, match="Only someone with the finance role"):
        recoveries.record_repayment(recovery, by=dave, amount_nok=Decimal("10.00"))
    assert not recovery.settlements.exists()


def test_who_opened_a_recovery_does_not_also_register_it_repaid(
    alice: User, bob: User, fiona: User
) -> None:
    """Four eyes on money: fiona has the finance role, but she opened this recovery."""
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), fiona)
    with pytest.raises(ClaimError, match="You opened this recovery"):
        recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("10.00"))
    assert not recovery.settlements.exists()
    finance = Group.objects.get(name="finance")
    bob.groups.add(finance)
    bob = User.objects.get(pk=bob.pk)  # the role is read once per user object
    recoveries.record_repayment(recovery, by=bob, amount_nok=Decimal("10.00"), now=NOW)
    entry = AuditEntry.objects.get(action="payouts.recovery.repaid")
    assert entry.actor == bob and entry.data["opened_by"] == fiona.pk


def test_netting_and_repayment_together_settle_the_debt(
    fiona: User, alice: User, bob: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "110.00")
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("30.00"), now=NOW)
    payment = pending_payment(alice, bob, "200.00")  # a refund of NOK 200
    assert netting.net_against(payment, by=bob, now=LATER) == Decimal("80.00")
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.SETTLED
    assert recoveries.balance(alice) == Decimal("0.00")
    (netted,) = recoveries.set_off_against(payment.lines.get().decision)
    assert netted.recovery == recovery and netted.amount_nok == Decimal("80.00")


def test_balances_are_per_student(alice: User, carol: User, bob: User) -> None:
    recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "60.00")
    recovery_of(paid_claim(alice, bob, "200.00"), bob, "50.00")
    recovery_of(paid_claim(carol, bob, "300.00", "300.00"), bob, "10.00")
    assert recoveries.balance(alice) == Decimal("110.00")
    assert recoveries.balance(carol) == Decimal("10.00")


def test_open_debts_are_oldest_first_with_balances_and_a_total(
    fiona: User, alice: User, carol: User, bob: User
) -> None:
    newer = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "60.00", now=LATER)
    older = recovery_of(paid_claim(carol, bob, "300.00", "300.00"), bob, "40.00", now=NOW)
    recoveries.record_repayment(older, by=fiona, amount_nok=Decimal("15.00"), now=LATER)
    settled = recovery_of(paid_claim(carol, bob, "200.00"), bob, "5.00", now=NOW)
    recoveries.record_repayment(settled, by=fiona, amount_nok=Decimal("5.00"), now=LATER)
    debts = recoveries.open_debts()
    assert [(debt.reference, debt.settled_nok, debt.balance_nok) for debt in debts] == [
        (older.reference, Decimal("15.00"), Decimal("25.00")),
        (newer.reference, Decimal("0.00"), Decimal("60.00")),
    ]
    assert recoveries.debts_total(debts) == Decimal("85.00")
    assert not recoveries.open_debts("ssn").exists()
    assert recoveries.open_debts("sio").count() == 2


# Writing off


def test_fiona_writes_off_what_remains_and_alice_owes_nothing_more(
    fiona: User, alice: User, bob: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "60.00")
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("20.00"), now=NOW)

    settlement = recoveries.write_off(recovery, by=fiona, reason="Small amount.", now=LATER)

    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.WRITTEN_OFF
    assert settlement.amount_nok == Decimal("40.00")
    assert recoveries.remaining(recovery) == Decimal("0.00")
    assert recoveries.settled(recovery) == Decimal("20.00")  # the money that came
    assert recoveries.written_off(recovery) == Decimal("40.00")
    assert recoveries.balance(alice) == Decimal("0.00")
    assert not recoveries.open_debts().exists()
    entry = AuditEntry.objects.get(action="payouts.recovery.written_off")
    assert entry.actor == fiona and entry.claim == recovery.claim
    assert entry.data == {
        "recovery": recovery.reference,
        "amount_nok": "40.00",
        "reason": "Small amount.",
        "opened_by": bob.pk,
    }
    (row,) = recoveries.with_balances(Recovery.objects.filter(pk=recovery.pk))
    assert (row.settled_nok, row.written_off_nok, row.balance_nok) == (
        Decimal("20.00"),
        Decimal("40.00"),
        Decimal("0.00"),
    )


def test_a_written_off_debt_is_set_off_no_more(fiona: User, alice: User, bob: User) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "60.00")
    recoveries.write_off(recovery, by=fiona, reason="Cannot be collected.", now=NOW)
    payment = pending_payment(alice, bob, "200.00")
    assert netting.net_against(payment, by=fiona, now=LATER) == Decimal("0.00")
    assert not netting.bring_up_to_date(payment, by=fiona, now=LATER)


def test_who_opened_a_recovery_does_not_also_write_it_off(
    alice: User, bob: User, fiona: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), fiona)
    with pytest.raises(
        ClaimError, match=r"You opened this recovery: someone else .* writes it off"
    ):
        recoveries.write_off(recovery, by=fiona, reason="Small amount.", now=NOW)
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN
    assert not recovery.settlements.exists()
    assert not AuditEntry.objects.filter(action="payouts.recovery.written_off").exists()


def test_a_caseworker_without_the_finance_role_writes_off_nothing(
    alice: User, bob: User, dave: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    with pytest.raises(ClaimError, match="Only someone with the finance role can write off"):
        recoveries.write_off(recovery, by=dave, reason="Small amount.", now=NOW)
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN and not recovery.settlements.exists()


def test_alice_does_not_write_off_her_own_debt(alice: User, bob: User) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    with pytest.raises(ClaimError, match="Only caseworkers"):
        recoveries.write_off(recovery, by=alice, reason="I cannot pay.", now=NOW)
    finance = Group.objects.get_or_create(name="finance")[0]
    alice.groups.add(finance, *bob.groups.all())
    with pytest.raises(ClaimError, match="Nobody handles a recovery from themselves"):
        recoveries.write_off(
            recovery, by=User.objects.get(pk=alice.pk), reason="I cannot pay.", now=NOW
        )
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN and not recovery.settlements.exists()


def test_nothing_owed_is_not_written_off(
    fiona: User, alice: User, carol: User, bob: User, dave: User
) -> None:
    repaid = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob, "60.00")
    recoveries.record_repayment(repaid, by=fiona, amount_nok=Decimal("60.00"), now=NOW)
    with pytest.raises(ClaimError, match="Nothing is owed"):
        recoveries.write_off(repaid, by=fiona, reason="Small amount.", now=NOW)
    assert not repaid.settlements.filter(kind="written_off").exists()
    cancelled = recovery_of(paid_claim(alice, bob, "200.00"), bob, "10.00")
    recoveries.appeal_recovery(cancelled, by=alice, text="Not twice.", now=NOW)
    recoveries.handle_recovery_appeal(cancelled, by=dave, outcome="cancel", note="Right.")
    with pytest.raises(ClaimError, match="Nothing is owed"):
        recoveries.write_off(cancelled, by=fiona, reason="Small amount.", now=NOW)
    written_off = recovery_of(paid_claim(carol, bob, "300.00", "300.00"), bob, "10.00")
    recoveries.write_off(written_off, by=fiona, reason="Small amount.", now=NOW)
    with pytest.raises(ClaimError, match="Nothing is owed"):
        recoveries.write_off(written_off, by=fiona, reason="Again.", now=NOW)
    assert written_off.settlements.count() == 1


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_write_off_without_a_reason_is_refused_naming_it(
    fiona: User, alice: User, bob: User, reason: str
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    with pytest.raises(ClaimError, match="Give the reason for the write-off"):
        recoveries.write_off(recovery, by=fiona, reason=reason, now=NOW)
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN and not recovery.settlements.exists()


def test_an_appealed_recovery_waits_for_its_appeal_before_a_write_off(
    fiona: User, alice: User, bob: User
) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    recoveries.appeal_recovery(recovery, by=alice, text="I disagree.", now=NOW)
    with pytest.raises(ClaimError, match="handle the appeal before writing it off"):
        recoveries.write_off(recovery, by=fiona, reason="Small amount.", now=NOW)
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.APPEALED


def test_a_written_off_recovery_is_not_appealed(fiona: User, alice: User, bob: User) -> None:
    recovery = recovery_of(paid_claim(alice, bob, "300.00", "300.00"), bob)
    recoveries.write_off(recovery, by=fiona, reason="Student abroad for good.", now=NOW)
    recovery.refresh_from_db()
    assert not recoveries.can_appeal(recovery, now=NOW)
    with pytest.raises(ClaimError, match="written off: you owe nothing more"):
        recoveries.appeal_recovery(recovery, by=alice, text="I disagree.", now=NOW)
