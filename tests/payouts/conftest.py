"""The cast for payouts: alice (Norwegian account) and carol (account abroad) are students,
bob and dave caseworkers, fiona a caseworker with the finance role."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from refusjon.claims.models import Claim, StudentProfile, User
from tests.claims.conftest import alice, bob, carol, caseworker, dave  # noqa: F401
from tests.factories import NOW, decide, sio_claim

ALICE_ACCOUNT = "86011117947"  # a Norwegian account number with a real check digit
CAROL_IBAN = "GB82WEST12345698765432"
CAROL_BIC = "DEUTDEFF"


@pytest.fixture
def fiona(db: None) -> User:
    user = caseworker("fiona")
    finance, _ = Group.objects.get_or_create(name="finance")
    user.groups.add(finance)
    return user


def with_account(student: User) -> User:
    """The student with an account to pay to: a Norwegian one for alice, IBAN for others."""
    profile = StudentProfile.objects.get(user=student)
    if student.get_username() == "alice":
        profile.bank_account = ALICE_ACCOUNT
    else:
        profile.iban, profile.bic = CAROL_IBAN, CAROL_BIC
    profile.save()
    return student


def decided_claim(student: User, caseworker: User, *amounts: str) -> Claim:
    """A SiO claim for 2026 decided as the engine proposes (600 → NOK 110 refund, ...)."""
    claim = sio_claim(student, *amounts, now=NOW)
    decide(claim, student, caseworker, now=NOW)
    claim.refresh_from_db()
    return claim
