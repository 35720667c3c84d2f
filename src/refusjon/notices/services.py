"""Notices to students: asked for inside the transaction that makes the event (an outbox: the
job's row commits with the change, or not at all), sent by a background job, once.

Each notice has a key naming the event it tells of (the audit entry of the change, or the
claim and the date for the daily reminders and interim replies). The job claims the key in
:class:`~refusjon.notices.models.SentNotice` (unique) before it sends, in one transaction: a
job tried again after a send that went through finds the key taken and sends nothing, and two
workers that run the same job at once cannot both send (the second waits on the first's row,
then finds it). A send that fails rolls the key back, and the job is tried again later.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import appeals, services
from refusjon.claims.models import AuditEntry, Claim, ClaimStatus, StudentProfile, User
from refusjon.jobs import ask_once, job
from refusjon.notices import content
from refusjon.notices.channels import CHANNELS, sms_configured
from refusjon.notices.content import Facts
from refusjon.notices.models import NoticeKind, SentNotice
from refusjon.payouts.accounts import masked_account
from refusjon.payouts.models import PaymentLine, PaymentStatus

# The daily look for deadlines coming up and claims past the processing target: in the
# morning in Oslo, so the e-mail is there when the day starts.
RUN_AT = time(7, 0)
# A reminder goes this many days before a returned claim's deadline.
REMINDER_BEFORE = timedelta(days=3)
# The interim reply says when a decision can now be expected: this long after it is sent.
INTERIM_EXPECTED_WITHIN = timedelta(days=14)

WAITING = (ClaimStatus.SUBMITTED, ClaimStatus.IN_REVIEW, ClaimStatus.AWAITING_APPROVAL)


def ask(kind: str, claim: Claim, *, key: str, entry: AuditEntry | None = None) -> None:
    """Ask for a notice of ``kind`` about ``claim`` (inside the caller's transaction)."""
    send_notice.enqueue(kind, claim.pk, key, entry.pk if entry else None)


@job(label=_("Sending a notice to a student"), attempts=5)
def send_notice(kind: str, claim_id: int, key: str, entry_id: int | None = None) -> None:
    """Compose and send one notice, unless it was sent already."""
    deliver(kind, claim_id, key=key, entry_id=entry_id)


@transaction.atomic
def deliver(
    kind: str, claim_id: int, *, key: str, entry_id: int | None = None, now: datetime | None = None
) -> SentNotice | None:
    """Send the notice ``key`` once; the record of it, or None when it was sent before."""
    now = now or clock.now()
    claim = Claim.objects.select_related("applicant").get(pk=claim_id)
    student = claim.applicant
    profile = StudentProfile.objects.filter(user=student).first()
    channel_name, address = _channel(student, profile)
    language = _language(profile)
    try:
        with transaction.atomic():
            sent = SentNotice.objects.create(
                key=key,
                kind=kind,
                recipient=student,
                claim=claim,
                channel=channel_name,
                language=language,
                sent_at=now,
            )
    except IntegrityError:
        return None  # sent before
    channel = CHANNELS.get(channel_name)
    if channel is not None:
        entry = AuditEntry.objects.filter(pk=entry_id).first() if entry_id else None
        notice = content.compose(
            kind, facts(kind, claim, entry, now=now), to=address, language=language
        )
        channel.deliver(notice)  # raises: the key is rolled back and the job tried again
    return sent


def _channel(student: User, profile: StudentProfile | None) -> tuple[str, str]:
    """The channel the student chose and their address on it: ``none`` where they chose none,
    gave no address, or chose text messages and no gateway is configured."""
    chosen = profile.notice_channel if profile else "email"
    if chosen == "email" and student.email:
        return "email", student.email
    if chosen == "sms" and profile is not None and profile.phone and sms_configured():
        return "sms", profile.phone
    return "none", ""


def _language(profile: StudentProfile | None) -> str:
    languages = {code for code, _name in settings.LANGUAGES}
    chosen = profile.notice_language if profile else ""
    return chosen if chosen in languages else settings.LANGUAGE_CODE


def facts(kind: str, claim: Claim, entry: AuditEntry | None, *, now: datetime) -> Facts:
    """What the notice of ``kind`` says about ``claim``: a reference, dates, the portal page."""
    today = timezone.localdate(now)
    path = content.claim_path(claim.reference)
    dates: dict[str, date] = {"today": today}
    expected_by = services.expected_decision_on(claim)
    if claim.submitted_on and expected_by:
        dates["submitted_on"] = claim.submitted_on
        dates["expected_by"] = expected_by
    if claim.complete_by:
        dates["complete_by"] = claim.complete_by
    outcome = ""
    account = ""
    reference = claim.reference
    data = entry.data if entry else {}
    if kind in (NoticeKind.DECIDED, NoticeKind.APPEAL_DECIDED):
        decision = services.current_decision(claim)
        if decision is not None:
            outcome = decision.outcome
            dates["decided_on"] = timezone.localdate(decision.created_at)
            dates["appeal_by"] = appeals.appeal_deadline(decision)
        if kind == NoticeKind.APPEAL_DECIDED and entry is not None:
            outcome = entry.action.rsplit(".", 1)[-1]  # upheld, forwarded, changed
    elif kind == NoticeKind.PAID:
        line = (
            PaymentLine.objects.filter(claim=claim, active=True, payment__status=PaymentStatus.PAID)
            .select_related("payment__run")
            .order_by("-payment__answered_at", "-pk")
            .first()
        )
        if line is not None:
            payment = line.payment
            dates["paid_on"] = (
                timezone.localdate(payment.answered_at)
                if payment.answered_at
                else payment.run.execution_date
            )
            account = masked_account(payment.account or payment.iban)
    elif kind == NoticeKind.RECOVERY and data.get("recovery"):
        reference = str(data["recovery"])
        path = reverse("portal:recovery", args=[reference])
        recovery = claim.recoveries.filter(reference=reference).first()
        if recovery is not None:
            dates["appeal_by"] = recovery.appeal_deadline
    elif kind == NoticeKind.INTERIM:
        dates["expected_by"] = today + INTERIM_EXPECTED_WITHIN
    return Facts(
        reference=reference,
        path=path,
        dates=dates,
        count=len(claim.returned_missing or []),
        account=account,
        outcome=outcome,
    )


# The daily job: reminders before a returned claim's deadline, and interim replies.


@job(label=_("Sending reminders and interim replies"), attempts=4)
def send_daily_notices() -> None:
    """Ask for tomorrow's run, then the day's reminders and interim replies."""
    schedule_daily_notices()
    ask_daily_notices()


@transaction.atomic
def ask_daily_notices(*, now: datetime | None = None) -> int:
    """Ask for the reminders due today (a returned claim whose deadline is three days away or
    closer, not yet passed) and the interim replies (a claim waiting longer than the
    processing target): each once, whenever the job runs. How many were asked for."""
    now = now or clock.now()
    today = timezone.localdate(now)
    asked = 0
    returned = Claim.objects.filter(
        status=ClaimStatus.RETURNED,
        complete_by__gte=today,
        complete_by__lte=today + REMINDER_BEFORE,
    )
    for claim, key in _not_sent(returned, lambda claim: f"reminder:{claim.pk}:{claim.complete_by}"):
        ask(NoticeKind.REMINDER, claim, key=key)
        asked += 1
    late = Claim.objects.filter(
        status__in=WAITING,
        submitted_on__lt=today - timedelta(days=services.processing_target_days()),
    )
    for claim, key in _not_sent(late, lambda claim: f"interim:{claim.pk}:{claim.submitted_on}"):
        ask(NoticeKind.INTERIM, claim, key=key)
        asked += 1
    return asked


def _not_sent(claims: QuerySet[Claim], key_of: Callable[[Claim], str]) -> list[tuple[Claim, str]]:
    """The claims whose notice (named by ``key_of``) was not sent yet, with its key; the keys
    already sent are read in one query, not one per claim."""
    keyed = [(claim, key_of(claim)) for claim in claims]
    sent = set(
        SentNotice.objects.filter(key__in=[key for _claim, key in keyed]).values_list(
            "key", flat=True
        )
    )
    return [(claim, key) for claim, key in keyed if key not in sent]


def schedule_daily_notices(*, now: datetime | None = None) -> bool:
    """Ask for the next morning's run, unless one is waiting; whether one was asked for."""
    return ask_once(send_daily_notices, run_after=clock.next_at(RUN_AT, after=now or clock.now()))


def remember_language(student: User, language: str) -> None:
    """Notices go in the site language the student used, until they choose one: remembered
    when they send a claim or an appeal."""
    languages = {code for code, _name in settings.LANGUAGES}
    if language in languages:
        StudentProfile.objects.filter(user=student, notice_language="").update(
            notice_language=language
        )


@transaction.atomic
def set_address(student: User, *, by: User, email: str, now: datetime | None = None) -> bool:
    """Change the e-mail address the student's notices go to (the sign-in may give none);
    whether it changed. The log says that it changed, not to what."""
    if by.pk != student.pk:
        raise PermissionError("only the student changes their address")
    email = email.strip()
    if email:
        validate_email(email)
    if email == student.email:
        return False
    student.email = email
    student.save(update_fields=["email"])
    services.audit("notices.address.changed", actor=by, now=now, removed=not email)
    return True
