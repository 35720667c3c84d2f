"""Payout runs, as functions: gather a scheme's payable decisions into a run, review it, freeze
it into a bank file, and apply the bank's answer to each payment.

That a decision is paid exactly once rests on the database (:mod:`refusjon.payouts.models`):
a decision is on one active payment line at most, and a scheme has one open run at most.
Every change to a run locks the run's row first, so two operators take turns; whoever loses
a race for the same rows gets a :class:`PayoutError`, never a second payment.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import services as claims
from refusjon.claims.models import (
    SCHEME_CHOICES,
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    StudentProfile,
    User,
)
from refusjon.payouts import failpoints, netting
from refusjon.payouts.models import (
    ZERO,
    Payment,
    PaymentLine,
    PaymentStatus,
    PayoutRun,
    Recovery,
    RecoveryStatus,
    RunStatus,
)
from refusjon.rules.money import round_ore

BATCH_SIZE = 500
T = TypeVar("T")


class PayoutError(claims.ClaimError):
    """A payout change that cannot be made; the message says why, to the person who asked."""


def _now(now: datetime | None) -> datetime:
    return now or clock.now()


def is_finance(user: User) -> bool:
    """Whether ``user`` may prepare, freeze and change payout runs: an active member of the
    group "finance". Kept on the user object, as :func:`claims.is_caseworker` is."""
    cached: bool | None = getattr(user, "_is_finance_cache", None)
    if cached is None:
        cached = bool(user.is_active and user.groups.filter(name="finance").exists())
        user._is_finance_cache = cached  # type: ignore[attr-defined]
    return cached


def _check_finance(by: User) -> None:
    if not is_finance(by):
        raise PayoutError(_("Only someone with the finance role can do this."))


@dataclass(frozen=True)
class Held:
    """A decision ready to pay that the run leaves out, and why."""

    claim: Claim
    reason: str


@dataclass(frozen=True)
class RunSummary:
    run: PayoutRun
    added: int
    held: list[Held]


@dataclass(frozen=True)
class _Payable:
    """A standing decision and what it adds to what its claim was paid before."""

    decision: Assessment
    owed: Decimal


def build_run(
    scheme: str,
    *,
    by: User,
    execution_date: date,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunSummary:
    """Open the scheme's run, or refresh the open one, with every decision that is ready to pay
    and in no other payment: one payment per student, with what they owe the scheme set off.
    A decision that can not be paid yet (no account, an account the bank rejected) is held,
    with the reason. In one transaction: a crash leaves the run as it was."""
    now = _now(now)
    _check_finance(by)
    if scheme not in dict(SCHEME_CHOICES):
        raise PayoutError(_("There is no scheme “%(scheme)s”.") % {"scheme": scheme})
    try:
        with transaction.atomic():
            summary = _build(
                scheme, by=by, execution_date=execution_date, now=now, progress=progress
            )
    except IntegrityError as error:
        if not _lost_a_race(error):
            raise
        # The other operator's run (or payment) won: nothing of this attempt was kept.
        raise PayoutError(
            _("Someone else prepared this run at the same moment. Open the run again.")
        ) from error
    failpoints.reach(failpoints.BUILD_COMMITTED)
    return summary


# What two operators preparing the same run at once can collide on, as PostgreSQL names the
# constraint and as SQLite names its columns. Any other integrity error is a fault, not a race.
RACE_CONSTRAINTS = frozenset(
    {
        "one_open_run_per_scheme",
        "decision_paid_once",
        "one_payment_per_student",
        "payouts_payoutrun_reference_key",  # two new runs numbered alike
    }
)
RACE_COLUMNS = (
    "payouts_payoutrun.scheme",
    "payouts_payoutrun.reference",
    "payouts_paymentline.decision_id",
    "payouts_payment.run_id, payouts_payment.student_id",
)


def _lost_a_race(error: IntegrityError) -> bool:
    """Whether the error is another operator's run or payment having been written first."""
    diagnosis = getattr(error.__cause__, "diag", None)
    name = getattr(diagnosis, "constraint_name", None)
    if name is not None:
        return name in RACE_CONSTRAINTS
    message = str(error)
    return any(message.endswith(columns) for columns in RACE_COLUMNS)


