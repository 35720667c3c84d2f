"""``manage.py demo``: what ``make run`` shows a new user."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from refusjon.claims.models import Claim, ClaimStatus, User


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
    assert User.objects.filter(groups__name="caseworkers").count() == 2
    assert User.objects.filter(is_superuser=True).exists()
    for login in ("alice", "sindre", "hanna", "bob", "dave", "admin"):
        assert login in out.getvalue()


@pytest.mark.django_db
def test_loading_demo_data_twice_changes_nothing() -> None:
    call_command("demo", stdout=StringIO())
    claims = Claim.objects.count()
    call_command("demo", stdout=StringIO())
    assert Claim.objects.count() == claims
