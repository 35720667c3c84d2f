"""Every change to a claim, as a function: check, change in one transaction, log, return.

Each function takes the subject first and the rest by keyword, the acting user explicitly,
and ``now`` for the time (tests pass it; views leave it out).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import adapter, records, signals
from refusjon.claims.adapter import RulesAssessment
from refusjon.claims.errors import ClaimError as ClaimError  # raised by, and imported from, here
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    Attachment,
    AuditEntry,
    CheckStatus,
    Claim,
    ClaimStatus,
    ExpenseLine,
    LineOutcomeChoice,
    LineOverride,
    PatientRelation,
    StudentProfile,
    User,
)

EDITABLE = (ClaimStatus.DRAFT, ClaimStatus.RETURNED)

# Which status a claim may move to from which: anything else is refused.
TRANSITIONS: dict[str, set[str]] = {
    ClaimStatus.DRAFT: {ClaimStatus.SUBMITTED},
    ClaimStatus.SUBMITTED: {ClaimStatus.IN_REVIEW},
    ClaimStatus.IN_REVIEW: {
        ClaimStatus.RETURNED,
        ClaimStatus.DECIDED,
        ClaimStatus.AWAITING_APPROVAL,
    },
    ClaimStatus.AWAITING_APPROVAL: {ClaimStatus.DECIDED, ClaimStatus.IN_REVIEW},
    ClaimStatus.RETURNED: {ClaimStatus.SUBMITTED},
    ClaimStatus.DECIDED: {ClaimStatus.PAID, ClaimStatus.APPEALED},
    ClaimStatus.PAID: {ClaimStatus.APPEALED},
    # An appeal ends with the claim decided again (a changed decision) or as it was (upheld).
    ClaimStatus.APPEALED: {ClaimStatus.DECIDED, ClaimStatus.PAID},
}


def _now(now: datetime | None) -> datetime:
    return now or clock.now()


def _today(now: datetime) -> date:
    return timezone.localdate(now)


def audit(
    action: str,
    *,
    actor: User | None,
    claim: Claim | None = None,
    now: datetime | None = None,
    purpose: str = "",
    **data: Any,
) -> AuditEntry:
    """Append one entry to the audit log."""
    return AuditEntry.objects.create(
        at=_now(now), actor=actor, action=action, claim=claim, purpose=purpose, data=data
    )


def _check_transition(claim: Claim, to: str) -> None:
    if to not in TRANSITIONS[claim.status]:
        raise ClaimError(
            _("A claim that is “%(status)s” cannot be made “%(to)s”.")
            % {"status": ClaimStatus(claim.status).label, "to": ClaimStatus(to).label}
        )


def _move(claim: Claim, to: str, *, now: datetime, **fields: Any) -> None:
    """Move a claim to ``to`` if nobody changed it meanwhile; else refuse and change nothing."""
    _check_transition(claim, to)
    updated = Claim.objects.filter(pk=claim.pk, version=claim.version, status=claim.status).update(
        status=to, version=F("version") + 1, updated_at=now, **fields
    )
    if not updated:
        raise ClaimError(CHANGED_MEANWHILE)
    claim.refresh_from_db()


CHANGED_MEANWHILE = _("Someone else changed this claim just now. Open it again.")


def _lock_claim(claim: Claim) -> None:
    """Hold the claim's row to the end of the transaction, so that nobody assesses its lines
    while a decision is computed from them; refuse if it changed since the caller read it."""
    current = (
        Claim.objects.select_for_update()
        .filter(pk=claim.pk)
        .values_list("version", "status")
        .first()
    )
    if current != (claim.version, claim.status):
        raise ClaimError(CHANGED_MEANWHILE)


def _lock_student(claim: Claim) -> None:
    """Hold the applicant's profile row to the end of the transaction: the decisions of one
    student's claims are made one at a time, each against the running totals and expenses the
    one before left. Taken before the claim's row, always in that order."""
    StudentProfile.objects.select_for_update().filter(user_id=claim.applicant_id).exists()


def _bump(claim: Claim, *, now: datetime) -> None:
    """Mark the claim changed (its version moves on) if nobody changed it meanwhile: a decision
    computed from what it was is then refused."""
    updated = Claim.objects.filter(pk=claim.pk, version=claim.version).update(
        version=F("version") + 1, updated_at=now
    )
    if not updated:
        raise ClaimError(CHANGED_MEANWHILE)
    claim.refresh_from_db()


def _new_reference(now: datetime) -> str:
    return f"R-{now.year}-{secrets.token_hex(4).upper()}"