def _build(
    scheme: str,
    *,
    by: User,
    execution_date: date,
    now: datetime,
    progress: Callable[[int, int], None] | None,
) -> RunSummary:
    run, created = _open_run(scheme, by=by, execution_date=execution_date, now=now)
    failpoints.reach(failpoints.BUILD_RUN_CREATED)
    dropped = _drop_stale_lines(run, by=by, now=now)
    payable, held, covered = _payable(run)
    for claim in covered:
        _settle_claim(claim, by=by, now=now)
    added = _add(run, payable, by=by, now=now, progress=progress)
    _net_debts(run, by=by, now=now)
    claims.audit(
        "payouts.run.created" if created else "payouts.run.refreshed",
        actor=by,
        now=now,
        run=run.reference,
        added=added,
        dropped=dropped,
        held=len(held),
    )
    return RunSummary(run, added, held)


def _open_run(
    scheme: str, *, by: User, execution_date: date, now: datetime
) -> tuple[PayoutRun, bool]:
    """The scheme's open run, locked, or a new one."""
    run = PayoutRun.objects.select_for_update().filter(scheme=scheme, status=RunStatus.OPEN).first()
    if run is not None:
        if run.execution_date != execution_date:
            run.execution_date = execution_date
            run.save(update_fields=["execution_date"])
        return run, False
    run = PayoutRun.objects.create(
        reference=_new_reference(scheme, execution_date),
        scheme=scheme,
        execution_date=execution_date,
        created_by=by,
        created_at=now,
    )
    return run, True


def _new_reference(scheme: str, execution_date: date) -> str:
    """``PR-sio-20261103-1``: the scheme, the payment date and a number. It is the bank
    file's message id, unique for the bank (at most 35 characters)."""
    prefix = f"PR-{scheme}-{execution_date:%Y%m%d}-"
    taken = PayoutRun.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{taken + 1}"


def _stale(run: PayoutRun) -> QuerySet[PaymentLine]:
    """Lines of the run's unsent payments whose decision no longer stands as it did: changed
    on appeal, or its claim no longer waiting for payment."""
    return PaymentLine.objects.filter(
        payment__run=run, payment__status=PaymentStatus.PENDING
    ).filter(Q(decision__superseded_by__isnull=False) | ~Q(claim__status=ClaimStatus.DECIDED))


def _drop_stale_lines(run: PayoutRun, *, by: User, now: datetime) -> int:
    stale = list(_stale(run).select_related("claim"))
    if not stale:
        return 0
    payment_ids = {line.payment_id for line in stale}
    for line in stale:
        claims.audit(
            "payouts.claim.left_run",
            actor=by,
            claim=line.claim,
            now=now,
            run=run.reference,
            amount_nok=str(line.amount_nok),
        )
    PaymentLine.objects.filter(pk__in=[line.pk for line in stale]).delete()
    _recount(payment_ids, by=by, now=now)
    return len(stale)


def _recount(payment_ids: Iterable[int], *, by: User, now: datetime) -> None:
    """Make unsent payments pay their lines again, their debt set off no more (until
    :func:`_net_debts` sets it off anew); a payment without lines goes (it never reached a
    bank). In a fixed number of queries, however many payments: only those with something
    set off are undone one by one, and they are the few whose students owe the scheme."""
    payments = list(Payment.objects.filter(pk__in=list(payment_ids)).select_related("run"))
    for payment in payments:
        if payment.netted_nok:
            netting.undo_netting(payment, by=by, now=now)
    gross = dict(
        PaymentLine.objects.filter(payment__in=payments)
        .order_by()
        .values("payment")
        .annotate(total=Sum("amount_nok"))
        .values_list("payment", "total")
    )
    Payment.objects.filter(pk__in=[p.pk for p in payments if p.pk not in gross]).delete()
    kept = [payment for payment in payments if payment.pk in gross]
    for payment in kept:
        payment.gross_nok = payment.amount_nok = round_ore(gross[payment.pk])
        payment.netted_nok = ZERO
    Payment.objects.bulk_update(kept, ["gross_nok", "netted_nok", "amount_nok"])


