"""Debts set off against refunds: a student who owes the scheme is paid their refunds less
the debt, oldest debt first, and the debt comes back when the payment does not go through."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.db import connections

from refusjon.claims.models import AuditEntry, Claim, ClaimStatus, User
from refusjon.claims.services import current_decision
from refusjon.payouts import netting, recoveries, services
from refusjon.payouts.models import (
    Payment,
    PaymentStatus,
    PayoutRun,
    Recovery,
    RecoverySettlement,
    RecoveryStatus,
    SettlementKind,
)
from tests.factories import NOW
from tests.payouts.conftest import decided_claim, with_account

PAY_ON = date(2026, 11, 4)
LATER = NOW + timedelta(days=1)


def recovery(
    claim: Claim, amount: str, by: User, *, days_ago: int = 10, status: str = RecoveryStatus.OPEN
) -> Recovery:
    decision = current_decision(claim)
    assert decision is not None
    opened = NOW - timedelta(days=days_ago)
    return Recovery.objects.create(
        reference=f"TK-{claim.reference}-{days_ago}",
        claim=claim,
        decision=decision,
        student=claim.applicant,
        amount_nok=Decimal(amount),
        reason="Paid twice",
        source="Forvaltningsloven § 35",
        status=status,
        opened_by=by,
        opened_at=opened,
        appeal_deadline=opened.date() + timedelta(weeks=3),
    )


@pytest.fixture
def owed(alice: User, bob: User) -> Claim:
    """An earlier SiO claim of alice's, paid, on which she owes money back."""
    with_account(alice)
    claim = decided_claim(alice, bob, "600")
    Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.PAID)
    claim.refresh_from_db()
    return claim


@pytest.fixture
def refund(alice: User, bob: User, owed: Claim) -> Claim:
    """A new SiO claim of alice's, decided at NOK 700 (her threshold is reached)."""
    claim = decided_claim(alice, bob, "700")
    decision = current_decision(claim)
    assert decision is not None and decision.refund_nok == Decimal("700.00")
    return claim


def payment_of(run: PayoutRun, student: User) -> Payment:
    return run.payments.get(student=student)


def build(fiona: User) -> PayoutRun:
    return services.build_run("sio", by=fiona, execution_date=PAY_ON, now=NOW).run


def test_a_debt_is_set_off_against_the_next_refund(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)

    payment = payment_of(build(fiona), alice)

    assert (payment.gross_nok, payment.netted_nok, payment.amount_nok) == (
        Decimal("700.00"),
        Decimal("100.00"),
        Decimal("600.00"),
    )
    settlement = RecoverySettlement.objects.get(recovery=debt)
    assert (settlement.kind, settlement.payment, settlement.amount_nok) == (
        SettlementKind.NETTED,
        payment,
        Decimal("100.00"),
    )
    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.SETTLED


