"""Where a claim stands, as the student reads it: each step it has been through with its date,
and what happens next and when it is expected.

The steps come from the claim's audit log (its entries are append-only and dated), the next
one from its status; the decision is expected ``REFUSJON_PROCESSING_TARGET_DAYS`` after the
claim was last sent (the target the notices name too).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from refusjon.claims.models import AuditEntry, Claim, ClaimStatus
from refusjon.claims.services import expected_decision_on, processing_target_days

# The audit actions that are steps a student sees, in words.
STEP_WORDS = {
    "claims.claim.created": gettext_lazy("Claim started"),
    "claims.claim.submitted": gettext_lazy("Claim sent"),
    "claims.claim.review_started": gettext_lazy("Being checked by a caseworker"),
    "claims.claim.returned": gettext_lazy("Returned to you for completion"),
    "claims.claim.decided": gettext_lazy("Decided"),
    "claims.claim.paid": gettext_lazy("Paid"),
    "claims.appeal.submitted": gettext_lazy("Appeal received"),
    "claims.appeal.changed": gettext_lazy("Appeal: the decision was changed"),
    "claims.appeal.upheld": gettext_lazy("Appeal: the decision was upheld"),
    "claims.appeal.forwarded": gettext_lazy("Appeal sent on to the appeals body"),
    "payouts.recovery.opened": gettext_lazy("Repayment claimed"),
}
# Sent a second time, after a return.
SENT_AGAIN = gettext_lazy("Claim sent again")
WAITING = (ClaimStatus.SUBMITTED, ClaimStatus.IN_REVIEW, ClaimStatus.AWAITING_APPROVAL)


@dataclass(frozen=True)
class Step:
    """One step of a claim: done (with the day it happened) or the next one (with the day it
    is expected, when one is known, and what the student can do)."""

    title: str
    on: date | None
    done: bool
    note: str = ""
    deadline: bool = False  # ``on`` is the student's deadline, not an expected day


def timeline(claim: Claim) -> list[Step]:
    """The claim's steps so far, then the next one."""
    return timelines([claim])[claim.pk]


def timelines(claims: Sequence[Claim]) -> dict[int, list[Step]]:
    """The steps of each claim, by its id, from one query of the audit log."""
    entries: dict[int, list[AuditEntry]] = defaultdict(list)
    found = AuditEntry.objects.filter(
        claim__in=[claim.pk for claim in claims], action__in=list(STEP_WORDS)
    ).order_by("at", "pk")
    for entry in found.only("claim_id", "action", "at"):
        assert entry.claim_id is not None
        entries[entry.claim_id].append(entry)
    return {claim.pk: [*_done(entries[claim.pk]), *_next(claim)] for claim in claims}


def _done(entries: Iterable[AuditEntry]) -> list[Step]:
    steps: list[Step] = []
    sent = 0
    for entry in entries:
        title = STEP_WORDS[entry.action]
        if entry.action == "claims.claim.submitted":
            sent += 1
            title = SENT_AGAIN if sent > 1 else title
        on = timezone.localdate(entry.at)
        # A caseworker who opens the claim again the same day is not a new step.
        if steps and steps[-1].title == str(title) and steps[-1].on == on:
            continue
        steps.append(Step(str(title), on, done=True))
    return steps


def _next(claim: Claim) -> list[Step]:
    """What happens next, from the claim's status."""
    status = claim.status
    if status == ClaimStatus.DRAFT:
        return [
            Step(
                _("Send the claim"),
                None,
                False,
                _(
                    "Add the expenses and documents, check them, and send the claim. "
                    "Until then nothing happens."
                ),
            )
        ]
    if status == ClaimStatus.RETURNED:
        note = _("Add what is missing and send the claim again.")
        return [Step(_("Send the claim again"), claim.complete_by, False, note, deadline=True)]
    if status in WAITING:
        expected = expected_decision_on(claim)
        note = _(
            "A caseworker checks the claim and decides. "
            "We aim to decide within %(days)s days of receiving it."
        ) % {"days": processing_target_days()}
        return [Step(_("Decision expected"), expected, False, note)]
    if status == ClaimStatus.DECIDED:
        note = _(
            "A refund is paid to your account in the next payment run. "
            "The letter with the decision says how to appeal."
        )
        return [Step(_("Payment"), None, False, note)]
    if status == ClaimStatus.APPEALED:
        note = _("The appeal is considered; you get a letter with the outcome.")
        return [Step(_("Answer to the appeal"), None, False, note)]
    return []
