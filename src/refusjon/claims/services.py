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

from django.conf import settings
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
    LineOutcomeChoice,
    LineOverride,
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
        overrides={str(o.line_number): _override_json(o) for o in overrides},
    )
    claim.overrides.all().delete()


REFERRED = "referred"
PAYING = ("approved", "partially_approved")
PRICED = (*PAYING, "rejected")
OVERRIDE_NOTE = "override"


def _four_eyes_limit() -> Decimal:
    return Decimal(str(settings.REFUSJON_FOUR_EYES_ABOVE_NOK))


def _line_amount_nok(line: ExpenseLine) -> Decimal:
    """What the student paid for the line, in NOK: the most a caseworker can refund."""
    if line.currency == "NOK":
        return line.amount
    return line.nok_amount if line.nok_amount is not None else Decimal("0.00")


def _override_json(override: LineOverride | None) -> dict[str, str] | None:
    if override is None:
        return None
    return {
        "outcome": override.outcome,
        "refund_nok": f"{override.refund_nok:.2f}",
        "justification": override.justification,
        "by": override.by.get_username(),
    }


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
    justification that goes into the letter; a second override of the line replaces the first."""
    now = _now(now)
    _check_caseworker(claim, by)
    if claim.status != ClaimStatus.IN_REVIEW:
        raise ClaimError(_("Lines can only be assessed while the claim is in review."))
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
    if not Decimal("0") <= refund_nok <= _line_amount_nok(line):
        raise ClaimError(
            _("The refund must be between 0 and the amount paid, NOK %(amount)s.")
            % {"amount": f"{_line_amount_nok(line):.2f}"}
        )
    before = claim.overrides.select_related("by").filter(line_number=line_number).first()
    before_json = _override_json(before)
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
        after=_override_json(override),
    )
    return override


def _check_referred_lines_assessed(record: dict[str, Any], overrides: dict[str, Any]) -> None:
    waiting = [
        line["line_id"]
        for line in record.get("lines", [])
        if line.get("outcome") == REFERRED and line["line_id"] not in overrides
    ]
    if waiting:
        raise ClaimError(
            _("Assess the referred lines (%(lines)s) before you decide.")
            % {"lines": ", ".join(waiting)}
        )


def _claim_outcome(engine: dict[str, Any], lines: list[dict[str, Any]]) -> str:
    """The outcome by the rules of claims-format.md, from the lines as finally assessed. A
    claim the engine rejected as a whole (claim-level reasons) or returned stays so: overriding
    lines does not change whether the claim itself qualifies."""
    engine_outcome: str = engine["outcome"]
    claim_level_rejection = engine_outcome == "rejected" and engine.get("reasons")
    if engine_outcome not in PRICED or claim_level_rejection or not lines:
        return engine_outcome
    outcomes = {line["outcome"] for line in lines}
    if outcomes == {"accepted"}:
        return "approved"
    if outcomes == {"rejected"}:
        return "rejected"
    return "partially_approved"


def _with_overrides(engine: dict[str, Any], overrides: dict[str, LineOverride]) -> dict[str, Any]:
    """The decision record: the engine's, with each overridden line replaced by the
    caseworker's outcome and refund, its note and justification; totals recomputed."""
    lines = []
    for line in engine.get("lines", []):
        override = overrides.get(line["line_id"])
        if override is None:
            lines.append(dict(line))
            continue
        accepted = override.outcome == LineOutcomeChoice.ACCEPTED
        lines.append(
            {
                **line,
                "outcome": override.outcome,
                "eligible_nok": line["eligible_nok"] if accepted else "0.00",
                "refund_nok": f"{override.refund_nok:.2f}",
                "reasons": sorted({*line.get("reasons", []), OVERRIDE_NOTE}),
                "override": _override_json(override),
            }
        )
    outcome = _claim_outcome(engine, lines)
    paying = outcome in PAYING
    refund = sum((Decimal(line["refund_nok"]) for line in lines), Decimal("0.00"))
    return {
        **engine,
        "outcome": outcome,
        "refund_nok": f"{refund if paying else Decimal('0.00'):.2f}",
        "lines": lines,
        "justifications": [
            {"line_id": line_id, "justification": override.justification}
            for line_id, override in sorted(overrides.items(), key=lambda item: int(item[0]))
        ],
        "explanation": [*engine.get("explanation", []), *_justified(overrides, "en")],
        "explanation_nb": [*engine.get("explanation_nb", []), *_justified(overrides, "nb")],
    }


