"""Recoveries in the workspace: bob claims back part of alice's paid refund from the claim's
page; dave handles her appeal; repayments are registered; the open debts add up. Students get
none of it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from refusjon.claims.models import AuditEntry, Claim, User
from refusjon.payouts import recoveries
from refusjon.payouts.models import Recovery, RecoveryStatus
from refusjon.workspace import recoveries as recovery_views
from tests.payouts.test_recoveries import SOURCE, paid_claim, recovery_of
from tests.workspace.conftest import signed_in


@pytest.fixture
def paid(alice: User, bob: User) -> Claim:
    return paid_claim(alice, bob, "300.00", "300.00")  # NOK 110 paid


@pytest.fixture
def recovery(paid: Claim, bob: User) -> Recovery:
    return recovery_of(paid, bob, "60.00")


def url(name: str, reference: str) -> str:
    return reverse(f"workspace:{name}", kwargs={"reference": reference})


def test_a_paid_claims_page_offers_to_claim_back(client: Client, bob: User, paid: Claim) -> None:
    page = signed_in(client, bob).get(url("claim", paid.reference))
    assert url("open_recovery", paid.reference) in page.content.decode()


def test_bob_claims_back_part_of_the_refund(client: Client, bob: User, paid: Claim) -> None:
    client = signed_in(client, bob)
    form = client.get(url("open_recovery", paid.reference)).content.decode()
    assert 'id="recoverable">NOK 110.00<' in form
    assert "Forvaltningsloven § 35" in form  # a typical source offered
    response = client.post(
        url("open_recovery", paid.reference),
        {"amount_nok": "60.00", "reason": "Paid twice.", "source": SOURCE},
    )
    recovery = Recovery.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("recovery", recovery.reference)
    assert recovery.amount_nok == Decimal("60.00") and recovery.opened_by == bob


def test_more_than_was_paid_is_refused_with_the_reason(
    client: Client, bob: User, paid: Claim
) -> None:
    response = signed_in(client, bob).post(
        url("open_recovery", paid.reference),
        {"amount_nok": "500.00", "reason": "Paid twice.", "source": SOURCE},
    )
    assert response.status_code == 400
    assert "At most NOK 110.00" in response.content.decode()
    assert not Recovery.objects.exists()


def test_a_reason_and_a_source_are_asked_for(client: Client, bob: User, paid: Claim) -> None:
    response = signed_in(client, bob).post(
        url("open_recovery", paid.reference), {"amount_nok": "10.00"}
    )
    assert response.status_code == 400
    assert not Recovery.objects.exists()


def test_the_recovery_page_is_logged_as_a_view(
    client: Client, dave: User, recovery: Recovery
) -> None:
    page = signed_in(client, dave).get(url("recovery", recovery.reference))
    text = page.content.decode()
    assert page.status_code == 200
    assert SOURCE in text and 'id="recovery-remaining">NOK 60.00<' in text
    entry = AuditEntry.objects.filter(action="claims.claim.viewed", actor=dave).get()
    assert entry.claim == recovery.claim and entry.purpose == "case handling"


def test_dave_handles_alices_appeal(
    client: Client, alice: User, dave: User, recovery: Recovery
) -> None:
    recoveries.appeal_recovery(recovery, by=alice, text="I paid it myself.")
    client = signed_in(client, dave)
    page = client.get(url("recovery", recovery.reference)).content.decode()
    assert "I paid it myself." in page
    assert url("recovery_appeal", recovery.reference) in page
    client.post(
        url("recovery_appeal", recovery.reference),
        {"outcome": "reduce", "amount_nok": "30.00", "note": "Partly right."},
    )
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN and recovery.amount_nok == Decimal("30.00")


def test_bob_who_opened_it_is_not_offered_the_appeal(
    client: Client, alice: User, bob: User, recovery: Recovery
) -> None:
    recoveries.appeal_recovery(recovery, by=alice, text="I paid it myself.")
    client = signed_in(client, bob)
    page = client.get(url("recovery", recovery.reference)).content.decode()
    assert url("recovery_appeal", recovery.reference) not in page
    client.post(url("recovery_appeal", recovery.reference), {"outcome": "cancel", "note": "x"})
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.APPEALED


def test_a_repayment_is_registered(client: Client, fiona: User, recovery: Recovery) -> None:
    signed_in(client, fiona).post(
        url("recovery_repayment", recovery.reference), {"amount_nok": "60.00"}
    )
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.SETTLED


def test_bob_without_the_finance_role_is_told_why_he_cannot_register_money(
    client: Client, bob: User, recovery: Recovery
) -> None:
    client = signed_in(client, bob)
    page = client.get(url("recovery", recovery.reference)).content.decode()
    assert url("recovery_repayment", recovery.reference) not in page
    assert "Only someone with the finance role can register a repayment." in page
    client.post(url("recovery_repayment", recovery.reference), {"amount_nok": "60.00"})
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN
    assert not recovery.settlements.exists()


def test_the_finance_caseworker_who_opened_a_recovery_does_not_also_settle_it(
    client: Client, fiona: User, paid: Claim
) -> None:
    opened = recoveries.open_recovery(
        paid, by=fiona, amount_nok=Decimal("60.00"), reason="Paid twice.", source="§ 35"
    )
    client = signed_in(client, fiona)
    page = client.get(url("recovery", opened.reference)).content.decode()
    assert url("recovery_repayment", opened.reference) not in page
    assert "You opened this recovery: someone else with the finance role" in page
    client.post(url("recovery_repayment", opened.reference), {"amount_nok": "60.00"})
    assert not opened.settlements.exists()


def test_open_debts_oldest_first_with_a_total(
    fiona: User, client: Client, bob: User, carol: User, recovery: Recovery
) -> None:
    other = recovery_of(paid_claim(carol, bob, "300.00", "300.00"), bob, "40.00")
    recoveries.record_repayment(other, by=fiona, amount_nok=Decimal("15.00"))
    client = signed_in(client, bob)
    text = client.get(reverse("workspace:open_debts")).content.decode()
    assert text.index(recovery.reference) < text.index(other.reference)
    assert 'id="debts-total">85.00<' in text
    text = client.get(reverse("workspace:open_debts"), {"scheme": "ssn"}).content.decode()
    assert recovery.reference not in text and "No open debts." in text


@pytest.mark.parametrize("user", ["alice", "carol"])
def test_students_are_refused_the_workspace_pages(
    client: Client, recovery: Recovery, user: str, request: pytest.FixtureRequest
) -> None:
    client = signed_in(client, request.getfixturevalue(user))
    reference = recovery.reference
    assert client.get(url("recovery", reference)).status_code == 403
    assert client.get(url("open_recovery", recovery.claim.reference)).status_code == 403
    assert client.get(reverse("workspace:open_debts")).status_code == 403
    assert (
        client.post(url("recovery_repayment", reference), {"amount_nok": "60"}).status_code == 403
    )
    assert (
        client.post(
            url("recovery_appeal", reference), {"outcome": "cancel", "note": "x"}
        ).status_code
        == 403
    )
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN


def test_a_repayment_without_an_amount_names_the_field(
    client: Client, bob: User, recovery: Recovery
) -> None:
    response = signed_in(client, bob).post(
        url("recovery_repayment", recovery.reference), {"amount_nok": ""}, follow=True
    )
    assert "Amount paid back (NOK): This field is required." in response.content.decode()
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN


def test_open_debts_come_a_page_at_a_time_and_each_look_is_logged(
    client: Client, bob: User, carol: User, recovery: Recovery, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery_views, "DEBTS_PAGE_SIZE", 1)
    other = recovery_of(paid_claim(carol, bob, "300.00", "300.00"), bob, "40.00")
    client = signed_in(client, bob)
    first = client.get(reverse("workspace:open_debts"), {"scheme": "sio"}).content.decode()
    assert recovery.reference in first and other.reference not in first
    assert 'id="debts-total">100.00<' in first  # the total is of every page
    assert "?scheme=sio&amp;page=2" in first
    second = client.get(reverse("workspace:open_debts"), {"scheme": "sio", "page": "2"})
    assert other.reference in second.content.decode()
    looks = AuditEntry.objects.filter(action="payouts.recovery.debts_viewed").order_by("pk")
    assert [(entry.actor, entry.purpose) for entry in looks] == [
        (bob, "debt follow-up"),
        (bob, "debt follow-up"),
    ]
    assert [entry.data["recoveries"] for entry in looks] == [
        [recovery.reference],
        [other.reference],
    ]
    assert [entry.data["page"] for entry in looks] == [1, 2]


def test_fiona_writes_off_the_rest_from_the_recovery_page(
    client: Client, fiona: User, recovery: Recovery
) -> None:
    client = signed_in(client, fiona)
    page = client.get(url("recovery", recovery.reference)).content.decode()
    assert url("recovery_write_off", recovery.reference) in page
    response = client.post(
        url("recovery_write_off", recovery.reference),
        {"reason": "Cannot be collected.", "confirm": "on"},
        follow=True,
    )
    text = response.content.decode()
    assert "The rest of the recovery is written off." in text
    assert '<dd id="recovery-status">Written off</dd>' in text
    assert '<dd id="recovery-written-off">NOK 60.00</dd>' in text
    assert "Written off: Cannot be collected." in text  # the reason, for the staff
    assert url("recovery_write_off", recovery.reference) not in text
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.WRITTEN_OFF


def test_a_write_off_asks_for_the_reason_and_the_confirmation(
    client: Client, fiona: User, recovery: Recovery
) -> None:
    client = signed_in(client, fiona)
    text = client.post(
        url("recovery_write_off", recovery.reference), {"reason": " ", "confirm": "on"}, follow=True
    ).content.decode()
    assert "Reason for the write-off (kept in the log; the student does not see it): " in text
    client.post(url("recovery_write_off", recovery.reference), {"reason": "Small amount."})
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN
    assert not recovery.settlements.exists()


def test_dave_without_the_finance_role_is_told_why_he_cannot_write_off(
    client: Client, dave: User, recovery: Recovery
) -> None:
    client = signed_in(client, dave)
    page = client.get(url("recovery", recovery.reference)).content.decode()
    assert url("recovery_write_off", recovery.reference) not in page
    assert "Only someone with the finance role can write off a recovery." in page
    client.post(
        url("recovery_write_off", recovery.reference),
        {"reason": "Small amount.", "confirm": "on"},
    )
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN
    assert not recovery.settlements.exists()
    assert not AuditEntry.objects.filter(action="payouts.recovery.written_off").exists()


def test_the_finance_caseworker_who_opened_a_recovery_does_not_also_write_it_off(
    client: Client, fiona: User, paid: Claim
) -> None:
    opened = recoveries.open_recovery(
        paid, by=fiona, amount_nok=Decimal("60.00"), reason="Paid twice.", source="§ 35"
    )
    client = signed_in(client, fiona)
    page = client.get(url("recovery", opened.reference)).content.decode()
    assert url("recovery_write_off", opened.reference) not in page
    assert "You opened this recovery: someone else with the finance role writes it off." in page
    client.post(url("recovery_write_off", opened.reference), {"reason": "Small.", "confirm": "on"})
    opened.refresh_from_db()
    assert opened.status == RecoveryStatus.OPEN and not opened.settlements.exists()


def test_a_written_off_debt_leaves_the_open_debts(
    client: Client, fiona: User, bob: User, carol: User, recovery: Recovery
) -> None:
    other = recovery_of(paid_claim(carol, bob, "300.00", "300.00"), bob, "40.00")
    recoveries.write_off(recovery, by=fiona, reason="Small amount.")
    text = signed_in(client, bob).get(reverse("workspace:open_debts")).content.decode()
    assert recovery.reference not in text and other.reference in text
    assert 'id="debts-total">40.00<' in text


@pytest.mark.parametrize("user", ["alice", "carol"])
def test_students_cannot_write_off(
    client: Client, recovery: Recovery, user: str, request: pytest.FixtureRequest
) -> None:
    response = signed_in(client, request.getfixturevalue(user)).post(
        url("recovery_write_off", recovery.reference),
        {"reason": "I cannot pay.", "confirm": "on"},
    )
    assert response.status_code == 403
    recovery.refresh_from_db()
    assert recovery.status == RecoveryStatus.OPEN