def test_the_oldest_debt_goes_first_and_the_rest_stays_owed(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    newer = recovery(owed, "1000.00", bob, days_ago=5)
    older = recovery(owed, "300.00", bob, days_ago=20)

    payment = payment_of(build(fiona), alice)

    assert (payment.netted_nok, payment.amount_nok) == (Decimal("700.00"), Decimal("0.00"))
    older.refresh_from_db()
    newer.refresh_from_db()
    assert older.status == RecoveryStatus.SETTLED
    assert newer.status == RecoveryStatus.OPEN
    assert newer.settlements.get().amount_nok == Decimal("400.00")


def test_a_payment_wholly_set_off_is_paid_at_freezing_and_not_in_the_file(
    fiona: User, alice: User, carol: User, bob: User, owed: Claim, refund: Claim
) -> None:
    recovery(owed, "1000.00", bob)
    with_account(carol)
    decided_claim(carol, bob, "600")

    run = services.freeze_run(build(fiona), by=fiona, now=NOW)

    payment = payment_of(run, alice)
    assert payment.status == PaymentStatus.PAID
    assert payment.end_to_end_id not in run.bank_file
    assert run.payment_count == 1
    assert run.total_nok == Decimal("110.00")
    refund.refresh_from_db()
    assert refund.status == ClaimStatus.PAID


def test_the_bank_file_carries_the_net_amount_and_says_what_was_set_off(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    recovery(owed, "100.00", bob)

    run = services.freeze_run(build(fiona), by=fiona, now=NOW)

    assert '<InstdAmt Ccy="NOK">600.00</InstdAmt>' in run.bank_file
    assert "motregnet NOK 100.00" in run.bank_file
    assert run.total_nok == Decimal("600.00")


def test_a_debt_under_appeal_or_of_another_scheme_is_not_set_off(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    recovery(owed, "100.00", bob, status=RecoveryStatus.APPEALED)
    Claim.objects.filter(pk=owed.pk).update(scheme="ssn")
    recovery(owed, "50.00", bob, days_ago=3)

    payment = payment_of(build(fiona), alice)

    assert payment.netted_nok == Decimal("0.00")
    assert not RecoverySettlement.objects.exists()


def test_a_debt_opened_after_the_run_was_prepared_is_set_off_when_it_is_refreshed(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    build(fiona)
    recovery(owed, "100.00", bob)

    payment = payment_of(build(fiona), alice)

    assert payment.netted_nok == Decimal("100.00")


def test_withdrawing_the_payment_gives_the_debt_back(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)
    payment = payment_of(build(fiona), alice)

    services.withdraw_payment(payment, by=fiona, reason="Account in doubt", now=NOW)

    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.OPEN
    assert not debt.settlements.exists()
    payment.refresh_from_db()
    assert (payment.netted_nok, payment.amount_nok) == (Decimal("0.00"), Decimal("700.00"))


def test_discarding_the_run_gives_the_debt_back(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)

    services.discard_run(build(fiona), by=fiona, now=NOW)

    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.OPEN
    assert not RecoverySettlement.objects.exists()


def test_a_rejected_payment_gives_the_debt_back_and_keeps_what_was_sent(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)
    run = services.freeze_run(build(fiona), by=fiona, now=NOW)
    payment = payment_of(run, alice)

    services.mark_rejected(payment, code="AC04", reason="Closed account", now=LATER)

    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.OPEN
    assert not debt.settlements.exists()
    payment.refresh_from_db()
    assert payment.amount_nok == Decimal("600.00")  # as the bank file had it


def test_undoing_says_how_much_came_back_and_netting_again_takes_it_anew(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    recovery(owed, "100.00", bob)
    payment = payment_of(build(fiona), alice)

    assert netting.undo_netting(payment, by=fiona, now=NOW) == Decimal("100.00")
    assert netting.undo_netting(payment, by=fiona, now=NOW) == Decimal("0.00")
    assert netting.net_against(payment, by=fiona, now=NOW) == Decimal("100.00")
    assert netting.net_against(payment, by=fiona, now=NOW) == Decimal("0.00")
    payment.refresh_from_db()
    assert payment.amount_nok == Decimal("600.00")


def test_a_repayment_already_made_lowers_what_is_set_off(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "300.00", bob)
    RecoverySettlement.objects.create(
        recovery=debt,
        kind=SettlementKind.REPAID,
        amount_nok=Decimal("250.00"),
        recorded_by=bob,
        recorded_at=NOW,
    )

    payment = payment_of(build(fiona), alice)

    assert payment.netted_nok == Decimal("50.00")


def test_a_debt_appealed_after_the_run_was_prepared_is_not_set_off_in_the_bank_file(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)
    run = build(fiona)
    recoveries.appeal_recovery(debt, by=alice, text="I was not paid twice.", now=NOW)

    run = services.freeze_run(run, by=fiona, now=NOW)

    payment = payment_of(run, alice)
    assert (payment.netted_nok, payment.amount_nok) == (Decimal("0.00"), Decimal("700.00"))
    assert '<InstdAmt Ccy="NOK">700.00</InstdAmt>' in run.bank_file
    assert not debt.settlements.exists()
    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.APPEALED


def test_a_debt_set_off_in_a_run_not_yet_sent_can_be_cancelled_on_appeal(
    fiona: User, alice: User, bob: User, dave: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)
    run = build(fiona)
    recoveries.appeal_recovery(debt, by=alice, text="I was not paid twice.", now=NOW)

    recoveries.handle_recovery_appeal(debt, by=dave, outcome="cancel", note="Right.", now=NOW)

    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.CANCELLED
    assert not debt.settlements.exists()
    payment = payment_of(run, alice)
    assert (payment.netted_nok, payment.amount_nok) == (Decimal("0.00"), Decimal("700.00"))
    assert payment_of(services.freeze_run(run, by=fiona, now=NOW), alice).amount_nok == Decimal(
        "700.00"
    )


def test_a_run_prepared_while_an_appeal_is_handled_leaves_the_appealed_debt_alone(
    fiona: User, alice: User, bob: User, dave: User, owed: Claim, refund: Claim, monkeypatch: Any
) -> None:
    """The handler locks the runs that set the debt off, then the debt. A run prepared between
    the two steps does not set off a debt under appeal, so the handler holds every run it
    changes, and the cancellation goes through."""
    debt = recovery(owed, "100.00", bob)
    recoveries.appeal_recovery(debt, by=alice, text="I was not paid twice.", now=NOW)
    lock_the_debt = recoveries._locked
    prepared: list[PayoutRun] = []

    def a_run_comes_between(recovery: Recovery) -> Recovery:
        prepared.append(build(fiona))
        return lock_the_debt(recovery)

    monkeypatch.setattr(recoveries, "_locked", a_run_comes_between)

    recoveries.handle_recovery_appeal(debt, by=dave, outcome="cancel", note="Right.", now=NOW)

    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.CANCELLED
    assert not debt.settlements.exists()
    assert payment_of(prepared[0], alice).amount_nok == Decimal("700.00")


def test_a_debt_lowered_on_appeal_before_freezing_is_set_off_at_its_new_amount(
    fiona: User, alice: User, bob: User, dave: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)
    run = build(fiona)
    recoveries.appeal_recovery(debt, by=alice, text="Only partly.", now=NOW)
    recoveries.handle_recovery_appeal(
        debt, by=dave, outcome="reduce", amount_nok=Decimal("30.00"), note="Partly.", now=NOW
    )

    run = services.freeze_run(run, by=fiona, now=NOW)

    payment = payment_of(run, alice)
    assert (payment.netted_nok, payment.amount_nok) == (Decimal("30.00"), Decimal("670.00"))
    assert '<InstdAmt Ccy="NOK">670.00</InstdAmt>' in run.bank_file
    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.SETTLED


def test_a_debt_set_off_in_a_payment_at_the_bank_is_not_cancelled_on_appeal(
    fiona: User, alice: User, bob: User, dave: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)
    services.freeze_run(build(fiona), by=fiona, now=NOW)
    recoveries.appeal_recovery(debt, by=alice, text="I was not paid twice.", now=NOW)

    with pytest.raises(services.PayoutError, match=r"100\.00"):
        recoveries.handle_recovery_appeal(debt, by=dave, outcome="cancel", note="Right.", now=NOW)


def test_freezing_leaves_a_set_off_that_still_holds_as_it_is(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)
    run = build(fiona)
    settlement = debt.settlements.get()

    services.freeze_run(run, by=fiona, now=NOW)

    assert debt.settlements.get() == settlement
    assert not AuditEntry.objects.filter(action="payouts.recovery.netting_undone").exists()


def test_a_debt_set_off_in_a_run_not_yet_sent_is_given_back_when_written_off(
    fiona: User, alice: User, bob: User, dave: User, owed: Claim, refund: Claim
) -> None:
    """R6: the set-off was provisional; writing off the debt undoes it, and the run pays
    alice's refund in full when frozen."""
    debt = recovery(owed, "100.00", bob)
    run = build(fiona)
    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.SETTLED  # only in the run being prepared

    settlement = recoveries.write_off(debt, by=fiona, reason="Student deceased.", now=LATER)

    assert settlement.amount_nok == Decimal("100.00")
    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.WRITTEN_OFF
    assert list(debt.settlements.values_list("kind", "amount_nok")) == [
        (SettlementKind.WRITTEN_OFF, Decimal("100.00"))
    ]
    payment = payment_of(run, alice)
    assert (payment.netted_nok, payment.amount_nok) == (Decimal("0.00"), Decimal("700.00"))
    assert AuditEntry.objects.filter(action="payouts.recovery.netting_undone").exists()
    run = services.freeze_run(run, by=fiona, now=LATER)
    payment = payment_of(run, alice)
    assert (payment.netted_nok, payment.amount_nok) == (Decimal("0.00"), Decimal("700.00"))
    assert '<InstdAmt Ccy="NOK">700.00</InstdAmt>' in run.bank_file
    assert debt.settlements.count() == 1


def test_a_debt_set_off_in_a_payment_sent_to_the_bank_is_not_written_off(
    fiona: User, alice: User, bob: User, owed: Claim, refund: Claim
) -> None:
    debt = recovery(owed, "300.00", bob)
    run = services.freeze_run(build(fiona), by=fiona, now=NOW)  # NOK 300 set off, sent
    assert payment_of(run, alice).status == PaymentStatus.SENT
    with pytest.raises(services.PayoutError, match="Nothing is owed"):
        recoveries.write_off(debt, by=fiona, reason="Small amount.", now=LATER)
    debt.refresh_from_db()
    assert debt.status == RecoveryStatus.SETTLED
    assert list(debt.settlements.values_list("kind", flat=True)) == [SettlementKind.NETTED]


# Writing off while a run is prepared -----------------------------------------------------------


def _at_once(*calls: Callable[[], object]) -> list[object]:
    """Run the calls in threads started together; each gives its result or its error."""
    start = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(number: int) -> None:
        start.wait()
        try:
            results[number] = calls[number]()
        except Exception as error:
            results[number] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_a_write_off_while_the_run_is_prepared_leaves_nothing_set_off(
    fiona: User, alice: User, bob: User, dave: User, owed: Claim, refund: Claim
) -> None:
    """Whichever comes first, the run pays alice's refund whole and the debt is written off;
    or, should the run set it off between the write-off's two locks, the write-off is refused
    and changes nothing."""
    debt = recovery(owed, "100.00", bob)
    dave.groups.add(Group.objects.get(name="finance"))
    dave = User.objects.get(pk=dave.pk)

    written, built = _at_once(
        lambda: recoveries.write_off(debt, by=dave, reason="Student deceased.", now=LATER),
        lambda: build(fiona),
    )

    assert isinstance(built, PayoutRun), built
    debt.refresh_from_db()
    if isinstance(written, services.PayoutError):  # the run set it off between two locks
        assert "try again" in str(written)
        assert debt.status == RecoveryStatus.SETTLED
        assert payment_of(built, alice).netted_nok == Decimal("100.00")
        return
    assert isinstance(written, RecoverySettlement), written
    assert debt.status == RecoveryStatus.WRITTEN_OFF
    assert list(debt.settlements.values_list("kind", "amount_nok")) == [
        (SettlementKind.WRITTEN_OFF, Decimal("100.00"))
    ]
    payment = payment_of(built, alice)
    assert (payment.netted_nok, payment.amount_nok) == (Decimal("0.00"), Decimal("700.00"))


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_write_offs_at_once_write_off_once(
    fiona: User, alice: User, bob: User, dave: User, owed: Claim
) -> None:
    debt = recovery(owed, "100.00", bob)
    dave.groups.add(Group.objects.get(name="finance"))
    dave = User.objects.get(pk=dave.pk)

    results = _at_once(
        lambda: recoveries.write_off(debt, by=dave, reason="Small amount.", now=LATER),
        lambda: recoveries.write_off(debt, by=fiona, reason="Small amount.", now=LATER),
    )

    assert sorted(type(result).__name__ for result in results) == [
        "PayoutError",
        "RecoverySettlement",
    ]
    assert debt.settlements.count() == 1
    assert AuditEntry.objects.filter(action="payouts.recovery.written_off").count() == 1