def _justified(overrides: dict[str, LineOverride], lang: str) -> list[str]:
    """The caseworker's justifications as steps of the explanation, which the letter shows.
    Like the engine's explanation, the record holds it in both languages, whatever the page's."""
    said = "Line {line} assessed by a caseworker: {why}"
    if lang == "nb":
        said = "Linje {line} vurdert av saksbehandler: {why}"
    return [
        said.format(line=line_id, why=override.justification)
        for line_id, override in sorted(overrides.items(), key=lambda item: int(item[0]))
    ]


def _standing_lines(engine: dict[str, Any], final: dict[str, Any]) -> list[bool]:
    """For each line the engine accepted, whether it stands as the engine priced it."""
    finals = {line["line_id"]: line for line in final["lines"]}
    return [
        finals[line["line_id"]]["outcome"] == "accepted"
        and finals[line["line_id"]]["refund_nok"] == line["refund_nok"]
        for line in engine.get("lines", [])
        if line.get("outcome") == "accepted"
    ]


def _effects(
    engine: dict[str, Any], final: dict[str, Any], effects: dict[str, Any]
) -> dict[str, Any]:
    """The decision's effect on the student's running totals, with overrides taken into account.

    Only lines whose final outcome is accepted with the engine's own amount count:

    * the engine's expense keys (one per line it accepted, in line order) are kept only for
      those lines, so a line a caseworker rejected is no duplicate of a later claim;
    * the running totals (threshold, exemption card) are sums over the claim and cannot be
      split by line. They are kept whole as long as every line the engine accepted stands;
      lines the engine rejected or referred added nothing to them. If a caseworker changed a
      line the engine accepted, the totals are left out and ``totals_left_out`` is set, so
      the claim counts for nothing rather than for what was not decided. (A caseworker's
      refund for a referred line is likewise not counted: the engine does not know its part.)
    """
    if not effects or final["outcome"] not in PAYING:
        return effects if final["outcome"] == engine["outcome"] else {}
    standing = _standing_lines(engine, final)
    expenses = [
        key for key, stands in zip(effects.get("expenses", []), standing, strict=True) if stands
    ]
    if all(standing):
        return {**effects, "expenses": expenses}
    return {"totals": {}, "expenses": expenses, "totals_left_out": True}


def _decision_record(
    claim: Claim, result: RulesAssessment
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The final decision record (with the engine's kept under ``engine``) and its effects."""
    engine = adapter.decision_record(result.decision, "en")
    engine["explanation_nb"] = adapter.explanation(result.decision, "nb")
    overrides = {str(o.line_number): o for o in claim.overrides.select_related("by")}
    _check_referred_lines_assessed(engine, overrides)
    effects = adapter.effects_to_json(result.effects)
    if not overrides:
        return {**engine, "engine": dict(engine)}, effects
    final = _with_overrides(engine, overrides)
    return {**final, "engine": engine}, _effects(engine, final, effects)


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
    """Decide the claim: the engine is re-run now (so it is current), the caseworker's line
    overrides are laid over its result, and the engine's own proposal is kept with the
    decision under ``record["engine"]``. Referred lines must be assessed by hand first.

    Above ``REFUSJON_FOUR_EYES_ABOVE_NOK`` the decision is only proposed: it is kept as an
    assessment of kind PROPOSAL by ``by`` and the claim waits for a second caseworker
    (:func:`approve_decision`). Otherwise it is final, with its effect on the student's running
    totals. Either way the assessment made is returned."""
    now = _now(now)
    _check_caseworker(claim, by)
    _check_transition(claim, ClaimStatus.DECIDED)
    assert claim.submitted_on is not None  # every claim in review was submitted
    result = adapter.evaluate(claim, on=claim.submitted_on)
    record, effects = _decision_record(claim, result)
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
    return _finalise(
        claim,
        outcome=record["outcome"],
        refund_nok=refund,
        record=record,
        effects=effects,
        by=by,
        now=now,
    )


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
    the decision is then final, by the approver, and both are named in the log."""
    now = _now(now)
    _check_caseworker(claim, by)
    _check_transition(claim, ClaimStatus.DECIDED)
    if claim.status != ClaimStatus.AWAITING_APPROVAL:
        raise ClaimError(_("This claim is not waiting for approval."))
    if claim.proposed_by_id == by.pk:
        raise ClaimError(_("A second caseworker must approve a decision you proposed."))
    proposal = _awaiting_proposal(claim)
    proposer = claim.proposed_by
    _move(claim, ClaimStatus.DECIDED, now=now)
    return _finalise(
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
