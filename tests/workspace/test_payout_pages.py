"""The payout pages: prepare a run, review it, freeze it, take its bank file, and bring in the
bank's answer; caseworkers may look, only the finance role changes anything."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pytest_django import DjangoAssertNumQueries

from refusjon.claims.models import AuditEntry, Claim, ClaimStatus, User
from refusjon.payouts import services as payouts
from refusjon.payouts.models import Payment, PaymentStatus, PayoutRun, RunStatus
from refusjon.workspace.payouts import next_business_day
from tests.claims.conftest import caseworker
from tests.payouts.conftest import ALICE_ACCOUNT, decided_claim, with_account
from tests.payouts.files import Tx, pain002
from tests.workspace.conftest import NOW, signed_in
from tests.workspace.test_reports import claim_row, payment_row, run_row


@pytest.fixture
def fiona(db: None) -> User:
    """A caseworker with the finance role."""
    user = caseworker("fiona")
    user.groups.add(Group.objects.get_or_create(name="finance")[0])
    return user


@pytest.fixture
def alice_to_pay(alice: User, bob: User) -> Claim:
    """A claim of alice's decided at NOK 110, with an account to pay to."""
    with_account(alice)
    return decided_claim(alice, bob, "600.00")


def prepared(fiona: User) -> PayoutRun:
    return payouts.build_run("sio", by=fiona, execution_date=date(2026, 11, 23), now=NOW).run


def page_text(response: Any) -> str:
    return str(response.content.decode())


# Who may come in


def _workspace_urls() -> list[tuple[str, dict[str, Any]]]:
    """Every URL of the workspace, with an argument of the right kind for each parameter."""
    resolver = next(
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and entry.namespace == "workspace"
    )
    found = []
    for entry in resolver.url_patterns:
        assert isinstance(entry, URLPattern)
        converters = entry.pattern.converters  # type: ignore[attr-defined]
        kwargs = {
            name: 1 if type(c).__name__ == "IntConverter" else "X-1"
            for name, c in converters.items()
        }
        found.append((f"workspace:{entry.name}", kwargs))
    return found


WORKSPACE_URLS = _workspace_urls()


@pytest.mark.parametrize(("name", "kwargs"), WORKSPACE_URLS, ids=[n for n, _ in WORKSPACE_URLS])
@pytest.mark.parametrize("method", ["get", "post"])
def test_students_are_refused_every_page_of_the_workspace(
    client: Client, alice: User, carol: User, name: str, kwargs: dict[str, Any], method: str
) -> None:
    for student in (alice, carol):
        response = getattr(signed_in(client, student), method)(reverse(name, kwargs=kwargs))
        assert response.status_code == 403


@pytest.mark.parametrize(("name", "kwargs"), WORKSPACE_URLS, ids=[n for n, _ in WORKSPACE_URLS])
def test_anonymous_visitors_are_sent_to_sign_in_from_every_page(
    client: Client, name: str, kwargs: dict[str, Any]
) -> None:
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_new_pages_are_among_those_walked() -> None:
    names = {name for name, _kwargs in WORKSPACE_URLS}
    assert {"workspace:payouts", "workspace:payout_run", "workspace:reports"} <= names


FINANCE_ONLY = [
    ("post", "workspace:payout_prepare", {}),
    ("post", "workspace:payout_answer", {}),
    ("get", "workspace:payout_freeze", {"reference": "run"}),
    ("post", "workspace:payout_freeze", {"reference": "run"}),
    ("post", "workspace:payout_discard", {"reference": "run"}),
    ("get", "workspace:payout_bank_file", {"reference": "run"}),
    ("post", "workspace:payout_withdraw", {"reference": "run", "end_to_end_id": "payment"}),
]


@pytest.mark.parametrize(("method", "name", "kwargs"), FINANCE_ONLY)
def test_a_caseworker_without_the_finance_role_may_look_but_not_change(
    client: Client,
    bob: User,
    dave: User,
    fiona: User,
    alice_to_pay: Claim,
    method: str,
    name: str,
    kwargs: dict[str, str],
) -> None:
    run = prepared(fiona)
    payment = run.payments.get()
    values = {"run": run.reference, "payment": payment.end_to_end_id}
    url = reverse(name, kwargs={key: values[value] for key, value in kwargs.items()})
    data = {"scheme": "sio", "execution_date": "2026-11-24", "reason": "x"}
    response = getattr(signed_in(client, dave), method)(url, data)
    assert response.status_code == 403
    run.refresh_from_db()
    payment.refresh_from_db()
    assert (run.status, payment.status) == (RunStatus.OPEN, PaymentStatus.PENDING)
    assert client.get(reverse("workspace:payout_run", args=[run.reference])).status_code == 200
    assert client.get(reverse("workspace:payouts")).status_code == 200