def _payable(run: PayoutRun) -> tuple[list[_Payable], list[Held], list[Claim]]:
    """The standing decisions of the run's scheme ready to pay, those held back, and the
    claims whose standing decision the bank has already paid in full.

    What a decision adds is counted against what the bank has paid (lines of paid payments)
    only: a payment still at the bank may yet be rejected, and its decision would then be
    owed whole. So while one is, the claim waits for the bank's answer."""
    lines = _lines_of_decided_claims(run.scheme)
    withdrawn = set(
        run.payments.filter(status=PaymentStatus.WITHDRAWN).values_list("student_id", flat=True)
    )
    payable: list[_Payable] = []
    held: list[Held] = []
    covered: list[Claim] = []
    for decision in _standing_decisions(run.scheme):
        claim = decision.claim
        history = lines.get(claim.pk, [])
        paid = sum((line["amount_nok"] for line in history if _is_paid(line)), ZERO)
        owed = decision.refund_nok - paid
        if owed <= 0:
            if paid > 0:
                covered.append(claim)
            continue
        if any(line["decision_id"] == decision.pk and line["active"] for line in history):
            continue  # in a payment already
        reason = _waiting_reason(run, history) or _hold_reason(
            claim, history[-1] if history else None, withdrawn
        )
        if reason:
            held.append(Held(claim, reason))
        else:
            payable.append(_Payable(decision, owed))
    return payable, held, covered


def _is_paid(line: dict[str, Any]) -> bool:
    return bool(line["active"]) and line["payment__status"] == PaymentStatus.PAID


def _waiting_reason(run: PayoutRun, history: list[dict[str, Any]]) -> str:
    """Why the claim waits while another payment of it is sent, or pending in another run."""
    for line in history:
        status = line["payment__status"]
        if line["active"] and (
            status == PaymentStatus.SENT
            or (status == PaymentStatus.PENDING and line["payment__run_id"] != run.pk)
        ):
            return gettext("An earlier payment is still waiting for the bank's answer.")
    return ""


def _standing_decisions(scheme: str) -> Iterator[Assessment]:
    """The current decision of every claim of the scheme that waits to be paid, with the
    claim, student and profile, in one query (the decision records themselves are not read)."""
    decisions = (
        Assessment.objects.filter(
            kind=AssessmentKind.DECISION,
            superseded_by__isnull=True,
            claim__scheme=scheme,
            claim__status=ClaimStatus.DECIDED,
        )
        .select_related("claim__applicant__profile")
        .defer("record", "effects")
        .order_by("claim_id", "-created_at", "-pk")
    )
    seen: set[int] = set()
    for decision in decisions.iterator(chunk_size=2000):
        if decision.claim_id not in seen:  # the newest is the one that stands
            seen.add(decision.claim_id)
            yield decision


def _lines_of_decided_claims(scheme: str) -> dict[int, list[dict[str, Any]]]:
    """Every payment line of the scheme's claims waiting to be paid, oldest payment first,
    with its payment's status and account, by claim."""
    rows = (
        PaymentLine.objects.filter(claim__scheme=scheme, claim__status=ClaimStatus.DECIDED)
        .order_by("payment_id", "pk")
        .values(
            "claim_id",
            "decision_id",
            "active",
            "amount_nok",
            "payment__status",
            "payment__run_id",
            "payment__account",
            "payment__iban",
            "payment__bic",
            "payment__status_reason_code",
        )
    )
    by_claim: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_claim[row["claim_id"]].append(dict(row))
    return by_claim


# ISO 20022 status reasons that say the student's account (or the name or bank on it) is
# wrong: a payment rejected for one of these waits until the student corrects the account.
# Any other rejection (our own account short of funds, a file the bank could not read, no
# reason given) is the paying side's to sort out, and the decision goes into the next run.
ACCOUNT_REASON_CODES = frozenset(
    {"AC01", "AC02", "AC03", "AC04", "AC06", "AG01", "BE01", "BE04", "MD07", "MS02", "RC01"}
    | {"RR01", "RR03"}
)


