"""Changing a scheme safely, as functions: a new version of a scheme's file is checked and
kept as a draft, tried on the claims already decided (the dry run), and approved; approving
decides again every claim the version changes, as a new decision that supersedes the old one.
The same re-assessment runs from the command line over a span of claims
(``refusjon reassess``).

A version decides the claims whose period starts on or after its date. Decided claims are
decided again against the history they were first decided against: per student, in the order
they were first decided, each against the claims decided before it as they now stand
(those decided again in the same pass with their new effects). A version that changes nothing
then changes no decision (but a claim decided on appeal: docs/decisions.md, V7). A claim
decided again keeps its caseworker's line assessments.

What the new decision changes in money is never silent: more than was paid goes into the next
payout run as a back-payment (the claim is decided, waiting to be paid the difference); what
was paid beyond the new refund is claimed back (a recovery, with its letter and appeal). A
claim under appeal is left to its appeal and counted; one with a payment at the bank, marked
paid outside the runs, the decider's own, or with a line for a caseworker is named for a
person.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import Max, Min
from django.utils import formats, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import adapter, records, services, signals
from refusjon.claims.errors import ClaimError
from refusjon.claims.models import (
    Assessment,
    AssessmentKind,
    Claim,
    ClaimStatus,
    ParameterOverride,
    SchemeVersion,
    SchemeVersionChange,
    SchemeVersionStatus,
    User,
)
from refusjon.jobs import job
from refusjon.payouts import recoveries
from refusjon.payouts.models import PaymentLine, PaymentStatus, PayoutRun
from refusjon.rules.model import Period, Scheme
from refusjon.rules.money import ZERO
from refusjon.rules.parameters import ParameterValue, default_parameters
from refusjon.rules.schemes import SchemeFileError, version_of
from refusjon.rules.schemes import SchemeVersion as CompiledVersion
from refusjon.rules.schemes.language import Problem

logger = logging.getLogger(__name__)

# The largest scheme file taken: the longest shipped one is a few kilobytes.
MAX_FILE_BYTES = 256 * 1024
# Claims decided again are kept in batches of this many rows.
BATCH = 500
# A claim in these states has a decision that stands and can be decided again.
STANDING = (ClaimStatus.DECIDED, ClaimStatus.PAID)
# A student's claims in these states count as the history of the others.
DECIDED = (ClaimStatus.DECIDED, ClaimStatus.PAID, ClaimStatus.APPEALED)

Progress = Callable[[int, int], None]
"""Told (done, of) as claims are re-assessed."""


class ReassessmentError(ClaimError):
    """A change of a scheme that cannot be made; the message says why."""


class VersionProblems(ReassessmentError):
    """A scheme file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def can_change_schemes(user: User) -> bool:
    """Whether ``user`` may upload, approve and discard versions of the schemes: an
    administrator (staff) with the permission to add scheme versions. Asking costs a caseworker
    who is not staff no query."""
    return bool(user.is_active and user.is_staff and user.has_perm("claims.add_schemeversion"))


def _check_may_change(by: User) -> None:
    if not can_change_schemes(by):
        raise ReassessmentError(_("Only an administrator of the schemes can do this."))


def _now(now: datetime | None) -> datetime:
    return now or clock.now()


# Proposing ------------------------------------------------------------------------------------


def check_text(scheme: str, text: str) -> CompiledVersion:
    """The version of ``scheme`` in ``text``; refused with every problem in it, and where it
    changes a figure an administrator has given a dated value of (that value would be laid over
    the version's, and the version change nothing there)."""
    file = f"{scheme}.yaml"
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise VersionProblems([Problem(file, "", gettext("is larger than 256 KB"))])
    try:
        compiled = version_of(text, file=file, scheme=scheme)
    except SchemeFileError as error:
        raise VersionProblems(error.problems) from None
    shipped = default_parameters()
    known = set(shipped.names)
    overridden = ParameterOverride.objects.filter(name__in=list(compiled.parameters))
    problems = [
        Problem(
            file,
            f"figures.{name.split('.', 1)[1]}",
            gettext(
                "an administrator's dated value of this figure is laid over every version's: "
                "remove it in the administration first, or change the figure there"
            ),
        )
        for name in sorted(set(overridden.values_list("name", flat=True)))
        if _series(compiled.parameters[name])
        != _series(shipped.history(name) if name in known else [])
    ]
    if problems:
        raise VersionProblems(problems)
    return compiled