def test_the_navigation_leads_caseworkers_to_payouts_and_reports(
    client: Client, bob: User, alice: User
) -> None:
    page = page_text(signed_in(client, bob).get(reverse("workspace:queue")))
    assert reverse("workspace:payouts") in page and reverse("workspace:reports") in page
    page = page_text(signed_in(Client(), alice).get(reverse("portal:home")))
    assert reverse("workspace:payouts") not in page


# The list of runs and preparing one


def test_the_payment_date_offered_is_the_next_weekday() -> None:
    assert next_business_day(date(2026, 11, 19)) == date(2026, 11, 20)  # Thursday → Friday
    assert next_business_day(date(2026, 11, 20)) == date(2026, 11, 23)  # Friday → Monday
    assert next_business_day(date(2026, 11, 21)) == date(2026, 11, 23)


def test_fiona_is_offered_to_prepare_a_run_for_the_next_weekday(
    client: Client, fiona: User, bob: User
) -> None:
    response = signed_in(client, fiona).get(reverse("workspace:payouts"))
    assert response.context["prepare_form"].initial["execution_date"] == date(2026, 11, 23)
    assert "Import the bank's answer" in page_text(response)
    response = signed_in(Client(), bob).get(reverse("workspace:payouts"))
    assert response.context["prepare_form"] is None
    assert "needs the finance role" in page_text(response)


def test_fiona_prepares_the_run_and_sees_what_is_held_back_and_why(
    client: Client, fiona: User, carol: User, bob: User, alice_to_pay: Claim
) -> None:
    without_account = decided_claim(carol, bob, "600.00")
    response = signed_in(client, fiona).post(
        reverse("workspace:payout_prepare"), {"scheme": "sio", "execution_date": "2026-11-23"}
    )
    assert response.status_code == 200
    run = PayoutRun.objects.get(status=RunStatus.OPEN)
    assert run.execution_date == date(2026, 11, 23)
    assert run.payments.get().student.get_username() == "alice"
    page = page_text(response)
    assert "1 decision was added to the run." in page
    assert without_account.reference in page
    assert "The student has not given an account to pay to." in page
    assert reverse("workspace:payout_run", args=[run.reference]) in page


def test_a_prepare_without_a_date_changes_nothing(client: Client, fiona: User) -> None:
    response = signed_in(client, fiona).post(reverse("workspace:payout_prepare"), {"scheme": "sio"})
    assert response.status_code == 302
    assert not PayoutRun.objects.exists()


def test_the_list_shows_each_run_with_its_count_total_and_who_froze_it(
    client: Client, fiona: User, bob: User, alice_to_pay: Claim
) -> None:
    run = payouts.freeze_run(prepared(fiona), by=fiona, now=NOW)
    response = signed_in(client, bob).get(reverse("workspace:payouts"))
    listed = list(response.context["page"])
    assert [(r.reference, r.payments_in_run, r.paid_out_nok) for r in listed] == [
        (run.reference, 1, Decimal("110.00"))
    ]
    page = page_text(response)
    assert "Frozen; bank file made" in page
    assert "2026-11-02" in page and "fiona" in page


