"""The cast, the workspace's "today", and claims at every stage."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import Settings

from refusjon.claims import services
from refusjon.claims.models import Claim, User
from tests.claims.conftest import alice, bob, carol, dave  # noqa: F401
from tests.conftest import Clock
from tests.factories import sio_claim
from tests.payouts.conftest import fiona  # noqa: F401

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def caseworkers_today(clock: Clock) -> date:
    """The caseworkers work on 20 November 2026, eighteen days after the claims came in."""
    clock.set(datetime.combine(TODAY, time(10), tzinfo=UTC))
    return TODAY


@pytest.fixture(autouse=True)
def in_english(settings: Settings) -> None:
    settings.LANGUAGE_CODE = "en"


def draft_claim(student: User, *amounts: str) -> Claim:
    return sio_claim(
        student,
        *amounts,
        now=NOW,
        file="attachments/2026/11/oversikt.pdf",
        content_type="application/pdf",
    )


def submitted_claim(student: User, *amounts: str) -> Claim:
    claim = draft_claim(student, *amounts)
    return services.submit_claim(claim, by=student, token="t-" + claim.reference, now=NOW)


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def confirm_decision(client: Client, claim: Claim) -> Any:
    """Decide as the page does: open the confirmation, and confirm what it showed."""
    claim.refresh_from_db()
    return client.post(
        reverse("workspace:decide", args=[claim.reference]),
        {"version": claim.version},
        follow=True,
    )
