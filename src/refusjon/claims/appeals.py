"""Appeals (klage): the student writes and sends an appeal of a decision within the deadline;
a caseworker other than the one who decided upholds the decision, changes it (a new decision
that supersedes the old) or sends the appeal on to the appeals body.

The claim is "appeal under consideration" from when the appeal is sent until it is upheld or
changed; an appeal sent on to the appeals body stays open until its result is recorded here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import adapter, records, services, signals
from refusjon.claims.models import (
    OPEN_APPEAL_STATUSES,
    Appeal,
    AppealStatus,
    Assessment,
    Claim,
    ClaimStatus,
    User,
)
from refusjon.claims.services import ClaimError, audit

# Forvaltningsloven § 29 first paragraph: "Fristen for å klage er tre uker" (the time limit
# for an appeal is three weeks). The law counts from when notice of the decision reaches the
# party; the letter is there in the portal from the decision date, so we count from that day.
APPEAL_PERIOD = timedelta(weeks=3)

APPEALABLE = (ClaimStatus.DECIDED, ClaimStatus.PAID)


def appeal_deadline(decision: Assessment) -> date:
    """The last day on which the decision can be appealed."""
    return timezone.localdate(decision.created_at) + APPEAL_PERIOD


def open_appeal(claim: Claim) -> Appeal | None:
    """The claim's appeal that is not finished (a draft, sent, or with the appeals body)."""
    return claim.appeals.filter(status__in=OPEN_APPEAL_STATUSES).first()


def can_appeal(claim: Claim, *, now: datetime | None = None) -> bool:
    """Whether the student can still start or send an appeal of the claim's decision."""
    decision = services.current_decision(claim)
    if claim.status not in APPEALABLE or decision is None:
        return False
    if decision.appeals.exclude(status=AppealStatus.DRAFT).exists():
        return False
    return _today(now) <= appeal_deadline(decision)


def _today(now: datetime | None) -> date:
    return timezone.localdate(now or clock.now())


def _check_in_time(decision: Assessment, now: datetime) -> None:
    deadline = appeal_deadline(decision)
    if timezone.localdate(now) > deadline:
        raise ClaimError(
            _("The deadline for appealing this decision was %(date)s.")
            % {"date": deadline.isoformat()}
        )


@transaction.atomic
def save_appeal(claim: Claim, *, by: User, text: str, now: datetime | None = None) -> Appeal:
    """Start or change the student's appeal of the claim's decision; it is kept as a draft
    (across visits, with its documents) until the student sends it."""
    now = now or clock.now()
    if claim.applicant_id != by.pk:
        raise ClaimError(_("This is not your claim."))
    Claim.objects.select_for_update().filter(pk=claim.pk).exists()  # one draft, however fast
    appeal = open_appeal(claim)
    if appeal is not None and appeal.status != AppealStatus.DRAFT:
        raise ClaimError(_("Your appeal has been sent and can no longer be changed."))
    decision = services.current_decision(claim)
    if claim.status not in APPEALABLE or decision is None:
        raise ClaimError(_("Only a decided claim can be appealed."))
    if appeal is None and decision.appeals.exists():
        raise ClaimError(_("This decision has been appealed already."))
    _check_in_time(decision, now)
    if appeal is None:
        appeal = Appeal(
            claim=claim,
            decision=decision,
            appellant=by,
            deadline=appeal_deadline(decision),
            claim_status_before=claim.status,  # until sent: submit_appeal sets it then
            created_at=now,
        )
    appeal.text = text.strip()
    appeal.save()
    audit("claims.appeal.saved", actor=by, claim=claim, now=now, appeal=appeal.pk)
    return appeal


@transaction.atomic
def submit_appeal(appeal: Appeal, *, by: User, now: datetime | None = None) -> Appeal:
    """Send the appeal to the caseworkers. Sending twice (a double click, a retry) sends once.
    ``appeal`` is brought up to date."""
    now = now or clock.now()
    Appeal.objects.select_for_update().filter(pk=appeal.pk).exists()  # holds the row
    appeal.refresh_from_db()
    if appeal.appellant_id != by.pk:
        raise ClaimError(_("This is not your claim."))
    if appeal.status == AppealStatus.SUBMITTED:
        return appeal
    if appeal.status != AppealStatus.DRAFT:
        raise ClaimError(_("Your appeal has been sent and can no longer be changed."))
    if not appeal.text:
        raise ClaimError(_("Write what you disagree with and why before you send the appeal."))
    _check_in_time(appeal.decision, now)
    services.check_documents_checked(appeal.attachments.all())
    claim = Claim.objects.get(pk=appeal.claim_id)
    # Where an upheld appeal leaves the claim: as it is now (it may have been paid since the
    # draft was saved).
    appeal.claim_status_before = claim.status
    services.move(claim, ClaimStatus.APPEALED, now=now)
    appeal.status = AppealStatus.SUBMITTED
    appeal.submitted_at = now
    appeal.save(update_fields=["status", "submitted_at", "claim_status_before"])
    audit("claims.appeal.submitted", actor=by, claim=claim, now=now, appeal=appeal.pk)
    return appeal