@transaction.atomic
def create_draft(
    applicant: User,
    *,
    scheme: str,
    period: str,
    patient_relation: str = PatientRelation.SELF,
    patient_birth_date: date | None = None,
    now: datetime | None = None,
) -> Claim:
    """Start a claim for a student, for their own treatment or their child's or spouse's
    (whose birth date the rules need); it stays a draft, kept across visits, until submitted."""
    now = _now(now)
    if not hasattr(applicant, "profile"):
        raise ClaimError(_("Fill in your profile before you apply."))
    if patient_relation == PatientRelation.SELF:
        patient_birth_date = None
    elif patient_birth_date is None:
        raise ClaimError(_("Give the birth date of the person who was treated."))
    claim = Claim(
        applicant=applicant,
        scheme=scheme,
        period=period,
        reference=_new_reference(now),
        patient_relation=patient_relation,
        patient_birth_date=patient_birth_date,
        created_at=now,
        updated_at=now,
    )
    claim.full_clean(exclude=["reference", "applicant"])
    claim.save()
    audit("claims.claim.created", actor=applicant, claim=claim, now=now, patient=patient_relation)
    return claim


def check_owner_can_edit(claim: Claim, by: User) -> None:
    """Only the student whose claim it is changes it, and only as a draft or when returned."""
    _check_owner_can_edit(claim, by)


def _check_owner_can_edit(claim: Claim, by: User) -> None:
    if claim.applicant_id != by.pk:
        raise ClaimError(_("This is not your claim."))
    if claim.status not in EDITABLE:
        raise ClaimError(_("The claim is with the caseworkers and cannot be changed now."))


@transaction.atomic
def add_line(claim: Claim, *, by: User, now: datetime | None = None, **fields: Any) -> ExpenseLine:
    """Add an expense line to a draft or returned claim."""
    _check_owner_can_edit(claim, by)
    line, conversion = _new_line(claim, fields)
    line.full_clean(exclude=["claim"])
    line.save()
    audit("claims.line.added", actor=by, claim=claim, now=now, line=line.number, **conversion)
    return line


NO_RATE_YET = _(
    "The exchange rates for that date have not been imported yet. Give the amount in NOK from "
    "your bank statement; Norges Bank's rate is used instead once it is in."
)