def account_was_rejected(code: str) -> bool:
    """Whether a rejection with this reason code asks the student to correct the account."""
    return code in ACCOUNT_REASON_CODES


def _hold_reason(claim: Claim, last: dict[str, Any] | None, withdrawn: set[int]) -> str:
    """Why the claim's decision can not go into the run now, or "" when it can."""
    if claim.applicant_id in withdrawn:
        return gettext("The student's payment was taken out of this run; it goes into the next.")
    profile: StudentProfile | None = getattr(claim.applicant, "profile", None)
    account = _account(profile)
    if account is None:
        return gettext("The student has not given an account to pay to.")
    if (
        last is not None
        and last["payment__status"] == PaymentStatus.REJECTED
        and account_was_rejected(last["payment__status_reason_code"])
    ):
        rejected = _normalised(
            last["payment__account"], last["payment__iban"], last["payment__bic"]
        )
        if account == rejected:
            return gettext(
                "The bank rejected the student's account and the student has not corrected it."
            )
    return ""


def _account(profile: StudentProfile | None) -> tuple[str, str, str] | None:
    """The account to pay to, as (Norwegian account, IBAN, BIC): a Norwegian account when
    the student gave one, else an account abroad with its BIC; None without either."""
    if profile is None:
        return None
    account, iban, bic = _normalised(profile.bank_account, profile.iban, profile.bic)
    if account:
        return (account, "", "")
    if iban and bic:
        return ("", iban, bic)
    return None


def _normalised(account: str, iban: str, bic: str) -> tuple[str, str, str]:
    """An account as the bank file has it: no spaces or dots, IBAN and BIC in capitals."""

    def compact(text: str) -> str:
        return "".join((text or "").split()).replace(".", "")

    return (compact(account), compact(iban).upper(), compact(bic).upper())


def _add(
    run: PayoutRun,
    payable: list[_Payable],
    *,
    by: User,
    now: datetime,
    progress: Callable[[int, int], None] | None,
) -> int:
    """Put the payable decisions into the run: into the student's payment in it, or a new one,
    in batches; :func:`_net_debts` then sets their debts off."""
    by_student: dict[int, list[_Payable]] = defaultdict(list)
    for item in payable:
        by_student[item.decision.claim.applicant_id].append(item)
    existing = {p.student_id: p for p in run.payments.filter(status=PaymentStatus.PENDING)}
    number = _last_number(run)
    students = sorted(by_student)
    total = len(students)
    done = 0
    if progress:
        progress(0, total)
    for batch in _batches(students, BATCH_SIZE):
        new = []
        for student_id in batch:
            if student_id in existing:
                continue
            number += 1
            new.append(_new_payment(run, by_student[student_id], number))
        Payment.objects.bulk_create(new)
        payments = {**existing, **{p.student_id: p for p in new}}
        lines = [
            PaymentLine(
                payment=payments[student_id],
                claim=item.decision.claim,
                decision=item.decision,
                amount_nok=item.owed,
            )
            for student_id in batch
            for item in by_student[student_id]
        ]
        PaymentLine.objects.bulk_create(lines)
        AuditEntry.objects.bulk_create(
            AuditEntry(
                at=now,
                actor=by,
                action="payouts.claim.added_to_run",
                claim=line.claim,
                data={"run": run.reference, "amount_nok": str(line.amount_nok)},
            )
            for line in lines
        )
        failpoints.reach(failpoints.BUILD_BATCH_WRITTEN)
        done += len(batch)
        if progress:
            progress(done, total)
    _recount(
        [existing[student_id].pk for student_id in students if student_id in existing],
        by=by,
        now=now,
    )
    return len(payable)


def _last_number(run: PayoutRun) -> int:
    """The highest number in use in the run's end-to-end ids (``<run>-<number>``): a payment
    dropped from the run leaves a gap, so counting them would give a number twice. The run's
    row is locked, so nobody else numbers meanwhile."""
    ids = run.payments.values_list("end_to_end_id", flat=True)
    return max((int(e2e.rsplit("-", 1)[1]) for e2e in ids), default=0)


