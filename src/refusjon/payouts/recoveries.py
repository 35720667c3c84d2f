"""Recoveries (tilbakekreving): a caseworker claims back a refund, or part of it, paid on
wrong grounds. The student gets a letter with the amount, the reason, its source and the
appeal deadline, and can appeal; a caseworker other than the one who opened it handles the
appeal. The debt is settled by setting it off against the student's next refunds (the payout
runs do that, :mod:`refusjon.payouts.netting`) or by the student paying it back; what cannot
or should not be collected is written off (avskrevet) by the finance role.

What has been settled is never undone here: an appeal can lower a recovery to what is already
settled, not below it (docs/decisions.md, "Recoveries"). A set-off in a run not yet frozen is
not settled yet: an appeal that lowers or cancels the recovery undoes it (R6).
"""

from __future__ import annotations

import secrets
from datetime import datetime
from decimal import Decimal
from typing import Literal

from django.db import transaction
from django.db.models import DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import services
from refusjon.claims.appeals import APPEAL_PERIOD
from refusjon.claims.models import Assessment, Claim, ClaimStatus, User
from refusjon.claims.services import audit
from refusjon.payouts import netting, signals
from refusjon.payouts import services as payouts
from refusjon.payouts.models import (
    ZERO,
    Payment,
    PaymentLine,
    PaymentStatus,
    PayoutRun,
    Recovery,
    RecoverySettlement,
    RecoveryStatus,
    SettlementKind,
)
from refusjon.rules.money import round_ore

# Statuses in which a recovery is still owed: an appeal does not cancel the debt, it only
# stops it from being set off until the appeal is handled.
OWED = (RecoveryStatus.OPEN, RecoveryStatus.APPEALED)
APPEALABLE = (RecoveryStatus.OPEN, RecoveryStatus.SETTLED)
# Settlements that are money: set off or paid back. A write-off settles the rest without it.
MONEY = (SettlementKind.NETTED, SettlementKind.REPAID)

# Typical sources a caseworker cites; the field stays free text.
TYPICAL_SOURCES = (
    "Forvaltningsloven § 35 (omgjøring av vedtak)",
    "Folketrygdloven § 22-15 (tilbakekreving etter feilaktig utbetaling)",
    "Vilkårene for ordningen (refusjon av helseutgifter)",
)


class AppealOutcome:
    """What a caseworker does with an appeal of a recovery."""

    UPHOLD = "uphold"
    REDUCE = "reduce"
    CANCEL = "cancel"
    ALL = (UPHOLD, REDUCE, CANCEL)


# Who may change a scheme (refusjon.reassessment), and so claim back what a change overpaid.
CHANGE_SCHEMES = "claims.add_schemeversion"


def _now(now: datetime | None) -> datetime:
    return now or clock.now()


def _new_reference(now: datetime) -> str:
    return f"TK-{now.year}-{secrets.token_hex(4).upper()}"


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def paid_for_claim(claim: Claim) -> Decimal:
    """What the claim has been paid: its payment lines whose payment the bank has paid. A
    claim marked paid before payouts were made here counts its decision's refund."""
    paid = PaymentLine.objects.filter(
        claim=claim, active=True, payment__status=PaymentStatus.PAID
    ).aggregate(total=Sum("amount_nok"))["total"]
    if paid:
        return round_ore(Decimal(paid))
    decision = services.current_decision(claim)
    if claim.status == ClaimStatus.PAID and decision is not None:
        return decision.refund_nok
    return ZERO


def recovered_for_claim(claim: Claim) -> Decimal:
    """What recoveries on the claim already claim back (all but cancelled ones)."""
    total = (
        claim.recoveries.exclude(status=RecoveryStatus.CANCELLED)
        .aggregate(total=Sum("amount_nok"))
        .get("total")
    )
    return round_ore(Decimal(total or ZERO))


def recoverable(claim: Claim) -> Decimal:
    """The most a new recovery on the claim can claim back."""
    return max(ZERO, paid_for_claim(claim) - recovered_for_claim(claim))