def _series(values: Iterable[ParameterValue]) -> list[tuple[date, Any]]:
    return [(value.valid_from, value.value) for value in values]


@transaction.atomic
def propose_version(
    scheme: str,
    *,
    text: str,
    effective_from: date,
    note: str,
    by: User,
    now: datetime | None = None,
) -> SchemeVersion:
    """Keep a checked new version of ``scheme`` as a draft and ask for its dry run."""
    now = _now(now)
    _check_may_change(by)
    if scheme not in {member.value for member in Scheme}:
        raise ReassessmentError(_("There is no scheme “%(scheme)s”.") % {"scheme": scheme})
    note = note.strip()
    if not note:
        raise ReassessmentError(_("What changes: say in a line what the version changes."))
    check_text(scheme, text)
    for _attempt in range(3):  # two administrators proposing at once take the next numbers
        number = (
            SchemeVersion.objects.filter(scheme=scheme).aggregate(last=Max("number"))["last"] or 0
        ) + 1
        try:
            with transaction.atomic():
                version = SchemeVersion.objects.create(
                    scheme=scheme,
                    number=number,
                    text=text,
                    effective_from=effective_from,
                    note=note,
                    created_by=by,
                    created_at=now,
                )
            break
        except IntegrityError:
            continue
    else:
        raise ReassessmentError(_("Someone else proposed a version just now. Try again."))
    services.audit(
        "schemes.version.proposed",
        actor=by,
        now=now,
        scheme=scheme,
        version=number,
        effective_from=effective_from.isoformat(),
    )
    try_version.enqueue(version.pk)
    return version


@transaction.atomic
def discard_version(version: SchemeVersion, *, by: User, now: datetime | None = None) -> None:
    """Put a draft aside: it is kept, with its dry run, but can no longer be approved."""
    now = _now(now)
    _check_may_change(by)
    if not SchemeVersion.objects.filter(pk=version.pk, status=SchemeVersionStatus.DRAFT).update(
        status=SchemeVersionStatus.DISCARDED
    ):
        raise ReassessmentError(_("Only a draft can be discarded."))
    version.refresh_from_db()
    services.audit(
        "schemes.version.discarded",
        actor=by,
        now=now,
        scheme=version.scheme,
        version=version.number,
    )


# Re-assessing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reassessed:
    """A decided claim as it would be decided now: the new record and effects beside the
    decision that stands."""

    claim: Claim
    old: Assessment
    record: dict[str, Any]
    effects: dict[str, Any]
    lines_changed: int
    changed: bool

    @property
    def refund_nok(self) -> Decimal:
        return Decimal(self.record["refund_nok"])


@dataclass(frozen=True)
class Difference:
    """What deciding a claim again changes (or would): its decision then and now, and what
    the claim has been paid."""

    claim: Claim
    old: Assessment
    new_outcome: str
    new_refund_nok: Decimal
    paid_nok: Decimal
    lines_changed: int

    def row(self, version: SchemeVersion, new: Assessment | None = None) -> SchemeVersionChange:
        return SchemeVersionChange(
            version=version,
            claim=self.claim,
            old_decision=self.old,
            old_outcome=self.old.outcome,
            old_refund_nok=self.old.refund_nok,
            new_outcome=self.new_outcome,
            new_refund_nok=self.new_refund_nok,
            paid_nok=self.paid_nok,
            lines_changed=self.lines_changed,
            new_decision=new,
        )


