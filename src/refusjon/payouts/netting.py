"""Setting a student's debt off against their refunds (motregning).

A payment in a run being prepared pays the student's refunds (``gross_nok``) less what they
owe the same scheme on recoveries that are open, not under appeal: oldest first, each as far
as the payment reaches. Each amount set off is a :class:`RecoverySettlement` naming the
payment, so both letters can show it, and undoing it (the payment withdrawn, the run
discarded, the bank rejecting the transfer) gives the debt back.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

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
    recoveries = list(
        Recovery.objects.select_for_update(of=("self",))
        .select_related("claim")
        .filter(
            student_id=payment.student_id,
            status=RecoveryStatus.OPEN,
            claim__scheme=payment.run.scheme,
        )
        .order_by("opened_at", "pk")
    )
    if not recoveries:
        return ZERO
    settled = _settled([recovery.pk for recovery in recoveries])
    room = payment.amount_nok
    netted = ZERO
    for recovery in recoveries:
        take = min(recovery.amount_nok - settled.get(recovery.pk, ZERO), room - netted)
        if take <= 0:
            continue
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


def _settled(recovery_ids: list[int]) -> dict[int, Decimal]:
    """What is already settled of each recovery, by any means."""
    rows = (
        RecoverySettlement.objects.filter(recovery_id__in=recovery_ids)
        .values("recovery_id")
        .annotate(total=Sum("amount_nok"))
    )
    return {row["recovery_id"]: row["total"] for row in rows}


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
