"""Failed answers from the identity provider count against the address they come from: an
address that keeps sending forged or stale callbacks is locked out like one guessing passwords."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client
from pytest_django import Settings

from refusjon.claims.models import AuditEntry
from tests.web.test_oidc import oidc_on, provider, sign_in  # noqa: F401

# The mock provider's libraries warn about their own deprecations as they serve: not ours.
pytestmark = [pytest.mark.django_db, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


ATTACKER = "198.51.100.7"


@pytest.fixture
def three_per_address(settings: Settings) -> Iterator[None]:
    settings.REFUSJON_SIGNIN_ADDRESS_FAILURES = 3
    settings.LANGUAGE_CODE = "en"
    yield


def forged_callback(client: Client) -> int:
    response = client.get("/oidc/callback/?code=made-up&state=made-up", REMOTE_ADDR=ATTACKER)
    return response.status_code


def test_failed_callbacks_lock_the_address_out(
    oidc_on: str,  # noqa: F811
    client: Client,
    three_per_address: None,
    axes_time: time_machine.Coordinates,
) -> None:
    assert [forged_callback(client) for _ in range(2)] == [302, 302]

    third = client.get("/oidc/callback/?code=made-up&state=made-up", REMOTE_ADDR=ATTACKER)

    assert third.status_code == 429
    assert "Too many failed attempts to sign in" in third.text
    assert "Try again in 15 minutes, at 11:15." in third.text
    assert AccessAttempt.objects.get().ip_address == ATTACKER
    assert AccessAttempt.objects.get().username is None
    assert "made-up" not in AccessAttempt.objects.get().get_data  # the code is not kept
    assert AuditEntry.objects.get(action="web.signin.locked_out").data["address"] == ATTACKER
    # Locked out, even a real answer from the provider signs no one in from that address.
    response = sign_in(Client(REMOTE_ADDR=ATTACKER), oidc_on, "student-42")
    assert response.status_code == 429
    assert "_auth_user_id" not in response.wsgi_request.session


def test_failed_callbacks_lock_no_one_else_out(
    oidc_on: str,  # noqa: F811
    client: Client,
    three_per_address: None,
    axes_time: time_machine.Coordinates,
) -> None:
    for _ in range(3):
        forged_callback(client)

    response = sign_in(Client(), oidc_on, "student-42")

    assert response.status_code == 302
    assert "_auth_user_id" in response.wsgi_request.session