@dataclass
class Summary:
    """What a re-assessment (or its dry run) found, in sum."""

    examined: int = 0
    changed: int = 0
    people: set[int] = field(default_factory=set)
    more_nok: Decimal = ZERO
    """What the new decisions refund more, claim by claim, in all."""
    less_nok: Decimal = ZERO
    """What they refund less."""
    back_payment_nok: Decimal = ZERO
    """What claims already paid are owed on top of what they were paid."""
    overpaid_nok: Decimal = ZERO
    """What claims were paid beyond their new refund: claimed back."""
    under_appeal: int = 0
    left: list[str] = field(default_factory=list)
    """References of claims left as they are (changed meanwhile, a payment at the bank)."""

    def add(self, difference: Difference) -> None:
        self.changed += 1
        self.people.add(difference.claim.applicant_id)
        more = difference.new_refund_nok - difference.old.refund_nok
        if more > 0:
            self.more_nok += more
        else:
            self.less_nok -= more
        if difference.paid_nok > 0:  # what an unpaid claim is owed is paid in any case
            self.back_payment_nok += max(ZERO, difference.new_refund_nok - difference.paid_nok)
        self.overpaid_nok += max(ZERO, difference.paid_nok - difference.new_refund_nok)

    def as_json(self) -> dict[str, Any]:
        return {
            "examined": self.examined,
            "changed": self.changed,
            "people": len(self.people),
            "more_nok": str(self.more_nok),
            "less_nok": str(self.less_nok),
            "back_payment_nok": str(self.back_payment_nok),
            "overpaid_nok": str(self.overpaid_nok),
            "under_appeal": self.under_appeal,
            "left": self.left,
        }


def _compared(old: dict[str, Any], new: dict[str, Any]) -> tuple[bool, int]:
    """Whether the new record decides otherwise than the old (outcome, refund, reasons, a
    line's outcome, refund or reasons; not the words of the explanation), and how many lines
    it decides otherwise."""

    def line_key(line: dict[str, Any]) -> tuple[Any, ...]:
        return (line["outcome"], line["refund_nok"], tuple(line.get("reasons", ())))

    old_lines = {line["line_id"]: line_key(line) for line in old.get("lines", [])}
    new_lines = {line["line_id"]: line_key(line) for line in new.get("lines", [])}
    lines = sum(
        1
        for line_id in old_lines.keys() | new_lines.keys()
        if old_lines.get(line_id) != new_lines.get(line_id)
    )
    claim_changed = (old["outcome"], old["refund_nok"], old.get("reasons", [])) != (
        new["outcome"],
        new["refund_nok"],
        new.get("reasons", []),
    )
    return claim_changed or lines > 0, lines


def _in_span(period: str, span: tuple[date, date | None]) -> bool:
    start = Period.parse(period).start
    return span[0] <= start and (span[1] is None or start < span[1])


def _standing(scheme: str, span: tuple[date, date | None]) -> list[Claim]:
    """The scheme's claims with a standing decision, whose period starts in ``span`` (from its
    first day, before its second if any)."""
    claims = Claim.objects.filter(scheme=scheme, status__in=STANDING).only(
        "pk", "period", "applicant_id"
    )
    return [claim for claim in claims if _in_span(claim.period, span)]


def _first_decided(applicants: Iterable[int]) -> dict[int, tuple[datetime, int]]:
    """When each of the students' claims was first decided (its place in their history)."""
    rows = (
        Assessment.objects.filter(
            kind=AssessmentKind.DECISION, claim__applicant_id__in=list(applicants)
        )
        .values("claim_id")
        .annotate(first=Min("created_at"))
    )
    return {row["claim_id"]: (row["first"], row["claim_id"]) for row in rows}