def _new_payment(run: PayoutRun, items: list[_Payable], number: int) -> Payment:
    student = items[0].decision.claim.applicant
    account, iban, bic = _account(getattr(student, "profile", None)) or ("", "", "")
    gross = sum((item.owed for item in items), ZERO)
    return Payment(
        run=run,
        student=student,
        end_to_end_id=f"{run.reference}-{number}",
        gross_nok=gross,
        netted_nok=ZERO,
        amount_nok=gross,
        creditor_name=(student.get_full_name() or student.get_username())[:140],
        account=account,
        iban=iban,
        bic=bic,
    )


def _net_debts(run: PayoutRun, *, by: User, now: datetime) -> None:
    """Set debts off against the run's unsent payments to students who owe the scheme; the
    others (nearly all) are not asked one by one."""
    owing = Recovery.objects.filter(status=RecoveryStatus.OPEN, claim__scheme=run.scheme)
    payments = run.payments.filter(
        status=PaymentStatus.PENDING,
        student_id__in=owing.values("student_id"),
    ).select_related("run")
    for payment in payments:
        netting.net_against(payment, by=by, now=now)


def _batches(items: list[T], size: int) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _locked_run(run: PayoutRun) -> PayoutRun:
    return PayoutRun.objects.select_for_update().get(pk=run.pk)


def _check_open(run: PayoutRun) -> None:
    if run.status != RunStatus.OPEN:
        raise PayoutError(
            _("The run is “%(status)s” and can no longer be changed.")
            % {"status": RunStatus(run.status).label}
        )


@transaction.atomic
def discard_run(run: PayoutRun, *, by: User, now: datetime | None = None) -> None:
    """Give up a run being reviewed: its decisions are free for the next run, and what was set
    off against its payments is owed again."""
    now = _now(now)
    _check_finance(by)
    run = _locked_run(run)
    _check_open(run)
    pending = run.payments.filter(status=PaymentStatus.PENDING)
    for payment in pending.filter(netted_nok__gt=0).select_related("run"):
        netting.undo_netting(payment, by=by, now=now)
    PaymentLine.objects.filter(payment__run=run).update(active=False)
    pending.update(status=PaymentStatus.WITHDRAWN)
    run.status = RunStatus.DISCARDED
    run.save(update_fields=["status"])
    claims.audit("payouts.run.discarded", actor=by, now=now, run=run.reference)


@transaction.atomic
def withdraw_payment(
    payment: Payment, *, by: User, reason: str, now: datetime | None = None
) -> None:
    """Take one student's payment out of a run being reviewed; their decisions go into the
    next run, and what was set off against the payment is owed again."""
    now = _now(now)
    _check_finance(by)
    reason = reason.strip()
    if not reason:
        raise PayoutError(_("Say why the payment is taken out of the run."))
    _check_open(_locked_run(payment.run))
    payment = Payment.objects.select_related("run").get(pk=payment.pk)
    if payment.status != PaymentStatus.PENDING:
        raise PayoutError(_("This payment is no longer in the run."))
    netting.undo_netting(payment, by=by, now=now)
    lines = list(payment.lines.select_related("claim"))
    payment.lines.update(active=False)
    payment.status = PaymentStatus.WITHDRAWN
    payment.status_reason = reason[:200]
    payment.save(update_fields=["status", "status_reason"])
    claims.audit(
        "payouts.payment.withdrawn",
        actor=by,
        now=now,
        run=payment.run.reference,
        payment=payment.end_to_end_id,
        reason=reason,
    )
    for line in lines:
        claims.audit(
            "payouts.claim.left_run", actor=by, claim=line.claim, now=now, run=payment.run.reference
        )


