"""``manage.py demo``: what ``make run`` shows a new user."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from refusjon.claims.models import Claim, ClaimStatus, User
from refusjon.payouts.models import PaymentStatus, PayoutRun, RunStatus


@pytest.mark.django_db
def test_demo_data_has_a_student_per_scheme_with_claims_in_several_states() -> None:
    out = StringIO()
    call_command("demo", stdout=out)
    schemes = set(Claim.objects.values_list("scheme", flat=True))
    assert schemes == {"sio", "ssn", "helfo_abroad"}
    statuses = set(Claim.objects.values_list("status", flat=True))
    assert {
        ClaimStatus.DRAFT,
        ClaimStatus.SUBMITTED,
        ClaimStatus.RETURNED,
        ClaimStatus.DECIDED,
    } <= statuses
    assert User.objects.filter(groups__name="caseworkers").count() == 3
    assert User.objects.filter(is_superuser=True).exists()
    for login in ("alice", "jonas", "sindre", "hanna", "bob", "dave", "fiona", "admin"):
        assert login in out.getvalue()


@pytest.mark.django_db
def test_demo_data_has_a_finance_user_a_frozen_run_and_claims_ready_for_the_next() -> None:
    call_command("demo", stdout=StringIO())
    assert list(User.objects.filter(groups__name="finance").values_list("username", flat=True)) == [
        "fiona"
    ]
    run = PayoutRun.objects.get()
    assert run.status == RunStatus.FROZEN
    assert run.bank_file
    outcomes = dict(run.payments.values_list("student__username", "status"))
    assert outcomes == {"alice": PaymentStatus.PAID, "jonas": PaymentStatus.REJECTED}
    ready = Claim.objects.filter(status=ClaimStatus.DECIDED).exclude(payment_lines__active=True)
    assert {claim.applicant.get_username() for claim in ready} >= {"alice", "sindre"}


@pytest.mark.django_db
def test_loading_demo_data_twice_changes_nothing() -> None:
    call_command("demo", stdout=StringIO())
    claims = Claim.objects.count()
    call_command("demo", stdout=StringIO())
    assert Claim.objects.count() == claims