def reassessments(
    scheme: str,
    period_from: date,
    *,
    version: SchemeVersion | None = None,
    progress: Progress | None = None,
    summary: Summary | None = None,
) -> Iterator[Reassessed]:
    """Every claim of ``scheme`` with a standing decision whose period starts on or after
    ``period_from``, decided again, student by student, each claim against the history it was
    first decided against (module docstring); by the versions in force, or by ``version``,
    then only where it would be in force (not where a later version approved already is)."""
    summary = summary if summary is not None else Summary()
    span = (period_from, _next_version_from(version) if version else None)
    by_student: dict[int, list[int]] = defaultdict(list)
    for claim in _standing(scheme, span):
        by_student[claim.applicant_id].append(claim.pk)
    summary.under_appeal += sum(
        1
        for claim in Claim.objects.filter(scheme=scheme, status=ClaimStatus.APPEALED).only("period")
        if _in_span(claim.period, span)
    )
    total = sum(len(claims) for claims in by_student.values())
    done = 0
    students = sorted(by_student)
    for start in range(0, len(students), BATCH):
        batch = students[start : start + BATCH]
        places = _first_decided(batch)
        for student in batch:
            claims = set(by_student[student])
            for item in _student_reassessed(student, claims, places, version, summary):
                done += 1
                summary.examined += 1
                if progress is not None:
                    progress(done, total)
                yield item


def _student_reassessed(
    student: int,
    affected: set[int],
    places: dict[int, tuple[datetime, int]],
    version: SchemeVersion | None,
    summary: Summary,
) -> Iterator[Reassessed]:
    decisions = {
        decision.claim_id: decision
        for decision in Assessment.objects.filter(
            kind=AssessmentKind.DECISION,
            superseded_by__isnull=True,
            claim__applicant_id=student,
            claim__status__in=DECIDED,
        ).order_by("claim_id", "created_at", "pk")
    }
    effects = {claim_id: decision.effects for claim_id, decision in decisions.items()}
    returned = list(
        Claim.objects.filter(applicant_id=student, was_returned=True).values_list(
            "reference", flat=True
        )
    )
    claims = Claim.objects.filter(pk__in=affected).select_related("applicant__profile")
    for claim in sorted(claims, key=lambda claim: places[claim.pk]):
        old = decisions[claim.pk]
        place = places[claim.pk]
        history = adapter.DatabaseHistory(
            [
                claim_effects
                for claim_id, claim_effects in effects.items()
                if claim_id != claim.pk and places.get(claim_id, place) < place
            ],
            returned,
        )
        assert claim.submitted_on is not None  # a decided claim was submitted
        result = adapter.evaluate(claim, on=claim.submitted_on, version=version, history=history)
        try:
            record, new_effects = records.decision_record(
                claim, result, version=version, history=history
            )
        except ClaimError:  # a line the version refers to a caseworker: for a person to decide
            summary.left.append(claim.reference)
            continue
        changed, lines = _compared(old.record, record)
        if changed:
            effects[claim.pk] = new_effects
        yield Reassessed(claim, old, record, new_effects, lines, changed)


def _next_version_from(version: SchemeVersion) -> date | None:
    """The day a later version approved already takes over from ``version``, if one does."""
    later = SchemeVersion.objects.filter(
        scheme=version.scheme,
        status=SchemeVersionStatus.APPROVED,
        effective_from__gt=version.effective_from,
    ).aggregate(first=Min("effective_from"))["first"]
    return cast(date | None, later)


def _payment_states(claim: Claim) -> set[str]:
    """The states of the claim's active payments (one query): paid in a run, at the bank."""
    return set(
        PaymentLine.objects.filter(claim=claim, active=True).values_list(
            "payment__status", flat=True
        )
    )


# The dry run ----------------------------------------------------------------------------------


@job(label=_("Try a new version of a scheme on the claims already decided"))
def try_version(version_id: int) -> None:
    """The dry run of a draft version: what it would change, claim by claim and in sum. Run
    twice, it finds the same again."""
    version = SchemeVersion.objects.filter(pk=version_id).first()
    if version is None or version.status != SchemeVersionStatus.DRAFT:
        return
    dry_run(version)


