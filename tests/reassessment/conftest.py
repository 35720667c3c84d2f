"""The cast for changing a scheme: alice and carol study at UiS (SiS's scheme), bob and dave
are caseworkers, ada administers the schemes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from refusjon.claims import services
from refusjon.claims.models import Attachment, Claim, User
from refusjon.rules.schemes import shipped_text
from tests.claims.conftest import UIS, bob, dave, student  # noqa: F401
from tests.factories import decide
from tests.payouts.conftest import fiona  # noqa: F401

# SiS takes applications for the study year 2025-2026 from 1 April to 1 June 2026.
SUBMITTED = datetime(2026, 4, 15, 10, 0, tzinfo=UTC)
STUDY_YEAR = date(2025, 7, 1)
SEPTEMBER = date(2025, 9, 10)
SIS = shipped_text("sis") or ""


def sis_student(username: str, person_id: str) -> User:
    """A student at UiS, whose organisation is SiS."""
    return student(username, person_id, place=UIS, sio_gp=False)


@pytest.fixture
def alice(db: None) -> User:
    return sis_student("alice", "P-ALICE")


@pytest.fixture
def carol(db: None) -> User:
    return sis_student("carol", "P-CAROL")


@pytest.fixture
def ada(db: None) -> User:
    return User.objects.create_superuser("ada", password="correct horse battery staple")


def sis_claim(student: User, *lines: tuple[date, str]) -> Claim:
    """A SiS claim for the study year 2025-2026: a GP user fee per (day, amount), the semester
    fee receipt and the named overview."""
    claim = services.create_draft(student, scheme="sis", period="2025-2026", now=SUBMITTED)
    for day, amount in lines:
        services.add_line(
            claim,
            by=student,
            category="gp",
            service_on=day,
            amount=Decimal(amount),
            public_user_fee=True,
            now=SUBMITTED,
        )
    Attachment.objects.create(claim=claim, document_type="semester_fee_receipt")
    Attachment.objects.create(
        claim=claim, document_type="user_fee_overview", shows_applicant_name=True
    )
    return claim


def decided_sis_claim(
    student: User, by: User, *lines: tuple[date, str], now: datetime = SUBMITTED
) -> Claim:
    """A SiS claim decided by ``by`` as the engine proposes."""
    claim = sis_claim(student, *lines)
    decide(claim, student, by, now=now)
    claim.refresh_from_db()
    return claim


def sis_with(deductible: str = "800", share: str = "0.40") -> str:
    """SiS's file with its deductible and share changed (the values of every study year)."""
    text = SIS.replace("value: 800\n", f"value: {deductible}\n")
    return text.replace("value: 0.40\n", f"value: {share}\n")