def _check_handler(appeal: Appeal, by: User, note: str, *, allowed: tuple[str, ...]) -> str:
    claim = appeal.claim
    services.check_caseworker(claim, by)
    services.check_not_decider(claim, by)
    if appeal.status not in allowed:
        raise ClaimError(
            _("An appeal that is “%(status)s” cannot be handled so.")
            % {"status": AppealStatus(appeal.status).label}
        )
    note = note.strip()
    if not note:
        raise ClaimError(_("Give the assessment of the appeal: the student reads it."))
    return note


def _close(
    appeal: Appeal, *, status: str, by: User, note: str, now: datetime, **fields: object
) -> None:
    """Record how the appeal was handled, if nobody handled it meanwhile."""
    updated = Appeal.objects.filter(pk=appeal.pk, status=appeal.status).update(
        status=status, handled_by=by, handled_at=now, handler_note=note, **fields
    )
    if not updated:
        raise ClaimError(_("Someone else handled this appeal just now. Open it again."))
    appeal.refresh_from_db()


HANDLING = (AppealStatus.SUBMITTED, AppealStatus.FORWARDED)


@transaction.atomic
def uphold_appeal(appeal: Appeal, *, by: User, note: str, now: datetime | None = None) -> Appeal:
    """The decision stands; the claim goes back to where it was (decided, or paid)."""
    now = now or clock.now()
    note = _check_handler(appeal, by, note, allowed=HANDLING)
    services.move(appeal.claim, appeal.claim_status_before, now=now)
    _close(appeal, status=AppealStatus.UPHELD, by=by, note=note, now=now)
    audit("claims.appeal.upheld", actor=by, claim=appeal.claim, now=now, appeal=appeal.pk)
    return appeal


@transaction.atomic
def forward_appeal(appeal: Appeal, *, by: User, note: str, now: datetime | None = None) -> Appeal:
    """Send the appeal on to the appeals body; its result is recorded here later (upheld or
    changed) and the claim stays under appeal until then."""
    now = now or clock.now()
    note = _check_handler(appeal, by, note, allowed=(AppealStatus.SUBMITTED,))
    _close(appeal, status=AppealStatus.FORWARDED, by=by, note=note, now=now)
    audit("claims.appeal.forwarded", actor=by, claim=appeal.claim, now=now, appeal=appeal.pk)
    return appeal


@transaction.atomic
def change_decision(
    appeal: Appeal, *, by: User, note: str, now: datetime | None = None
) -> Assessment:
    """Make a new decision on the claim that supersedes the appealed one: the engine is re-run
    on the claim as it stands (documents sent with the appeal count), the caseworker's line
    assessments are laid over it, and the old decision is kept, marked superseded. The new
    decision has its own letter and its own appeal deadline.

    The line assessments of the decision appealed stand unless the handler cleared them
    (:func:`services.clear_override`); the record names those kept, and who made them, under
    ``overrides_before_appeal``."""
    now = now or clock.now()
    note = _check_handler(appeal, by, note, allowed=HANDLING)
    claim = appeal.claim
    services.lock_student(claim)
    services.lock_claim(claim)
    old = services.current_decision(claim)
    assert old is not None and claim.submitted_on is not None  # an appealed claim was decided
    record, effects = records.decision_record(claim, adapter.evaluate(claim, on=claim.submitted_on))
    services.move(claim, ClaimStatus.DECIDED, now=now)
    new = services.supersede(
        claim, old, record=record, effects=effects, by=by, now=now, appeal=appeal.pk
    )
    _close(appeal, status=AppealStatus.CHANGED, by=by, note=note, now=now, new_decision=new)
    audit("claims.appeal.changed", actor=by, claim=claim, now=now, appeal=appeal.pk)
    signals.decision_made.send(sender=Assessment, decision=new)
    return new
