"""A student abroad whose expense is newer than the last exchange rate gives the NOK amount
from their bank statement: the portal keeps it as theirs and says so, and the caseworker sees
that the figure is the student's."""

from __future__ import annotations

import html
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from refusjon.claims import services
from refusjon.claims.models import User
from tests.factories import NOW, in_review, sio_draft
from tests.letters.test_letters import signed_in

EURO_FEE = {
    "category": "gp",
    "service_on": "2026-10-28",
    "amount": "30.00",
    "currency": "EUR",
    "public_user_fee": "on",
}


def test_without_a_rate_the_portal_asks_for_the_nok_amount(client: Client, alice: User) -> None:
    claim = sio_draft(alice)
    url = reverse("portal:add_line", kwargs={"reference": claim.reference})
    page = signed_in(client, alice, "en").post(url, EURO_FEE, follow=True)
    assert "Give the amount in NOK from your bank statement" in page.content.decode()
    assert not claim.lines.exists()


def test_the_students_nok_amount_is_kept_and_shown_as_theirs(
    client: Client, alice: User, bob: User
) -> None:
    claim = sio_draft(alice)
    url = reverse("portal:add_line", kwargs={"reference": claim.reference})
    signed_in(client, alice, "nb").post(url, {**EURO_FEE, "nok_amount": "352.40"})
    line = claim.lines.get()
    assert (line.nok_amount, line.nok_from_student) == (Decimal("352.40"), True)
    page = client.get(reverse("portal:claim", kwargs={"reference": claim.reference}))
    assert "kr 352,40 fra kontoutskriften din" in " ".join(page.content.decode().split())

    services.add_line(
        claim,
        by=alice,
        category="gp",
        service_on=NOW.date(),
        amount=Decimal("300.00"),
        public_user_fee=True,
    )
    in_review(claim, alice, bob)
    desk = signed_in(client, bob, "en").get(
        reverse("workspace:claim", kwargs={"reference": claim.reference})
    )
    assert "the student's figure from the bank statement" in html.unescape(desk.content.decode())