def dry_run(version: SchemeVersion, *, progress: Progress | None = None) -> Summary:
    """Decide again, without keeping anything but the differences, every decided claim the
    draft ``version`` would decide; keep what changes as its changes and its summary."""
    summary = Summary()
    changes: list[SchemeVersionChange] = []
    with transaction.atomic():
        SchemeVersionChange.objects.filter(version=version).delete()
        SchemeVersion.objects.filter(pk=version.pk).update(checked_at=None, summary={})
    for item in reassessments(
        version.scheme, version.effective_from, version=version, progress=progress, summary=summary
    ):
        if not item.changed:
            continue
        difference = _difference(item, recoveries.paid_for_claim(item.claim))
        summary.add(difference)
        changes.append(difference.row(version))
        if len(changes) >= BATCH:
            SchemeVersionChange.objects.bulk_create(changes)
            changes = []
    SchemeVersionChange.objects.bulk_create(changes)
    version.checked_at = clock.now()
    version.summary = summary.as_json()
    version.save(update_fields=["checked_at", "summary"])
    return summary


def _difference(item: Reassessed, paid: Decimal) -> Difference:
    return Difference(
        item.claim, item.old, item.record["outcome"], item.refund_nok, paid, item.lines_changed
    )


# Approving ------------------------------------------------------------------------------------


@transaction.atomic
def approve_version(version: SchemeVersion, *, by: User, now: datetime | None = None) -> None:
    """Put a draft in force from its date and ask for the claims it changes to be decided
    again. Its dry run must have finished: nobody approves a change unseen."""
    now = _now(now)
    _check_may_change(by)
    locked = SchemeVersion.objects.select_for_update().get(pk=version.pk)
    if locked.status != SchemeVersionStatus.DRAFT:
        raise ReassessmentError(_("Only a draft can be approved."))
    if locked.checked_at is None:
        raise ReassessmentError(
            _("The dry run has not finished: wait until it shows what the version changes.")
        )
    locked.status = SchemeVersionStatus.APPROVED
    locked.approved_by = by
    locked.approved_at = now
    locked.save(update_fields=["status", "approved_by", "approved_at"])
    version.refresh_from_db()
    services.audit(
        "schemes.version.approved",
        actor=by,
        now=now,
        scheme=version.scheme,
        version=version.number,
        effective_from=version.effective_from.isoformat(),
    )
    apply_version.enqueue(version.pk)


@job(label=_("Decide again the claims a new version of a scheme changes"))
def apply_version(version_id: int) -> None:
    """Decide again what an approved version changes, in the periods it decides. Run twice
    (it failed half way), it decides again only what still differs. Whoever approved it was
    allowed to then: that is not asked again."""
    version = SchemeVersion.objects.select_related("approved_by").get(pk=version_id)
    if version.status != SchemeVersionStatus.APPROVED or version.approved_by is None:
        return
    summary = _reassess(
        version.scheme, version.effective_from, by=version.approved_by, applying=version
    )
    version.reassessed_at = clock.now()
    version.summary = {**version.summary, "applied": summary.as_json()}
    version.save(update_fields=["reassessed_at", "summary"])


