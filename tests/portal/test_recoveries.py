"""What alice owes: her recoveries and their letter (page and PDF) with the amount, reason,
source, appeal deadline and what was set off against which refund; the decision letter of
the refund it was set off against says so too; she appeals from the portal. Carol gets none
of it."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from refusjon import clock
from refusjon.claims.models import User
from refusjon.payouts import netting, recoveries
from refusjon.payouts.models import Payment, Recovery, RecoveryStatus
from tests.letters.test_letters import pdf_text, signed_in
from tests.payouts.test_recoveries import SOURCE, paid_claim, pending_payment, recovery_of

REASON = "The GP fee of March was refunded by your insurer too."


@pytest.fixture
def recovery(alice: User, bob: User) -> Recovery:
    """NOK 60 claimed back from alice's paid claim, opened now: she can still appeal."""
    claim = paid_claim(alice, bob, "300.00", "300.00")
    return recovery_of(claim, bob, "60.00", now=clock.now())


@pytest.fixture
def netted(alice: User, bob: User, recovery: Recovery) -> Payment:
    """Her next refund (NOK 200) with the NOK 60 set off against it."""
    payment = pending_payment(alice, bob, "200.00")
    netting.net_against(payment, by=bob, now=clock.now())
    return payment


def url(name: str, recovery: Recovery) -> str:
    return reverse(f"portal:{name}", kwargs={"reference": recovery.reference})


def test_home_says_what_alice_owes_and_links_to_it(
    client: Client, alice: User, recovery: Recovery
) -> None:
    page = signed_in(client, alice, "en").get(reverse("portal:home")).content.decode()
    assert reverse("portal:recoveries") in page
    assert "You owe NOK 60.00 of refunds we have claimed back." in page


def test_once_set_off_home_says_what_is_left(
    client: Client, alice: User, recovery: Recovery, netted: Payment
) -> None:
    page = signed_in(client, alice, "en").get(reverse("portal:home")).content.decode()
    assert "You owe nothing now." in page


def test_home_says_nothing_of_debts_to_a_student_who_owes_nothing(
    client: Client, carol: User, recovery: Recovery
) -> None:
    page = signed_in(client, carol, "en").get(reverse("portal:home"))
    assert reverse("portal:recoveries") not in page.content.decode()


def test_alice_sees_her_recoveries_and_what_she_owes(
    fiona: User, client: Client, alice: User, recovery: Recovery
) -> None:
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("15.00"))
    page = signed_in(client, alice, "en").get(reverse("portal:recoveries"))
    text = page.content.decode()
    assert recovery.reference in text
    assert "In all you owe: NOK 45.00" in text
    assert page["Cache-Control"] == "private, no-store"


def test_carols_list_is_empty(client: Client, carol: User, recovery: Recovery) -> None:
    page = signed_in(client, carol, "en").get(reverse("portal:recoveries"))
    assert recovery.reference not in page.content.decode()
    assert "You owe us nothing." in page.content.decode()


def test_the_letter_gives_amount_reason_source_deadline_and_how_to_appeal(
    client: Client, alice: User, recovery: Recovery
) -> None:
    page = signed_in(client, alice, "en").get(url("recovery", recovery))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Amount claimed back: NOK 60.00" in text
    assert REASON in text
    assert SOURCE in text
    assert f"by {recovery.appeal_deadline.isoformat()}" in text
    assert "You still owe: NOK 60.00" in text
    assert url("recovery_appeal", recovery) in text


def test_the_letter_shows_what_was_set_off_against_which_refund(
    client: Client, alice: User, recovery: Recovery, netted: Payment
) -> None:
    page = signed_in(client, alice, "en").get(url("recovery", recovery))
    text = page.content.decode()
    assert netted.lines.get().claim.reference in text
    assert "Set off against a refund" in text
    assert "You still owe: NOK 0.00" in text
    assert clock.today().isoformat() in text  # the day it was set off


def test_in_norwegian_the_letter_writes_money_the_norwegian_way(
    client: Client, alice: User, recovery: Recovery
) -> None:
    text = signed_in(client, alice, "nb").get(url("recovery", recovery)).content.decode()
    assert "kr 60,00" in text
    assert recovery.appeal_deadline.strftime("%d.%m.%Y") in text


def test_the_decision_letter_says_what_of_the_refund_was_set_off(
    client: Client, alice: User, recovery: Recovery, netted: Payment
) -> None:
    claim = netted.lines.get().claim
    letter = reverse("portal:letter", kwargs={"reference": claim.reference})
    text = signed_in(client, alice, "en").get(letter).content.decode()
    assert f"NOK 60.00 of this refund was set off against recovery {recovery.reference}" in text


def test_a_decision_letter_without_netting_says_nothing_of_it(
    client: Client, alice: User, recovery: Recovery
) -> None:
    letter = reverse("portal:letter", kwargs={"reference": recovery.claim.reference})
    text = signed_in(client, alice, "en").get(letter).content.decode()
    assert "set off against recovery" not in text


def test_the_pdf_letter_has_the_amount_and_the_netting(
    client: Client, alice: User, recovery: Recovery, netted: Payment
) -> None:
    response = signed_in(client, alice, "en").get(url("recovery_letter_pdf", recovery))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert recovery.reference in text
    assert "NOK 60.00" in text
    assert SOURCE in text
    assert netted.lines.get().claim.reference in text
    metadata = PdfReader(io.BytesIO(response.content)).metadata
    assert metadata is not None
    assert metadata.title == f"Claim for repayment – {recovery.reference}"