def freeze_run(run: PayoutRun, *, by: User, now: datetime | None = None) -> PayoutRun:
    """Close the run for changes and make its bank file (pain.001), checked against the
    schema before it is kept. Freezing a frozen run gives it back as it is, file and all. A
    payment wholly set off against debt is paid there and then, and is not in the file."""
    # The bank file module raises PayoutErrors: imported here, as it imports this module.
    from refusjon.payouts import bankfile

    now = _now(now)
    _check_finance(by)
    with transaction.atomic():
        run = _locked_run(run)
        if run.status == RunStatus.FROZEN:
            return run
        _check_open(run)
        _check_freezable(run, by=by)
        _bring_debts_up_to_date(run, by=by, now=now)
        _bring_accounts_up_to_date(run, by=by, now=now)
        pending = run.payments.filter(status=PaymentStatus.PENDING)
        pending.filter(amount_nok__gt=0).update(status=PaymentStatus.SENT)
        for payment in pending.filter(amount_nok=0).select_related("run"):
            _pay(payment, by=by, now=now)
        run.status = RunStatus.FROZEN
        run.frozen_by = by
        run.frozen_at = now
        sent = run.payments.filter(status=PaymentStatus.SENT)
        run.payment_count = sent.count()
        run.total_nok = round_ore(sent.aggregate(total=Sum("amount_nok"))["total"] or ZERO)
        content = bankfile.write_pain001(run) if run.payment_count else b""
        if content:
            bankfile.validate(content, "pain.001.001.03")
        run.bank_file = content.decode()
        run.bank_file_sha256 = hashlib.sha256(content).hexdigest() if content else ""
        run.save()
        claims.audit(
            "payouts.run.frozen",
            actor=by,
            now=now,
            run=run.reference,
            payments=run.payment_count,
            total_nok=str(run.total_nok),
            sha256=run.bank_file_sha256,
        )
        failpoints.reach(failpoints.FREEZE_FILE_MADE)
    failpoints.reach(failpoints.FREEZE_COMMITTED)
    return run


def _check_freezable(run: PayoutRun, *, by: User) -> None:
    if not run.payments.filter(status=PaymentStatus.PENDING).exists():
        raise PayoutError(_("The run has no payments to make."))
    if run.payments.filter(student=by, status=PaymentStatus.PENDING).exists():
        raise PayoutError(_("Someone else must freeze a run that pays you."))
    changed = sorted(set(_stale(run).values_list("claim__reference", flat=True)))
    if changed:
        raise PayoutError(
            _(
                "These claims changed after the run was prepared: %(claims)s. Prepare the run "
                "again before you freeze it."
            )
            % {"claims": ", ".join(changed)}
        )


def _bring_debts_up_to_date(run: PayoutRun, *, by: User, now: datetime) -> None:
    """Set debts off as they stand at freezing: a recovery may have been appealed, lowered,
    cancelled or opened since the run was prepared, and the bank file must say what is due."""
    owing = Recovery.objects.filter(status=RecoveryStatus.OPEN, claim__scheme=run.scheme)
    payments = run.payments.filter(status=PaymentStatus.PENDING).filter(
        Q(netted_nok__gt=0) | Q(student_id__in=owing.values("student_id"))
    )
    for payment in payments.select_related("run"):
        netting.bring_up_to_date(payment, by=by, now=now)


def _bring_accounts_up_to_date(run: PayoutRun, *, by: User, now: datetime) -> None:
    """Pay to the account each student has at freezing (they may have corrected it since the
    run was prepared); refuse while a student in the file has none."""
    payments = run.payments.filter(status=PaymentStatus.PENDING, amount_nok__gt=0)
    changed: list[Payment] = []
    missing: list[str] = []
    for payment in payments.select_related("student__profile").order_by("end_to_end_id"):
        account = _account(getattr(payment.student, "profile", None))
        if account is None:
            missing.append(payment.creditor_name)
        elif account != (payment.account, payment.iban, payment.bic):
            payment.account, payment.iban, payment.bic = account
            changed.append(payment)
    if missing:
        raise PayoutError(
            _(
                "These students no longer have an account to pay to: %(students)s. Take their "
                "payments out of the run, or wait until they have given one."
            )
            % {"students": ", ".join(missing)}
        )
    Payment.objects.bulk_update(changed, ["account", "iban", "bic"])
    for payment in changed:
        claims.audit(
            "payouts.payment.account_changed",
            actor=by,
            now=now,
            run=run.reference,
            payment=payment.end_to_end_id,
        )


