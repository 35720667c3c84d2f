"""The receipt of a claim and its PDF are alice's alone: carol, a caseworker in the portal and a
stranger get nothing, and a claim not sent has no receipt PDF. What the PDF says is tested in
tests/letters/test_receipt.py."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from refusjon.claims import services
from refusjon.claims.models import Claim, User
from refusjon.letters.models import Letter
from tests.factories import NOW, sio_claim

PAGES = ["receipt", "receipt_pdf"]


@pytest.fixture
def alices_sent_claim(alice: User) -> Claim:
    claim = sio_claim(alice, "300.00")
    services.submit_claim(claim, by=alice, token="t-sent", now=NOW)
    return claim


def url(claim: Claim, name: str) -> str:
    return reverse(f"portal:{name}", kwargs={"reference": claim.reference})


@pytest.mark.parametrize("name", PAGES)
def test_carol_is_refused_alices_receipt(
    client: Client, alice: User, carol: User, alices_sent_claim: Claim, name: str
) -> None:
    client.force_login(alice)
    assert client.get(url(alices_sent_claim, "receipt_pdf")).status_code == 200  # made
    client.force_login(carol)
    assert client.get(url(alices_sent_claim, name)).status_code == 404
    assert Letter.objects.filter(claim=alices_sent_claim).count() == 1  # nothing on her word


@pytest.mark.parametrize("name", PAGES)
def test_a_caseworker_gets_no_receipt_in_the_portal(
    client: Client, bob: User, alices_sent_claim: Claim, name: str
) -> None:
    client.force_login(bob)
    assert client.get(url(alices_sent_claim, name)).status_code == 404
    assert not Letter.objects.filter(claim=alices_sent_claim).exists()


@pytest.mark.parametrize("name", PAGES)
def test_a_stranger_is_sent_to_sign_in(client: Client, alices_sent_claim: Claim, name: str) -> None:
    response = client.get(url(alices_sent_claim, name))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_claim_not_sent_has_no_receipt_pdf(client: Client, alice: User) -> None:
    draft = sio_claim(alice, "300.00")
    client.force_login(alice)
    assert client.get(url(draft, "receipt_pdf")).status_code == 404
    assert not Letter.objects.exists()