def settled(recovery: Recovery) -> Decimal:
    """What has been set off or paid back of the recovery so far (not what was written off)."""
    return _total(recovery.settlements.filter(kind__in=MONEY))


def _total(settlements: QuerySet[RecoverySettlement]) -> Decimal:
    """The settlements' amounts added up (nothing: zero)."""
    total = settlements.aggregate(total=Sum("amount_nok"))["total"]
    return round_ore(Decimal(total or ZERO))


def written_off(recovery: Recovery) -> Decimal:
    """What of the recovery was written off: claimed no more, though never recovered."""
    return _total(recovery.settlements.filter(kind=SettlementKind.WRITTEN_OFF))


def kept(recovery: Recovery) -> Decimal:
    """What of the recovery is settled for good: paid back, or set off in a payment sent to
    the bank or paid. A set-off in a run still being prepared can be undone."""
    return _total(
        recovery.settlements.filter(
            Q(kind=SettlementKind.REPAID)
            | Q(payment__status__in=(PaymentStatus.SENT, PaymentStatus.PAID))
        )
    )


def _pending_set_offs(recovery: Recovery) -> QuerySet[Payment]:
    """The payments of runs being prepared that set the recovery off."""
    return Payment.objects.filter(
        status=PaymentStatus.PENDING, settlements__recovery=recovery
    ).distinct()


def _undo_pending_set_offs(recovery: Recovery, *, by: User, now: datetime) -> None:
    """Give back what runs being prepared set off of the recovery; the runs set the debt off
    again, as it now stands, when they are refreshed or frozen."""
    for payment in _pending_set_offs(recovery).select_related("run"):
        netting.undo_netting(payment, by=by, now=now)


def remaining(recovery: Recovery) -> Decimal:
    """What the student still owes of the recovery."""
    if recovery.status not in OWED:
        return ZERO
    return max(ZERO, recovery.amount_nok - settled(recovery))


def _check_staff(recovery_student_id: int, by: User) -> None:
    if not services.is_caseworker(by):
        raise payouts.PayoutError(_("Only caseworkers can do this."))
    if recovery_student_id == by.pk:
        raise payouts.PayoutError(_("Nobody handles a recovery from themselves."))


def _amount(amount_nok: Decimal) -> Decimal:
    amount = round_ore(Decimal(amount_nok))
    if amount <= 0:
        raise payouts.PayoutError(_("Give an amount above zero."))
    return amount


