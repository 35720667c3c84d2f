"""The fixed cast: alice and carol are students, bob and dave caseworkers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import Group

from refusjon.claims.models import Institution, StudentProfile, User

# Places of study: (code, name, the welfare organisation by the scheme it runs).
UIO = ("uio", "Universitetet i Oslo", "sio")
UIS = ("uis", "Universitetet i Stavanger", "sis")


def student(
    username: str, person_id: str, *, place: tuple[str, str, str] = UIO, **facts: Any
) -> User:
    """A registered student who has paid the semester fee, at ``place`` (UiO, with a regular GP
    at SiO, unless told); ``facts`` set the profile's other fields, or the user's names."""
    names = {key: facts.pop(key) for key in ("first_name", "last_name") if key in facts}
    user = User.objects.create_user(username, password="correct horse battery staple", **names)
    code, name, organisation = place
    institution, _ = Institution.objects.get_or_create(
        code=code, defaults={"name": name, "welfare_organisation": organisation}
    )
    StudentProfile.objects.create(
        user=user,
        person_id=person_id,
        birth_date=date(2001, 4, 9),
        institution=institution,
        semester_fee_paid=True,
        registered_student=True,
        **{"sio_gp": True, **facts},
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
