"""Reading claims for caseworkers: the open queue, fast at a hundred thousand claims.

Not a service (nothing changes here); it lives beside the workspace because only the
workspace asks these questions.

The queue is in the order claims came in (``submitted_on``, then id), and it is paged by that
key (keyset pagination): a page is "the 50 claims after this one", which an index on the key
finds as quickly on page 2,000 as on page 1, where OFFSET would read and throw away every claim
before the page. Each page's claims get the engine's latest proposal, looked up for those 50
only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Concat

from refusjon.claims.models import Assessment, AssessmentKind, Claim, ClaimStatus, User

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


# Every claim a search finds: any that was ever sent (not drafts, which are the student's own).
SEARCHED_STATUSES = tuple(s for s in ClaimStatus if s != ClaimStatus.DRAFT)


@dataclass(frozen=True)
class Search:
    """What a caseworker searched for, as it was read: a person id (eleven digits), or else a
    part of a name. (A claim's exact reference is looked up before: it opens the claim.)"""

    kind: str  # "person_id" or "name"
    term: str

    @classmethod
    def parse(cls, text: str) -> Search | None:
        text = " ".join(text.split())
        if not text:
            return None
        digits = text.replace(" ", "")
        if digits.isdigit() and len(digits) == PERSON_ID_LENGTH:
            return cls("person_id", digits)
        return cls("name", text)

    def applied(self, claims: QuerySet[Claim]) -> QuerySet[Claim]:
        if self.kind == "person_id":
            return claims.filter(applicant__profile__person_id=self.term)
        named = claims.alias(
            full_name=Concat("applicant__first_name", Value(" "), "applicant__last_name")
        )
        return named.filter(full_name__icontains=self.term)


PERSON_ID_LENGTH = 11


def person_id_shown(person_id: str, *, full: bool) -> str:
    """A Norwegian person id as a caseworker compares it with a document: ``DDMMYY NNNNN``, or
    with the five personal digits hidden (``DDMMYY *****``) where the full id is not needed.
    Anything not eleven digits is shown as it is (in full) or not at all."""
    if len(person_id) != PERSON_ID_LENGTH or not person_id.isdigit():
        return person_id if full else ""
    return f"{person_id[:6]} {person_id[6:] if full else '*****'}"


def applicant_name(user: User) -> str:
    """The applicant's name as the documents should carry it (the user name if none is kept)."""
    return user.get_full_name() or user.get_username()


def open_claims(
    *,
    today: date,
    scheme: str = "",
    status: str = "",
    waiting_on: str = "",
    min_age_days: int | None = None,
    assigned_to: User | None = None,
    unassigned: bool = False,
    search: Search | None = None,
) -> QuerySet[Claim]:
    """Open claims, oldest first, each with ``proposed_refund_nok`` (the latest proposal)
    annotated in the same query, and with its applicant's name and person id and who has it
    joined in (no query per row). Filters narrow ``status__in``, ``scheme`` and
    ``submitted_on``, which the claim's indexes serve; the order is the queue's key, which
    :func:`queue_page` pages by. (Every open claim was submitted: one without a day would have
    no place in the order, and different places on the two databases.) A ``search`` looks at
    every claim sent, decided ones too."""
    statuses: tuple[str, ...] = SEARCHED_STATUSES if search is not None else OPEN_STATUSES
    if waiting_on == "student":
        statuses = WAITING_ON_STUDENT
    elif waiting_on == "caseworkers":
        statuses = WAITING_ON_CASEWORKERS
    if status:
        statuses = tuple(s for s in statuses if s == status)
    claims = Claim.objects.filter(status__in=statuses, submitted_on__isnull=False)
    if scheme:
        claims = claims.filter(scheme=scheme)
    if min_age_days:
        claims = claims.filter(submitted_on__lte=today - timedelta(days=min_age_days))
    if assigned_to is not None:
        claims = claims.filter(assigned_to=assigned_to)
    elif unassigned:
        claims = claims.filter(assigned_to__isnull=True)
    if search is not None:
        claims = search.applied(claims)
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
        .select_related("applicant__profile", "assigned_to")
        .only(
            "reference",
            "scheme",
            "status",
            "submitted_on",
            "complete_by",
            "applicant__username",
            "applicant__first_name",
            "applicant__last_name",
            "applicant__profile__person_id",
            "assigned_to__username",
            "assigned_to__first_name",
            "assigned_to__last_name",
        )
        .order_by("submitted_on", "pk")
    )