def _required(text: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise payouts.PayoutError(message)
    return text


@transaction.atomic
def open_recovery(
    claim: Claim,
    *,
    by: User,
    amount_nok: Decimal,
    reason: str,
    source: str,
    now: datetime | None = None,
) -> Recovery:
    """Claim back (part of) what a claim was paid, with the reason and its legal source; the
    student can appeal within three weeks (forvaltningsloven § 29)."""
    services.check_caseworker(claim, by)
    return claim_back(claim, by=by, amount_nok=amount_nok, reason=reason, source=source, now=now)


@transaction.atomic
def claim_back(
    claim: Claim,
    *,
    by: User,
    amount_nok: Decimal,
    reason: str,
    source: str,
    now: datetime | None = None,
) -> Recovery:
    """:func:`open_recovery` for whoever may decide the claim again without being its
    caseworker: the administrator of the schemes whose change of a scheme paid the claim too
    much (:mod:`refusjon.reassessment`)."""
    if not (services.is_caseworker(by) or (by.is_staff and by.has_perm(CHANGE_SCHEMES))):
        raise payouts.PayoutError(_("Only caseworkers can do this."))
    if claim.applicant_id == by.pk:
        raise payouts.PayoutError(_("Nobody handles a recovery from themselves."))
    now = _now(now)
    Claim.objects.select_for_update().filter(pk=claim.pk).exists()  # one opening at a time
    decision = services.current_decision(claim)
    paid = paid_for_claim(claim)
    if decision is None or paid <= 0:
        raise payouts.PayoutError(_("Only a refund that has been paid can be claimed back."))
    amount = _amount(amount_nok)
    most = max(ZERO, paid - recovered_for_claim(claim))
    if amount > most:
        raise payouts.PayoutError(
            _("At most NOK %(amount)s of this claim's payments can still be claimed back.")
            % {"amount": _money(most)}
        )
    reason = _required(reason, str(_("Say why the refund is claimed back: the student reads it.")))
    source = _required(source, str(_("Give the rule or legal basis for the recovery.")))
    recovery = Recovery.objects.create(
        reference=_new_reference(now),
        claim=claim,
        decision=decision,
        student=claim.applicant,
        amount_nok=amount,
        reason=reason,
        source=source,
        opened_by=by,
        opened_at=now,
        appeal_deadline=timezone.localdate(now) + APPEAL_PERIOD,
    )
    audit(
        "payouts.recovery.opened",
        actor=by,
        claim=claim,
        now=now,
        recovery=recovery.reference,
        amount_nok=_money(amount),
        reason=reason,
        source=source,
    )
    signals.recovery_opened.send(sender=Recovery, recovery=recovery)
    return recovery


def _locked(recovery: Recovery) -> Recovery:
    """The recovery, read again and held until the transaction ends: the payout runs set
    recoveries off under the same lock."""
    return Recovery.objects.select_for_update().get(pk=recovery.pk)


def can_appeal(recovery: Recovery, *, now: datetime | None = None) -> bool:
    """Whether the student can still appeal the recovery."""
    return (
        recovery.status in APPEALABLE
        and recovery.appealed_at is None
        and timezone.localdate(_now(now)) <= recovery.appeal_deadline
    )


@transaction.atomic
def appeal_recovery(
    recovery: Recovery, *, by: User, text: str, now: datetime | None = None
) -> Recovery:
    """The student appeals the recovery within the deadline; until the appeal is handled,
    nothing more is set off against their refunds."""
    now = _now(now)
    if recovery.student_id != by.pk:
        raise payouts.PayoutError(_("This is not your recovery."))
    current = _locked(recovery)
    if current.appealed_at is not None:
        raise payouts.PayoutError(_("This recovery has been appealed already."))
    if current.status == RecoveryStatus.WRITTEN_OFF:
        raise payouts.PayoutError(
            _("This recovery has been written off: you owe nothing more on it.")
        )
    if current.status not in APPEALABLE:
        raise payouts.PayoutError(_("A cancelled recovery cannot be appealed."))
    if timezone.localdate(now) > current.appeal_deadline:
        raise payouts.PayoutError(
            _("The deadline for appealing this recovery was %(date)s.")
            % {"date": current.appeal_deadline.isoformat()}
        )
    text = _required(text, str(_("Write what you disagree with and why.")))
    current.status = RecoveryStatus.APPEALED
    current.appeal_text = text
    current.appealed_at = now
    current.save(update_fields=["status", "appeal_text", "appealed_at"])
    audit(
        "payouts.recovery.appealed",
        actor=by,
        claim=current.claim,
        now=now,
        recovery=current.reference,
    )
    return current


def _after_appeal(recovery: Recovery, amount: Decimal) -> str:
    """The status of a recovery of ``amount`` once its appeal is handled."""
    return RecoveryStatus.SETTLED if settled(recovery) >= amount else RecoveryStatus.OPEN


@transaction.atomic
def handle_recovery_appeal(
    recovery: Recovery,
    *,
    by: User,
    outcome: str,
    note: str,
    amount_nok: Decimal | None = None,
    now: datetime | None = None,
) -> Recovery:
    """A caseworker other than the one who opened the recovery upholds it, lowers it to
    ``amount_nok``, or cancels it, with an assessment the student reads. What is already
    paid back or set off in a payment sent to the bank stays settled: a recovery is not
    lowered below it, nor cancelled once anything of it is (lower it to that instead). A
    set-off in a run still being prepared is undone when the recovery is lowered or
    cancelled; the run sets the debt off again as it now stands."""
    now = _now(now)
    _check_staff(recovery.student_id, by)
    if recovery.opened_by_id == by.pk:
        raise payouts.PayoutError(
            _("An appeal is handled by a caseworker other than the one who opened the recovery.")
        )
    current = _locked_with_its_runs(recovery)
    if current.status != RecoveryStatus.APPEALED:
        raise payouts.PayoutError(_("This recovery has no appeal waiting."))
    if outcome not in AppealOutcome.ALL:
        raise payouts.PayoutError(_("Choose whether to uphold, lower or cancel the recovery."))
    note = _required(note, str(_("Give the assessment of the appeal: the student reads it.")))
    before = current.amount_nok
    already = kept(current)
    if outcome == AppealOutcome.CANCEL:
        if already > 0:
            raise payouts.PayoutError(
                _(
                    "NOK %(amount)s of this recovery is already set off or paid back, so it "
                    "cannot be cancelled: lower it to that amount instead."
                )
                % {"amount": _money(already)}
            )
        _undo_pending_set_offs(current, by=by, now=now)
        current.status = RecoveryStatus.CANCELLED
    elif outcome == AppealOutcome.REDUCE:
        if amount_nok is None:
            raise payouts.PayoutError(_("Give the new, lower amount."))
        amount = _amount(amount_nok)
        if amount >= before:
            raise payouts.PayoutError(_("The new amount must be lower than the recovery."))
        if amount < already:
            raise payouts.PayoutError(
                _("NOK %(amount)s is already set off or paid back: the recovery cannot be lower.")
                % {"amount": _money(already)}
            )
        _undo_pending_set_offs(current, by=by, now=now)
        current.amount_nok = amount
        current.status = _after_appeal(current, amount)
    else:
        current.status = _after_appeal(current, before)
    current.appeal_handled_by = by
    current.appeal_handled_at = now
    current.appeal_note = note
    current.save(
        update_fields=[
            "status",
            "amount_nok",
            "appeal_handled_by",
            "appeal_handled_at",
            "appeal_note",
        ]
    )
    audit(
        "payouts.recovery.appeal_handled",
        actor=by,
        claim=current.claim,
        now=now,
        recovery=current.reference,
        outcome=outcome,
        amount_before=_money(before),
        amount_after=_money(current.amount_nok),
    )
    return current


Settling = Literal["repayment", "write_off"]


def why_not_settle(recovery: Recovery, by: User, *, what: Settling = "repayment") -> str | None:
    """Why ``by`` may not register a repayment of the recovery (or, with ``what="write_off"``,
    write it off), in words for them; None if they may.

    Money is the finance role's, and never one person's alone: the caseworker who opened a
    recovery does not also register it settled or write it off (four eyes, as on large
    decisions). A student never handles their own recovery, whatever their roles.
    """
    if not services.is_caseworker(by):
        return str(_("Only caseworkers can do this."))
    if recovery.student_id == by.pk:
        return str(_("Nobody handles a recovery from themselves."))
    if not payouts.is_finance(by):
        if what == "write_off":
            return str(_("Only someone with the finance role can write off a recovery."))
        return str(_("Only someone with the finance role can register a repayment."))
    if recovery.opened_by_id == by.pk:
        if what == "write_off":
            return str(
                _("You opened this recovery: someone else with the finance role writes it off.")
            )
        return str(
            _(
                "You opened this recovery: someone else with the finance role registers "
                "what is paid back."
            )
        )
    return None


def _check_may_settle(recovery: Recovery, by: User, *, what: Settling = "repayment") -> None:
    reason = why_not_settle(recovery, by, what=what)
    if reason is not None:
        raise payouts.PayoutError(reason)


@transaction.atomic
def record_repayment(
    recovery: Recovery, *, by: User, amount_nok: Decimal, now: datetime | None = None
) -> RecoverySettlement:
    """Register money the student paid back by bank transfer; the recovery is settled when
    nothing remains. An appealed recovery takes repayments too (the money has come); it stays
    appealed until the appeal is handled. Only someone with the finance role, other than the
    caseworker who opened the recovery, registers it (:func:`why_not_settle`)."""
    now = _now(now)
    _check_may_settle(recovery, by)
    current = _locked(recovery)
    if current.status not in OWED:
        raise payouts.PayoutError(_("Nothing is owed on this recovery."))
    amount = _amount(amount_nok)
    left = current.amount_nok - settled(current)
    if amount > left:
        raise payouts.PayoutError(
            _("Only NOK %(amount)s is left to pay back.") % {"amount": _money(left)}
        )
    settlement = RecoverySettlement.objects.create(
        recovery=current,
        kind=SettlementKind.REPAID,
        amount_nok=amount,
        recorded_by=by,
        recorded_at=now,
    )
    if amount == left and current.status == RecoveryStatus.OPEN:
        current.status = RecoveryStatus.SETTLED
        current.save(update_fields=["status"])
    audit(
        "payouts.recovery.repaid",
        actor=by,
        claim=current.claim,
        now=now,
        recovery=current.reference,
        amount_nok=_money(amount),
        left_nok=_money(left - amount),
        opened_by=current.opened_by_id,
    )
    return settlement


def _at_the_bank(recovery: Recovery) -> Decimal:
    """What of the recovery is set off in payments sent to the bank and not yet answered: the
    bank may still reject them, which gives that part of the debt back."""
    return _total(recovery.settlements.filter(payment__status=PaymentStatus.SENT))


def can_be_written_off(recovery: Recovery) -> bool:
    """Whether anything of the recovery is left to write off: it is open, or settled only by
    set-offs in runs still being prepared (which a write-off undoes, R6). An appealed
    recovery waits for its appeal."""
    if recovery.status == RecoveryStatus.OPEN:
        return True
    return recovery.status == RecoveryStatus.SETTLED and kept(recovery) < recovery.amount_nok


def _locked_with_its_runs(recovery: Recovery) -> Recovery:
    """The recovery locked, after the runs still being prepared that set it off: the order in
    which the payout runs lock them, so the two cannot wait on each other. A run that sets the
    debt off between the two steps is not held, and taking it then would lock in the opposite
    order: the change is refused, to be tried again. (A debt under appeal is never set off,
    so for an appeal's handling that cannot happen.) Call it inside the caller's transaction:
    the locks are held until that ends."""
    runs = _pending_set_offs(recovery).values("run_id")
    locked = set(
        PayoutRun.objects.select_for_update()
        .filter(pk__in=runs)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    current = _locked(recovery)
    if set(_pending_set_offs(current).values_list("run_id", flat=True)) - locked:
        raise payouts.PayoutError(
            _("A payout run set this recovery off at this very moment: try again.")
        )
    return current


@transaction.atomic
def write_off(
    recovery: Recovery, *, by: User, reason: str, now: datetime | None = None
) -> RecoverySettlement:
    """Write off what remains of the recovery (avskrivning): the student owes nothing more on
    it, and it is set off no more. What was paid back or set off in a payment the bank has
    paid stays settled; a set-off in a run still being prepared is undone, and the run pays
    the refund whole (R6). The reason (a small amount, the student deceased, not collectable)
    is for the organisation, not the student's letter. Only someone with the finance role,
    other than the caseworker who opened the recovery, writes it off (:func:`why_not_settle`).
    """
    now = _now(now)
    _check_may_settle(recovery, by, what="write_off")
    reason = _required(reason, str(_("Give the reason for the write-off.")))
    current = _locked_with_its_runs(recovery)
    if current.status == RecoveryStatus.APPEALED:
        raise payouts.PayoutError(
            _("The student has appealed this recovery: handle the appeal before writing it off.")
        )
    if not can_be_written_off(current):
        raise payouts.PayoutError(_("Nothing is owed on this recovery."))
    at_the_bank = _at_the_bank(current)
    if at_the_bank > 0:
        raise payouts.PayoutError(
            _(
                "NOK %(amount)s of this recovery is set off in a payment the bank has not "
                "answered yet: write off the rest once it has."
            )
            % {"amount": _money(at_the_bank)}
        )
    _undo_pending_set_offs(current, by=by, now=now)
    left = current.amount_nok - settled(current)
    if left <= 0:
        raise payouts.PayoutError(_("Nothing is owed on this recovery."))
    settlement = RecoverySettlement.objects.create(
        recovery=current,
        kind=SettlementKind.WRITTEN_OFF,
        amount_nok=left,
        recorded_by=by,
        recorded_at=now,
        note=reason,
    )
    current.status = RecoveryStatus.WRITTEN_OFF
    current.save(update_fields=["status"])
    audit(
        "payouts.recovery.written_off",
        actor=by,
        claim=current.claim,
        now=now,
        recovery=current.reference,
        amount_nok=_money(left),
        reason=reason,
        opened_by=current.opened_by_id,
    )
    return settlement


def _settled_sum(*kinds: str) -> Coalesce:
    """The sum of a recovery's settlements of ``kinds``, as a subquery (no join to multiply
    rows)."""
    total = (
        RecoverySettlement.objects.filter(recovery=OuterRef("pk"), kind__in=kinds)
        .order_by()
        .values("recovery")
        .annotate(total=Sum("amount_nok"))
        .values("total")
    )
    money = DecimalField(max_digits=14, decimal_places=2)
    return Coalesce(Subquery(total, output_field=money), Value(ZERO), output_field=money)


def with_balances(recoveries: QuerySet[Recovery]) -> QuerySet[Recovery]:
    """The recoveries with ``settled_nok`` (set off or paid back), ``written_off_nok`` and
    ``balance_nok`` (what is still owed: nothing, once written off)."""
    return recoveries.annotate(
        settled_nok=_settled_sum(*MONEY),
        written_off_nok=_settled_sum(SettlementKind.WRITTEN_OFF),
    ).annotate(balance_nok=F("amount_nok") - F("settled_nok") - F("written_off_nok"))


def balance(student: User) -> Decimal:
    """What the student owes: the rest of their recoveries not yet settled or cancelled,
    appealed ones included (an appeal does not cancel the debt)."""
    owed = Recovery.objects.filter(student=student, status__in=OWED)
    amount = owed.aggregate(total=Sum("amount_nok"))["total"] or ZERO
    paid = (
        RecoverySettlement.objects.filter(recovery__in=owed).aggregate(total=Sum("amount_nok"))[
            "total"
        ]
        or ZERO
    )
    return round_ore(Decimal(amount) - Decimal(paid))


def open_debts(scheme: str | None = None) -> QuerySet[Recovery]:
    """The organisation's recoveries still owed, oldest first, each with ``settled_nok`` and
    ``balance_nok``; of one scheme if ``scheme`` is given."""
    debts = Recovery.objects.filter(status__in=OWED)
    if scheme:
        debts = debts.filter(claim__scheme=scheme)
    return with_balances(debts).select_related("claim", "student").order_by("opened_at", "pk")


def debts_total(debts: QuerySet[Recovery]) -> Decimal:
    """The sum of the balances of ``debts`` (from :func:`open_debts`)."""
    return round_ore(Decimal(debts.aggregate(total=Sum("balance_nok"))["total"] or ZERO))


def set_off_against(decision: Assessment) -> QuerySet[RecoverySettlement]:
    """What was set off against the payments of ``decision`` (each with its recovery and the
    payment's run), oldest first. A payment the bank rejected holds no decision, and its
    netting is undone."""
    payments = Payment.objects.filter(lines__decision=decision, lines__active=True)
    return (
        RecoverySettlement.objects.filter(kind=SettlementKind.NETTED, payment__in=payments)
        .select_related("recovery", "payment__run")
        .order_by("recorded_at", "pk")
    )
