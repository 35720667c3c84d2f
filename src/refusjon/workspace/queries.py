"""Reading claims for caseworkers: the open queue, fast enough for tens of thousands.

Not a service (nothing changes here); it lives beside the workspace because only the
workspace asks these questions.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery

from refusjon.claims.models import Assessment, AssessmentKind, Claim, ClaimStatus

OPEN_STATUSES = (
    ClaimStatus.SUBMITTED,
    ClaimStatus.IN_REVIEW,
    ClaimStatus.AWAITING_APPROVAL,
    ClaimStatus.RETURNED,
    ClaimStatus.APPEALED,
)
WAITING_ON_STUDENT = (ClaimStatus.RETURNED,)
WAITING_ON_CASEWORKERS = (
    ClaimStatus.SUBMITTED,
    ClaimStatus.IN_REVIEW,
    ClaimStatus.AWAITING_APPROVAL,
    ClaimStatus.APPEALED,
)

# The processing target (saksbehandlingstid): a claim older than this is overdue.
PROCESSING_TARGET_DAYS = 30


def open_claims(
    *,
    today: date,
    scheme: str = "",
    status: str = "",
    waiting_on: str = "",
    min_age_days: int | None = None,
) -> QuerySet[Claim]:
    """Open claims, oldest first, each with ``proposed_refund_nok`` (the engine's latest
    proposal) annotated in the same query. Filters narrow ``status__in`` and ``submitted_on``,
    which the (status, submitted_on) index serves."""
    statuses: tuple[str, ...] = OPEN_STATUSES
    if waiting_on == "student":
        statuses = WAITING_ON_STUDENT
    elif waiting_on == "caseworkers":
        statuses = WAITING_ON_CASEWORKERS
    if status:
        statuses = tuple(s for s in statuses if s == status)
    claims = Claim.objects.filter(status__in=statuses)
    if scheme:
        claims = claims.filter(scheme=scheme)
    if min_age_days:
        claims = claims.filter(submitted_on__lte=today - timedelta(days=min_age_days))
    latest_proposal = Assessment.objects.filter(
        claim=OuterRef("pk"), kind=AssessmentKind.PROPOSAL
    ).order_by("-created_at", "-pk")
    return (
        claims.annotate(
            proposed_refund_nok=Subquery(
                latest_proposal.values("refund_nok")[:1],
                output_field=DecimalField(max_digits=12, decimal_places=2),
            )
        )
        .only("reference", "scheme", "status", "submitted_on", "complete_by")
        .order_by("submitted_on", "pk")
    )


def age_in_days(claim: Claim, today: date) -> int | None:
    """Days since the claim was (last) submitted."""
    if claim.submitted_on is None:
        return None
    return (today - claim.submitted_on).days
