"""A student sees when and why the organisation looked at the claim, as helsenorge shows."""

from __future__ import annotations

from datetime import UTC, datetime

from django.test import Client

from refusjon.claims import services
from refusjon.claims.models import User


def test_the_access_log_shows_when_and_why_but_not_who(
    client: Client, alice: User, bob: User, carol: User
) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    services.record_view(
        claim, by=bob, purpose="case handling", now=datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    )
    client.force_login(alice)
    page = client.get(f"/claim/{claim.reference}/access/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    assert "case handling" in text and "2026-11-03" in text
    assert "bob" not in text
    client.force_login(carol)
    assert client.get(f"/claim/{claim.reference}/access/").status_code == 404