def _new_line(claim: Claim, fields: dict[str, Any]) -> tuple[ExpenseLine, dict[str, str]]:
    """The line ``fields`` make, numbered after the claim's last, not saved: an amount in
    another currency converted to NOK at Norges Bank's rate of the day it was paid, with the
    rate used (for the log). With no rate stored for the day, the student's own ``nok_amount``
    (from their bank statement) is kept and marked as theirs; without one the line is
    refused (docs/decisions.md, D7)."""
    fields = dict(fields)
    conversion: dict[str, str] = {}
    currency = fields.get("currency", "NOK")
    paid_on = fields.get("paid_on") or fields.get("service_on")
    amount = fields.get("amount")
    if currency == "NOK":
        fields.pop("nok_amount", None)
    elif amount is not None and paid_on:
        # Imported here: the currency app writes its audit entries through this module.
        from refusjon.currency.services import NoExchangeRate, to_nok

        try:
            converted = to_nok(amount, currency, paid_on)
        except NoExchangeRate as error:
            if fields.get("nok_amount") is None:
                raise ClaimError(f"{error} {NO_RATE_YET}") from error
            fields["nok_from_student"] = True
            conversion = {"nok_from": "student"}
        else:
            fields["nok_amount"] = converted.nok_amount
            conversion = {"rate": str(converted.rate), "rate_day": converted.rate_day.isoformat()}
    number = (claim.lines.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return ExpenseLine(claim=claim, number=number, **fields), conversion


@transaction.atomic
def remove_line(line: ExpenseLine, *, by: User, now: datetime | None = None) -> None:
    _check_owner_can_edit(line.claim, by)
    audit("claims.line.removed", actor=by, claim=line.claim, now=now, line=line.number)
    line.delete()


@dataclass(frozen=True)
class Estimate:
    refund_nok: Decimal
    record: dict[str, Any]


def estimate(
    claim: Claim,
    *,
    lang: str = "nb",
    now: datetime | None = None,
    extra_line: dict[str, Any] | None = None,
) -> Estimate:
    """The refund the student can expect, with its explanation; changes nothing.

    ``extra_line`` (the fields of an expense the student is still typing, as ``add_line``
    takes them) is seen as one more line, numbered after the last, in NOK as ``add_line``
    would convert it, and is not saved. Without a rate for its day it cannot be priced, and
    the estimate is refused (``ClaimError``)."""
    extra_lines = [_new_line(claim, extra_line)[0]] if extra_line is not None else []
    result = adapter.evaluate(claim, on=_today(_now(now)), extra_lines=extra_lines)
    record = adapter.decision_record(result.decision, lang)
    return Estimate(result.decision.refund_nok, record)


def _store(
    claim: Claim, result: RulesAssessment, *, kind: str, by: User | None, now: datetime
) -> Assessment:
    record = adapter.decision_record(result.decision, "en")
    record["explanation_nb"] = adapter.explanation(result.decision, "nb")
    return Assessment.objects.create(
        claim=claim,
        kind=kind,
        outcome=result.decision.outcome,
        refund_nok=result.decision.refund_nok,
        record=record,
        effects=adapter.effects_to_json(result.effects) if kind == AssessmentKind.DECISION else {},
        decided_by=by,
        created_at=now,
    )


@transaction.atomic
def submit_claim(claim: Claim, *, by: User, token: str, now: datetime | None = None) -> Claim:
    """Send a claim to the caseworkers. The same ``token`` twice (a double click, a retry
    after a time-out) submits once."""
    now = _now(now)
    Claim.objects.select_for_update().filter(pk=claim.pk).exists()  # holds the row
    claim.refresh_from_db()
    if token and claim.submission_token == token and claim.status == ClaimStatus.SUBMITTED:
        return claim
    _check_owner_can_edit(claim, by)
    if not claim.lines.exists():
        raise ClaimError(_("Add at least one expense before you submit."))
    check_documents_checked(claim.attachments.all())
    _move(claim, ClaimStatus.SUBMITTED, now=now, submitted_on=_today(now), submission_token=token)
    _store(
        claim,
        adapter.evaluate(claim, on=_today(now)),
        kind=AssessmentKind.PROPOSAL,
        by=None,
        now=now,
    )
    audit("claims.claim.submitted", actor=by, claim=claim, now=now)
    signals.claim_submitted.send(sender=Claim, claim=claim)
    return claim


def check_documents_checked(attachments: QuerySet[Attachment]) -> None:
    """A claim (or appeal) is not sent while one of its documents is still being checked.

    The student would expect what they just uploaded to go with it, but what goes is decided
    when it is sent (the engine's proposal counts the documents then), and a document refused
    after that could no longer be replaced: the check takes seconds, so waiting for it is the
    smaller trouble. A refused document does not hold it up: it is not counted, and the claim
    page has said why.
    """
    if attachments.filter(check_status=CheckStatus.PENDING).exists():
        raise ClaimError(
            _(
                "A document is still being checked. This usually takes a few seconds: "
                "wait until the page says it is checked, then send again."
            )
        )


def _check_caseworker(claim: Claim, by: User) -> None:
    if not is_caseworker(by):
        raise ClaimError(_("Only caseworkers can do this."))
    if claim.applicant_id == by.pk:
        raise ClaimError(_("Nobody decides a claim of their own."))


def current_decision(claim: Claim) -> Assessment | None:
    """The decision that stands for the claim: the newest one not superseded on appeal."""
    return (
        claim.assessments.filter(kind=AssessmentKind.DECISION, superseded_by__isnull=True)
        .order_by("-created_at", "-pk")
        .first()
    )


def check_not_decider(claim: Claim, by: User) -> None:
    """An appeal goes to a caseworker other than the one who made or proposed the decision."""
    decision = current_decision(claim)
    deciders = {claim.proposed_by_id, decision.decided_by_id if decision else None} - {None}
    if by.pk in deciders:
        raise ClaimError(_("An appeal is handled by a caseworker other than the one who decided."))


def is_caseworker(user: User) -> bool:
    """Whether ``user`` is an active caseworker. Asked once per user object and then kept on
    it, as Django keeps permissions (``_perm_cache``): a request asks several times (the
    permission check, the page header), the database once."""
    cached: bool | None = getattr(user, "_is_caseworker_cache", None)
    if cached is None:
        cached = bool(user.is_active and user.groups.filter(name="caseworkers").exists())
        user._is_caseworker_cache = cached  # type: ignore[attr-defined]
    return cached


@transaction.atomic
def start_review(claim: Claim, *, by: User, now: datetime | None = None) -> Claim:
    now = _now(now)
    _check_caseworker(claim, by)
    _move(claim, ClaimStatus.IN_REVIEW, now=now)
    audit("claims.claim.review_started", actor=by, claim=claim, now=now)
    return claim


# The claims a caseworker can take or be assigned: open ones, not drafts and not decided ones.
ASSIGNABLE = (
    ClaimStatus.SUBMITTED,
    ClaimStatus.IN_REVIEW,
    ClaimStatus.AWAITING_APPROVAL,
    ClaimStatus.RETURNED,
    ClaimStatus.APPEALED,
)
# "Take the next claim" takes the oldest claim that waits for a review and has nobody on it.
NEXT_STATUSES = (ClaimStatus.SUBMITTED, ClaimStatus.IN_REVIEW)


@transaction.atomic
def assign_claim(claim: Claim, *, to: User | None, by: User, now: datetime | None = None) -> Claim:
    """Give the claim to the caseworker ``to`` (or to nobody, ``None``), if nobody changed it
    since ``claim`` was read. A caseworker who takes a claim that was only submitted starts its
    review at the same time."""
    now = _now(now)
    _check_caseworker(claim, by)
    if to is not None and not is_caseworker(to):
        raise ClaimError(_("A claim can only be assigned to a caseworker."))
    if to is not None and claim.applicant_id == to.pk:
        raise ClaimError(_("Nobody decides a claim of their own."))
    if claim.status not in ASSIGNABLE:
        raise ClaimError(_("Only an open claim can be assigned."))
    previous = claim.assigned_to.get_username() if claim.assigned_to else ""
    updated = Claim.objects.filter(pk=claim.pk, version=claim.version).update(
        assigned_to=to,
        assigned_at=now if to is not None else None,
        version=F("version") + 1,
        updated_at=now,
    )
    if not updated:
        raise ClaimError(CHANGED_MEANWHILE)
    claim.refresh_from_db()
    audit(
        "claims.claim.assigned",
        actor=by,
        claim=claim,
        now=now,
        to=to.get_username() if to is not None else "",
        previous=previous,
    )
    if to is not None and to.pk == by.pk and claim.status == ClaimStatus.SUBMITTED:
        _move(claim, ClaimStatus.IN_REVIEW, now=now)
        audit("claims.claim.review_started", actor=by, claim=claim, now=now)
    return claim


def take_claim(claim: Claim, *, by: User, now: datetime | None = None) -> Claim:
    """``by`` takes the claim (:func:`assign_claim` to themselves)."""
    return assign_claim(claim, to=by, by=by, now=now)


def take_next_claim(*, by: User, now: datetime | None = None) -> Claim | None:
    """``by`` takes the oldest claim waiting for review that nobody has (not their own), or
    None when there is none. Two caseworkers asking at once get two different claims: on
    PostgreSQL the candidate's row is locked and others skip it (``SKIP LOCKED``); everywhere
    the assignment is a conditional update that only the first one wins, and the loser tries
    the next candidate."""
    if not is_caseworker(by):
        raise ClaimError(_("Only caseworkers can do this."))
    candidates = (
        Claim.objects.filter(
            status__in=NEXT_STATUSES, assigned_to__isnull=True, submitted_on__isnull=False
        )
        .exclude(applicant=by)
        .order_by("submitted_on", "pk")
    )
    if connection.features.has_select_for_update_skip_locked:
        candidates = candidates.select_for_update(skip_locked=True)
    for _attempt in range(10):
        with transaction.atomic():
            claim = candidates.first()
            if claim is None:
                return None
            try:
                with transaction.atomic():
                    return assign_claim(claim, to=by, by=by, now=now)
            except ClaimError:
                continue  # another caseworker changed it first: the next one
    return None


@transaction.atomic
def return_claim(
    claim: Claim,
    *,
    by: User,
    missing: list[str],
    message: str = "",
    complete_by: date,
    now: datetime | None = None,
) -> Claim:
    """Send a claim back to the student, saying what is missing and by when."""
    now = _now(now)
    _check_caseworker(claim, by)
    if not missing:
        raise ClaimError(_("Say what is missing before you return the claim."))
    _move(
        claim,
        ClaimStatus.RETURNED,
        now=now,
        was_returned=True,
        returned_missing=missing,
        returned_message=message,
        complete_by=complete_by,
    )
    audit("claims.claim.returned", actor=by, claim=claim, now=now, missing=missing)
    _clear_overrides(claim, by=by, now=now)
    return claim


def _clear_overrides(claim: Claim, *, by: User, now: datetime) -> None:
    """The student may remove and add lines before resubmitting, and a new line can take the
    number of a removed one: an assessment of the old lines must not stick to the new ones.
    The log keeps what was cleared."""
    overrides = list(claim.overrides.select_related("by"))
    if not overrides:
        return
    audit(
        "claims.line.overrides_cleared",
        actor=by,
        claim=claim,
        now=now,
        overrides={str(o.line_number): records.override_json(o) for o in overrides},
    )
    claim.overrides.all().delete()


def processing_target_days() -> int:
    """The processing target (saksbehandlingstid, REFUSJON_PROCESSING_TARGET_DAYS): the days
    within which a sent claim should be decided. Past it a claim is overdue in the queue, and
    its student gets an interim reply."""
    return int(settings.REFUSJON_PROCESSING_TARGET_DAYS)


def expected_decision_on(claim: Claim) -> date | None:
    """The day a decision is expected: the processing target after the claim was last sent;
    none for a claim not sent."""
    if claim.submitted_on is None:
        return None
    return claim.submitted_on + timedelta(days=processing_target_days())


def _four_eyes_limit() -> Decimal:
    return Decimal(str(settings.REFUSJON_FOUR_EYES_ABOVE_NOK))


def four_eyes_limit() -> Decimal:
    """The refund above which a decision is only proposed, for a second caseworker."""
    return _four_eyes_limit()


def _line_amount_nok(line: ExpenseLine) -> Decimal:
    """What the student paid for the line, in NOK: the most a caseworker can refund."""
    if line.currency == "NOK":
        return line.amount
    return line.nok_amount if line.nok_amount is not None else Decimal("0.00")


def _check_can_assess_lines(claim: Claim, by: User) -> None:
    """A caseworker assesses lines of a claim in review; on appeal, one other than the
    caseworker who decided."""
    _check_caseworker(claim, by)
    if claim.status == ClaimStatus.APPEALED:
        check_not_decider(claim, by)
    elif claim.status != ClaimStatus.IN_REVIEW:
        raise ClaimError(_("Lines can only be assessed while the claim is in review."))


def _check_override_refund(refund_nok: Decimal, line: ExpenseLine) -> None:
    """Whole øre (a third decimal would be rounded some way nobody chose), from 0 to what the
    student paid."""
    if refund_nok != refund_nok.quantize(Decimal("0.01")):
        raise ClaimError(
            _("%(field)s: give at most two decimals (øre).")
            % {"field": capfirst(LineOverride._meta.get_field("refund_nok").verbose_name)}
        )
    if not Decimal("0") <= refund_nok <= _line_amount_nok(line):
        raise ClaimError(
            _("The refund must be between 0 and the amount paid, NOK %(amount)s.")
            % {"amount": adapter.money_text(_line_amount_nok(line))}
        )


@transaction.atomic
def override_line(
    claim: Claim,
    *,
    by: User,
    line_number: int,
    outcome: str,
    refund_nok: Decimal,
    justification: str,
    now: datetime | None = None,
) -> LineOverride:
    """A caseworker's own outcome and refund for one line of a claim in review, with the
    justification that goes into the letter; a second override of the line replaces the first.
    The claim's version moves on, so that a decision computed without it is refused."""
    now = _now(now)
    _check_can_assess_lines(claim, by)
    _lock_claim(claim)
    justification = justification.strip()
    if not justification:
        raise ClaimError(_("Give a justification for the change."))
    if outcome not in LineOutcomeChoice.values:
        raise ClaimError(_("Choose whether the line is accepted or rejected."))
    line = claim.lines.filter(number=line_number).first()
    if line is None:
        raise ClaimError(_("The claim has no such line."))
    if outcome == LineOutcomeChoice.REJECTED:
        refund_nok = Decimal("0.00")
    _check_override_refund(refund_nok, line)
    _bump(claim, now=now)
    before = claim.overrides.select_related("by").filter(line_number=line_number).first()
    before_json = records.override_json(before)
    override, _created = LineOverride.objects.update_or_create(
        claim=claim,
        line_number=line_number,
        defaults={
            "outcome": outcome,
            "refund_nok": refund_nok,
            "justification": justification,
            "by": by,
            "at": now,
        },
    )
    audit(
        "claims.line.overridden",
        actor=by,
        claim=claim,
        now=now,
        line=line_number,
        before=before_json,
        after=records.override_json(override),
    )
    return override


@transaction.atomic
def clear_override(
    claim: Claim, *, by: User, line_number: int, now: datetime | None = None
) -> None:
    """Remove a caseworker's assessment of one line, so that the engine prices the line again:
    where lines may be assessed (in review; on appeal by a caseworker other than the one who
    decided). The log keeps what was removed; the claim's version moves on."""
    now = _now(now)
    _check_can_assess_lines(claim, by)
    _lock_claim(claim)
    override = claim.overrides.select_related("by").filter(line_number=line_number).first()
    if override is None:
        raise ClaimError(
            _("Line %(line)s has no caseworker's assessment to remove.") % {"line": line_number}
        )
    _bump(claim, now=now)
    audit(
        "claims.line.override_cleared",
        actor=by,
        claim=claim,
        now=now,
        line=line_number,
        before=records.override_json(override),
    )
    override.delete()


def _finalise(
    claim: Claim,
    *,
    outcome: str,
    refund_nok: Decimal,
    record: dict[str, Any],
    effects: dict[str, Any],
    by: User,
    now: datetime,
    **log: Any,
) -> Assessment:
    """Keep the final decision, with its effects on the running totals, and log it."""
    decision = Assessment.objects.create(
        claim=claim,
        kind=AssessmentKind.DECISION,
        outcome=outcome,
        refund_nok=refund_nok,
        record=record,
        effects=effects,
        decided_by=by,
        created_at=now,
    )
    audit(
        "claims.claim.decided",
        actor=by,
        claim=claim,
        now=now,
        outcome=decision.outcome,
        refund_nok=str(decision.refund_nok),
        **log,
    )
    return decision


@transaction.atomic
def decide_claim(claim: Claim, *, by: User, now: datetime | None = None) -> Assessment:
    """Decide the claim: the engine is re-run now (so it is current) and, if a caseworker
    assessed lines, once more without them, so the lines that stand are priced as if those had
    not been claimed; the caseworker's lines are laid over that, and the engine's own proposal
    for the whole claim is kept under ``record["engine"]``. Referred lines must be assessed by
    hand first. :func:`preview_decision` shows the same decision without making it.

    Above ``REFUSJON_FOUR_EYES_ABOVE_NOK`` the decision is only proposed: it is kept as an
    assessment of kind PROPOSAL by ``by`` and the claim waits for a second caseworker
    (:func:`approve_decision`). Otherwise it is final, with its effect on the student's running
    totals. Either way the assessment made is returned.

    Only a claim in review is decided here: one under appeal is decided again through its
    appeal (:mod:`refusjon.claims.appeals`), a proposal by :func:`approve_decision`. The
    student's and the claim's rows are held until the decision is made (:func:`_lock_student`,
    :func:`_lock_claim`)."""
    now = _now(now)
    _check_caseworker(claim, by)
    _check_decidable(claim)
    _lock_student(claim)
    _lock_claim(claim)
    assert claim.submitted_on is not None  # every claim in review was submitted
    result = adapter.evaluate(claim, on=claim.submitted_on)
    record, effects = records.decision_record(claim, result)
    refund = Decimal(record["refund_nok"])
    if refund > _four_eyes_limit():
        _move(claim, ClaimStatus.AWAITING_APPROVAL, now=now, proposed_by=by)
        proposal = Assessment.objects.create(
            claim=claim,
            kind=AssessmentKind.PROPOSAL,
            outcome=record["outcome"],
            refund_nok=refund,
            record=record,
            effects=effects,
            decided_by=by,
            created_at=now,
        )
        audit(
            "claims.claim.proposed",
            actor=by,
            claim=claim,
            now=now,
            outcome=proposal.outcome,
            refund_nok=str(refund),
        )
        return proposal
    _move(claim, ClaimStatus.DECIDED, now=now)
    decision = _finalise(
        claim,
        outcome=record["outcome"],
        refund_nok=refund,
        record=record,
        effects=effects,
        by=by,
        now=now,
    )
    signals.decision_made.send(sender=Assessment, decision=decision)
    return decision


def _check_decidable(claim: Claim) -> None:
    refusal = {
        ClaimStatus.APPEALED: _(
            "This claim is under appeal: its decision is changed or upheld through the appeal."
        ),
        ClaimStatus.AWAITING_APPROVAL: _(
            "The decision proposed for this claim waits for a second caseworker: they approve "
            "it or send it back to review."
        ),
    }.get(ClaimStatus(claim.status))
    if refusal is not None:
        raise ClaimError(refusal)
    _check_transition(claim, ClaimStatus.DECIDED)  # refuses every other status but in review


@dataclass(frozen=True)
class DecisionPreview:
    """The decision :func:`decide_claim` would make now.

    ``assessment`` is unsaved, with the outcome, refund, record and effects the decision would
    have: of kind PROPOSAL when it is above the four-eyes limit (a second caseworker would have
    to approve it), else DECISION. ``waiting`` names the referred lines a caseworker must still
    assess; while there are any, deciding is refused (the preview shows them as referred)."""

    assessment: Assessment
    waiting: tuple[str, ...]


def preview_decision(claim: Claim, *, now: datetime | None = None) -> DecisionPreview:
    """What deciding the claim would give now, with the caseworker's assessments of its lines
    and the engine's re-run of the others; changes and logs nothing. The caller checks that
    the viewer may see the claim (and logs the view)."""
    on = claim.submitted_on or _today(_now(now))
    decided = records.decided(claim, adapter.evaluate(claim, on=on), on=on)
    refund = Decimal(decided.record["refund_nok"])
    kind = AssessmentKind.PROPOSAL if refund > _four_eyes_limit() else AssessmentKind.DECISION
    assessment = Assessment(
        claim=claim,
        kind=kind,
        outcome=decided.record["outcome"],
        refund_nok=refund,
        record=decided.record,
        effects=decided.effects,
        created_at=_now(now),
    )
    return DecisionPreview(assessment, tuple(decided.waiting))


def _awaiting_proposal(claim: Claim) -> Assessment:
    proposal = (
        claim.assessments.filter(kind=AssessmentKind.PROPOSAL, decided_by=claim.proposed_by)
        .order_by("-created_at", "-pk")
        .first()
    )
    if proposal is None:  # a claim awaiting approval always has its proposal
        raise ClaimError(_("There is no proposed decision to approve."))
    return proposal


@transaction.atomic
def approve_decision(claim: Claim, *, by: User, now: datetime | None = None) -> Assessment:
    """A second caseworker approves the decision proposed for the claim, as it was proposed;
    the decision is then final, by the approver, and both are named in the log.

    The decision is made again first, against the student's history as it is now: if another
    of their claims decided since changes it (the threshold paid, the same expense claimed),
    the approval is refused and the approver sends the claim back to review."""
    now = _now(now)
    _check_caseworker(claim, by)
    if claim.status != ClaimStatus.AWAITING_APPROVAL:
        raise ClaimError(_("This claim is not waiting for approval."))
    if claim.proposed_by_id == by.pk:
        raise ClaimError(_("A second caseworker must approve a decision you proposed."))
    _lock_student(claim)
    _lock_claim(claim)
    proposal = _awaiting_proposal(claim)
    _check_proposal_holds(claim, proposal)
    proposer = claim.proposed_by
    _move(claim, ClaimStatus.DECIDED, now=now)
    decision = _finalise(
        claim,
        outcome=proposal.outcome,
        refund_nok=proposal.refund_nok,
        record=proposal.record,
        effects=proposal.effects,
        by=by,
        now=now,
        proposed_by=proposer.get_username() if proposer else "",
        approved_by=by.get_username(),
    )
    signals.decision_made.send(sender=Assessment, decision=decision)
    return decision


def _check_proposal_holds(claim: Claim, proposal: Assessment) -> None:
    """A proposal is approved as made only while it is still the decision the claim gets."""
    assert claim.submitted_on is not None  # a claim awaiting approval was submitted
    record, effects = records.decision_record(claim, adapter.evaluate(claim, on=claim.submitted_on))
    refund = Decimal(record["refund_nok"])
    if (record["outcome"], refund, effects) == (
        proposal.outcome,
        proposal.refund_nok,
        proposal.effects,
    ):
        return
    raise ClaimError(
        _(
            "The proposed decision no longer holds: the student's claims decided since change "
            "it, and decided now it refunds NOK %(refund)s, not NOK %(proposed)s. Send it back "
            "to review so that it is decided again."
        )
        % {
            "refund": adapter.money_text(refund),
            "proposed": adapter.money_text(proposal.refund_nok),
        }
    )


@transaction.atomic
def send_back(claim: Claim, *, by: User, reason: str, now: datetime | None = None) -> Claim:
    """A second caseworker does not approve the proposed decision: the claim goes back to
    review, with the reason in the log."""
    now = _now(now)
    _check_caseworker(claim, by)
    if claim.status != ClaimStatus.AWAITING_APPROVAL:
        raise ClaimError(_("This claim is not waiting for approval."))
    if claim.proposed_by_id == by.pk:
        raise ClaimError(_("A second caseworker must review a decision you proposed."))
    reason = reason.strip()
    if not reason:
        raise ClaimError(_("Say why the proposed decision is sent back."))
    proposer = claim.proposed_by
    _move(claim, ClaimStatus.IN_REVIEW, now=now, proposed_by=None)
    audit(
        "claims.claim.sent_back",
        actor=by,
        claim=claim,
        now=now,
        reason=reason,
        proposed_by=proposer.get_username() if proposer else "",
    )
    return claim


def record_view(claim: Claim, *, by: User, purpose: str, now: datetime | None = None) -> None:
    """Log that staff looked at a claim's health data, and why."""
    audit("claims.claim.viewed", actor=by, claim=claim, now=now, purpose=purpose)


def record_views(
    claims: Iterable[Claim], *, by: User, purpose: str, now: datetime | None = None
) -> None:
    """:func:`record_view` for each of several claims whose health data a page lists."""
    at = _now(now)
    AuditEntry.objects.bulk_create(
        AuditEntry(at=at, actor=by, action="claims.claim.viewed", claim=claim, purpose=purpose)
        for claim in claims
    )


def record_search(
    *, by: User, kind: str, found: list[Claim], purpose: str, now: datetime | None = None
) -> None:
    """Log that staff searched the claims (a view of personal data), by what kind of term
    (``reference``, ``person_id`` or ``name``) and which claims the search showed: the term
    itself is not kept (a person id or a name in the log would be one more copy of it; the
    claims found say whose data was seen). See docs/decisions.md."""
    audit(
        "claims.claims.searched",
        actor=by,
        now=now,
        purpose=purpose,
        kind=kind,
        claims=[claim.reference for claim in found],
    )


def visible_claims(user: User) -> Any:
    """The claims a user may see: their own, or, for caseworkers, all."""
    if is_caseworker(user):
        return Claim.objects.all()
    return Claim.objects.filter(applicant=user)


@dataclass(frozen=True)
class AccessRecord:
    """One look at a student's claim by the organisation: when and why, never by whom. Looks
    of one person, for one purpose, minutes apart are one record: from ``at`` to ``until``,
    ``count`` of them."""

    at: datetime
    action: str
    purpose: str
    until: datetime | None = None
    count: int = 1


STAFF_ACCESS_ACTIONS = ("claims.claim.viewed", "intake.document.viewed")

# Looks of one person at one claim for one purpose no further apart than this are shown as one
# (a caseworker reloading the page as they work): the audit log itself keeps every one.
ACCESS_FOLD_WITHIN = timedelta(minutes=5)


def fold_access(entries: Iterable[AuditEntry]) -> list[AccessRecord]:
    """The entries (in time order) as records, each run of one actor's looks with the same
    action and purpose, each within :data:`ACCESS_FOLD_WITHIN` of the one before, as one."""
    records: list[AccessRecord] = []
    open_runs: dict[tuple[int | None, str, str], int] = {}  # key -> index in records
    for entry in entries:
        key = (entry.actor_id, entry.action, entry.purpose)
        index = open_runs.get(key)
        if index is not None:
            run = records[index]
            if entry.at - (run.until or run.at) <= ACCESS_FOLD_WITHIN:
                records[index] = replace(run, until=entry.at, count=run.count + 1)
                continue
        open_runs[key] = len(records)
        records.append(AccessRecord(entry.at, entry.action, entry.purpose))
    return records


def access_log(claim: Claim, *, by: User) -> list[AccessRecord]:
    """When the claim and its documents were looked at by the organisation, and for what, as
    helsenorge shows patients, with repeated looks folded (:func:`fold_access`). Only the
    student whose claim it is may see it."""
    if claim.applicant_id != by.pk:
        raise ClaimError(_("This is not your claim."))
    entries = claim.audit_entries.filter(action__in=STAFF_ACCESS_ACTIONS).exclude(actor=by)
    return fold_access(entries.order_by("at", "pk"))


def supersede(
    claim: Claim,
    old: Assessment,
    *,
    record: dict[str, Any],
    effects: dict[str, Any],
    by: User,
    now: datetime,
    because: dict[str, Any] | None = None,
    **log: Any,
) -> Assessment:
    """Make a new decision on the claim that replaces ``old``, which is kept, marked
    superseded; the record says what it replaced (and ``because``, why) and which of the
    caseworker's line assessments of ``old`` stand. The caller holds the student's and the
    claim's rows, has moved the claim where it must be, and sends ``decision_made`` once all
    that the letter says is recorded."""
    record["supersedes"] = {
        "decided_on": timezone.localdate(old.created_at).isoformat(),
        "outcome": old.outcome,
        "refund_nok": adapter.money_text(old.refund_nok),
        **(because or {}),
    }
    record["overrides_before_appeal"] = records.overrides_kept(old.record, record)
    new = _finalise(
        claim,
        outcome=record["outcome"],
        refund_nok=Decimal(record["refund_nok"]),
        record=record,
        effects=effects,
        by=by,
        now=now,
        supersedes=old.pk,
        **log,
    )
    old.superseded_by = new
    old.save(update_fields=["superseded_by"])
    return new


def owe_the_difference(claim: Claim, *, now: datetime) -> None:
    """A paid claim decided again to more than it was paid (refusjon.reassessment) waits,
    decided, for the next payout run to pay the difference. Only that may move a paid claim
    back: a caseworker decides only claims in review."""
    if claim.status != ClaimStatus.PAID:
        raise ClaimError(CHANGED_MEANWHILE)
    updated = Claim.objects.filter(
        pk=claim.pk, version=claim.version, status=ClaimStatus.PAID
    ).update(status=ClaimStatus.DECIDED, version=F("version") + 1, updated_at=now)
    if not updated:
        raise ClaimError(CHANGED_MEANWHILE)
    claim.refresh_from_db()


# The appeals module (refusjon.claims.appeals) moves and decides claims too, by the same rules.
move = _move
check_caseworker = _check_caseworker
check_decidable = _check_decidable  # the workspace asks before it shows a decision to confirm
finalise = _finalise
lock_claim = _lock_claim
lock_student = _lock_student
