"""The cast, a fixed "today" for the workspace, and claims at every stage."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.test import Client
from pytest_django import Settings

from refusjon.claims import services
from refusjon.claims.models import Attachment, Claim, User
from refusjon.workspace import views
from tests.claims.conftest import alice, bob, carol, dave  # noqa: F401

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """The workspace's today is fixed: ages and default dates do not depend on the clock."""
    monkeypatch.setattr(views, "today", lambda: TODAY)
    return TODAY


@pytest.fixture(autouse=True)
def in_english(settings: Settings) -> None:
    settings.LANGUAGE_CODE = "en"


def draft_claim(student: User, *amounts: str) -> Claim:
    claim = services.create_draft(student, scheme="sio", period="2026", now=NOW)
    for month, amount in enumerate(amounts, start=1):
        services.add_line(
            claim,
            by=student,
            category="gp",
            service_on=date(2026, month, 10),
            amount=Decimal(amount),
            public_user_fee=True,
            now=NOW,
        )
    Attachment.objects.create(
        claim=claim,
        document_type="user_fee_overview",
        shows_applicant_name=True,
        file="attachments/2026/11/oversikt.pdf",
        content_type="application/pdf",
    )
    return claim


def submitted_claim(student: User, *amounts: str) -> Claim:
    claim = draft_claim(student, *amounts)
    return services.submit_claim(claim, by=student, token="t-" + claim.reference, now=NOW)


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client