@transaction.atomic
def mark_paid(payment: Payment, *, now: datetime, by: User | None = None) -> None:
    """The bank says the transfer went through: the payment is paid, and each of its claims
    is paid once its standing decision is paid in full. Saying it twice changes nothing."""
    payment = Payment.objects.select_for_update().select_related("run").get(pk=payment.pk)
    if payment.status == PaymentStatus.PAID:
        return
    if payment.status != PaymentStatus.SENT:
        raise PayoutError(
            _("Payment %(payment)s is “%(status)s”: the bank cannot have paid it.")
            % {"payment": payment.end_to_end_id, "status": PaymentStatus(payment.status).label}
        )
    _pay(payment, by=by, now=now)


def _pay(payment: Payment, *, by: User | None, now: datetime) -> None:
    payment.status = PaymentStatus.PAID
    payment.answered_at = now
    payment.save(update_fields=["status", "answered_at"])
    claims.audit(
        "payouts.payment.paid",
        actor=by,
        now=now,
        run=payment.run.reference,
        payment=payment.end_to_end_id,
        amount_nok=str(payment.amount_nok),
        netted_nok=str(payment.netted_nok),
    )
    for claim in Claim.objects.filter(payment_lines__payment=payment).distinct():
        _settle_claim(claim, by=by, now=now)


def _settle_claim(claim: Claim, *, by: User | None, now: datetime) -> None:
    """Mark the claim paid when what its paid lines add up to covers the decision that
    stands now (which an appeal may have changed since the payment was made). A claim under
    appeal stays under appeal; once the appeal is upheld, the next run settles it."""
    if claim.status != ClaimStatus.DECIDED:
        return
    decision = claims.current_decision(claim)
    paid = PaymentLine.objects.filter(
        claim=claim, active=True, payment__status=PaymentStatus.PAID
    ).aggregate(total=Sum("amount_nok"))["total"]
    if decision is None or not paid or paid < decision.refund_nok:
        return
    claims.move(claim, ClaimStatus.PAID, now=now)
    claims.audit("claims.claim.paid", actor=by, claim=claim, now=now, amount_nok=str(paid))


@transaction.atomic
def mark_rejected(
    payment: Payment, *, code: str, reason: str, now: datetime, by: User | None = None
) -> None:
    """The bank refused the transfer (a closed account, a wrong number): its decisions are
    free to pay again once the student has corrected the account, and what was set off
    against it is owed again. Saying it twice changes nothing."""
    payment = Payment.objects.select_for_update().select_related("run").get(pk=payment.pk)
    if payment.status == PaymentStatus.REJECTED:
        return
    if payment.status != PaymentStatus.SENT:
        raise PayoutError(
            _("Payment %(payment)s is “%(status)s”: the bank cannot reject it now.")
            % {"payment": payment.end_to_end_id, "status": PaymentStatus(payment.status).label}
        )
    lines = list(payment.lines.select_related("claim"))
    payment.lines.update(active=False)
    netting.undo_netting(payment, by=by, now=now)
    payment.status = PaymentStatus.REJECTED
    payment.status_reason_code = code[:8]
    payment.status_reason = reason[:200]
    payment.answered_at = now
    payment.save(update_fields=["status", "status_reason_code", "status_reason", "answered_at"])
    claims.audit(
        "payouts.payment.rejected",
        actor=by,
        now=now,
        run=payment.run.reference,
        payment=payment.end_to_end_id,
        code=code,
        reason=reason,
    )
    for line in lines:
        # The student's pages ask them to correct the account while this is the claim's last
        # payment and the account is the rejected one.
        claims.audit(
            "payouts.claim.payment_rejected",
            actor=by,
            claim=line.claim,
            now=now,
            payment=payment.end_to_end_id,
            code=code,
        )