def test_alice_appeals_within_the_deadline(client: Client, alice: User, recovery: Recovery) -> None:
    response = signed_in(client, alice, "en").post(
        url("recovery_appeal", recovery), {"text": "The insurer paid nothing."}
    )
    assert response.status_code == 302
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.APPEALED
    assert recovery.appeal_text == "The insurer paid nothing."
    text = client.get(url("recovery", recovery)).content.decode()
    assert "The insurer paid nothing." in text


def test_an_appeal_after_the_deadline_is_refused(client: Client, alice: User, bob: User) -> None:
    claim = paid_claim(alice, bob, "300.00", "300.00")
    old = recovery_of(claim, bob, now=clock.now() - timedelta(weeks=4))
    client = signed_in(client, alice, "en")
    assert "can no longer be appealed" in client.get(url("recovery_appeal", old)).content.decode()
    response = client.post(url("recovery_appeal", old), {"text": "Too late?"})
    assert response.status_code == 400
    old.refresh_from_db()
    assert old.status == RecoveryStatus.OPEN


@pytest.mark.parametrize("name", ["recovery", "recovery_letter_pdf", "recovery_appeal"])
def test_carol_is_refused_alices_recovery(
    client: Client, carol: User, recovery: Recovery, name: str
) -> None:
    assert signed_in(client, carol, "en").get(url(name, recovery)).status_code == 404


def test_carol_cannot_appeal_alices_recovery(
    client: Client, carol: User, recovery: Recovery
) -> None:
    response = signed_in(client, carol, "en").post(url("recovery_appeal", recovery), {"text": "x"})
    assert response.status_code == 404
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN


@pytest.mark.parametrize("name", ["recovery", "recovery_letter_pdf", "recovery_appeal"])
def test_a_caseworker_gets_no_recovery_letter_in_the_portal(
    client: Client, bob: User, recovery: Recovery, name: str
) -> None:
    assert signed_in(client, bob, "en").get(url(name, recovery)).status_code == 404


def test_a_stranger_is_sent_to_sign_in(client: Client, recovery: Recovery) -> None:
    response = client.get(url("recovery", recovery))
    assert response.status_code == 302 and "login" in response["Location"]


def list_queries(client: Client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("portal:recoveries"))
    return len(queries), page.content.decode()


def test_the_list_asks_the_same_questions_for_one_recovery_or_three(
    fiona: User, client: Client, alice: User, bob: User, recovery: Recovery
) -> None:
    client = signed_in(client, alice, "en")
    one, _ = list_queries(client)
    part_paid = recovery_of(recovery.claim, bob, "30.00", now=clock.now())
    recoveries.record_repayment(part_paid, by=fiona, amount_nok=Decimal("10.00"))
    paid_back = recovery_of(recovery.claim, bob, "20.00", now=clock.now())
    recoveries.record_repayment(paid_back, by=fiona, amount_nok=Decimal("20.00"))
    three, text = list_queries(client)
    assert three == one
    still_owed = {
        reference: text[text.index(reference) :].split("</tr>")[0].rsplit(">NOK ", 1)[1].strip()
        for reference in (recovery.reference, part_paid.reference, paid_back.reference)
    }
    assert still_owed == {
        recovery.reference: "60.00</td>",
        part_paid.reference: "20.00</td>",
        paid_back.reference: "0.00</td>",
    }
    assert "In all you owe: NOK 80.00" in text


def test_alice_sees_the_rest_written_off_and_that_she_owes_nothing_more(
    fiona: User, client: Client, alice: User, recovery: Recovery
) -> None:
    recoveries.record_repayment(recovery, by=fiona, amount_nok=Decimal("15.00"))
    recoveries.write_off(recovery, by=fiona, reason="Internal: not worth collecting.")
    client = signed_in(client, alice, "en")

    text = client.get(url("recovery", recovery)).content.decode()
    assert '<span id="recovery-status">Written off</span>' in text
    assert (
        "The rest of this claim for repayment, NOK 45.00, has been written off. "
        "You owe nothing more on it"
    ) in text
    assert "You still owe" not in text
    assert "Internal: not worth collecting." not in text  # the reason is the office's
    assert url("recovery_appeal", recovery) not in text
    listing = client.get(reverse("portal:recoveries")).content.decode()
    assert "In all you owe: NOK 0.00" in listing and "Written off" in listing
    home = client.get(reverse("portal:home")).content.decode()
    assert "You owe nothing now." in home


def test_in_norwegian_the_letter_says_avskrevet(
    fiona: User, client: Client, alice: User, recovery: Recovery
) -> None:
    recoveries.write_off(recovery, by=fiona, reason="Lite beløp.")
    text = signed_in(client, alice, "nb").get(url("recovery", recovery)).content.decode()
    assert '<span id="recovery-status">Avskrevet</span>' in text
    assert "Resten av tilbakekrevingen, kr 60,00, er avskrevet." in text
    assert "Lite beløp." not in text


def test_the_pdf_letter_says_the_rest_is_written_off(
    fiona: User, client: Client, alice: User, recovery: Recovery
) -> None:
    recoveries.write_off(recovery, by=fiona, reason="Not worth collecting.")
    response = signed_in(client, alice, "en").get(url("recovery_letter_pdf", recovery))
    text = " ".join(pdf_text(response.content).split())
    assert "has been written off" in text
    assert "Not worth collecting." not in text


def test_the_appeal_page_of_a_written_off_recovery_says_why_there_is_no_form(
    fiona: User, client: Client, alice: User, recovery: Recovery
) -> None:
    recoveries.write_off(recovery, by=fiona, reason="Small amount.")
    client = signed_in(client, alice, "en")
    text = client.get(url("recovery_appeal", recovery)).content.decode()
    assert "As the rest has been written off" in text and "<textarea" not in text
    response = client.post(url("recovery_appeal", recovery), {"text": "I disagree."})
    assert response.status_code == 400
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.WRITTEN_OFF and recovery.appealed_at is None
