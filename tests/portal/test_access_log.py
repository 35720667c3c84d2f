"""A student sees when and why the organisation looked at the claim, as helsenorge shows."""

from __future__ import annotations

from datetime import UTC, datetime

from django.test import Client

from refusjon.claims import services
from refusjon.claims.models import User
from refusjon.intake import views as intake_views
from refusjon.portal.views import PURPOSE_WORDS
from refusjon.workspace import payouts as workspace_payouts
from refusjon.workspace import recoveries as workspace_recoveries
from refusjon.workspace import reports as workspace_reports
from refusjon.workspace import views as workspace_views


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
    assert "Case handling" in text and "2026-11-03" in text
    assert "bob" not in text
    client.force_login(carol)
    assert client.get(f"/claim/{claim.reference}/access/").status_code == 404


def test_the_purpose_is_shown_in_words_and_an_unknown_one_as_logged(
    client: Client, alice: User, bob: User
) -> None:
    claim = services.create_draft(alice, scheme="sio", period="2026")
    at = datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    services.record_view(claim, by=bob, purpose="payout review", now=at)
    services.record_view(claim, by=bob, purpose="a purpose of its own", now=at)
    client.force_login(alice)
    page = client.get(f"/claim/{claim.reference}/access/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "Review of a payout" in text and "payout review" not in text
    assert "a purpose of its own" in text


def test_every_purpose_the_pages_log_has_words_for_the_student() -> None:
    purposes = {
        intake_views.PURPOSE,
        workspace_views.PURPOSE,
        workspace_payouts.PURPOSE,
        workspace_recoveries.PURPOSE,
        workspace_recoveries.DEBTS_PURPOSE,
        workspace_reports.PURPOSE,
        "payment",  # the bank file's download (workspace.payouts.bank_file)
    }
    assert purposes <= set(PURPOSE_WORDS)