def test_the_list_asks_the_database_the_same_few_questions_for_many_runs(
    client: Client,
    alice: User,
    bob: User,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    signed_in(client, bob)
    run_row(bob)
    with django_assert_max_num_queries(8):
        client.get(reverse("workspace:payouts"))
    for _ in range(20):
        payment_row(run_row(bob), alice, (claim_row(alice), "10.00"))
    with django_assert_max_num_queries(8):
        client.get(reverse("workspace:payouts"))


# Reviewing a run


def test_the_review_shows_masked_accounts_and_the_claims_and_logs_the_look(
    client: Client, fiona: User, bob: User, alice_to_pay: Claim
) -> None:
    run = prepared(fiona)
    response = signed_in(client, bob).get(reverse("workspace:payout_run", args=[run.reference]))
    assert response.status_code == 200
    page = page_text(response)
    assert "•••••••7947" in page
    assert ALICE_ACCOUNT not in page
    assert reverse("workspace:claim", args=[alice_to_pay.reference]) in page
    assert "110.00" in page
    entry = AuditEntry.objects.get(action="payouts.run.viewed")
    assert entry.actor == bob
    assert entry.purpose == "payout review"
    assert entry.data["run"] == run.reference
    assert entry.data["payments"] == [run.payments.get().end_to_end_id]


def test_an_account_abroad_shows_its_last_four_and_bic(
    client: Client, fiona: User, carol: User, bob: User
) -> None:
    with_account(carol)
    decided_claim(carol, bob, "600.00")
    run = prepared(fiona)
    page = page_text(
        signed_in(client, bob).get(reverse("workspace:payout_run", args=[run.reference]))
    )
    assert "••••••••••••••••••5432 (DEUTDEFF)" in page
    assert "GB82WEST12345698765432" not in page


def test_only_finance_is_offered_to_change_an_open_run(
    client: Client, fiona: User, bob: User, alice_to_pay: Claim
) -> None:
    run = prepared(fiona)
    url = reverse("workspace:payout_run", args=[run.reference])
    freeze = reverse("workspace:payout_freeze", args=[run.reference])
    assert freeze in page_text(signed_in(client, fiona).get(url))
    assert freeze not in page_text(signed_in(Client(), bob).get(url))


def test_the_review_asks_the_database_the_same_few_questions_for_many_payments(
    client: Client,
    alice: User,
    bob: User,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    run = run_row(bob, status=RunStatus.OPEN)
    url = reverse("workspace:payout_run", args=[run.reference])
    signed_in(client, bob)
    payment_row(run, alice, (claim_row(alice), "10.00"), status=PaymentStatus.PENDING)
    with django_assert_max_num_queries(11):
        client.get(url)
    for number in range(60):
        student = User.objects.create_user(f"student{number}")
        payment_row(
            run,
            student,
            (claim_row(alice), "10.00"),
            (claim_row(alice), "5.00"),
            status=PaymentStatus.PENDING,
        )
    with django_assert_max_num_queries(11):
        response = client.get(url)
    assert len(response.context["rows"]) == 50
    assert response.context["totals"]["gross"] == Decimal("910.00")


def test_the_review_filters_payments_by_status(
    client: Client, alice: User, carol: User, bob: User
) -> None:
    run = run_row(bob)
    payment_row(run, alice, (claim_row(alice), "10.00"))
    rejected = payment_row(run, carol, (claim_row(carol), "20.00"), status=PaymentStatus.REJECTED)
    response = signed_in(client, bob).get(
        reverse("workspace:payout_run", args=[run.reference]), {"status": "rejected"}
    )
    assert [row["payment"] for row in response.context["rows"]] == [rejected]


def test_an_unknown_run_is_not_found(client: Client, bob: User) -> None:
    response = signed_in(client, bob).get(reverse("workspace:payout_run", args=["PR-none"]))
    assert response.status_code == 404


# Changing a run


def test_fiona_takes_a_payment_out_with_a_reason(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = prepared(fiona)
    payment = run.payments.get()
    url = reverse("workspace:payout_withdraw", args=[run.reference, payment.end_to_end_id])
    response = signed_in(client, fiona).post(url, {"reason": "The student asked us to wait."})
    assert response.status_code == 302
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.WITHDRAWN
    assert payment.status_reason == "The student asked us to wait."


def test_taking_a_payment_out_without_a_reason_is_refused_with_a_message(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = prepared(fiona)
    payment = run.payments.get()
    url = reverse("workspace:payout_withdraw", args=[run.reference, payment.end_to_end_id])
    response = signed_in(client, fiona).post(url, {"reason": ""}, follow=True)
    message = "Why is the payment taken out?: Say why the payment is taken out of the run."
    assert message in page_text(response)  # the message names the field
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING


def test_fiona_discards_a_run_and_its_claims_are_free_for_the_next(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = prepared(fiona)
    response = signed_in(client, fiona).post(
        reverse("workspace:payout_discard", args=[run.reference]), follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("workspace:payouts")
    assert "is discarded" in page_text(response)
    run.refresh_from_db()
    assert run.status == RunStatus.DISCARDED


def test_freezing_asks_first_and_changes_nothing_until_confirmed(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = prepared(fiona)
    response = signed_in(client, fiona).get(
        reverse("workspace:payout_freeze", args=[run.reference])
    )
    assert response.status_code == 200
    assert "The run pays 1 student NOK 110.00 on 2026-11-23." in page_text(response)
    run.refresh_from_db()
    assert run.status == RunStatus.OPEN


def test_fiona_freezes_the_run_and_the_bank_file_is_made(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = prepared(fiona)
    response = signed_in(client, fiona).post(
        reverse("workspace:payout_freeze", args=[run.reference]), follow=True
    )
    assert "the bank file has 1 payment, NOK 110.00" in page_text(response)
    run.refresh_from_db()
    assert run.status == RunStatus.FROZEN
    assert run.frozen_by == fiona
    assert run.bank_file.startswith("<?xml")
    assert run.payments.get().status == PaymentStatus.SENT
    page = page_text(response)
    assert reverse("workspace:payout_bank_file", args=[run.reference]) in page


def test_a_refused_change_is_a_message_not_an_error_page(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = payouts.freeze_run(prepared(fiona), by=fiona, now=NOW)
    response = signed_in(client, fiona).post(
        reverse("workspace:payout_discard", args=[run.reference]), follow=True
    )
    assert response.status_code == 200
    assert "can no longer be changed" in page_text(response)
    run.refresh_from_db()
    assert run.status == RunStatus.FROZEN


def test_freezing_a_frozen_run_again_changes_nothing(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = payouts.freeze_run(prepared(fiona), by=fiona, now=NOW)
    signed_in(client, fiona).post(reverse("workspace:payout_freeze", args=[run.reference]))
    again = PayoutRun.objects.get(pk=run.pk)
    assert (again.frozen_at, again.bank_file_sha256) == (run.frozen_at, run.bank_file_sha256)


# The bank file and the bank's answer


def test_fiona_downloads_the_bank_file_and_the_download_is_logged(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = payouts.freeze_run(prepared(fiona), by=fiona, now=NOW)
    response = signed_in(client, fiona).get(
        reverse("workspace:payout_bank_file", args=[run.reference])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response["Content-Disposition"] == f'attachment; filename="{run.reference}.xml"'
    assert response.content == run.bank_file.encode()
    assert ALICE_ACCOUNT.encode() in response.content
    entry = AuditEntry.objects.get(action="payouts.run.bank_file_downloaded")
    assert entry.actor == fiona
    assert entry.data == {"run": run.reference, "sha256": run.bank_file_sha256}


def test_an_open_run_has_no_bank_file(client: Client, fiona: User, alice_to_pay: Claim) -> None:
    run = prepared(fiona)
    response = signed_in(client, fiona).get(
        reverse("workspace:payout_bank_file", args=[run.reference])
    )
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="payouts.run.bank_file_downloaded").exists()


def upload(content: bytes) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("answer.xml", content, content_type="application/xml")}


def test_fiona_imports_the_banks_answer_and_sees_what_it_did(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = payouts.freeze_run(prepared(fiona), by=fiona, now=NOW)
    payment = run.payments.get()
    answer = pain002(
        Tx(payment.end_to_end_id, "ACSC"),
        Tx("NOT-OURS-1", "ACSC"),
        original_message_id=run.reference,
    )
    response = signed_in(client, fiona).post(reverse("workspace:payout_answer"), upload(answer))
    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary.paid, summary.unknown) == (1, 1)
    page = page_text(response)
    assert payment.end_to_end_id in page and "NOT-OURS-1" in page
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    alice_to_pay.refresh_from_db()
    assert alice_to_pay.status == ClaimStatus.PAID

    again = client.post(reverse("workspace:payout_answer"), upload(answer))
    assert "This file was imported before: nothing changed." in page_text(again)


def test_a_rejection_is_shown_with_the_banks_reason(
    client: Client, fiona: User, alice_to_pay: Claim
) -> None:
    run = payouts.freeze_run(prepared(fiona), by=fiona, now=NOW)
    payment = run.payments.get()
    answer = pain002(Tx(payment.end_to_end_id, "RJCT", "AC04"), original_message_id=run.reference)
    response = signed_in(client, fiona).post(reverse("workspace:payout_answer"), upload(answer))
    assert response.context["summary"].rejected == 1
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REJECTED
    review = client.get(
        reverse("workspace:payout_run", args=[run.reference]), {"status": "rejected"}
    )
    assert "AC04" in page_text(review)


def test_a_file_that_is_not_a_bank_answer_is_refused_with_a_message(
    client: Client, fiona: User
) -> None:
    response = signed_in(client, fiona).post(
        reverse("workspace:payout_answer"), upload(b"<not-a-bank-answer/>"), follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("workspace:payouts")
    assert len(list(response.context["messages"])) == 1
    assert not Payment.objects.exists()