def reassess(
    scheme: str,
    period_from: date,
    *,
    by: User,
    dry: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Summary:
    """Decide again, by the versions in force, every decided claim of ``scheme`` whose period
    starts on or after ``period_from``, where the decision would change (after a shipped file
    or an administrator's dated figure changed); with ``dry`` only count what would. Each
    claim is decided again in its own transaction; what cannot be is named in the summary."""
    _check_may_change(by)
    return _reassess(scheme, period_from, by=by, dry=dry, progress=progress, now=now)


def _reassess(
    scheme: str,
    period_from: date,
    *,
    by: User,
    applying: SchemeVersion | None = None,
    dry: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> Summary:
    summary = Summary()
    items = reassessments(scheme, period_from, version=applying, progress=progress, summary=summary)
    for item in items:
        if not item.changed:
            continue
        if dry:
            summary.add(_difference(item, recoveries.paid_for_claim(item.claim)))
            continue
        try:
            difference = decide_again(item, applying=applying, by=by, now=_now(now))
        except ClaimError:
            summary.left.append(item.claim.reference)
            continue
        except Exception:  # one claim's failure must not stop the others: it is named
            logger.exception("deciding %s again failed", item.claim.reference)
            summary.left.append(item.claim.reference)
            continue
        summary.add(difference)
    return summary


def _lock_pending_runs(claim: Claim) -> None:
    """Hold the runs being prepared that hold a payment of the claim, as freezing one holds it
    first: a run is then frozen before the new decision (and its payment is at the bank) or
    after (and drops the old decision's line)."""
    runs = PaymentLine.objects.filter(
        claim=claim, active=True, payment__status=PaymentStatus.PENDING
    ).values_list("payment__run_id", flat=True)
    list(PayoutRun.objects.select_for_update().filter(pk__in=list(runs)).order_by("pk"))


@transaction.atomic
def decide_again(
    item: Reassessed, *, applying: SchemeVersion | None, by: User, now: datetime
) -> Difference:
    """Replace the claim's decision by ``item``'s: a new decision that supersedes the old,
    with its letter (which names ``applying``, the version approved, if that is the cause);
    a back-payment into the next run, an overpayment claimed back. Refused (ClaimError) if the
    claim changed since it was re-assessed, is the decider's own, has a payment at the bank,
    or was marked paid without a payment here (a person settles it)."""
    claim = item.claim
    if claim.applicant_id == by.pk:
        raise ClaimError(_("Nobody decides a claim of their own."))
    _lock_pending_runs(claim)
    services.lock_student(claim)
    services.lock_claim(claim)
    old = services.current_decision(claim)
    if old is None or old.pk != item.old.pk:
        raise ClaimError(services.CHANGED_MEANWHILE)
    payments = _payment_states(claim)
    if PaymentStatus.SENT in payments:
        raise ClaimError(gettext("A payment of the claim is at the bank."))
    if claim.status == ClaimStatus.PAID and PaymentStatus.PAID not in payments:
        raise ClaimError(
            gettext("The claim was marked paid outside the payout runs: settle it by hand.")
        )
    paid = recoveries.paid_for_claim(claim)
    refund = item.refund_nok
    if claim.status == ClaimStatus.PAID and refund > paid:
        services.owe_the_difference(claim, now=now)
    because: dict[str, Any] = {"because": "scheme_changed"}
    if applying is not None:
        because |= {
            "scheme_version": applying.number,
            "in_force_from": applying.effective_from.isoformat(),
        }
    log = {"scheme_version": applying.number} if applying is not None else {}
    new = services.supersede(
        claim,
        item.old,
        record=dict(item.record),
        effects=item.effects,
        by=by,
        now=now,
        because=because,
        **log,
    )
    overpaid = paid - refund - recoveries.recovered_for_claim(claim)
    if overpaid > 0:
        _claim_back(claim, overpaid, version=applying, by=by, now=now)
    signals.decision_made.send(sender=Assessment, decision=new)
    difference = _difference(item, paid)
    if applying is not None:  # the version's page lists what it changed
        row = difference.row(applying, new)
        SchemeVersionChange.objects.update_or_create(
            version=applying,
            claim=claim,
            defaults={
                name: getattr(row, name)
                for name in (
                    "old_decision",
                    "old_outcome",
                    "old_refund_nok",
                    "new_outcome",
                    "new_refund_nok",
                    "paid_nok",
                    "lines_changed",
                    "new_decision",
                )
            },
        )
    return difference


def _claim_back(
    claim: Claim, amount: Decimal, *, version: SchemeVersion | None, by: User, now: datetime
) -> None:
    """Claim back what the claim was paid beyond its new refund, in the student's language."""
    profile = getattr(claim.applicant, "profile", None)
    language = (profile.notice_language if profile else "") or "nb"
    with translation.override(language):
        if version is not None:
            since = {"date": formats.date_format(version.effective_from)}
            reason = (
                gettext(
                    "The rules of your scheme changed from %(date)s and your claim has been "
                    "decided again: the new decision refunds less than you were paid."
                )
                % since
            )
            source = gettext("The scheme's rules in force from %(date)s.") % since
        else:
            reason = gettext(
                "The rules of your scheme changed and your claim has been decided again: the "
                "new decision refunds less than you were paid."
            )
            source = gettext("The scheme's rules as changed.")
    recoveries.claim_back(claim, by=by, amount_nok=amount, reason=reason, source=source, now=now)
