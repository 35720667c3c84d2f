"""Claims built through the services, as the tests of every app need them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from refusjon.claims import services
from refusjon.claims.models import Assessment, Attachment, Claim, User

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def sio_claim(student: User, *amounts: str, now: datetime | None = NOW, **overview: Any) -> Claim:
    """A SiO claim for 2026: a GP user fee per amount (one a month from January), and the
    user-fee overview with the student's name (``overview`` adds fields to it)."""
    claim = services.create_draft(student, scheme="sio", period="2026", now=now)
    for month, amount in enumerate(amounts, start=1):
        services.add_line(
            claim,
            by=student,
            category="gp",
            service_on=date(2026, month, 10),
            amount=Decimal(amount),
            public_user_fee=True,
            now=now,
        )
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True, **overview
    )
    return claim


def decide(claim: Claim, student: User, caseworker: User, now: datetime = NOW) -> Assessment:
    """Submit, review and decide a claim as the engine proposes."""
    services.submit_claim(claim, by=student, token="t-" + claim.reference, now=now)
    services.start_review(claim, by=caseworker, now=now)
    return services.decide_claim(claim, by=caseworker, now=now)


def sio_draft(student: User, *amounts: str, now: datetime | None = NOW) -> Claim:
    """A SiO draft for 2026 with a GP user fee per amount (one a month from January) and no
    documents yet: what the student has before uploading anything."""
    claim = services.create_draft(student, scheme="sio", period="2026", now=now)
    for month, amount in enumerate(amounts, start=1):
        services.add_line(
            claim,
            by=student,
            category="gp",
            service_on=date(2026, month, 10),
            amount=Decimal(amount),
            public_user_fee=True,
            now=now,
        )
    return claim


def in_review(claim: Claim, student: User, caseworker: User, now: datetime = NOW) -> Claim:
    """Submit a claim and start its review, as a caseworker who has not decided yet."""
    services.submit_claim(claim, by=student, token="t-" + claim.reference, now=now)
    services.start_review(claim, by=caseworker, now=now)
    return claim
