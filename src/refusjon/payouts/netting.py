"""Setting a student's debt off against their refunds (motregning).

A payment in a run being prepared pays the student's refunds (``gross_nok``) less what they
owe the same scheme on recoveries that are open, not under appeal (nor settled, cancelled or
written off): oldest first, each as far as the payment reaches. Each amount set off is a
:class:`RecoverySettlement` naming the payment, so both letters can show it, and undoing it
(the payment withdrawn, the run discarded, the bank rejecting the transfer, the recovery
cancelled or lowered on appeal, or written off) gives the debt back. Until the run is frozen
a set-off is provisional: freezing brings each payment's set-off up to date
(:func:`bring_up_to_date`), so the bank file carries what the student owes at that moment
(docs/decisions.md, R6).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, QuerySet, Sum

from refusjon.claims.models import User
from refusjon.claims.services import audit
from refusjon.payouts.models import (
    ZERO,
    Payment,
    PaymentStatus,
    Recovery,
    RecoverySettlement,
    RecoveryStatus,
    SettlementKind,
)


@transaction.atomic
def net_against(payment: Payment, *, by: User, now: datetime) -> Decimal:
    """Settle the student's open recoveries of the run's scheme, oldest first, against what
    the payment still pays out; return the amount set off now."""
    if payment.status != PaymentStatus.PENDING:
        return ZERO
    recoveries = list(_owed_to_scheme(payment, Q(status=RecoveryStatus.OPEN)))
    if not recoveries:
        return ZERO
    settled = _settled([recovery.pk for recovery in recoveries])
    netted = ZERO
    for recovery, take in _shares(recoveries, settled, payment.amount_nok):
        RecoverySettlement.objects.create(
            recovery=recovery,
            kind=SettlementKind.NETTED,
            amount_nok=take,
            payment=payment,
            recorded_by=by,
            recorded_at=now,
        )
        if take == recovery.amount_nok - settled.get(recovery.pk, ZERO):
            recovery.status = RecoveryStatus.SETTLED
            recovery.save(update_fields=["status"])
        audit(
            "payouts.recovery.netted",
            actor=by,
            claim=recovery.claim,
            now=now,
            recovery=recovery.reference,
            payment=payment.end_to_end_id,
            amount_nok=str(take),
        )
        netted += take
    if netted:
        payment.netted_nok += netted
        payment.amount_nok -= netted
        payment.save(update_fields=["netted_nok", "amount_nok"])
    return netted


def _owed_to_scheme(payment: Payment, which: Q) -> QuerySet[Recovery]:
    """The student's recoveries of the payment's scheme that are ``which``, oldest first,
    locked: the appeals of recoveries change them under the same lock."""
    return (
        Recovery.objects.select_for_update(of=("self",))
        .select_related("claim")
        .filter(which, student_id=payment.student_id, claim__scheme=payment.run.scheme)
        .order_by("opened_at", "pk")
    )


def _shares(
    recoveries: Iterable[Recovery], settled: dict[int, Decimal], room: Decimal
) -> list[tuple[Recovery, Decimal]]:
    """What to set off of each recovery, oldest first, each as far as ``room`` reaches."""
    shares = []
    taken = ZERO
    for recovery in recoveries:
        take = min(recovery.amount_nok - settled.get(recovery.pk, ZERO), room - taken)
        if take > 0:
            shares.append((recovery, take))
            taken += take
    return shares


def _settled(recovery_ids: list[int], *, besides: Payment | None = None) -> dict[int, Decimal]:
    """What is already settled of each recovery, by any means (``besides`` that payment)."""
    rows = RecoverySettlement.objects.filter(recovery_id__in=recovery_ids)
    if besides is not None:
        rows = rows.exclude(payment=besides)
    totals = rows.values("recovery_id").annotate(total=Sum("amount_nok"))
    return {row["recovery_id"]: row["total"] for row in totals}


@transaction.atomic
def bring_up_to_date(payment: Payment, *, by: User, now: datetime) -> bool:
    """Make the payment's set-off what setting the debts off anew would give now: a recovery
    appealed, lowered or cancelled since is set off no more (or less), one opened since is
    set off. Return whether anything changed; a set-off that still holds is left as it is."""
    if payment.status != PaymentStatus.PENDING:
        return False
    own = payment.settlements.values("recovery_id")
    candidates = list(
        _owed_to_scheme(
            payment,
            Q(status=RecoveryStatus.OPEN) | Q(status=RecoveryStatus.SETTLED, pk__in=own),
        )
    )
    settled = _settled([recovery.pk for recovery in candidates], besides=payment)
    wanted = {
        recovery.pk: take for recovery, take in _shares(candidates, settled, payment.gross_nok)
    }
    current: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for recovery_id, amount in payment.settlements.values_list("recovery_id", "amount_nok"):
        current[recovery_id] += amount
    if wanted == dict(current):
        return False
    undo_netting(payment, by=by, now=now)
    net_against(payment, by=by, now=now)
    return True


@transaction.atomic
def undo_netting(payment: Payment, *, by: User | None, now: datetime) -> Decimal:
    """Give back the debt set off against the payment: its settlements go, the recoveries
    they settled are open again; return the amount. A payment still being prepared pays its
    whole gross again; one the bank rejected keeps the figures it was sent with."""
    settlements = list(payment.settlements.select_related("recovery__claim"))
    if not settlements:
        return ZERO
    total = sum((settlement.amount_nok for settlement in settlements), ZERO)
    for settlement in settlements:
        audit(
            "payouts.recovery.netting_undone",
            actor=by,
            claim=settlement.recovery.claim,
            now=now,
            recovery=settlement.recovery.reference,
            payment=payment.end_to_end_id,
            amount_nok=str(settlement.amount_nok),
        )
    recovery_ids = {settlement.recovery_id for settlement in settlements}
    payment.settlements.all().delete()
    Recovery.objects.filter(pk__in=recovery_ids, status=RecoveryStatus.SETTLED).update(
        status=RecoveryStatus.OPEN
    )
    if payment.status == PaymentStatus.PENDING:
        payment.netted_nok = ZERO
        payment.amount_nok = payment.gross_nok
        payment.save(update_fields=["netted_nok", "amount_nok"])
    return total
