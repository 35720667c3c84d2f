"""The fixed cast: alice and carol are students, bob and dave caseworkers."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Group

from refusjon.claims.models import Institution, StudentProfile, User


def student(username: str, person_id: str) -> User:
    user = User.objects.create_user(username, password="correct horse battery staple")
    uio, _ = Institution.objects.get_or_create(
        code="uio", defaults={"name": "Universitetet i Oslo", "welfare_organisation": "sio"}
    )
    StudentProfile.objects.create(
        user=user,
        person_id=person_id,
        birth_date=date(2001, 4, 9),
        institution=uio,
        semester_fee_paid=True,
        registered_student=True,
        sio_gp=True,
    )
    return user


def caseworker(username: str) -> User:
    user = User.objects.create_user(username, password="correct horse battery staple")
    group, _ = Group.objects.get_or_create(name="caseworkers")
    user.groups.add(group)
    return user


@pytest.fixture
def alice(db: None) -> User:
    return student("alice", "P-ALICE")


@pytest.fixture
def carol(db: None) -> User:
    return student("carol", "P-CAROL")


@pytest.fixture
def bob(db: None) -> User:
    return caseworker("bob")


@pytest.fixture
def dave(db: None) -> User:
    return caseworker("dave")
