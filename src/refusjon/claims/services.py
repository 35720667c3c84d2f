"""Every change to a claim, as a function: check, change in one transaction, log, return.

Each function takes the subject first and the rest by keyword, the acting user explicitly,
and ``now`` for the time (tests pass it; views leave it out).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from refusjon.claims import adapter
from refusjon.claims.adapter import RulesAssessment
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    AuditEntry,
    Claim,
    ClaimStatus,
    ExpenseLine,
    User,
)

EDITABLE = (ClaimStatus.DRAFT, ClaimStatus.RETURNED)

# Which status a claim may move to from which: anything else is refused.
TRANSITIONS: dict[str, set[str]] = {
    ClaimStatus.DRAFT: {ClaimStatus.SUBMITTED},
    ClaimStatus.SUBMITTED: {ClaimStatus.IN_REVIEW},
    ClaimStatus.IN_REVIEW: {ClaimStatus.RETURNED, ClaimStatus.DECIDED},
    ClaimStatus.RETURNED: {ClaimStatus.SUBMITTED},
    ClaimStatus.DECIDED: {ClaimStatus.PAID},
    ClaimStatus.PAID: set(),
}


class ClaimError(Exception):
    """A change that cannot be made; the message says why, to the person who asked."""


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


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
        raise ClaimError(_("Someone else changed this claim just now. Open it again."))
    claim.refresh_from_db()


def _new_reference(now: datetime) -> str:
    return f"R-{now.year}-{secrets.token_hex(4).upper()}"


@transaction.atomic
def create_draft(
    applicant: User, *, scheme: str, period: str, now: datetime | None = None
) -> Claim:
    """Start a claim for a student; it stays a draft, kept across visits, until submitted."""
    now = _now(now)
    if not hasattr(applicant, "profile"):
        raise ClaimError(_("Fill in your profile before you apply."))
    claim = Claim(applicant=applicant, scheme=scheme, period=period, reference=_new_reference(now))
    claim.full_clean(exclude=["reference", "applicant"])
    claim.save()
    audit("claims.claim.created", actor=applicant, claim=claim, now=now)
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
    if fields.get("currency", "NOK") != "NOK" and fields.get("nok_amount") is None:
        # Until Norges Bank's rates are stored in the application, the student gives both.
        raise ClaimError(_("Give the amount in NOK too for an expense paid in another currency."))
    number = (claim.lines.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    line = ExpenseLine(claim=claim, number=number, **fields)
    line.full_clean(exclude=["claim"])
    line.save()
    audit("claims.line.added", actor=by, claim=claim, now=now, line=number)
    return line


@transaction.atomic
def remove_line(line: ExpenseLine, *, by: User, now: datetime | None = None) -> None:
    _check_owner_can_edit(line.claim, by)
    audit("claims.line.removed", actor=by, claim=line.claim, now=now, line=line.number)
    line.delete()


@dataclass(frozen=True)
class Estimate:
    refund_nok: Decimal
    record: dict[str, Any]


def estimate(claim: Claim, *, lang: str = "nb", now: datetime | None = None) -> Estimate:
    """The refund the student can expect, with its explanation; changes nothing."""
    result = adapter.evaluate(claim, on=_today(_now(now)))
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
    _move(claim, ClaimStatus.SUBMITTED, now=now, submitted_on=_today(now), submission_token=token)
    _store(
        claim,
        adapter.evaluate(claim, on=_today(now)),
        kind=AssessmentKind.PROPOSAL,
        by=None,
        now=now,
    )
    audit("claims.claim.submitted", actor=by, claim=claim, now=now)
    return claim


def _check_caseworker(claim: Claim, by: User) -> None:
    if not is_caseworker(by):
        raise ClaimError(_("Only caseworkers can do this."))
    if claim.applicant_id == by.pk:
        raise ClaimError(_("Nobody decides a claim of their own."))


def is_caseworker(user: User) -> bool:
    return bool(user.is_active and user.groups.filter(name="caseworkers").exists())


@transaction.atomic
def start_review(claim: Claim, *, by: User, now: datetime | None = None) -> Claim:
    now = _now(now)
    _check_caseworker(claim, by)
    _move(claim, ClaimStatus.IN_REVIEW, now=now)
    audit("claims.claim.review_started", actor=by, claim=claim, now=now)
    return claim


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
    return claim


@transaction.atomic
def decide_claim(claim: Claim, *, by: User, now: datetime | None = None) -> Assessment:
    """Accept the engine's decision for the claim as it stands (re-run now, so it is current);
    the decision and its effect on the student's running totals are kept."""
    now = _now(now)
    _check_caseworker(claim, by)
    _check_transition(claim, ClaimStatus.DECIDED)
    assert claim.submitted_on is not None  # every claim in review was submitted
    result = adapter.evaluate(claim, on=claim.submitted_on)
    _move(claim, ClaimStatus.DECIDED, now=now)
    decision = _store(claim, result, kind=AssessmentKind.DECISION, by=by, now=now)
    audit(
        "claims.claim.decided",
        actor=by,
        claim=claim,
        now=now,
        outcome=decision.outcome,
        refund_nok=str(decision.refund_nok),
    )
    return decision


def record_view(claim: Claim, *, by: User, purpose: str, now: datetime | None = None) -> None:
    """Log that staff looked at a claim's health data, and why."""
    audit("claims.claim.viewed", actor=by, claim=claim, now=now, purpose=purpose)


def visible_claims(user: User) -> Any:
    """The claims a user may see: their own, or, for caseworkers, all."""
    if is_caseworker(user):
        return Claim.objects.all()
    return Claim.objects.filter(applicant=user)


@dataclass(frozen=True)
class AccessRecord:
    """One look at a student's claim by the organisation: when and why, never by whom."""

    at: datetime
    action: str
    purpose: str


STAFF_ACCESS_ACTIONS = ("claims.claim.viewed", "intake.document.viewed")


def access_log(claim: Claim, *, by: User) -> list[AccessRecord]:
    """When the claim and its documents were looked at by the organisation, and for what, as
    helsenorge shows patients. Only the student whose claim it is may see it."""
    if claim.applicant_id != by.pk:
        raise ClaimError(_("This is not your claim."))
    entries = claim.audit_entries.filter(action__in=STAFF_ACCESS_ACTIONS).exclude(actor=by)
    return [AccessRecord(entry.at, entry.action, entry.purpose) for entry in entries]