def age_in_days(claim: Claim, today: date) -> int | None:
    """Days since the claim was (last) submitted."""
    if claim.submitted_on is None:
        return None
    return (today - claim.submitted_on).days


LARGEST_ID = 2**63 - 1  # a bigint: a larger id in an address would fail in the database


@dataclass(frozen=True)
class Cursor:
    """A claim's place in the queue, which a page starts after or ends before: written
    ``2026-11-02.1234`` (the day it was submitted, and its id) in the page's address."""

    submitted_on: date
    pk: int

    @classmethod
    def of(cls, claim: Claim) -> Cursor:
        assert claim.submitted_on is not None  # every claim in the queue was submitted
        return cls(claim.submitted_on, claim.pk)

    @classmethod
    def parse(cls, text: str) -> Cursor | None:
        """The cursor ``text`` writes, or None for anything else (a hand-edited address)."""
        day, _, pk = text.partition(".")
        try:
            cursor = cls(date.fromisoformat(day), int(pk))
        except ValueError:
            return None
        well_formed = len(day) == len("2026-11-02") and 0 < cursor.pk <= LARGEST_ID
        return cursor if well_formed else None

    def __str__(self) -> str:
        return f"{self.submitted_on.isoformat()}.{self.pk}"

    def after(self) -> Q:
        """The claims after this place. Written so that an index on (submitted_on, id) is
        entered at the place's day, on both databases: ``submitted_on >= day``, and on that
        day, a higher id."""
        return Q(submitted_on__gte=self.submitted_on) & (
            Q(submitted_on__gt=self.submitted_on) | Q(pk__gt=self.pk)
        )

    def before(self) -> Q:
        """The claims before this place (see :meth:`after`)."""
        return Q(submitted_on__lte=self.submitted_on) & (
            Q(submitted_on__lt=self.submitted_on) | Q(pk__lt=self.pk)
        )


@dataclass(frozen=True)
class QueuePage:
    """One page of the queue, in the queue's order, and whether there are claims before and
    after it."""

    claims: list[Claim]
    has_previous: bool
    has_next: bool

    @property
    def first_day(self) -> date | None:
        """The day the page's first claim was submitted."""
        return self.claims[0].submitted_on if self.claims else None

    @property
    def last_day(self) -> date | None:
        return self.claims[-1].submitted_on if self.claims else None

    @property
    def previous(self) -> Cursor | None:
        """Where the page before this one ends."""
        return Cursor.of(self.claims[0]) if self.has_previous and self.claims else None

    @property
    def next(self) -> Cursor | None:
        """Where the page after this one starts."""
        return Cursor.of(self.claims[-1]) if self.has_next and self.claims else None


def queue_page(
    claims: QuerySet[Claim],
    *,
    size: int,
    after: Cursor | None = None,
    before: Cursor | None = None,
    last: bool = False,
) -> QueuePage:
    """The page of ``size`` claims (of :func:`open_claims`) after the place ``after``, before
    ``before``, the last page, or else the first. Each reads ``size + 1`` claims along the
    key, whatever the depth. A page before a place with fewer than ``size`` claims before it
    is the first page: "previous" always gives a full page."""
    if before is not None or last:
        backwards = claims.order_by("-submitted_on", "-pk")
        if before is not None:
            backwards = backwards.filter(before.before())
        found = list(backwards[: size + 1])
        if len(found) > size or (last and found):
            return QueuePage(found[:size][::-1], has_previous=len(found) > size, has_next=not last)
        return queue_page(claims, size=size)
    if after is not None:
        claims = claims.filter(after.after())
    found = list(claims[: size + 1])
    return QueuePage(found[:size], has_previous=after is not None, has_next=len(found) > size)
